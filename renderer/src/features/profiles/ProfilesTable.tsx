import {
  memo,
  useEffect,
  useMemo,
  useRef,
  type ClipboardEvent,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import {
  functionalUpdate,
  getCoreRowModel,
  useReactTable,
  type Header,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { toast } from 'sonner';
import type { Connection, Profile } from '../../../../shared/model';
import { useProfilesUi } from './store';
import { useBulkJob } from './bulk/use-bulk-job';
import { COLUMN_BY_ID, PROFILE_COLUMN_DEFS } from './columns';
import { formatTime, toTsv } from './format';
import { OPEN_CLOSE_ARIA_KEYS, openCloseKey } from './open-close-shortcuts';
import {
  clearSelection,
  clickRow,
  moveFocus,
  selectAll,
  selectedInOrder,
  toggleFocus,
  type Selection,
} from './selection';

const ROW_HEIGHT = 30;
const HEADER_HEIGHT = 32;
const coreRowModel = getCoreRowModel<Profile>();

const rowDomId = (key: string) => `profile-row-${key}`;

/**
 * The virtualized profiles grid: only the rows in view (plus a few) are in the DOM.
 * `rows` is the sorted, filtered order the user sees; `ordered` is the sorted order of
 * every profile, so a copy includes selected rows a filter hides.
 */
export const ProfilesTable = memo(function ProfilesTable({
  rows,
  ordered,
  connectionsById,
  staleConnections = NO_STALE,
}: {
  rows: Profile[];
  ordered: Profile[];
  connectionsById: Map<string, Connection>;
  /** Connections whose rows are their last listing (not answering now), by listing time. */
  staleConnections?: ReadonlyMap<string, number>;
}) {
  const sorting = useProfilesUi((s) => s.sorting);
  const columnVisibility = useProfilesUi((s) => s.columnVisibility);
  const columnSizing = useProfilesUi((s) => s.columnSizing);
  const selection = useProfilesUi((s) => s.selection);
  const highlight = useProfilesUi((s) => s.highlight);

  // react-table holds column state only; rows are rendered from PROFILE_COLUMNS (columns.tsx).
  // The instance is only read during render, never passed to memoized children.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns: PROFILE_COLUMN_DEFS,
    getCoreRowModel: coreRowModel,
    getRowId: (p) => p.key,
    manualSorting: true,
    manualFiltering: true,
    // Otherwise react-table inspects the first row's value to pick a direction.
    sortDescFirst: false,
    columnResizeMode: 'onChange',
    state: { sorting, columnVisibility, columnSizing },
    onSortingChange: (u) =>
      useProfilesUi.getState().setSorting(functionalUpdate(u, useProfilesUi.getState().sorting)),
    onColumnVisibilityChange: (u) =>
      useProfilesUi
        .getState()
        .setColumnVisibility(functionalUpdate(u, useProfilesUi.getState().columnVisibility)),
    onColumnSizingChange: (u) =>
      useProfilesUi
        .getState()
        .setColumnSizing(functionalUpdate(u, useProfilesUi.getState().columnSizing)),
  });

  const scrollRef = useRef<HTMLDivElement>(null);
  // Items keyed by position (the default), as the rows are: every row has one fixed height,
  // so nothing is measured per profile. Keyed by profile, each filter keystroke had the
  // virtualizer look up every row's key again (20 ms at 400,000 rows).
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });

  // Renamed or created rows: the first the filters show is brought into view, once, as
  // soon as the rows hold it (a refetch after a create lands a little later).
  const shownFor = useRef<number | null>(null);
  useEffect(() => {
    if (!highlight || shownFor.current === highlight.at) return;
    const at = rows.findIndex((p) => highlight.keys.has(p.key));
    if (at < 0) return;
    shownFor.current = highlight.at;
    virtualizer.scrollToIndex(at, { align: 'center' });
  }, [highlight, rows, virtualizer]);

  const headers = table.getFlatHeaders();
  const columnKey = headers.map((h) => h.id).join(',');
  // A stable array while the visible columns are the same, so memoized rows stay put.
  const columnIds = useMemo(() => columnKey.split(','), [columnKey]);
  // Widths go through CSS variables: resizing a column restyles, it does not re-render rows.
  const widthVars: Record<string, string> = {};
  for (const h of headers) widthVars[`--col-${h.id}`] = `${h.getSize()}px`;
  const totalWidth = table.getTotalSize();

  const update = (next: Selection, scroll = true) => {
    useProfilesUi.getState().setSelection(next);
    if (scroll && next.focus !== null) {
      const at = rows.findIndex((p) => p.key === next.focus);
      if (at >= 0) virtualizer.scrollToIndex(at, { align: 'auto' });
    }
  };

  const job = useBulkJob();
  /** Ctrl/Cmd+O opens, with Shift closes: the selected rows, else the focused one. */
  const openOrClose = (kind: 'open' | 'close', sel: Selection) => {
    const keys =
      sel.keys.size > 0
        ? selectedInOrder(ordered, sel.keys).map((p) => p.key)
        : sel.focus !== null
          ? [sel.focus]
          : [];
    const n = keys.length;
    const what = `${kind === 'open' ? 'Open' : 'Close'} ${n} profile${n === 1 ? '' : 's'}`;
    void job.run({ kind }, keys, what);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget) return; // header buttons keep their own keys
    const sel = useProfilesUi.getState().selection;
    const openClose = openCloseKey(e);
    if (openClose) {
      // Also keeps the browser's own Ctrl+O (open file) from firing.
      e.preventDefault();
      openOrClose(openClose, sel);
      return;
    }
    const mod = e.ctrlKey || e.metaKey;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / ROW_HEIGHT) - 2);
    const move = (delta: number) => update(moveFocus(sel, delta, rows, e.shiftKey));
    switch (e.key) {
      case 'ArrowDown':
        move(1);
        break;
      case 'ArrowUp':
        move(-1);
        break;
      case 'PageDown':
        move(page);
        break;
      case 'PageUp':
        move(-page);
        break;
      case 'Home':
        move(-rows.length);
        break;
      case 'End':
        move(rows.length);
        break;
      case ' ':
        update(toggleFocus(sel), false);
        break;
      case 'Escape':
        if (sel.keys.size === 0) return;
        update(clearSelection(sel), false);
        break;
      case 'Enter':
        if (sel.focus === null) return;
        useProfilesUi.getState().openPanel(sel.focus);
        break;
      case 'a':
      case 'A':
        if (!mod) return;
        update(selectAll(sel, rows), false);
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  const onCopy = (e: ClipboardEvent<HTMLDivElement>) => {
    const { keys } = useProfilesUi.getState().selection;
    if (keys.size === 0) return;
    const picked = selectedInOrder(ordered, keys);
    const cols = columnIds.map((id) => COLUMN_BY_ID.get(id)!);
    const tsv = toTsv(
      cols.map((c) => c.label),
      picked.map((p) => cols.map((c) => c.text(p, connectionsById.get(p.connectionId)))),
    );
    e.clipboardData.setData('text/plain', tsv);
    e.preventDefault();
    toast.success(`Copied ${picked.length.toLocaleString()} rows as TSV`);
  };

  const keyOf = (e: MouseEvent) =>
    (e.target as HTMLElement).closest<HTMLElement>('[data-key]')?.dataset['key'];

  const onMouseDown = (e: MouseEvent<HTMLDivElement>) => {
    if (!keyOf(e)) return;
    // Shift-click would otherwise select page text; the grid still takes the focus.
    if (e.shiftKey) e.preventDefault();
    scrollRef.current?.focus({ preventScroll: true });
  };
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const key = keyOf(e);
    if (!key) return;
    const sel = useProfilesUi.getState().selection;
    update(clickRow(sel, key, { range: e.shiftKey, toggle: e.ctrlKey || e.metaKey }, rows), false);
  };
  const onDoubleClick = (e: MouseEvent<HTMLDivElement>) => {
    const key = keyOf(e);
    if (key) useProfilesUi.getState().openPanel(key);
  };

  return (
    <div
      ref={scrollRef}
      role="grid"
      aria-label="Profiles"
      aria-rowcount={rows.length + 1}
      aria-multiselectable
      aria-keyshortcuts={OPEN_CLOSE_ARIA_KEYS}
      aria-activedescendant={selection.focus ? rowDomId(selection.focus) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onCopy={onCopy}
      style={widthVars}
      className="relative h-full overflow-auto outline-none"
    >
      <div
        role="row"
        aria-rowindex={1}
        className="sticky top-0 z-10 flex border-b border-zinc-200 bg-zinc-50 text-left text-xs font-medium text-zinc-600 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-400"
        style={{ height: HEADER_HEIGHT, width: totalWidth, minWidth: '100%' }}
      >
        {headers.map((h) => (
          <HeaderCell key={h.id} header={h} multiSort={sorting.length > 1} />
        ))}
      </div>
      <div
        role="rowgroup"
        onMouseDown={onMouseDown}
        onClick={onClick}
        onDoubleClick={onDoubleClick}
        className="relative select-none"
        style={{ height: virtualizer.getTotalSize(), width: totalWidth, minWidth: '100%' }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const p = rows[item.index]!;
          return (
            // Keyed by position: when a filter swaps the profiles in view, React updates the
            // rows' text in place instead of unmounting and building them again.
            <ProfileRow
              key={item.index}
              profile={p}
              index={item.index}
              top={item.start - HEADER_HEIGHT}
              selected={selection.keys.has(p.key)}
              focused={selection.focus === p.key}
              highlighted={highlight?.keys.has(p.key) ?? false}
              columnIds={columnIds}
              connection={connectionsById.get(p.connectionId)}
              staleSince={staleConnections.get(p.connectionId)}
            />
          );
        })}
      </div>
    </div>
  );
});

function HeaderCell({
  header,
  multiSort,
}: {
  header: Header<Profile, unknown>;
  multiSort: boolean;
}) {
  const column = header.column;
  const label = COLUMN_BY_ID.get(column.id)?.label ?? column.id;
  const dir = column.getIsSorted();
  return (
    <div
      role="columnheader"
      aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}
      className="relative flex shrink-0 items-center"
      style={{ width: `var(--col-${header.id})` }}
    >
      <button
        type="button"
        onClick={column.getToggleSortingHandler()}
        title={`Sort by ${label} (Shift-click adds to the sort)`}
        className="h-full w-full truncate px-2 text-left hover:bg-zinc-100 dark:hover:bg-zinc-800"
      >
        {label}
        {dir && (
          <span aria-hidden className="ml-1 text-blue-600 dark:text-blue-400">
            {dir === 'asc' ? '▲' : '▼'}
            {multiSort && <sup>{column.getSortIndex() + 1}</sup>}
          </span>
        )}
      </button>
      <div
        role="separator"
        aria-orientation="vertical"
        aria-label={`Resize ${label}`}
        title="Drag to resize, double-click to reset"
        onMouseDown={header.getResizeHandler()}
        onTouchStart={header.getResizeHandler()}
        onDoubleClick={() => column.resetSize()}
        className={`absolute top-0 right-0 h-full w-1.5 cursor-col-resize touch-none select-none hover:bg-blue-400 ${column.getIsResizing() ? 'bg-blue-500' : ''}`}
      />
    </div>
  );
}

/** One rendered row. Memoized: a selection change re-renders only the rows it flips. */
const ProfileRow = memo(function ProfileRow({
  profile,
  index,
  top,
  selected,
  focused,
  highlighted,
  columnIds,
  connection,
  staleSince,
}: {
  profile: Profile;
  index: number;
  top: number;
  selected: boolean;
  focused: boolean;
  /** Renamed or created just now. */
  highlighted: boolean;
  columnIds: string[];
  connection: Connection | undefined;
  staleSince: number | undefined;
}) {
  const stale = staleSince !== undefined;
  return (
    <div
      role="row"
      id={rowDomId(profile.key)}
      data-key={profile.key}
      data-stale={stale || undefined}
      data-highlight={highlighted || undefined}
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={`absolute top-0 left-0 flex w-full cursor-default items-center border-b border-zinc-100 dark:border-zinc-800/60 ${
        selected
          ? 'bg-blue-100 dark:bg-blue-900/40'
          : index % 2
            ? 'bg-zinc-50/60 hover:bg-zinc-100 dark:bg-zinc-900/30 dark:hover:bg-zinc-800/60'
            : 'hover:bg-zinc-100 dark:hover:bg-zinc-800/60'
      } ${focused ? 'outline outline-1 -outline-offset-1 outline-blue-500' : ''} ${
        stale ? 'opacity-60' : ''
      } ${highlighted ? 'deck-flash' : ''}`}
      // Fixed size and contained: a row mounted while scrolling lays out and paints alone.
      style={{ height: ROW_HEIGHT, transform: `translateY(${top}px)`, contain: 'strict' }}
    >
      {columnIds.map((id) => {
        const c = COLUMN_BY_ID.get(id)!;
        const text = c.text(profile, connection);
        return (
          <div
            key={id}
            role="gridcell"
            title={text}
            className="shrink-0 truncate px-2"
            style={{ width: `var(--col-${id})` }}
          >
            {stale && id === 'connection' && <StaleChip since={staleSince} />}
            {c.render ? c.render(profile, connection) : text}
          </div>
        );
      })}
    </div>
  );
});

const NO_STALE: ReadonlyMap<string, number> = new Map();

/** A row from the connection's last listing: its client does not answer now. */
function StaleChip({ since }: { since: number }) {
  return (
    <span
      title={`Last listed ${formatTime(since)}; the client does not answer now`}
      className="mr-1.5 rounded-full border border-dashed border-amber-500 px-1.5 py-px text-[11px] font-medium text-amber-800 dark:border-amber-700 dark:text-amber-300"
    >
      stale
    </span>
  );
}
