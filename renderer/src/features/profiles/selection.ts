/**
 * Selection of table rows as pure transitions: keys, never indices, so a selection
 * survives sorting, filtering and refetches. `order` is always the current sorted and
 * filtered row order (what the user sees), which is what a Shift-range means.
 */

export interface Selection {
  keys: ReadonlySet<string>;
  /** Where a Shift-range starts: the last row clicked or toggled. */
  anchor: string | null;
  /** The keyboard focus row. */
  focus: string | null;
}

type Order = readonly { key: string }[];

export const EMPTY_SELECTION: Selection = { keys: new Set(), anchor: null, focus: null };

function indexOf(order: Order, key: string | null): number {
  if (key === null) return -1;
  for (let i = 0; i < order.length; i++) if (order[i]!.key === key) return i;
  return -1;
}

function range(order: Order, from: number, to: number): string[] {
  const [a, b] = from <= to ? [from, to] : [to, from];
  const keys: string[] = [];
  for (let i = a; i <= b; i++) keys.push(order[i]!.key);
  return keys;
}

export interface ClickModifiers {
  /** Shift: select the range from the anchor. */
  range: boolean;
  /** Ctrl/Cmd: toggle one row (with Shift: add the range to the selection). */
  toggle: boolean;
}

export function clickRow(
  sel: Selection,
  key: string,
  mods: ClickModifiers,
  order: Order,
): Selection {
  if (mods.range) {
    const to = indexOf(order, key);
    const from = indexOf(order, sel.anchor);
    if (to >= 0 && from >= 0) {
      const keys = new Set(mods.toggle ? sel.keys : []);
      for (const k of range(order, from, to)) keys.add(k);
      return { keys, anchor: sel.anchor, focus: key };
    }
    // No anchor in view: a Shift-click starts a fresh selection like a plain click.
  }
  if (mods.toggle) {
    const keys = new Set(sel.keys);
    if (keys.has(key)) keys.delete(key);
    else keys.add(key);
    return { keys, anchor: key, focus: key };
  }
  return { keys: new Set([key]), anchor: key, focus: key };
}

/** Arrow keys: move the focus row; with Shift, the selection becomes anchor..focus. */
export function moveFocus(sel: Selection, delta: number, order: Order, extend: boolean): Selection {
  if (order.length === 0) return sel;
  const at = indexOf(order, sel.focus);
  const next = at < 0 ? 0 : Math.max(0, Math.min(order.length - 1, at + delta));
  const focus = order[next]!.key;
  if (!extend) return { ...sel, focus, anchor: focus };
  const anchorAt = indexOf(order, sel.anchor);
  const from = anchorAt >= 0 ? anchorAt : at >= 0 ? at : next;
  return { keys: new Set(range(order, from, next)), anchor: order[from]!.key, focus };
}

/** Space: toggle the focus row. */
export function toggleFocus(sel: Selection): Selection {
  if (sel.focus === null) return sel;
  const keys = new Set(sel.keys);
  if (keys.has(sel.focus)) keys.delete(sel.focus);
  else keys.add(sel.focus);
  return { keys, anchor: sel.focus, focus: sel.focus };
}

/** Select all: every row of `order`, i.e. the filtered set, rendered or not. */
export function selectAll(sel: Selection, order: Order): Selection {
  return { ...sel, keys: new Set(order.map((p) => p.key)) };
}

export function clearSelection(sel: Selection): Selection {
  return sel.keys.size === 0 ? sel : { keys: new Set(), anchor: null, focus: sel.focus };
}

/** Drops keys of rows that no longer exist; returns `sel` itself when nothing vanished. */
export function pruneSelection(sel: Selection, exists: (key: string) => boolean): Selection {
  let dropped = false;
  const keys = new Set<string>();
  for (const k of sel.keys) {
    if (exists(k)) keys.add(k);
    else dropped = true;
  }
  const focus = sel.focus !== null && exists(sel.focus) ? sel.focus : null;
  const anchor = sel.anchor !== null && exists(sel.anchor) ? sel.anchor : null;
  if (!dropped && focus === sel.focus && anchor === sel.anchor) return sel;
  return { keys, anchor, focus };
}

const positionCache = new WeakMap<readonly { key: string }[], ReadonlyMap<string, number>>();

/**
 * Each key's position in `order`, so a small selection is put in order without a scan.
 * Kept per list: the profiles view builds it while idle, before the first click needs it.
 */
export function positionsOf(order: readonly { key: string }[]): ReadonlyMap<string, number> {
  let at = positionCache.get(order);
  if (!at) {
    const map = new Map<string, number>();
    for (let i = 0; i < order.length; i++) map.set(order[i]!.key, i);
    positionCache.set(order, (at = map));
  }
  return at;
}

/**
 * The selected rows in `order`'s order (the order a rename numbers them in). Given the
 * `positions` of that order, a selection much smaller than the list costs its own size:
 * a right click selects one row of 50,000 and its menu must open at once.
 */
export function selectedInOrder<T extends { key: string }>(
  order: readonly T[],
  keys: ReadonlySet<string>,
  positions?: ReadonlyMap<string, number>,
): T[] {
  if (keys.size === 0) return [];
  if (positions && keys.size * 16 < order.length) {
    const at: number[] = [];
    for (const k of keys) {
      const i = positions.get(k);
      if (i !== undefined) at.push(i);
    }
    return at.sort((a, b) => a - b).map((i) => order[i]!);
  }
  return order.filter((p) => keys.has(p.key));
}
