/** Class names for the sessions and connections screens' inputs and banners (buttons: ./Button). */
const focus =
  'focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-500';

/** A borderless icon-size button next to a value (copy). */
export const inlineButton = `inline-flex shrink-0 items-center rounded p-0.5 text-zinc-500 hover:bg-zinc-200 hover:text-zinc-900 dark:hover:bg-zinc-700 dark:hover:text-zinc-100 ${focus}`;

export const input = `w-full rounded border border-zinc-300 bg-white px-2 py-1.5 text-sm text-zinc-900 placeholder:text-zinc-400 aria-[invalid=true]:border-red-500 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100 ${focus}`;

export const errorBanner =
  'rounded border border-red-300 bg-red-50 px-3 py-2 text-xs text-red-800 dark:border-red-900 dark:bg-red-950/60 dark:text-red-200';

export const noticeBanner =
  'rounded border border-amber-300 bg-amber-50 px-3 py-2 text-xs text-amber-900 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-200';
