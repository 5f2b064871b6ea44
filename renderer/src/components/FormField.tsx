import { cloneElement, useId, type ReactElement, type ReactNode } from 'react';
import { inputClass } from './Field';

/** The create dialogs' inputs: the look of `inputClass`, plus a red edge when invalid. */
export const controlClass = `${inputClass} aria-[invalid=true]:border-red-500 dark:aria-[invalid=true]:border-red-500`;

type Control = ReactElement<{
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}>;

/**
 * A labelled control with its hint and its error. The error is tied to the control with
 * aria-describedby, so a screen reader reads "Count must be a whole number…" on focus.
 */
export function FormField({
  label,
  hint,
  error,
  children,
  className = '',
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  /** One input, select or textarea. */
  children: Control;
  className?: string;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ');
  return (
    <div className={`space-y-1 ${className}`}>
      <label htmlFor={id} className="block text-xs font-medium text-zinc-600 dark:text-zinc-400">
        {label}
      </label>
      {cloneElement(children, {
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy || undefined,
      })}
      {hint && (
        <p id={hintId} className="text-xs text-zinc-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
