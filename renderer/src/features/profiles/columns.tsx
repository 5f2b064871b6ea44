/**
 * The profiles table's columns: one list that gives react-table its column defs (headers,
 * sorting, sizing, visibility) and gives rows and the TSV copy their cell content.
 */
import type { ReactNode } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import {
  VENDOR_LABEL,
  type Connection,
  type Profile,
  type ProfileStatus,
} from '../../../../shared/model';
import { formatTime, proxyCheckLabel, proxyCheckShort, proxyLabel, tagsLabel } from './format';
import type { ColumnId } from './sort';

export interface ProfileColumn {
  id: ColumnId;
  label: string;
  size: number;
  /** Plain text: the TSV copy and the cell's tooltip. */
  text(p: Profile, connection: Connection | undefined): string;
  /** Rich cell content; the text is shown when absent. */
  render?(p: Profile, connection: Connection | undefined): ReactNode;
}

const STATUS_STYLE: Record<ProfileStatus, string> = {
  open: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-300',
  opening: 'bg-amber-100 text-amber-800 dark:bg-amber-900/50 dark:text-amber-300',
  closing: 'bg-amber-100 text-amber-800 dark:bg-amber-900/50 dark:text-amber-300',
  closed: 'bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400',
  unknown: 'bg-zinc-100 text-zinc-500 dark:bg-zinc-800 dark:text-zinc-500',
};

const connectionText = (p: Profile, c: Connection | undefined) =>
  `${c?.label ?? p.connectionId} (${VENDOR_LABEL[p.vendor]})`;

export const PROFILE_COLUMNS: readonly ProfileColumn[] = [
  {
    id: 'connection',
    label: 'Connection',
    size: 190,
    text: connectionText,
    render: (p, c) => (
      <>
        {c?.label ?? p.connectionId}{' '}
        <span className="text-[11px] text-zinc-500">{VENDOR_LABEL[p.vendor]}</span>
      </>
    ),
  },
  {
    id: 'id',
    label: 'ID',
    size: 80,
    text: (p) => p.vendorId,
    render: (p) => <span className="font-mono text-[12px]">{p.vendorId}</span>,
  },
  { id: 'name', label: 'Name', size: 180, text: (p) => p.name },
  { id: 'group', label: 'Group', size: 120, text: (p) => p.groupName },
  {
    id: 'tags',
    label: 'Tags',
    size: 140,
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
  { id: 'remark', label: 'Remark', size: 160, text: (p) => p.remark },
  {
    id: 'proxy',
    label: 'Proxy',
    size: 230,
    text: (p) => proxyLabel(p.proxy),
    render: (p) => (
      <span className={`font-mono text-[12px] ${p.proxy.type === 'direct' ? 'text-zinc-400' : ''}`}>
        {proxyLabel(p.proxy)}
      </span>
    ),
  },
  {
    id: 'proxyCheck',
    label: 'Proxy check',
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
    label: 'Status',
    size: 84,
    text: (p) => p.status,
    render: (p) => (
      <span
        className={`rounded-full px-1.5 py-px text-[11px] font-medium ${STATUS_STYLE[p.status]}`}
      >
        {p.status}
      </span>
    ),
  },
  { id: 'lastOpened', label: 'Last opened', size: 130, text: (p) => formatTime(p.lastOpenedAt) },
  {
    id: 'debugPort',
    label: 'Debug port',
    size: 86,
    text: (p) => (p.debugPort === undefined ? '' : String(p.debugPort)),
    render: (p) => <span className="font-mono text-[12px]">{p.debugPort ?? ''}</span>,
  },
];

export const COLUMN_BY_ID = new Map(PROFILE_COLUMNS.map((c) => [c.id as string, c]));

/**
 * react-table owns column state (order, visibility, sizing, sort direction). Rows are
 * rendered from PROFILE_COLUMNS directly, so a data change never builds react-table's
 * 50,000-row model. The accessor is what makes a column sortable in react-table's eyes;
 * the actual sort is sortProfiles().
 */
export const PROFILE_COLUMN_DEFS: ColumnDef<Profile>[] = PROFILE_COLUMNS.map((c) => ({
  id: c.id,
  header: c.label,
  size: c.size,
  minSize: 48,
  maxSize: 800,
  accessorFn: (p: Profile) => c.text(p, undefined),
}));
