import { useId, useRef, type ReactNode } from 'react';

/**
 * A button that opens a light-dismiss panel under it, on the native popover API (the
 * browser handles Esc, outside clicks and the top layer). Placed from the button's
 * rectangle when it opens, since popovers are otherwise centred in the viewport.
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
        {children}
      </div>
    </>
  );
}
