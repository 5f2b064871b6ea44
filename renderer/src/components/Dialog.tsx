import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from '../i18n';

/**
 * A modal on the native <dialog>: the browser gives focus containment, Esc, the top layer
 * and focus return for free. Render it only while open; unmounting closes it. An element
 * marked `data-autofocus` gets the focus instead of the close button.
 */
export function Dialog({
  title,
  onClose,
  children,
  footer,
  wide = false,
}: {
  title: ReactNode;
  onClose(): void;
  children: ReactNode;
  /** Actions row under the scrolling body (Cancel / Apply). */
  footer?: ReactNode;
  wide?: boolean;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current!;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => dialog.close();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      // Esc: let React state decide, so the parent unmounts us instead of a stale open flag.
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
      // A dialog is drawn where it is opened (the bulk bar is nowrap): text wraps in it anyway.
      className={`${wide ? 'w-[min(52rem,92vw)]' : 'w-[min(30rem,92vw)]'} m-auto max-h-[85vh] rounded-lg border border-zinc-200 bg-white p-0 text-left whitespace-normal text-zinc-900 shadow-xl backdrop:bg-black/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100`}
    >
      <div className="flex max-h-[85vh] flex-col">
        <header className="flex items-center justify-between gap-4 border-b border-zinc-200 px-4 py-2.5 dark:border-zinc-800">
          <h2 id={titleId} className="truncate text-sm font-semibold">
            {title}
          </h2>
          <button
            type="button"
            onClick={onClose}
            aria-label={t('notices.dialog.close')}
            className="rounded px-1.5 text-lg leading-none text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
          >
            ×
          </button>
        </header>
        {/* The scroll padding keeps a field focused near the bottom clear of DialogActions. */}
        <div className="min-h-0 scroll-pb-16 overflow-auto p-4">{children}</div>
        {footer && (
          <footer className="flex justify-end gap-2 border-t border-zinc-200 px-4 py-2.5 dark:border-zinc-800">
            {footer}
          </footer>
        )}
      </div>
    </dialog>
  );
}

/**
 * The actions row of a form that keeps its buttons inside the dialog's body (an editor also
 * shown elsewhere): it sticks to the bottom of the scrolling body, so on a short screen the
 * primary button stays in view as `footer` does. Use it as the body's last element.
 * It sticks at the body's padding edge pulled out by the padding (`-bottom-4`): at
 * `bottom-0` it stood a padding above that edge and covered the last row of a form that fits.
 */
export function DialogActions({ children }: { children: ReactNode }) {
  return (
    <div className="sticky -bottom-4 -mx-4 -mb-4 flex items-center justify-end gap-2 border-t border-zinc-200 bg-white px-4 py-2.5 dark:border-zinc-800 dark:bg-zinc-900">
      {children}
    </div>
  );
}
