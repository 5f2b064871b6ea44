/** The script editor's error markers, on the editor's own parse of the source. */
import { ensureSyntaxTree } from '@codemirror/language';
import { javascript } from '@codemirror/lang-javascript';
import { EditorState } from '@codemirror/state';
import { beforeEach, describe, expect, it } from 'vitest';
import { SCRIPT_TEMPLATE } from '../../../../../shared/model/automation';
import { scriptDiagnostics } from '../../../../../renderer/src/features/automation/script-lint';
import { speak } from '../../support/i18n';

const NO_DEFAULT_EXPORT =
  'A script exports its function: export default async ({ page, profile, log }) => { … }';

const diagnose = (doc: string) => {
  const state = EditorState.create({ doc, extensions: [javascript()] });
  ensureSyntaxTree(state, state.doc.length, 5000);
  return scriptDiagnostics(state);
};

describe('script error markers', () => {
  beforeEach(() => speak('en'));

  it('the template a new script starts as has none', () => {
    expect(diagnose(SCRIPT_TEMPLATE)).toEqual([]);
  });

  it('marks a syntax error on its line', () => {
    const found = diagnose('export default async ({ page }) => {\n  return page.title(;\n};\n');
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toMatchObject({ severity: 'error', message: 'Syntax error on line 2' });
  });

  it('says a script without a default export is not runnable', () => {
    expect(diagnose('async function main() { return 1; }\n')).toEqual([
      expect.objectContaining({ severity: 'error', message: NO_DEFAULT_EXPORT }),
    ]);
  });
});

describe('script error markers in 简体中文', () => {
  beforeEach(() => speak('zh-CN'));

  it('say where the syntax error is, and what a script must export', () => {
    expect(
      diagnose('export default async ({ page }) => {\n  return page.title(;\n};\n')[0],
    ).toMatchObject({
      message: '第 2 行有语法错误',
    });
    expect(diagnose('async function main() { return 1; }\n')[0]!.message).toMatch(
      /^脚本需要导出其函数/,
    );
  });
});
