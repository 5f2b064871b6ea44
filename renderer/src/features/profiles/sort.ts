/**
 * Sorting the profiles table. Done here rather than by react-table's sorted row model so
 * that it runs once per data or sort change (never per filter keystroke: filtering keeps
 * this order) and so it is unit-tested as a pure function.
 */
import type { Profile } from '../../../../shared/model';

export type ColumnId =
  | 'connection'
  | 'id'
  | 'name'
  | 'group'
  | 'tags'
  | 'remark'
  | 'proxy'
  | 'proxyCheck'
  | 'status'
  | 'lastOpened'
  | 'debugPort';

export interface SortKey {
  id: string;
  desc: boolean;
}

export interface SortContext {
  connectionLabel(connectionId: string): string;
}

type Value = string | number | undefined;

/** What a column sorts by; `undefined` sorts last in both directions. */
export function sortValue(p: Profile, column: string, ctx: SortContext): Value {
  switch (column as ColumnId) {
    case 'connection':
      return ctx.connectionLabel(p.connectionId);
    case 'id':
      return p.vendorId;
    case 'name':
      return p.name;
    case 'group':
      return p.groupName || undefined;
    case 'tags':
      return p.tags.map((t) => t.name).join(', ') || undefined;
    case 'remark':
      return p.remark || undefined;
    case 'proxy':
      return p.proxy.type === 'direct'
        ? undefined
        : `${p.proxy.type} ${p.proxy.host}:${p.proxy.port ?? ''}`;
    case 'proxyCheck':
      // Failed checks first when ascending: they are what a user looks for.
      return p.proxyCheck ? (p.proxyCheck.ok ? 1 : 0) * 1e15 + p.proxyCheck.checkedAt : undefined;
    case 'status':
      return p.status;
    case 'lastOpened':
      return p.lastOpenedAt;
    case 'debugPort':
      return p.debugPort;
    default:
      return undefined;
  }
}

/**
 * A key that compares with plain `<` the way people expect: case-insensitive, and numeric
 * so "Shop 9" sorts before "Shop 10". Intl.Collator does the same but is several times
 * slower over 50,000 rows, and re-sorting happens after every job patch.
 */
export function naturalKey(s: string): string {
  return s.toLowerCase().replace(/\d+/g, (d) => d.padStart(16, '0'));
}

// Per profile object and column: rows a patch did not replace keep their keys.
const cachedKeys = new WeakMap<Profile, Map<string, Value>>();

function sortKey(p: Profile, column: string, ctx: SortContext): Value {
  // Labels can be renamed, so the connection key is not cached per row (it is cheap).
  if (column === 'connection') return naturalKey(ctx.connectionLabel(p.connectionId));
  let keys = cachedKeys.get(p);
  if (!keys) cachedKeys.set(p, (keys = new Map()));
  if (keys.has(column)) return keys.get(column);
  const raw = sortValue(p, column, ctx);
  const key = typeof raw === 'string' ? naturalKey(raw) : raw;
  keys.set(column, key);
  return key;
}

/** A stable sort by the given keys; returns `rows` itself when there is nothing to sort by. */
export function sortProfiles(
  rows: readonly Profile[],
  sorting: readonly SortKey[],
  ctx: SortContext,
): Profile[] {
  if (sorting.length === 0) return rows as Profile[];
  // Decorate once: each value is computed n times, not n log n times.
  const values = sorting.map((s) => rows.map((p) => sortKey(p, s.id, ctx)));
  const index = rows.map((_, i) => i);
  index.sort((i, j) => {
    for (let k = 0; k < sorting.length; k++) {
      const a = values[k]![i];
      const b = values[k]![j];
      if (a === b) continue;
      if (a === undefined) return 1;
      if (b === undefined) return -1;
      const c = a < b ? -1 : 1;
      return sorting[k]!.desc ? -c : c;
    }
    return i - j;
  });
  return index.map((i) => rows[i]!);
}
