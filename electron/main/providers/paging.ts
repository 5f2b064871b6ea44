/**
 * Every page of a paged vendor list: page one first to learn the total, then the rest at
 * once; the connection's gate decides how many are really in flight.
 */
export interface Page<T> {
  items: T[];
  /** Undefined when the vendor does not say: then pages are read until a short one. */
  total: number | undefined;
  /** Rows the vendor sent, when `items` holds fewer (duplicates dropped while mapping). */
  received?: number;
}

const sent = <T>(page: Page<T>) => page.received ?? page.items.length;

/** Guards against a vendor reporting an absurd total. */
const MAX_PAGES = 10_000;

export async function fetchAllPages<T>(
  fetchPage: (index: number) => Promise<Page<T>>,
  pageSize: number,
): Promise<T[]> {
  const first = await fetchPage(0);
  if (first.total === undefined) {
    const all = [...first.items];
    let last = sent(first);
    for (let i = 1; last >= pageSize && i < MAX_PAGES; i++) {
      const page = await fetchPage(i);
      all.push(...page.items);
      last = sent(page);
    }
    return all;
  }
  // A vendor that caps the page size below what we asked for still pages consistently
  // at its own size, so count pages by what the first page really held.
  const per = sent(first) < Math.min(pageSize, first.total) ? sent(first) : pageSize;
  if (per === 0) return first.items;
  const pages = Math.min(Math.ceil(first.total / per), MAX_PAGES);
  const rest = await Promise.all(Array.from({ length: pages - 1 }, (_, i) => fetchPage(i + 1)));
  return rest.length ? first.items.concat(...rest.map((p) => p.items)) : first.items;
}

/** Adds `id` to `seen`; true if it was not there. One hash lookup per row, not two. */
export function firstSight(seen: Set<string>, id: string): boolean {
  const before = seen.size;
  return seen.add(id).size !== before;
}
