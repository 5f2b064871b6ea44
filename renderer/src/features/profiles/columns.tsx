/**
 * The profiles table's columns: one list that gives react-table its column defs (headers,
 * sorting, sizing, visibility) and gives rows and the TSV copy their cell content.
 */
import type { ReactNode } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import i18next from 'i18next';
import { VENDOR_LABEL } from '../../../../shared/model/vendors';
import type { Connection, Profile, ProfileStatus } from '../../../../shared/model';
import { VendorMark } from '../../components/VendorMark';
import { formatTime, proxyCheckLabel, proxyCheckShort, proxyLabel, tagsLabel } from './format';
import { CLOSE_SHORTCUT, OPEN_SHORTCUT } from './open-close-shortcuts';
import { fill, SLOT, wordedPerLanguage } from '../../i18n/row-words';
import type { ColumnId } from './sort';

/** What a cell knows of its row beyond the profile. */
export interface CellContext {
  /** The row is from its connection's last listing: the client does not answer now. */
  stale: boolean;
}

export interface ProfileColumn {
  id: ColumnId;
  size: number;
  /** Plain text: the TSV copy and the cell's tooltip. */
  text(p: Profile, connection: Connection | undefined): string;
  /** Rich cell content; the text is shown when absent. */
  render?(p: Profile, connection: Connection | undefined, cell: CellContext): ReactNode;
  /**
   * Classes of the cell itself. A style goes here rather than on a wrapper in `render`: each
   * element in a row is restyled, laid out and painted again on every filter keystroke.
   */
  cellClass?(p: Profile): string;
}

const STATUS_STYLE: Record<ProfileStatus, string> = {
  open: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-300',
  opening: 'bg-amber-100 text-amber-800 dark:bg-amber-900/50 dark:text-amber-300',
  closing: 'bg-amber-100 text-amber-800 dark:bg-amber-900/50 dark:text-amber-300',
  closed: 'bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400',
  unknown: 'bg-zinc-100 text-zinc-500 dark:bg-zinc-800 dark:text-zinc-500',
};

// On a span, not the cell: inside the cell's line its baseline stays the row's.
const MONO = 'font-mono text-[12px]';

const connectionText = (p: Profile, c: Connection | undefined) =>
  `${c?.label ?? p.connectionId} (${VENDOR_LABEL[p.vendor]})`;

export const PROFILE_COLUMNS: readonly ProfileColumn[] = [
  {
    id: 'connection',
    size: 150,
    text: connectionText,
    // The label once (it often names the vendor already), the vendor as a mark.
    render: (p, c) => (
      <>
        <VendorMark vendor={p.vendor} className="mr-1.5 align-middle" />
        {c?.label ?? p.connectionId}
      </>
    ),
  },
  {
    id: 'id',
    size: 64,
    text: (p) => p.vendorId,
    render: (p) => <span className={MONO}>{p.vendorId}</span>,
  },
  { id: 'name', size: 170, text: (p) => p.name },
  { id: 'group', size: 110, text: (p) => p.groupName },
  {
    id: 'tags',
    size: 120,
    text: tagsLabel,
    render: (p) =>
      p.tags.map((t) => (
        <span
          key={t.id}
          className="mr-1 rounded bg-zinc-100 px-1 py-px text-[11px] text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300"
        >
          {t.name}
        </span>
      )),
  },
  { id: 'remark', size: 140, text: (p) => p.remark },
  {
    id: 'proxy',
    size: 180,
    text: (p) => proxyLabel(p.proxy),
    render: (p) => (
      <span className={p.proxy.type === 'direct' ? `${MONO} text-zinc-400` : MONO}>
        {proxyLabel(p.proxy)}
      </span>
    ),
  },
  {
    id: 'proxyCheck',
    // Room for "● 203.0.113.254 · DE · 184 ms".
    size: 200,
    text: (p) => proxyCheckLabel(p.proxyCheck),
    render: (p) =>
      p.proxyCheck && (
        <span
          className={
            p.proxyCheck.ok
              ? 'text-emerald-700 dark:text-emerald-400'
              : 'text-red-600 dark:text-red-400'
          }
        >
          <span aria-hidden>{p.proxyCheck.ok ? '● ' : '✕ '}</span>
          {proxyCheckShort(p.proxyCheck)}
        </span>
      ),
  },
  {
    id: 'status',
    size: 124,
    text: (p) => statusLabel(p.status),
    cellClass: () => 'flex items-center justify-between gap-1',
    render: (p, _c, { stale }) => (
      <>
        <span
          data-testid="profile-status"
          className={`min-w-0 truncate rounded-full px-1.5 py-px text-[11px] leading-4 font-medium ${STATUS_STYLE[p.status]}`}
        >
          {statusLabel(p.status)}
        </span>
        <OpenCloseButton profile={p} stale={stale} />
      </>
    ),
  },
  { id: 'lastOpened', size: 130, text: (p) => formatTime(p.lastOpenedAt) },
  {
    id: 'debugPort',
    size: 86,
    text: (p) => (p.debugPort === undefined ? '' : String(p.debugPort)),
    render: (p) => <span className={MONO}>{p.debugPort ?? ''}</span>,
  },
];

/**
 * The row's own Open or Close. The table handles the click (by `data-row-action`), so a
 * row holds no job hook; it is not a tab stop: the keyboard has Ctrl/Cmd+O in the grid.
 */
function OpenCloseButton({ profile: p, stale }: { profile: Profile; stale: boolean }) {
  const w = rowWords();
  const close = p.status === 'open' || p.status === 'closing';
  const busy = p.status === 'opening' || p.status === 'closing';
  const name = p.name || p.vendorId;
  return (
    <button
      type="button"
      tabIndex={-1}
      data-row-action={close ? 'close' : 'open'}
      disabled={busy || stale}
      aria-label={fill(close ? w.closeLabel : w.openLabel, name)}
      title={stale ? w.staleTitle : close ? w.closeTitle : w.openTitle}
      className="shrink-0 rounded border border-zinc-300 bg-white px-1.5 text-[11px] leading-[18px] hover:bg-zinc-100 disabled:cursor-not-allowed disabled:opacity-50 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800"
    >
      {close ? w.close : w.open}
    </button>
  );
}

/** A column's header, in the language chosen now. */
export const columnLabel = (id: string): string =>
  COLUMN_BY_ID.has(id) ? i18next.t(`profiles.columns.${id as ColumnId}`) : id;

/** A profile's status in words (the table, its TSV copy and the side panel). */
export const statusLabel = (status: ProfileStatus): string => rowWords().status(status);

interface RowWords {
  open: string;
  close: string;
  /** Templates with SLOT where the profile's name goes. */
  openLabel: string;
  closeLabel: string;
  openTitle: string;
  closeTitle: string;
  staleTitle: string;
  stale: string;
  status(status: ProfileStatus): string;
  /** A stale row's chip: since when its rows are from the last listing (one per connection). */
  staleChipTitle(since: number): string;
}

/**
 * The words every row repeats (rows mount on every scrolled frame): see row-words.ts. The
 * table re-renders its rows on a language switch.
 */
export const rowWords = wordedPerLanguage((t): RowWords => {
  const statuses = new Map<ProfileStatus, string>();
  const staleSince = new Map<number, string>();
  return {
    open: t('profiles.row.open'),
    close: t('profiles.row.close'),
    openLabel: t('profiles.row.openLabel', { name: SLOT }),
    closeLabel: t('profiles.row.closeLabel', { name: SLOT }),
    openTitle: t('profiles.row.openTitle', { shortcut: OPEN_SHORTCUT }),
    closeTitle: t('profiles.row.closeTitle', { shortcut: CLOSE_SHORTCUT }),
    staleTitle: t('profiles.row.staleTitle'),
    stale: t('profiles.row.stale'),
    status(status) {
      let s = statuses.get(status);
      if (s === undefined) statuses.set(status, (s = t(`profiles.status.${status}`)));
      return s;
    },
    staleChipTitle(since) {
      let s = staleSince.get(since);
      if (s === undefined) {
        // Listings' times: a few per connection in a session; bounded all the same.
        if (staleSince.size > 100) staleSince.clear();
        staleSince.set(since, (s = t('profiles.row.staleChipTitle', { time: formatTime(since) })));
      }
      return s;
    },
  };
});

export const COLUMN_BY_ID = new Map(PROFILE_COLUMNS.map((c) => [c.id as string, c]));

/**
 * react-table owns column state (order, visibility, sizing, sort direction). Rows are
 * rendered from PROFILE_COLUMNS directly, so a data change never builds react-table's
 * 50,000-row model. The accessor is what makes a column sortable in react-table's eyes;
 * the actual sort is sortProfiles().
 */
export const PROFILE_COLUMN_DEFS: ColumnDef<Profile>[] = PROFILE_COLUMNS.map((c) => ({
  id: c.id,
  header: () => columnLabel(c.id),
  size: c.size,
  minSize: 48,
  maxSize: 800,
  accessorFn: (p: Profile) => c.text(p, undefined),
}));
