/**
 * fetchAllPages on its own: how many pages it reads, and the bounds of a listing (rows,
 * bytes, the size of pages relative to their rows).
 */
import { describe, expect, it } from 'vitest';
import { DeckError } from '../../../shared/ipc/result';
import { fetchAllPages, type Page } from '../../../electron/main/providers/common/paging';
import type { CallOptions } from '../../../electron/main/providers/provider';
import { failure } from './fake-server';

const listing = { label: 'Vendor at http://127.0.0.1:1', connectionId: 'c1' };

/** `count` items served `pageSize` at a time; `withTotal` false leaves the total out. */
function pages(count: number, pageSize: number, withTotal: boolean) {
  const asked: number[] = [];
  const fetch = async (index: number): Promise<Page<number>> => {
    asked.push(index);
    const from = index * pageSize;
    const items = Array.from(
      { length: Math.max(0, Math.min(pageSize, count - from)) },
      (_, i) => from + i,
    );
    return { items, total: withTotal ? count : undefined };
  };
  return { fetch, asked };
}

describe('fetchAllPages', () => {
  it.each([
    [250, true],
    [250, false],
    [300, false],
    [0, false],
    [1, true],
  ])('%i items (total given: %s) come back whole and in order', async (count, withTotal) => {
    const src = pages(count, 100, withTotal);
    const all = await fetchAllPages(src.fetch, 100, undefined, listing);
    expect(all).toEqual(Array.from({ length: count }, (_, i) => i));
  });

  it('without a total, reads on past full pages until a short one (and one empty page after exact multiples)', async () => {
    const src = pages(300, 100, false);
    await fetchAllPages(src.fetch, 100, undefined, listing);
    expect(src.asked).toEqual([0, 1, 2, 3]);
  });

  it('a vendor that pages at its own smaller size is read at that size', async () => {
    const src = pages(95, 20, true);
    const all = await fetchAllPages(src.fetch, 100, undefined, listing);
    expect(all).toHaveLength(95);
  });

  it('every page request carries the listing deadline and byte budget', async () => {
    const seen: CallOptions[] = [];
    await fetchAllPages(
      async (index, opts) => {
        seen.push(opts);
        return { items: index < 2 ? [1, 2] : [], total: 5 };
      },
      2,
      undefined,
      { ...listing, clock: () => 1_000, limits: { deadlineMs: 500 } },
    );
    expect(seen.length).toBeGreaterThan(1);
    for (const o of seen) {
      expect(o.deadline).toBe(1_500);
      expect(o.budget).toBe(seen[0]!.budget);
    }
  });

  it('refuses more rows than any account has (no total: the vendor never sends a short page)', async () => {
    let asked = 0;
    const e = await failure(
      fetchAllPages(
        async () => {
          asked++;
          return { items: Array.from({ length: 100 }, () => 0), total: undefined };
        },
        100,
        undefined,
        { ...listing, limits: { maxRows: 1_000 } },
      ),
    );
    expect(e.code).toBe('vendor-error');
    expect(e.message).toMatch(/more than 1,000 profiles/);
    expect(asked).toBeLessThanOrEqual(11);
  });

  it('refuses a reported total above the cap before reading the rest', async () => {
    let asked = 0;
    const e = await failure(
      fetchAllPages(
        async () => {
          asked++;
          return { items: [1], total: 5_000_000 };
        },
        100,
        undefined,
        listing,
      ),
    );
    expect(e.message).toMatch(/5,000,000/);
    expect(asked).toBe(1);
  });

  it('refuses pages far bigger than their rows, and any listing past the byte cap', async () => {
    const limits = { baseBytes: 1_000, bytesPerRow: 10, maxBytes: 1_000_000 };
    // Ten rows a page, each page 5 KB: far more than 10 bytes a row.
    let asked = 0;
    const e = await failure(
      fetchAllPages(
        async (_i, opts) => {
          asked++;
          opts.budget!.take(5_000);
          return { items: Array.from({ length: 10 }, () => 0), total: undefined };
        },
        10,
        undefined,
        { ...listing, limits },
      ),
    );
    expect(e).toBeInstanceOf(DeckError);
    expect(e.message).toMatch(/far more than profiles take/);
    expect(asked).toBeLessThan(5);

    const capped = await failure(
      fetchAllPages(
        async (_i, opts) => {
          opts.budget!.take(600_000);
          return { items: Array.from({ length: 10 }, () => 0), total: undefined };
        },
        10,
        undefined,
        { ...listing, limits: { ...limits, bytesPerRow: 1_000_000 } },
      ),
    );
    expect(capped.message).toMatch(/more than 1 MB/);
  });
});
