/**
 * Every page of a paged vendor list: page one first to learn the total, then the rest at
 * once; the connection's gate decides how many are really in flight.
 *
 * A listing is bounded: busy pages are retried until one overall deadline (a page that
 * stays busy does not throw away the pages that came), and a vendor that sends more rows or
 * bytes than any real account has is refused before it grows main's memory without end.
 */
import type { z } from 'zod';
import { DeckError } from '../../../../shared/ipc/result';
import type { ByteBudget, CallOptions } from '../provider';

export interface Page<T> {
  items: T[];
  /** Undefined when the vendor does not say: then pages are read until a short one. */
  total: number | undefined;
}

export interface ListingLimits {
  /** The largest public accounts hold about 400,000 profiles. */
  maxRows: number;
  /** Bytes of every page together, whatever the rows. */
  maxBytes: number;
  /**
   * Bytes allowed per row received (and per row of the pages that may be in flight), plus
   * `baseBytes`: big pages of few rows are refused after a page or two.
   */
  bytesPerRow: number;
  baseBytes: number;
  /** Busy pages are retried until this long after the listing started. */
  deadlineMs: number;
}

export const DEFAULT_LISTING_LIMITS: ListingLimits = {
  maxRows: 1_000_000,
  maxBytes: 1024 * 1024 * 1024,
  bytesPerRow: 16 * 1024,
  baseBytes: 32 * 1024 * 1024,
  deadlineMs: 30_000,
};

/** Guards against a vendor reporting an absurd total. */
const MAX_PAGES = 10_000;
/** More than any connection's gate lets through at once. */
const PAGES_IN_FLIGHT = 8;

export interface ListingOptions {
  limits?: Partial<ListingLimits>;
  /** Names the vendor in messages ("ixBrowser at http://…"). */
  label: string;
  connectionId: string;
  clock?: () => number;
}

/**
 * Reads every page. `fetchPage` gets the call options each page request must carry: the
 * listing's deadline (busy answers are retried until then) and its byte budget.
 */
export async function fetchAllPages<T>(
  fetchPage: (index: number, opts: CallOptions) => Promise<Page<T>>,
  pageSize: number,
  opts: CallOptions | undefined,
  options: ListingOptions,
): Promise<T[]> {
  const limits = { ...DEFAULT_LISTING_LIMITS, ...options.limits };
  const clock = options.clock ?? Date.now;
  // `context` picks the renderer's sentence for what was too much (errors catalog).
  const refuse = (what: string, params: { context: string } & Record<string, string | number>) =>
    DeckError.of(
      'vendor-error',
      `${options.label} sent ${what}; the listing was stopped so it cannot exhaust memory`,
      {
        details: { connectionId: options.connectionId },
        reason: 'vendor.listing-too-large',
        params: { vendor: options.label, ...params },
      },
    );
  // Rows of the pages that may be on the wire at once, on top of those already received.
  const inFlightRows = pageSize * PAGES_IN_FLIGHT;
  let rowsGot = 0;
  let bytes = 0;
  const budget: ByteBudget = {
    take(n) {
      bytes += n;
      if (bytes > limits.maxBytes)
        throw refuse(`more than ${Math.round(limits.maxBytes / 1024 / 1024)} MB`, {
          context: 'megabytes',
          megabytes: Math.round(limits.maxBytes / 1024 / 1024),
        });
      if (bytes > limits.baseBytes + limits.bytesPerRow * (rowsGot + inFlightRows))
        throw refuse(
          `${Math.round(bytes / 1024 / 1024)} MB for ${rowsGot.toLocaleString('en')} rows, far more than profiles take`,
          { context: 'perRow', megabytes: Math.round(bytes / 1024 / 1024), rows: rowsGot },
        );
    },
  };
  const pageOpts: CallOptions = {
    ...opts,
    deadline: opts?.deadline ?? clock() + limits.deadlineMs,
    budget: opts?.budget ?? budget,
  };
  const counted = async (index: number): Promise<Page<T>> => {
    const page = await fetchPage(index, pageOpts);
    rowsGot += page.items.length;
    if (rowsGot > limits.maxRows)
      throw refuse(`more than ${limits.maxRows.toLocaleString('en')} profiles`, {
        context: 'rows',
        rows: limits.maxRows,
      });
    return page;
  };

  const first = await counted(0);
  if (first.total !== undefined && first.total > limits.maxRows)
    throw refuse(`a total of ${first.total.toLocaleString('en')} profiles`, {
      context: 'total',
      rows: first.total,
    });
  if (first.total === undefined) {
    const all = [...first.items];
    let last = first.items.length;
    for (let i = 1; last >= pageSize && i < MAX_PAGES; i++) {
      const page = await counted(i);
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
  const rest = await Promise.all(Array.from({ length: pages - 1 }, (_, i) => counted(i + 1)));
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

/**
 * How one vendor pages a list: the paging fields of a request, the schema of a page around
 * an item schema, and where a parsed page keeps its rows and total. Everything else about
 * reading a list (deadline, limits, page count, order) is fetchAllPages, written once.
 */
export interface PageDialect {
  /** The paging fields for page `index` (0-based) of `pageSize` rows. */
  request(index: number, pageSize: number): Record<string, unknown>;
  schema<T extends z.ZodType>(item: T): z.ZodType;
  /** Rows and total of a page parsed with `schema`. */
  rows(page: unknown): Page<unknown>;
}

export interface PagedListDeps {
  read(path: string, body: Record<string, unknown>, opts?: CallOptions): Promise<unknown>;
  parse<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T>;
  pageSize: number;
  listing: ListingOptions;
  dialect: PageDialect;
}

/**
 * Every row of a paged vendor list, checked against `item`; `map` turns each page's rows
 * into the caller's objects as the page arrives (overlapping the requests still in flight).
 */
export function createPagedList(deps: PagedListDeps) {
  const { read, parse, pageSize, listing, dialect } = deps;
  return <T extends z.ZodType, R = z.output<T>>(
    path: string,
    item: T,
    opts: CallOptions | undefined,
    body: Record<string, unknown> = {},
    map?: (rows: z.output<T>[]) => R[] | Promise<R[]>,
  ): Promise<R[]> => {
    const schema = dialect.schema(item);
    return fetchAllPages(
      async (index, pageOpts) => {
        const data = await read(path, { ...body, ...dialect.request(index, pageSize) }, pageOpts);
        const page = dialect.rows(parse(schema, data, `${path} page`));
        const rows = page.items as z.output<T>[];
        return { items: map ? await map(rows) : (rows as R[]), total: page.total };
      },
      pageSize,
      opts,
      listing,
    );
  };
}
export type PagedList = ReturnType<typeof createPagedList>;
