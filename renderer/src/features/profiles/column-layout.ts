/**
 * Where the table's columns sit: their order, which are pinned to an edge, and the row
 * density. Pure, as react-table's state: `order` lists every column, `pinning` the ones
 * held at the left or right edge (react-table draws those first and last, in their order).
 */
import type { ColumnOrderState, ColumnPinningState, VisibilityState } from '@tanstack/react-table';

export type Density = 'compact' | 'standard' | 'comfortable';
export const DENSITIES: readonly Density[] = ['compact', 'standard', 'comfortable'];
export const ROW_HEIGHT: Record<Density, number> = { compact: 26, standard: 30, comfortable: 38 };

/**
 * Shown out of the box: what fits a 1280 px laptop with the side panel closed. The rest is
 * one click away in the Columns menu.
 */
export const DEFAULT_COLUMN_VISIBILITY: VisibilityState = {
  proxyCheck: false,
  lastOpened: false,
  debugPort: false,
};

/** Status (with its Open/Close button) stays in view however wide the other columns get. */
export const DEFAULT_COLUMN_PINNING: ColumnPinningState = { left: [], right: ['status'] };

export type PinSide = 'left' | 'right';

export interface ColumnLayout {
  order: ColumnOrderState;
  pinning: ColumnPinningState;
}

interface Groups {
  left: string[];
  center: string[];
  right: string[];
}

/** The columns as drawn, left to right, in their three groups. */
export function columnGroups(all: readonly string[], layout: ColumnLayout): Groups {
  const known = new Set(all);
  const left = (layout.pinning.left ?? []).filter((id) => known.has(id));
  const right = (layout.pinning.right ?? []).filter((id) => known.has(id) && !left.includes(id));
  const ordered = [
    ...layout.order.filter((id) => known.has(id)),
    ...all.filter((id) => !layout.order.includes(id)),
  ];
  const center = ordered.filter((id) => !left.includes(id) && !right.includes(id));
  return { left, center, right };
}

const layoutOf = ({ left, center, right }: Groups): ColumnLayout => ({
  order: [...left, ...center, ...right],
  pinning: { left, right },
});

const groupOf = (g: Groups, id: string): keyof Groups =>
  g.left.includes(id) ? 'left' : g.right.includes(id) ? 'right' : 'center';

const without = (g: Groups, id: string): Groups => ({
  left: g.left.filter((c) => c !== id),
  center: g.center.filter((c) => c !== id),
  right: g.right.filter((c) => c !== id),
});

/**
 * A header dragged onto another: it lands before or after it, and joins its group (dropped
 * among the pinned columns, it is pinned there too).
 */
export function moveColumn(
  all: readonly string[],
  layout: ColumnLayout,
  id: string,
  target: string,
  place: 'before' | 'after',
): ColumnLayout {
  if (id === target || !all.includes(id) || !all.includes(target)) return layout;
  const groups = without(columnGroups(all, layout), id);
  const side = groupOf(groups, target);
  const list = [...groups[side]];
  list.splice(list.indexOf(target) + (place === 'after' ? 1 : 0), 0, id);
  return layoutOf({ ...groups, [side]: list });
}

/**
 * "Move left" / "Move right" from the keyboard: past the next shown column of its group.
 * Returns `layout` itself at the group's edge.
 */
export function shiftColumn(
  all: readonly string[],
  layout: ColumnLayout,
  id: string,
  delta: -1 | 1,
  shown: (id: string) => boolean,
): ColumnLayout {
  const groups = columnGroups(all, layout);
  const list = groups[groupOf(groups, id)].filter((c) => c === id || shown(c));
  const neighbour = list[list.indexOf(id) + delta];
  if (!neighbour) return layout;
  return moveColumn(all, layout, id, neighbour, delta < 0 ? 'before' : 'after');
}

/** Pins a column to an edge (its innermost place there) or lets it scroll again. */
export function pinColumn(
  all: readonly string[],
  layout: ColumnLayout,
  id: string,
  side: PinSide | false,
): ColumnLayout {
  const groups = without(columnGroups(all, layout), id);
  if (side === 'left') groups.left.push(id);
  else if (side === 'right') groups.right.unshift(id);
  else {
    // Unpinned, it goes back among the others where it would be without any order.
    const at = all.indexOf(id);
    const after = groups.center.findIndex((c) => all.indexOf(c) > at);
    groups.center.splice(after < 0 ? groups.center.length : after, 0, id);
  }
  return layoutOf(groups);
}
