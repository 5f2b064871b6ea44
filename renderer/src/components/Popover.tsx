import { useId, useRef, useState, type ReactNode } from 'react';

/**
 * A button that opens a light-dismiss panel under it, on the native popover API (the
 * browser handles Esc, outside clicks and the top layer). Placed from the button's
 * rectangle when it opens, since popovers are otherwise centred in the viewport. Its
 * contents are rendered only while it is open: a closed menu of every column or of a
 * facet's hundreds of values built its DOM at every start for no one to see (the Columns
 * menu was a fifth of the app's first render).
 */
export function Popover({
  label,
  buttonClassName = '',
  children,
}: {
  label: ReactNode;
  buttonClassName?: string;
  children: ReactNode;
}) {
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        ref={button}
        type="button"
        popoverTarget={id}
        className={`inline-flex items-center gap-1 rounded border border-zinc-300 bg-white px-2.5 py-1 text-[13px] whitespace-nowrap hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800 ${buttonClassName}`}
      >
        {label}
      </button>
      <div
        id={id}
        popover="auto"
        // Before it shows, so that it shows filled (React renders this event's update
        // before the browser's next frame) and is placed by its real width on `toggle`.
        onBeforeToggle={(e) => setOpen(e.newState === 'open')}
        onToggle={(e) => {
          if (e.newState !== 'open' || !button.current) return;
          const r = button.current.getBoundingClientRect();
          const panel = e.currentTarget;
          const left = Math.min(r.left, window.innerWidth - panel.offsetWidth - 8);
          panel.style.top = `${r.bottom + 4}px`;
          panel.style.left = `${Math.max(8, left)}px`;
        }}
        className="fixed m-0 max-h-[70vh] overflow-auto rounded-md border border-zinc-200 bg-white p-2 text-zinc-900 shadow-lg dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      >
        {open && children}
      </div>
    </>
  );
}
