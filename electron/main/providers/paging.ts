/**
 * Every page of a paged vendor list: page one first to learn the total, then the rest at
 * once; the connection's gate decides how many are really in flight.
 */
export interface Page<T> {
  items: T[];
  /** Undefined when the vendor does not say: then pages are read until a short one. */
  total: number | undefined;
}

/** Guards against a vendor reporting an absurd total. */
const MAX_PAGES = 10_000;

export async function fetchAllPages<T>(
  fetchPage: (index: number) => Promise<Page<T>>,
  pageSize: number,
): Promise<T[]> {
  const first = await fetchPage(0);
  if (first.total === undefined) {
    const all = [...first.items];
    let last = first.items.length;
    for (let i = 1; last >= pageSize && i < MAX_PAGES; i++) {
      const page = await fetchPage(i);
      all.push(...page.items);
      last = page.items.length;
    }
    return all;
  }
  // A vendor that caps the page size below what we asked for still pages consistently
  // at its own size, so count pages by what the first page really held.
  const sent = first.items.length;
  const per = sent < Math.min(pageSize, first.total) ? sent : pageSize;
  if (per === 0) return first.items;
  const pages = Math.min(Math.ceil(first.total / per), MAX_PAGES);
  const rest = await Promise.all(Array.from({ length: pages - 1 }, (_, i) => fetchPage(i + 1)));
  return rest.length ? first.items.concat(...rest.map((p) => p.items)) : first.items;
}

/**
 * The listing with one item per id, the first in page order. A profile created or deleted
 * while the pages were read shifts them, so a row can come twice. Both vendors list by id,
 * newest first: ids that strictly fall (or rise) all the way through cannot repeat, and
 * checking that costs a comparison per row where a set of 10,000 ids cost a hash each. Any
 * other order, or a shift, falls back to the set.
 */
export function dropRepeats<T extends { vendorId: string }>(items: T[]): T[] {
  if (strictlyOrdered(items)) return items;
  const seen = new Set<string>();
  return items.filter((item) => {
    const before = seen.size;
    return seen.add(item.vendorId).size !== before;
  });
}

/** Numeric ids that strictly fall or strictly rise (a non-numeric id is not ordered). */
function strictlyOrdered(items: readonly { vendorId: string }[]): boolean {
  if (items.length < 2) return true;
  let prev = Number(items[0]!.vendorId);
  const falling = Number(items[1]!.vendorId) < prev;
  for (let i = 1; i < items.length; i++) {
    const n = Number(items[i]!.vendorId);
    // NaN fails both comparisons: not ordered.
    if (falling ? !(n < prev) : !(n > prev)) return false;
    prev = n;
  }
  return true;
}
