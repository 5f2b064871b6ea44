/**
 * Every keyboard shortcut of the profiles screen in one list: the `?` dialog shows it, the
 * menus and tooltips take their hints from it, so what is announced is what the keys do.
 */
import type { KeyboardEvent as ReactKeyboardEvent } from 'react';
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
  keys: string;
  what: string;
}

export const SHORTCUT_GROUPS: readonly { title: string; shortcuts: readonly Shortcut[] }[] = [
  {
    title: 'Anywhere on Profiles',
    shortcuts: [
      { keys: SEARCH_SHORTCUT, what: 'Search profiles' },
      { keys: UNDO_SHORTCUT, what: 'Undo the last bulk edit' },
      { keys: '?', what: 'This list of shortcuts' },
      { keys: 'Esc', what: 'Close the menu, the dialog or the profile panel' },
    ],
  },
  {
    title: 'In the table',
    shortcuts: [
      { keys: '↑ ↓', what: 'Move the focus row' },
      { keys: 'PgUp PgDn', what: 'Move the focus row a page' },
      { keys: 'Home End', what: 'Focus the first or the last row' },
      { keys: 'Shift+↑ ↓', what: 'Select a range' },
      { keys: 'Space', what: 'Select or unselect the focus row' },
      { keys: `${MOD}A`, what: 'Select every row the filters show' },
      { keys: 'Esc', what: 'Close the panel, else clear the selection' },
      { keys: 'Enter', what: 'Edit the focus row in the side panel' },
      { keys: 'Shift+F10, ☰', what: 'Actions for the selection (as a right click)' },
      { keys: OPEN_SHORTCUT, what: 'Open the selected profiles' },
      { keys: CLOSE_SHORTCUT, what: 'Close the selected profiles' },
      { keys: RENAME_SHORTCUT, what: 'Rename the selected profiles' },
      { keys: DELETE_SHORTCUT, what: 'Delete the selected profiles' },
      { keys: `${MOD}C`, what: 'Copy the selected rows as TSV' },
    ],
  },
  {
    title: 'Column headers',
    shortcuts: [
      { keys: 'Enter', what: 'Sort by the column (Shift+click adds to the sort)' },
      { keys: '← →', what: 'On a resize handle: narrower, wider' },
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
