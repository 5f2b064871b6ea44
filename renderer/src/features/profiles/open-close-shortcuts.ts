/**
 * The table's open/close shortcuts, in one place so the key handler and the tooltips that
 * announce them cannot drift apart.
 */
import type { KeyboardEvent } from 'react';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const MOD = isMac ? '⌘' : 'Ctrl+';

export const OPEN_SHORTCUT = `${MOD}O`;
export const CLOSE_SHORTCUT = `${MOD}Shift+O`;
/** For aria-keyshortcuts: both spellings, since the handler accepts either modifier. */
export const OPEN_CLOSE_ARIA_KEYS = 'Control+O Control+Shift+O Meta+O Meta+Shift+O';

/** 'open' for Ctrl/Cmd+O, 'close' for Ctrl/Cmd+Shift+O, else null. */
export function openCloseKey(e: KeyboardEvent): 'open' | 'close' | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey || e.key.toLowerCase() !== 'o') return null;
  return e.shiftKey ? 'close' : 'open';
}
