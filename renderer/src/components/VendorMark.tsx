import { VENDOR_LABEL, type Vendor } from '../../../shared/model/vendors';

/** Each vendor's mark: a letter pair in its own colour, so a column of rows scans at a glance. */
const MARK: Record<Vendor, { letters: string; className: string }> = {
  ixbrowser: {
    letters: 'ix',
    className: 'bg-sky-100 text-sky-800 dark:bg-sky-900/60 dark:text-sky-200',
  },
  cos: {
    letters: 'Co',
    className: 'bg-violet-100 text-violet-800 dark:bg-violet-900/60 dark:text-violet-200',
  },
  bitbrowser: {
    letters: 'Bi',
    className: 'bg-amber-100 text-amber-800 dark:bg-amber-900/60 dark:text-amber-200',
  },
  adspower: {
    letters: 'Ad',
    className: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900/60 dark:text-emerald-200',
  },
};

/** A small vendor mark; its name is the tooltip and what a screen reader says. */
export function VendorMark({ vendor, className = '' }: { vendor: Vendor; className?: string }) {
  const mark = MARK[vendor];
  return (
    <span
      role="img"
      aria-label={VENDOR_LABEL[vendor]}
      title={VENDOR_LABEL[vendor]}
      className={`inline-flex h-4 w-5 shrink-0 items-center justify-center rounded-sm text-[10px] leading-none font-semibold ${mark.className} ${className}`}
    >
      {mark.letters}
    </span>
  );
}
