import { switchLanguage } from './support/i18n';
import { afterEach, describe, expect, it } from 'vitest';
import {
  checkNameTemplate,
  previewNames,
} from '../../../renderer/src/features/profiles/bulk/name-template';
import { toTsv } from '../../../renderer/src/features/profiles/format';
import { panelEdits } from '../../../renderer/src/features/profiles/panel-edits';
import { profile } from '../../fixtures/profile';

describe('name templates', () => {
  it('accepts a template with {n} and previews the first names in table order', () => {
    const check = checkNameTemplate({ template: 'Shop {n}', start: '7', pad: '3' });
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(previewNames(check.value, [profile(1), profile(2)])).toEqual([
      { from: 'Profile 1', to: 'Shop 007' },
      { from: 'Profile 2', to: 'Shop 008' },
    ]);
  });

  it('says what is wrong: a missing {n}, an empty or out-of-range number', () => {
    expect(checkNameTemplate({ template: 'Shop', start: '1', pad: '0' })).toMatchObject({
      ok: false,
      message: 'Template must contain {n}',
    });
    expect(checkNameTemplate({ template: 'Shop {n}', start: '', pad: '0' })).toMatchObject({
      ok: false,
    });
    expect(checkNameTemplate({ template: 'Shop {n}', start: '1', pad: '9' })).toMatchObject({
      ok: false,
      message: 'Pad to digits: a whole number in range',
    });
  });

  afterEach(() => switchLanguage('en'));
  it('says it in the language chosen, the field by its label there', async () => {
    await switchLanguage('zh-CN');
    expect(checkNameTemplate({ template: 'Shop', start: '1', pad: '0' })).toMatchObject({
      message: '模板中必须包含 {n}',
    });
    expect(checkNameTemplate({ template: 'Shop {n}', start: '1', pad: '9' })).toMatchObject({
      message: '补零位数：需为范围内的整数',
    });
  });
});

describe('side panel edits', () => {
  const p = profile(1, { name: 'A', remark: 'r', tags: [{ id: '1', name: 'x' }], groupId: 'g1' });

  it('starts one job per changed field, and none for untouched or unchanged fields', () => {
    expect(panelEdits(p, {})).toEqual([]);
    expect(panelEdits(p, { name: 'A', remark: 'r', tags: ' x ' })).toEqual([]);
    expect(
      panelEdits(p, { name: ' B ', groupId: 'g2', tags: 'x, y', remark: '' }).map((e) => e.action),
    ).toEqual([
      { kind: 'set-name', name: 'B' },
      { kind: 'move-group', groupIds: { ix: 'g2' } },
      { kind: 'set-tags', tags: ['x', 'y'] },
      { kind: 'set-remark', remark: '' },
    ]);
  });

  it('never renames to an empty name', () => {
    expect(panelEdits(p, { name: '   ' })).toEqual([]);
  });
});

describe('text formats', () => {
  it('copies rows as TSV without breaking on tabs or newlines in values', () => {
    expect(toTsv(['Name', 'Remark'], [['A', 'line 1\nline\t2']])).toBe(
      'Name\tRemark\nA\tline 1 line 2',
    );
  });
});
