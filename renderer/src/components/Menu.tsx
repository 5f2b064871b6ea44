import {
  Fragment,
  useId,
  useLayoutEffect,
  useRef,
  type KeyboardEvent,
  type ReactNode,
  type ToggleEvent,
} from 'react';
import { buttonClass } from './Button';

/** One command of a menu. */
export interface MenuEntry {
  id: string;
  label: string;
  onSelect(): void;
  disabled?: boolean;
  danger?: boolean;
  /** Its keyboard shortcut, shown at the right ("F2"). */
  shortcut?: string;
  /** A line before it, to start a group. */
  divider?: boolean;
}

const panelClass =
  'fixed m-0 max-h-[80vh] min-w-48 overflow-auto rounded-md border border-zinc-200 bg-white p-1 text-[13px] text-zinc-900 shadow-lg dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100';

const enabledItems = (menu: HTMLElement) =>
  [...menu.querySelectorAll<HTMLButtonElement>('[role=menuitem]')].filter((b) => !b.disabled);

/** Arrows move between the enabled items, Home and End jump; Esc is the popover's own. */
function onMenuKeyDown(e: KeyboardEvent<HTMLElement>) {
  const items = enabledItems(e.currentTarget);
  if (items.length === 0) return;
  const at = items.indexOf(document.activeElement as HTMLButtonElement);
  const to =
    e.key === 'ArrowDown'
      ? (at + 1) % items.length
      : e.key === 'ArrowUp'
        ? (at - 1 + items.length) % items.length
        : e.key === 'Home'
          ? 0
          : e.key === 'End'
            ? items.length - 1
            : -1;
  if (to < 0) return;
  e.preventDefault();
  items[to]!.focus();
}

/** The focus goes to the first command that can run when a menu opens. */
const focusFirst = (menu: HTMLElement) => enabledItems(menu)[0]?.focus();

function MenuItems({
  items,
  onPicked,
}: {
  items: readonly MenuEntry[];
  /** Before the command runs: the menu closes first, so a dialog it opens gets the focus. */
  onPicked(): void;
}) {
  return items.map((item) => (
    <Fragment key={item.id}>
      {item.divider && <div role="separator" className="my-1 h-px bg-zinc-200 dark:bg-zinc-700" />}
      <button
        type="button"
        role="menuitem"
        tabIndex={-1}
        disabled={item.disabled}
        onClick={() => {
          onPicked();
          item.onSelect();
        }}
        className={`flex w-full items-center gap-6 rounded px-2 py-1 text-left whitespace-nowrap hover:bg-zinc-100 focus:bg-blue-100 focus:outline-none disabled:opacity-50 disabled:hover:bg-transparent dark:hover:bg-zinc-800 dark:focus:bg-blue-900/60 ${
          item.danger ? 'text-red-700 dark:text-red-400' : ''
        }`}
      >
        <span className="flex-1">{item.label}</span>
        {item.shortcut && (
          <kbd className="font-sans text-xs text-zinc-500 dark:text-zinc-400">{item.shortcut}</kbd>
        )}
      </button>
    </Fragment>
  ));
}

/** Places a panel at (x, y), flipped or nudged so it stays inside the window. */
function placeAt(panel: HTMLElement, x: number, y: number, above = y) {
  const w = panel.offsetWidth;
  const h = panel.offsetHeight;
  const left = x + w + 8 > window.innerWidth ? Math.max(8, window.innerWidth - w - 8) : x;
  const top = y + h + 8 > window.innerHeight ? Math.max(8, above - h) : y;
  panel.style.left = `${left}px`;
  panel.style.top = `${top}px`;
}

/**
 * A button that opens a menu of commands (the bulk bar's "More"). On the native popover
 * API: the browser gives Esc, outside clicks and the top layer. Opens upward when there is
 * no room below, as at the bottom of the window.
 */
export function MenuButton({
  label,
  menuLabel,
  items,
  title,
}: {
  label: ReactNode;
  menuLabel: string;
  items: readonly MenuEntry[];
  title?: string;
}) {
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  return (
    <>
      <button
        ref={button}
        type="button"
        popoverTarget={id}
        aria-haspopup="menu"
        title={title}
        className={buttonClass('secondary')}
      >
        {label}
      </button>
      <div
        ref={panel}
        id={id}
        popover="auto"
        role="menu"
        aria-label={menuLabel}
        onKeyDown={onMenuKeyDown}
        onToggle={(e: ToggleEvent<HTMLDivElement>) => {
          if (e.newState !== 'open' || !button.current) return;
          const r = button.current.getBoundingClientRect();
          placeAt(e.currentTarget, r.left, r.bottom + 4, r.top - 4);
          focusFirst(e.currentTarget);
        }}
        className={panelClass}
      >
        <MenuItems items={items} onPicked={() => panel.current?.hidePopover()} />
      </div>
    </>
  );
}

/**
 * Runs `open` once the mouse button that raised a `contextmenu` is up. On Linux the event
 * comes on the press, and Chromium (150 at least) light-dismisses an auto popover opened
 * then on the release outside it: the menu flashed and closed. From the keyboard (no
 * button down) it runs at once.
 */
export function whenButtonsUp(e: { buttons: number }, open: () => void): void {
  if (!e.buttons) {
    open();
    return;
  }
  const up = () => {
    window.removeEventListener('pointerup', up, true);
    window.removeEventListener('pointercancel', up, true);
    // After the release's own light dismiss, which runs once its listeners have.
    setTimeout(open, 0);
  };
  window.addEventListener('pointerup', up, true);
  window.addEventListener('pointercancel', up, true);
}

/**
 * A menu at a point of the window (a right click, or the focused row for the keyboard).
 * Shown while `at` is set; `onClose` is told when it closes by any means.
 */
export function ContextMenu({
  at,
  label,
  items,
  onClose,
}: {
  at: { x: number; y: number } | null;
  label: string;
  items: readonly MenuEntry[];
  onClose(): void;
}) {
  const panel = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = panel.current;
    if (!el || !at) return;
    if (!el.matches(':popover-open')) el.showPopover();
    placeAt(el, at.x, at.y);
    focusFirst(el);
  }, [at]);
  return (
    <div
      ref={panel}
      popover="auto"
      role="menu"
      aria-label={label}
      data-testid="context-menu"
      onKeyDown={onMenuKeyDown}
      onToggle={(e: ToggleEvent<HTMLDivElement>) => {
        if (e.newState === 'closed') onClose();
      }}
      className={panelClass}
    >
      {at && <MenuItems items={items} onPicked={() => panel.current?.hidePopover()} />}
    </div>
  );
}
