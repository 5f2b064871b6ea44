/**
 * Every keyboard shortcut of the profiles screen in one list: the `?` dialog shows it, the
 * menus and tooltips take their hints from it, so what is announced is what the keys do.
 */
import type { KeyboardEvent as ReactKeyboardEvent } from 'react';
import type { Catalog } from '../../i18n/catalogs/en';
import { CLOSE_SHORTCUT, OPEN_SHORTCUT } from './open-close-shortcuts';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const MOD = isMac ? '⌘' : 'Ctrl+';

export const DELETE_SHORTCUT = isMac ? '⌫' : 'Delete';
export const RENAME_SHORTCUT = 'F2';
export const SEARCH_SHORTCUT = `${MOD}F`;
export const UNDO_SHORTCUT = `${MOD}Z`;

/** The shortcut a bulk action answers to in the table, by its id in bulk-actions.ts. */
export const ACTION_SHORTCUTS: Readonly<Record<string, string>> = {
  open: OPEN_SHORTCUT,
  close: CLOSE_SHORTCUT,
  rename: RENAME_SHORTCUT,
  delete: DELETE_SHORTCUT,
};

export interface Shortcut {
  /** Key caps, as printed on keyboards (not translated). */
  keys: string;
  /** What it does: its key under profiles.shortcuts.what in the catalog. */
  what: keyof Catalog['profiles']['shortcuts']['what'];
}

export const SHORTCUT_GROUPS: readonly {
  /** Its title's key under profiles.shortcuts.groups in the catalog. */
  id: keyof Catalog['profiles']['shortcuts']['groups'];
  shortcuts: readonly Shortcut[];
}[] = [
  {
    id: 'anywhere',
    shortcuts: [
      { keys: SEARCH_SHORTCUT, what: 'search' },
      { keys: UNDO_SHORTCUT, what: 'undo' },
      { keys: '?', what: 'help' },
      { keys: 'Esc', what: 'escape' },
    ],
  },
  {
    id: 'table',
    shortcuts: [
      { keys: '↑ ↓', what: 'move' },
      { keys: 'PgUp PgDn', what: 'page' },
      { keys: 'Home End', what: 'ends' },
      { keys: 'Shift+↑ ↓', what: 'range' },
      { keys: 'Space', what: 'toggle' },
      { keys: `${MOD}A`, what: 'all' },
      { keys: 'Esc', what: 'clear' },
      { keys: 'Enter', what: 'edit' },
      { keys: 'Shift+F10, ☰', what: 'menu' },
      { keys: OPEN_SHORTCUT, what: 'open' },
      { keys: CLOSE_SHORTCUT, what: 'close' },
      { keys: RENAME_SHORTCUT, what: 'rename' },
      { keys: DELETE_SHORTCUT, what: 'delete' },
      { keys: `${MOD}C`, what: 'copy' },
    ],
  },
  {
    id: 'headers',
    shortcuts: [
      { keys: 'Enter', what: 'sort' },
      { keys: '← →', what: 'resize' },
    ],
  },
];

/** What a key does in the table beyond moving and selecting: a bulk action, or the menu. */
export function tableCommand(
  e: Pick<ReactKeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey'>,
): 'delete' | 'rename' | 'menu' | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (e.key === 'Delete' || (isMac && e.key === 'Backspace')) return 'delete';
  if (e.key === 'F2' && !e.shiftKey) return 'rename';
  if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) return 'menu';
  return null;
}

/** Whether a key press belongs to a text field (a `?` or Ctrl+F there is the field's). */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  return (
    el.isContentEditable ||
    el.tagName === 'TEXTAREA' ||
    el.tagName === 'SELECT' ||
    (el.tagName === 'INPUT' &&
      !['checkbox', 'radio', 'button', 'submit'].includes((el as HTMLInputElement).type))
  );
}
