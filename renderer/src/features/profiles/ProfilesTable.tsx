import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ClipboardEvent,
  type CSSProperties,
  type DragEvent,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import {
  functionalUpdate,
  getCoreRowModel,
  useReactTable,
  type Header,
} from '@tanstack/react-table';
import { useVirtualizer, type Range } from '@tanstack/react-virtual';
import { toast } from 'sonner';
import type { Connection, Profile } from '../../../../shared/model';
import { useProfilesUi } from './store';
import { useBulkJob } from './bulk/use-bulk-job';
import { moveColumn, ROW_HEIGHT } from './column-layout';
import {
  COLUMN_BY_ID,
  columnLabel,
  PROFILE_COLUMN_DEFS,
  PROFILE_COLUMNS,
  rowWords,
} from './columns';
import { useTranslation } from '../../i18n';
import { toTsv } from './format';
import { OPEN_CLOSE_ARIA_KEYS, openCloseKey } from './open-close-shortcuts';
import { shownRange } from './row-window';
import { tableCommand } from './shortcuts';
import { whenButtonsUp } from '../../components/Menu';
import {
  clearSelection,
  clickRow,
  moveFocus,
  selectAll,
  selectedInOrder,
  toggleFocus,
  type Selection,
} from './selection';

const HEADER_HEIGHT = 32;
const coreRowModel = getCoreRowModel<Profile>();
const ALL_COLUMN_IDS = PROFILE_COLUMNS.map((c) => c.id as string);
/** What a header drag carries: only our own headers are drop targets for it. */
const COLUMN_DRAG_TYPE = 'application/x-browserdeck-column';
// Symbols, not words: the same in every language.
const PIN_MARK = '⇹';
const SORT_MARK = { asc: '▲', desc: '▼' } as const;
/** One arrow key press on a resize handle. */
const RESIZE_STEP = 10;

/** A drawn column: its id and the edge it is pinned to, if any. */
interface DrawnColumn {
  id: string;
  pin: 'left' | 'right' | false;
  /** The pinned column nearest the scrolling ones: it draws the dividing edge. */
  innermost: boolean;
}

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
  onMenu,
}: {
  rows: Profile[];
  ordered: Profile[];
  connectionsById: Map<string, Connection>;
  /** Connections whose rows are their last listing (not answering now), by listing time. */
  staleConnections?: ReadonlyMap<string, number>;
  /** Show the selection's actions at this point (a right click, or Shift+F10 on a row). */
  onMenu?(at: { x: number; y: number }): void;
}) {
  const sorting = useProfilesUi((s) => s.sorting);
  const columnVisibility = useProfilesUi((s) => s.columnVisibility);
  const columnSizing = useProfilesUi((s) => s.columnSizing);
  const columnOrder = useProfilesUi((s) => s.columnOrder);
  const columnPinning = useProfilesUi((s) => s.columnPinning);
  const rowHeight = ROW_HEIGHT[useProfilesUi((s) => s.density)];
  const selection = useProfilesUi((s) => s.selection);
  const highlight = useProfilesUi((s) => s.highlight);
  const { t, i18n } = useTranslation();

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
    state: { sorting, columnVisibility, columnSizing, columnOrder, columnPinning },
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
    onColumnOrderChange: (u) =>
      useProfilesUi
        .getState()
        .setColumnOrder(functionalUpdate(u, useProfilesUi.getState().columnOrder)),
    onColumnPinningChange: (u) =>
      useProfilesUi
        .getState()
        .setColumnPinning(functionalUpdate(u, useProfilesUi.getState().columnPinning)),
  });

  const scrollRef = useRef<HTMLDivElement>(null);
  // Items keyed by position (the default), as the rows are: every row has one fixed height,
  // so nothing is measured per profile. Keyed by profile, each filter keystroke had the
  // virtualizer look up every row's key again (20 ms at 400,000 rows).
  // Every listed row, so a filter keystroke does not change the count (see row-window.ts).
  const shown = rows.length;
  const rangeExtractor = useCallback((range: Range) => shownRange(range, shown), [shown]);
  const overscan = useOverscanAfterFirstRows(shown > 0);
  const virtualizer = useVirtualizer({
    count: Math.max(ordered.length, shown),
    rangeExtractor,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan,
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

  // A new density is a new size for every row: drop the sizes the virtualizer kept.
  useEffect(() => virtualizer.measure(), [virtualizer, rowHeight]);

  const leftHeaders = table.getLeftFlatHeaders();
  const rightHeaders = table.getRightFlatHeaders();
  const headers = [...leftHeaders, ...table.getCenterFlatHeaders(), ...rightHeaders];
  const innermost = new Set([leftHeaders.at(-1)?.id, rightHeaders[0]?.id]);
  const columnKey = headers
    .map((h) => `${h.id}:${h.column.getIsPinned() || ''}:${innermost.has(h.id) ? 1 : ''}`)
    .join(',');
  // A stable array while the drawn columns are the same, so memoized rows stay put.
  const columns = useMemo(
    () =>
      columnKey.split(',').map((c): DrawnColumn => {
        const [id, pin, inner] = c.split(':');
        return { id: id!, pin: (pin || false) as DrawnColumn['pin'], innermost: inner === '1' };
      }),
    [columnKey],
  );
  // Widths and pinned offsets go through CSS variables: resizing a column restyles, it does
  // not re-render rows.
  const widthVars: Record<string, string> = {};
  for (const h of headers) {
    widthVars[`--col-${h.id}`] = `${h.getSize()}px`;
    const pin = h.column.getIsPinned();
    if (pin === 'left') widthVars[`--pin-${h.id}`] = `${h.column.getStart('left')}px`;
    if (pin === 'right') widthVars[`--pin-${h.id}`] = `${h.column.getAfter('right')}px`;
  }
  const totalWidth = table.getTotalSize();

  // Rows a filter just took off the end of the window stay mounted, hidden, until the rows
  // come back: a keystroke that empties the table and the next that fills it again (typing
  // "group" then ":", or clearing a query that matched nothing) then update ~500 elements in
  // place instead of building them again (50-65 ms of style and layout at every such key).
  // Only positions past the rows shown are kept, so scrolling never keeps any. One list, as
  // React matches keys within one list only.
  const kept = useRef<readonly DrawnRow[]>([]);
  const drawn: DrawnRow[] = virtualizer.getVirtualItems().map((item) => ({
    index: item.index,
    top: item.start - HEADER_HEIGHT,
    profile: rows[item.index]!,
  }));
  for (const row of kept.current) if (row.index >= shown) drawn.push({ ...row, spare: true });
  useLayoutEffect(() => {
    kept.current = drawn;
  });
  const [drop, setDrop] = useState<{ id: string; place: 'before' | 'after' } | null>(null);
  const onHeaderDrop = (dragged: string, target: string, place: 'before' | 'after') => {
    const { columnOrder: order, columnPinning: pinning } = useProfilesUi.getState();
    const next = moveColumn(ALL_COLUMN_IDS, { order, pinning }, dragged, target, place);
    useProfilesUi.getState().setColumnOrder(next.order);
    useProfilesUi.getState().setColumnPinning(next.pinning);
  };

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
    const count = keys.length;
    const what =
      kind === 'open' ? t('profiles.jobs.open', { count }) : t('profiles.jobs.close', { count });
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
    const command = tableCommand(e);
    if (command) {
      e.preventDefault();
      // With nothing selected, the keys act on the focus row, as a right click on it would.
      const target =
        sel.keys.size > 0 || sel.focus === null
          ? sel
          : { keys: new Set([sel.focus]), anchor: sel.focus, focus: sel.focus };
      if (target.keys.size === 0) return;
      if (target !== sel) update(target, false);
      if (command !== 'menu') return useProfilesUi.getState().openBulkDialog(command);
      const focusRow = target.focus ? document.getElementById(rowDomId(target.focus)) : null;
      const r = (focusRow ?? e.currentTarget).getBoundingClientRect();
      onMenu?.({ x: r.left + 24, y: Math.min(r.bottom, window.innerHeight - 8) });
      return;
    }
    const mod = e.ctrlKey || e.metaKey;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / rowHeight) - 2);
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
        // The panel first: it is what the user opened last.
        if (useProfilesUi.getState().panelKey !== null) useProfilesUi.getState().openPanel(null);
        else if (sel.keys.size > 0) update(clearSelection(sel), false);
        else return;
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
    const cols = columns.map((c) => COLUMN_BY_ID.get(c.id)!);
    const tsv = toTsv(
      cols.map((c) => columnLabel(c.id)),
      picked.map((p) => cols.map((c) => c.text(p, connectionsById.get(p.connectionId)))),
    );
    e.clipboardData.setData('text/plain', tsv);
    e.preventDefault();
    toast.success(t('profiles.table.copied', { count: picked.length }));
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
    const action = (e.target as HTMLElement).closest<HTMLElement>('[data-row-action]');
    if (action) {
      const kind = action.dataset['rowAction'] === 'close' ? 'close' : 'open';
      const name = rows.find((p) => p.key === key)?.name ?? key;
      void job.run(
        { kind },
        [key],
        kind === 'open'
          ? t('profiles.jobs.openOne', { name })
          : t('profiles.jobs.closeOne', { name }),
      );
      return;
    }
    const sel = useProfilesUi.getState().selection;
    update(clickRow(sel, key, { range: e.shiftKey, toggle: e.ctrlKey || e.metaKey }, rows), false);
  };
  /** A right click acts on the selection, or on the clicked row when it is not selected. */
  const onContextMenu = (e: MouseEvent<HTMLDivElement>) => {
    const key = keyOf(e);
    if (!key || !onMenu) return;
    e.preventDefault();
    const sel = useProfilesUi.getState().selection;
    if (!sel.keys.has(key))
      update(clickRow(sel, key, { range: false, toggle: false }, rows), false);
    const at = { x: e.clientX, y: e.clientY };
    whenButtonsUp(e, () => onMenu(at));
  };
  const onDoubleClick = (e: MouseEvent<HTMLDivElement>) => {
    if ((e.target as HTMLElement).closest('[data-row-action]')) return;
    const key = keyOf(e);
    if (key) useProfilesUi.getState().openPanel(key);
  };

  return (
    <div
      ref={scrollRef}
      role="grid"
      aria-label={t('profiles.title')}
      aria-rowcount={rows.length + 1}
      aria-multiselectable
      aria-keyshortcuts={`${OPEN_CLOSE_ARIA_KEYS} Delete F2 Shift+F10`}
      aria-activedescendant={selection.focus ? rowDomId(selection.focus) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onCopy={onCopy}
      style={{ ...widthVars, '--row-line': `${rowHeight - 1}px` } as CSSProperties}
      // Opaque, so Chromium scrolls it on the compositor (its own layer): on a screen of
      // scale 1 it keeps a see-through scroller in the page's layer to keep subpixel text,
      // and then every scrolled frame and every filter keystroke repainted the whole page.
      className="relative h-full overflow-auto bg-white outline-none dark:bg-zinc-950"
    >
      <div
        role="row"
        aria-rowindex={1}
        className="sticky top-0 z-10 flex border-b border-zinc-200 bg-zinc-50 text-left text-xs font-medium text-zinc-600 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-400"
        style={{ height: HEADER_HEIGHT, width: totalWidth, minWidth: '100%' }}
      >
        {headers.map((h) => (
          <HeaderCell
            key={h.id}
            header={h}
            multiSort={sorting.length > 1}
            innermost={innermost.has(h.id)}
            dropMark={drop?.id === h.id ? drop.place : undefined}
            onDropMark={setDrop}
            onMove={onHeaderDrop}
          />
        ))}
      </div>
      <div
        role="rowgroup"
        onMouseDown={onMouseDown}
        onClick={onClick}
        onDoubleClick={onDoubleClick}
        onContextMenu={onContextMenu}
        className="relative select-none"
        style={{ height: shown * rowHeight, width: totalWidth, minWidth: '100%' }}
      >
        {drawn.map(({ index, top, profile: p, spare }) => (
          // Keyed by position: when a filter swaps the profiles in view, React updates the
          // rows' text in place instead of unmounting and building them again.
          <ProfileRow
            key={index}
            spare={spare}
            profile={p}
            index={index}
            // A kept row sits at the top, hidden, so it makes nothing to scroll to.
            top={spare ? 0 : top}
            height={rowHeight}
            selected={!spare && selection.keys.has(p.key)}
            focused={!spare && selection.focus === p.key}
            highlighted={!spare && (highlight?.keys.has(p.key) ?? false)}
            columns={columns}
            connection={connectionsById.get(p.connectionId)}
            staleSince={staleConnections.get(p.connectionId)}
            language={i18n.language}
          />
        ))}
      </div>
    </div>
  );
});

/** A row in the DOM: one in view (or overscan), or one kept for the rows' return (`spare`). */
interface DrawnRow {
  index: number;
  /** Its place under the header. */
  top: number;
  profile: Profile;
  spare?: boolean;
}

/** Sticky placement of a pinned column's cells (header and rows alike). */
function cellStyle(c: DrawnColumn): CSSProperties {
  const width = `var(--col-${c.id})`;
  if (!c.pin) return { width };
  return { width, position: 'sticky', [c.pin]: `var(--pin-${c.id})`, zIndex: 1 };
}

const pinEdgeClass = (c: DrawnColumn) =>
  c.innermost
    ? c.pin === 'left'
      ? 'border-r border-zinc-200 dark:border-zinc-800'
      : 'border-l border-zinc-200 dark:border-zinc-800'
    : '';

function HeaderCell({
  header,
  multiSort,
  innermost,
  dropMark,
  onDropMark,
  onMove,
}: {
  header: Header<Profile, unknown>;
  multiSort: boolean;
  innermost: boolean;
  /** A dragged header would land on this side of this one. */
  dropMark: 'before' | 'after' | undefined;
  onDropMark(mark: { id: string; place: 'before' | 'after' } | null): void;
  onMove(dragged: string, target: string, place: 'before' | 'after'): void;
}) {
  const { t } = useTranslation();
  const column = header.column;
  const label = columnLabel(column.id);
  const dir = column.getIsSorted();
  const drawn: DrawnColumn = { id: header.id, pin: column.getIsPinned(), innermost };
  const placeOf = (e: DragEvent<HTMLDivElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return e.clientX < r.left + r.width / 2 ? 'before' : 'after';
  };
  const resizeBy = (delta: number) =>
    useProfilesUi.getState().setColumnSizing({
      ...useProfilesUi.getState().columnSizing,
      [column.id]: Math.min(
        column.columnDef.maxSize ?? 800,
        Math.max(column.columnDef.minSize ?? 48, column.getSize() + delta),
      ),
    });
  return (
    <div
      role="columnheader"
      aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}
      data-column={header.id}
      data-pinned={drawn.pin || undefined}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes(COLUMN_DRAG_TYPE)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
        onDropMark({ id: header.id, place: placeOf(e) });
      }}
      onDragLeave={() => onDropMark(null)}
      onDrop={(e) => {
        const dragged = e.dataTransfer.getData(COLUMN_DRAG_TYPE);
        onDropMark(null);
        if (!dragged) return;
        e.preventDefault();
        onMove(dragged, header.id, placeOf(e));
      }}
      className={`relative flex shrink-0 items-center bg-zinc-50 dark:bg-zinc-900 ${pinEdgeClass(drawn)} ${
        dropMark === 'before'
          ? 'shadow-[inset_2px_0_0_var(--color-blue-500)]'
          : dropMark === 'after'
            ? 'shadow-[inset_-2px_0_0_var(--color-blue-500)]'
            : ''
      }`}
      style={cellStyle(drawn)}
    >
      <button
        type="button"
        draggable
        onDragStart={(e) => {
          e.dataTransfer.setData(COLUMN_DRAG_TYPE, header.id);
          e.dataTransfer.effectAllowed = 'move';
        }}
        onDragEnd={() => onDropMark(null)}
        onClick={column.getToggleSortingHandler()}
        title={t('profiles.table.sortTitle', { column: label })}
        className="h-full w-full truncate px-2 text-left hover:bg-zinc-100 dark:hover:bg-zinc-800"
      >
        {drawn.pin && (
          <span
            aria-label={t('profiles.table.pinned')}
            title={
              drawn.pin === 'left'
                ? t('profiles.table.pinnedLeft')
                : t('profiles.table.pinnedRight')
            }
            className="mr-1 text-zinc-400"
          >
            {PIN_MARK}
          </span>
        )}
        {label}
        {dir && (
          <span aria-hidden className="ml-1 text-blue-600 dark:text-blue-400">
            {SORT_MARK[dir]}
            {multiSort && <sup>{column.getSortIndex() + 1}</sup>}
          </span>
        )}
      </button>
      <div
        role="separator"
        tabIndex={0}
        aria-orientation="vertical"
        aria-label={t('profiles.table.resizeLabel', { column: label })}
        aria-valuenow={column.getSize()}
        aria-valuemin={column.columnDef.minSize}
        aria-valuemax={column.columnDef.maxSize}
        title={t('profiles.table.resizeTitle')}
        onMouseDown={header.getResizeHandler()}
        onTouchStart={header.getResizeHandler()}
        onDoubleClick={() => column.resetSize()}
        onKeyDown={(e) => {
          if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
          e.preventDefault();
          resizeBy(e.key === 'ArrowLeft' ? -RESIZE_STEP : RESIZE_STEP);
        }}
        className={`absolute top-0 right-0 h-full w-1.5 cursor-col-resize touch-none select-none hover:bg-blue-400 focus-visible:bg-blue-500 focus-visible:outline-none ${column.getIsResizing() ? 'bg-blue-500' : ''}`}
      />
    </div>
  );
}

/**
 * Rows drawn beyond the view on each side, so a fast scroll finds them built. None in the
 * first frame that has rows (the last-known rows at start, start.lastknown10k.ms): they are
 * out of sight, and building them was a third of that frame's rows; they come in the frame
 * after.
 */
const OVERSCAN = 12;
function useOverscanAfterFirstRows(hasRows: boolean): number {
  const [overscan, setOverscan] = useState(0);
  useEffect(() => {
    if (!hasRows || overscan) return;
    const frame = requestAnimationFrame(() => setOverscan(OVERSCAN));
    return () => cancelAnimationFrame(frame);
  }, [hasRows, overscan]);
  return overscan;
}

/** One rendered row. Memoized: a selection change re-renders only the rows it flips. */
const ProfileRow = memo(function ProfileRow({
  profile,
  index,
  top,
  height,
  selected,
  focused,
  highlighted,
  columns,
  connection,
  staleSince,
  spare = false,
}: {
  /** The language the cells are worded in: a switch re-renders the memoized rows. */
  language: string;
  /** Kept for the rows' return, not shown: no row to anyone (see `kept`). */
  spare?: boolean;
  profile: Profile;
  index: number;
  top: number;
  height: number;
  selected: boolean;
  focused: boolean;
  /** Renamed or created just now. */
  highlighted: boolean;
  columns: readonly DrawnColumn[];
  connection: Connection | undefined;
  staleSince: number | undefined;
}) {
  const stale = staleSince !== undefined;
  const cell = { stale };
  return (
    <div
      role={spare ? undefined : 'row'}
      id={spare ? undefined : rowDomId(profile.key)}
      data-key={spare ? undefined : profile.key}
      data-profile-row
      data-striped={index % 2 ? true : undefined}
      data-stale={stale || undefined}
      data-highlight={highlighted || undefined}
      aria-rowindex={spare ? undefined : index + 2}
      aria-selected={spare ? undefined : selected}
      aria-hidden={spare || undefined}
      inert={spare}
      className={`absolute top-0 left-0 flex w-full cursor-default items-center border-b border-zinc-100 dark:border-zinc-800/60 ${
        // Drawn above the pinned cells, which would hide an outline of the row itself.
        focused
          ? "after:pointer-events-none after:absolute after:inset-0 after:z-[2] after:outline after:outline-1 after:-outline-offset-1 after:outline-blue-500 after:content-['']"
          : ''
      } ${stale ? 'opacity-60' : ''} ${highlighted ? 'deck-flash' : ''}`}
      // Fixed size and contained: a row mounted while scrolling lays out and paints alone.
      style={{
        height,
        transform: `translateY(${top}px)`,
        contain: 'strict',
        visibility: spare ? 'hidden' : undefined,
      }}
    >
      {columns.map((col) => {
        const c = COLUMN_BY_ID.get(col.id)!;
        const text = c.text(profile, connection);
        return (
          <div
            key={col.id}
            role="gridcell"
            title={text}
            // The line is the row's height: text centres, and a pinned cell's background
            // covers the whole row over the cells scrolling under it.
            className={`h-full shrink-0 truncate px-2 leading-(--row-line) ${
              col.pin ? `bg-(--row-bg) ${pinEdgeClass(col)}` : ''
            } ${c.cellClass?.(profile) ?? ''}`}
            style={cellStyle(col)}
          >
            {stale && col.id === 'connection' && <StaleChip since={staleSince} />}
            {c.render ? c.render(profile, connection, cell) : text}
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
      title={rowWords().staleChipTitle(since)}
      className="mr-1.5 rounded-full border border-dashed border-amber-500 px-1.5 py-px text-[11px] font-medium text-amber-800 dark:border-amber-700 dark:text-amber-300"
    >
      {rowWords().stale}
    </span>
  );
}
