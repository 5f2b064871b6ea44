import type { ButtonHTMLAttributes } from 'react';

export type Variant = 'primary' | 'secondary' | 'danger' | 'ghost';

const VARIANT: Record<Variant, string> = {
  primary:
    'border-transparent bg-blue-600 text-white hover:bg-blue-700 disabled:bg-blue-600/50 dark:bg-blue-500 dark:hover:bg-blue-400',
  secondary:
    'border-zinc-300 bg-white hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800',
  danger:
    'border-transparent bg-red-600 text-white hover:bg-red-700 disabled:bg-red-600/50 dark:bg-red-600 dark:hover:bg-red-500',
  ghost: 'border-transparent hover:bg-zinc-200 dark:hover:bg-zinc-800',
};

/** The button look, for what must look like one (a menu's button, a measuring copy). */
export const buttonClass = (variant: Variant = 'secondary'): string =>
  `inline-flex items-center gap-1 rounded border px-2.5 py-1 text-[13px] whitespace-nowrap disabled:cursor-not-allowed disabled:opacity-60 ${VARIANT[variant]}`;

/** The app's one button look; `type` defaults to "button" so it never submits by accident. */
export function Button({
  variant = 'secondary',
  className = '',
  type = 'button',
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return <button type={type} className={`${buttonClass(variant)} ${className}`} {...props} />;
}
