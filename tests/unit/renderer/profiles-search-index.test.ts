import { describe, expect, it, vi } from 'vitest';
import type { Profile } from '../../../shared/model';
import {
  createNarrowingFilter,
  EMPTY_FILTERS,
  filterProfiles,
  type ProfileFilters,
} from '../../../renderer/src/features/profiles/filter';
import {
  buildSearchIndex,
  buildSearchIndexAhead,
  fieldIndex,
  keepContaining,
  rowsContaining,
  SEARCH_FIELDS,
  searchTextOf,
} from '../../../renderer/src/features/profiles/search-index';
import { parseSearch, type SearchTerm } from '../../../renderer/src/features/profiles/search-query';
import { profile } from '../../fixtures/profile';

// Enough rows that narrowing walks the haystack instead of reading rows one by one.
const ROWS = 30_000;
const rows: Profile[] = Array.from({ length: ROWS }, (_, i) =>
  profile(i + 1, {
    // Some characters outside a-z and `!` to `?`, which have no bit of their own.
    name: i % 1000 === 0 ? `Café ${i + 1} @Home_Ü` : `Shop ${i + 1}`,
    remark: i % 7 === 0 ? 'Needs Review' : '',
    groupName: i % 2 ? 'Ads' : 'Shops',
    status: i % 4 ? 'closed' : 'open',
    proxy: {
      ...profile(0).proxy,
      type: i % 3 ? 'http' : 'direct',
      host: i % 3 ? `10.0.${i % 250}.${i % 200}` : '',
    },
  }),
);
const index = buildSearchIndex(rows);

/** Whether a row matches a term, with nothing clever. */
const matches = (p: Profile, t: SearchTerm) => {
  if (!t.field) return searchTextOf(p).includes(t.value);
  const field = SEARCH_FIELDS[t.field];
  const text = field.text(p).toLowerCase();
  if (!field.exact) return text.includes(t.value);
  return field.exact.has(t.value) ? text === t.value : text.startsWith(t.value);
};

/** What filtering means, row by row with nothing clever. */
const reference = (f: ProfileFilters) => {
  const terms = parseSearch(f.text);
  return rows.filter(
    (p) =>
      terms.every((t) => matches(p, t)) &&
      (f.group.length === 0 || f.group.includes(p.groupName)) &&
      (f.status.length === 0 || f.status.includes(p.status)),
  );
};

describe('search index', () => {
  it('finds each row once, however often the word occurs in it', () => {
    // "1" occurs several times in "shop 1\n...\n1\n10.0.1.1".
    const hits = [...rowsContaining(index, '1')];
    expect(hits).toEqual(rows.flatMap((p, i) => (searchTextOf(p).includes('1') ? [i] : [])));
  });

  it('finds one-character words, with a bit of their own or not, as the texts have them', () => {
    const all = rowsContaining(index, 'h');
    for (const ch of ['s', 'z', '9', '.', '?', 'é', '@', '_', 'ü']) {
      const want = rows.flatMap((p, i) => (searchTextOf(p).includes(ch) ? [i] : []));
      expect([...rowsContaining(index, ch)], ch).toEqual(want);
      expect([...keepContaining(index, all, ch)], ch).toEqual(
        want.filter((i) => searchTextOf(rows[i]!).includes('h')),
      );
    }
  });

  it('never matches across two rows or two fields', () => {
    // Row 1 ends "...\n1\n" and row 2 starts "shop 2": "1shop" and "shop 1needs" are no row's.
    expect(rowsContaining(index, '1shop')).toHaveLength(0);
    expect(rowsContaining(index, 'shop 1needs')).toHaveLength(0);
  });

  it('narrows a set of rows the same way walking or reading rows one by one', () => {
    const all = rowsContaining(index, 'shop');
    const few = all.slice(0, 100);
    const oneByOne = (among: Int32Array, w: string) =>
      [...among].filter((i) => searchTextOf(rows[i]!).includes(w));
    expect([...keepContaining(index, all, '99')]).toEqual(oneByOne(all, '99'));
    expect([...keepContaining(index, few, '9')]).toEqual(oneByOne(few, '9'));
    expect([...keepContaining(index, all, 'nowhere')]).toEqual([]);
  });

  it('filters 30,000 rows as the row-by-row reference does while typing, backspacing and faceting', () => {
    const filter = createNarrowingFilter();
    const steps: Array<Partial<ProfileFilters>> = [
      ...[...'shop 2999'].map((_, i) => ({ text: 'shop 2999'.slice(0, i + 1) })),
      { text: 'shop 29' },
      { text: 'shop 29 review' },
      { text: 'review 29 shop' },
      { text: 'shop 29 review', group: ['Ads'] },
      { text: 'shop 29 review', group: ['Ads', 'Shops'] },
      { text: '10.0.1', status: ['open'] },
      { text: '10.0.1', status: ['open', 'closed'] },
      { text: '10.0.1.' },
      { text: 'needs' },
      { text: 'needs rev' },
      ...[...'group:ads "shop 29'].map((_, i, all) => ({ text: all.slice(0, i + 1).join('') })),
      { text: 'group:ads "shop 29"' },
      { text: 'proxy:http status:op' },
      { text: 'proxy:http status:open' },
      { text: 'remark:"needs review" café' },
      { text: '' },
    ];
    for (const step of steps) {
      const f = { ...EMPTY_FILTERS, ...step };
      const want = reference(f).map((p) => p.key);
      expect(
        filter(index, f).map((p) => p.key),
        JSON.stringify(step),
      ).toEqual(want);
      expect(
        filterProfiles(index, f).map((p) => p.key),
        JSON.stringify(step),
      ).toEqual(want);
    }
  });

  it('searches a field of few distinct texts per text: one lowercasing each, not one per row', () => {
    const fresh = buildSearchIndex(rows);
    const lower = vi.spyOn(String.prototype, 'toLowerCase');
    try {
      const groups = fieldIndex(fresh, 'group');
      // Two groups (Ads, Shops) over 30,000 rows.
      expect(lower).toHaveBeenCalledTimes(2);
      const want = rows.flatMap((p, i) => (p.groupName.toLowerCase().includes('ad') ? [i] : []));
      expect([...rowsContaining(groups, 'ad')]).toEqual(want);
      expect([...rowsContaining(groups, 's')]).toHaveLength(ROWS);
      expect([...keepContaining(groups, rowsContaining(fresh, '29'), 'shops')]).toEqual(
        rows.flatMap((p, i) =>
          p.groupName === 'Shops' && searchTextOf(p).includes('29') ? [i] : [],
        ),
      );
    } finally {
      lower.mockRestore();
    }
  });

  it('searches a field of many distinct texts through its haystack, as the reference does', () => {
    const names = fieldIndex(buildSearchIndex(rows), 'name');
    const want = rows.flatMap((p, i) => (p.name.toLowerCase().includes('café 1') ? [i] : []));
    expect(want.length).toBeGreaterThan(1);
    expect([...rowsContaining(names, 'café 1')]).toEqual(want);
  });

  it('builds the group and tag indexes ahead, so a first group: search builds nothing', () => {
    const fresh = buildSearchIndex(rows);
    buildSearchIndexAhead(fresh);
    const lower = vi.spyOn(String.prototype, 'toLowerCase');
    let ads: Int32Array;
    try {
      fieldIndex(fresh, 'tag');
      ads = rowsContaining(fieldIndex(fresh, 'group'), 'ads');
    } finally {
      lower.mockRestore();
    }
    expect(lower).not.toHaveBeenCalled();
    expect(ads).toHaveLength(ROWS / 2);
  });

  it('builds ahead a slice of rows at a time, and a search before the end builds the rest', () => {
    // New objects: no search text of theirs is made yet.
    const fresh = buildSearchIndex(rows.map((p) => ({ ...p })));
    const lower = vi.spyOn(String.prototype, 'toLowerCase');
    let slices = 0;
    try {
      expect(buildSearchIndexAhead(fresh, () => slices++ < 2)).toBe(false);
      // Two slices: some rows' texts, far from all.
      expect(lower.mock.calls.length).toBeGreaterThan(0);
      expect(lower.mock.calls.length).toBeLessThan(ROWS / 2);
      lower.mockClear();
      const want = rows.flatMap((p, i) => (searchTextOf(p).includes('shop 2') ? [i] : []));
      lower.mockClear();
      expect([...rowsContaining(fresh, 'shop 2')]).toEqual(want);
      // The rest, once each, not the slices' rows again.
      expect(lower.mock.calls.length).toBeLessThan(ROWS);
    } finally {
      lower.mockRestore();
    }
    expect(fresh.texts).toEqual(rows.map(searchTextOf));
    // What is left (the field indexes), then nothing.
    slices = 0;
    expect(buildSearchIndexAhead(fresh, () => slices++ < 10)).toBe(true);
    expect(buildSearchIndexAhead(fresh, () => false)).toBe(true);
  });

  it('makes no search text until one is read: the first paint of the rows does not wait', () => {
    const fresh = rows.slice(0, 50).map((p) => ({ ...p }));
    const lower = vi.spyOn(String.prototype, 'toLowerCase');
    try {
      const lazy = buildSearchIndex(fresh);
      expect(filterProfiles(lazy, EMPTY_FILTERS)).toBe(lazy.rows);
      expect(lower).not.toHaveBeenCalled();
      buildSearchIndexAhead(lazy);
      expect(lower).toHaveBeenCalled();
      expect(lazy.texts).toEqual(fresh.map(searchTextOf));
      expect([...rowsContaining(lazy, 'shop 2')]).toEqual(
        fresh.flatMap((p, i) => (p.name.toLowerCase().includes('shop 2') ? [i] : [])),
      );
    } finally {
      lower.mockRestore();
    }
  });
});
