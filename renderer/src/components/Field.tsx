import type { ReactNode } from 'react';

/** A labelled input and the input look of the profiles forms (bulk dialogs, side panel, create dialogs). */
/** An input's look without a width, for one that sets its own (two widths would fight). */
export const inputBoxClass =
  'rounded border border-zinc-300 bg-white px-2 py-1 text-[13px] dark:border-zinc-700 dark:bg-zinc-950';
export const inputClass = `w-full ${inputBoxClass}`;

export function Field({
  label,
  hint,
  children,
}: {
  label: string;
  hint?: ReactNode;
  children: ReactNode;
}) {
  return (
    <label className="block space-y-1">
      <span className="text-xs font-medium text-zinc-600 dark:text-zinc-400">{label}</span>
      {children}
      {hint && <span className="block text-xs text-zinc-500">{hint}</span>}
    </label>
  );
}
