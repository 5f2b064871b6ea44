import { describe, expect, it } from 'vitest';
import { BULK_ACTIONS } from '../../../../../renderer/src/features/profiles/bulk/bulk-actions';
import {
  ACTION_SHORTCUTS,
  SHORTCUT_GROUPS,
  tableCommand,
} from '../../../../../renderer/src/features/profiles/shortcuts';

const key = (
  key: string,
  mods: Partial<Record<'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey', boolean>> = {},
) => ({
  key,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('profiles shortcuts', () => {
  it('Delete, F2 and the menu keys are table commands; with a modifier they are not', () => {
    expect(tableCommand(key('Delete'))).toBe('delete');
    expect(tableCommand(key('F2'))).toBe('rename');
    expect(tableCommand(key('F10', { shiftKey: true }))).toBe('menu');
    expect(tableCommand(key('ContextMenu'))).toBe('menu');
    expect(tableCommand(key('F10'))).toBeNull();
    expect(tableCommand(key('Delete', { ctrlKey: true }))).toBeNull();
    expect(tableCommand(key('a'))).toBeNull();
  });

  it('the keys a command answers to are the ones its bulk action and the ? list announce', () => {
    const ids = new Set(BULK_ACTIONS.map((a) => a.id));
    for (const id of Object.keys(ACTION_SHORTCUTS)) expect(ids.has(id), id).toBe(true);
    const listed = new Set(SHORTCUT_GROUPS.flatMap((g) => g.shortcuts.map((s) => s.keys)));
    for (const keys of Object.values(ACTION_SHORTCUTS)) expect(listed.has(keys), keys).toBe(true);
    expect(tableCommand(key(ACTION_SHORTCUTS['rename']!))).toBe('rename');
    expect(tableCommand(key(ACTION_SHORTCUTS['delete']!))).toBe('delete');
  });
});
