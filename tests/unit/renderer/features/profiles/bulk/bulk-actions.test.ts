import { join } from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18next from 'i18next';
import { switchLanguage } from '../../../support/i18n';
import { afterEach, describe, expect, it } from 'vitest';
import type { BulkDialogProps } from '../../../../../../renderer/src/components/bulk-dialog';
import { BulkBar } from '../../../../../../renderer/src/features/profiles/bulk/BulkBar';
import {
  BULK_ACTIONS,
  type BulkAction,
  type BulkActionText,
} from '../../../../../../renderer/src/features/profiles/bulk/bulk-actions';
import { useProfilesUi } from '../../../../../../renderer/src/features/profiles/store';
import { importGraph } from '../../../../../arch/import-cycles';
import { profile } from '../../../../../fixtures/profile';

const root = join(import.meta.dirname, '../../../../../..');
const selected = [profile(1), profile(2), profile(3)];

/**
 * Server-renders the bar. A server render reads a store's initial state (its server
 * snapshot), not the current one, so the open dialog is set there for this render.
 */
function renderBar(actions?: readonly BulkAction[], openDialog: string | null = null): string {
  const initial = useProfilesUi.getInitialState();
  initial.bulkDialog = openDialog;
  try {
    return render(actions);
  } finally {
    initial.bulkDialog = null;
  }
}

function render(actions?: readonly BulkAction[]): string {
  return renderToStaticMarkup(
    createElement(
      QueryClientProvider,
      { client: new QueryClient() },
      createElement(BulkBar, {
        selected,
        hidden: 0,
        connectionsById: new Map(),
        ...(actions ? { actions } : {}),
      }),
    ),
  );
}

const buttons = (html: string) =>
  [...html.matchAll(/<button[^>]*>([^<]*)<\/button>/g)].map((m) => m[1]);

describe('bulk actions', () => {
  it('are one list with unique ids, shown by the bar in its order', () => {
    const ids = BULK_ACTIONS.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(buttons(renderBar())).toEqual([
      'Open',
      'Close',
      'Move to group…',
      'Set remark…',
      'Rename…',
      'Tags…',
      'Edit proxy…',
      'Import proxy list…',
      'Check proxy',
      'Copy…',
      'Export CSV…',
      'Copy to connection…',
      'Run automation…',
      'Delete…',
      'Clear',
    ]);
  });

  afterEach(() => switchLanguage('en'));
  it('are worded in the language chosen: the bar, its count and its menu entries', async () => {
    await switchLanguage('zh-CN');
    const html = renderBar();
    expect(buttons(html).slice(0, 3)).toEqual(['打开', '关闭', '移动到分组…']);
    expect(buttons(html).at(-1)).toBe('取消选择');
    expect(html).toContain('已选 3 个环境');
  });

  it('a new action is one entry (and its catalog string): the bar shows its button and opens its dialog on the selection', () => {
    function StampDialog({ profiles }: BulkDialogProps) {
      return createElement('p', null, `Stamp ${profiles.map((p) => p.key).join(' ')}`);
    }
    // Its label is a catalog string, as every action's is.
    i18next.addResource('en', 'translation', 'bulk.actions.stamp', 'Stamp…');
    const label = 'stamp' as BulkActionText;
    const stamp: BulkAction = { id: 'stamp', label, dialog: StampDialog };
    const actions = [...BULK_ACTIONS, stamp];
    expect(buttons(renderBar(actions)).slice(-2)).toEqual(['Stamp…', 'Clear']);
    expect(renderBar(actions)).not.toContain('<p>');

    expect(renderBar(actions, 'stamp')).toContain('<p>Stamp ix/1 ix/2 ix/3</p>');
    // An action that starts a job at once has no dialog; an unknown id opens nothing.
    expect(renderBar(actions, 'open')).not.toContain('<p>');
    expect(renderBar(actions, 'gone')).not.toContain('<p>');
  });

  it('enabled-when decides each button from the bar state', () => {
    i18next.addResource('en', 'translation', 'bulk.actions.guarded', 'Guarded…');
    const guarded: BulkAction = {
      id: 'guarded',
      label: 'guarded' as BulkActionText,
      enabled: ({ selected: s }) => s.length > 5,
      dialog: () => createElement('p'),
    };
    expect(renderBar([guarded])).toMatch(/<button[^>]*disabled=""[^>]*>Guarded…<\/button>/);
  });

  it('the bar imports no dialog: each comes from the list', () => {
    const bar = join(root, 'renderer/src/features/profiles/bulk/BulkBar.tsx');
    const imports = importGraph([join(root, 'renderer/src')]).get(bar) ?? [];
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.filter((f) => /Dialog\.tsx$|Dialogs\.tsx$/.test(f))).toEqual([]);
  });
});
