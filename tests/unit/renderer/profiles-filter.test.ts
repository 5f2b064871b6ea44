import { describe, expect, it } from 'vitest';
import {
  buildSearchIndex,
  EMPTY_FILTERS,
  facetOptions,
  facetSource,
  filterProfiles,
  createNarrowingFilter,
  hasActiveFilters,
  readFilters,
  type ProfileFilters,
} from '../../../renderer/src/features/profiles/filter';
import { profile } from '../../fixtures/profile';

const withProxy = (host: string, type: 'http' | 'socks5' = 'http') => ({
  ...profile(0).proxy,
  method: 'custom' as const,
  type,
  host,
  port: 8080,
});

const rows = [
  profile(1, { name: 'Shop Alpha', remark: 'Needs REVIEW', groupName: 'Shops' }),
  profile(2, { name: 'Ads Beta', tags: [{ id: 't', name: 'vip' }], proxy: withProxy('10.1.2.3') }),
  profile(3, {
    connectionId: 'cos',
    vendor: 'cos',
    name: 'Shop Gamma',
    status: 'open',
    proxy: withProxy('proxy.example.com', 'socks5'),
  }),
  profile(44, { name: 'Other', groupName: 'Shops' }),
];
const index = buildSearchIndex(rows);
const names = (f: Partial<ProfileFilters>) =>
  filterProfiles(index, { ...EMPTY_FILTERS, ...f }).map((p) => p.name);

describe('filterProfiles', () => {
  it('keeps everything, in order, when no filter is set', () => {
    expect(names({})).toEqual(['Shop Alpha', 'Ads Beta', 'Shop Gamma', 'Other']);
  });

  it('searches name, remark, id, proxy host, group and tag names, case-insensitively', () => {
    // "Other" is in the group "Shops".
    expect(names({ text: 'shop' })).toEqual(['Shop Alpha', 'Shop Gamma', 'Other']);
    expect(names({ text: 'VIP' })).toEqual(['Ads Beta']);
    expect(names({ text: 'default' })).toEqual(['Ads Beta', 'Shop Gamma']);
    expect(names({ text: 'review' })).toEqual(['Shop Alpha']);
    expect(names({ text: '44' })).toEqual(['Other']);
    expect(names({ text: 'EXAMPLE.com' })).toEqual(['Shop Gamma']);
    expect(names({ text: '10.1.2' })).toEqual(['Ads Beta']);
  });

  it('needs every word to match, in any field', () => {
    expect(names({ text: 'shop example' })).toEqual(['Shop Gamma']);
    expect(names({ text: '  shop   nothing ' })).toEqual([]);
  });

  it('matches a quoted phrase as written, and bare words in any order or field', () => {
    expect(names({ text: '"shop gamma"' })).toEqual(['Shop Gamma']);
    expect(names({ text: '"gamma shop"' })).toEqual([]);
    expect(names({ text: 'gamma shop' })).toEqual(['Shop Gamma']);
    // A phrase never spans two fields: name "Shop Alpha", remark "Needs REVIEW".
    expect(names({ text: '"alpha needs"' })).toEqual([]);
  });

  it('looks only in the field a prefix names', () => {
    expect(names({ text: 'group:shop' })).toEqual(['Shop Alpha', 'Other']);
    expect(names({ text: 'name:shop' })).toEqual(['Shop Alpha', 'Shop Gamma']);
    expect(names({ text: 'tag:vip' })).toEqual(['Ads Beta']);
    expect(names({ text: 'tag:shop' })).toEqual([]);
    expect(names({ text: 'remark:review' })).toEqual(['Shop Alpha']);
    expect(names({ text: 'remark:alpha' })).toEqual([]);
    expect(names({ text: 'id:44' })).toEqual(['Other']);
    expect(names({ text: 'proxy:socks5' })).toEqual(['Shop Gamma']);
    expect(names({ text: 'proxy:10.1.2.3:8080' })).toEqual(['Ads Beta']);
    expect(names({ text: 'proxy:direct' })).toEqual(['Shop Alpha', 'Other']);
    expect(names({ text: 'GROUP:"Shops" shop' })).toEqual(['Shop Alpha', 'Other']);
  });

  it('status: a whole status matches itself only, a part the statuses it begins', () => {
    const statusRows = buildSearchIndex([
      profile(1, { name: 'a', status: 'open' }),
      profile(2, { name: 'b', status: 'opening' }),
      profile(3, { name: 'c', status: 'closed' }),
    ]);
    const by = (text: string) =>
      filterProfiles(statusRows, { ...EMPTY_FILTERS, text }).map((p) => p.name);
    expect(by('status:open')).toEqual(['a']);
    expect(by('status:op')).toEqual(['a', 'b']);
    expect(by('status:opening')).toEqual(['b']);
    // A bare word does not look at the status.
    expect(by('open')).toEqual([]);
  });

  it('filters by connection, group, tag, status and proxy type, combined', () => {
    expect(names({ connectionId: ['cos'] })).toEqual(['Shop Gamma']);
    expect(names({ group: ['Shops'] })).toEqual(['Shop Alpha', 'Other']);
    expect(names({ tag: ['vip'] })).toEqual(['Ads Beta']);
    expect(names({ status: ['open'] })).toEqual(['Shop Gamma']);
    expect(names({ proxyType: ['direct'] })).toEqual(['Shop Alpha', 'Other']);
    expect(names({ group: ['Shops'], text: 'other' })).toEqual(['Other']);
    expect(names({ proxyType: ['socks5'], connectionId: ['ix'] })).toEqual([]);
  });

  it('takes several values per filter: a row with any of them passes', () => {
    expect(names({ proxyType: ['socks5', 'direct'] })).toEqual([
      'Shop Alpha',
      'Shop Gamma',
      'Other',
    ]);
    expect(names({ connectionId: ['ix', 'cos'], status: ['open', 'closed'] })).toEqual([
      'Shop Alpha',
      'Ads Beta',
      'Shop Gamma',
      'Other',
    ]);
    expect(names({ group: ['Shops', 'Default'], proxyType: ['http'] })).toEqual(['Ads Beta']);
  });

  it('filters on the proxy check: works, failed or not checked', () => {
    const checked = buildSearchIndex([
      profile(1, { name: 'ok', proxyCheck: { ok: true, checkedAt: 1, exitIp: '203.0.113.9' } }),
      profile(2, { name: 'bad', proxyCheck: { ok: false, checkedAt: 1, reason: 'timeout' } }),
      profile(3, { name: 'never' }),
    ]);
    const by = (proxyCheck: string[]) =>
      filterProfiles(checked, { ...EMPTY_FILTERS, proxyCheck }).map((p) => p.name);
    expect(by(['failed'])).toEqual(['bad']);
    expect(by(['unchecked', 'ok'])).toEqual(['ok', 'never']);
  });

  it('sees a patched row: search text is per profile object', () => {
    const renamed = { ...rows[3]!, name: 'Shop Delta' };
    const next = buildSearchIndex([rows[0]!, renamed]);
    expect(filterProfiles(next, { ...EMPTY_FILTERS, text: 'delta' })).toEqual([renamed]);
  });
});

describe('filter helpers', () => {
  it('hasActiveFilters ignores whitespace-only text', () => {
    expect(hasActiveFilters(EMPTY_FILTERS)).toBe(false);
    expect(hasActiveFilters({ ...EMPTY_FILTERS, text: '  ' })).toBe(false);
    expect(hasActiveFilters({ ...EMPTY_FILTERS, tag: ['vip'] })).toBe(true);
    expect(hasActiveFilters({ ...EMPTY_FILTERS, proxyCheck: ['failed'] })).toBe(true);
  });

  it('reads filters an older build saved with one value per filter', () => {
    expect(readFilters({ group: 'Shops', tag: '', status: 'open', text: 'x', gone: 1 })).toEqual({
      ...EMPTY_FILTERS,
      group: ['Shops'],
      status: ['open'],
      text: 'x',
    });
    expect(readFilters({ tag: ['a', 'a', 3], text: 5 })).toEqual({ ...EMPTY_FILTERS, tag: ['a'] });
    expect(readFilters(undefined)).toEqual(EMPTY_FILTERS);
  });

  it('facetOptions lists the groups and tags present, sorted', () => {
    expect(facetOptions(rows)).toEqual({ groups: ['Default', 'Shops'], tags: ['vip'] });
  });

  it('facetSource walks the rows only when a menu first asks, and once', () => {
    let reads = 0;
    const counted = rows.map((p) =>
      Object.defineProperty({ ...p }, 'groupName', {
        get: () => (reads++, p.groupName),
      }),
    );
    const source = facetSource(counted);
    expect(reads).toBe(0);
    expect(source()).toEqual(facetOptions(rows));
    const walked = reads;
    expect(walked).toBeGreaterThan(0);
    expect(source()).toBe(source());
    expect(reads).toBe(walked);
  });
});

describe('createNarrowingFilter', () => {
  it('answers as filterProfiles does while the text is typed forward, changed and cleared', () => {
    const filter = createNarrowingFilter();
    const steps: Array<Partial<ProfileFilters>> = [
      { text: 's' },
      { text: 'sh' },
      { text: 'shop' },
      { text: 'shop g' },
      { text: 'shop' },
      { text: 'shop', group: ['Shops'] },
      { text: 'shop a', group: ['Shops'] },
      { text: 'shop a', group: ['Shops', 'Default'] },
      { text: 'a' },
      { text: '' },
      { text: '10.1' },
      ...[...'group:"sho" sh'].map((_, i, all) => ({ text: all.slice(0, i + 1).join('') })),
      { text: 'status:op' },
      { text: 'status:open' },
      { text: 'status:opening' },
      { text: 'tag:v' },
      { text: 'tag:vip "ads b"' },
      { text: 'tag:vip' },
    ];
    for (const step of steps) {
      const f = { ...EMPTY_FILTERS, ...step };
      expect(
        filter(index, f).map((p) => p.name),
        JSON.stringify(step),
      ).toEqual(filterProfiles(index, f).map((p) => p.name));
    }
  });

  it('answers from the new rows when the listing changes under a query being typed', () => {
    const filter = createNarrowingFilter();
    filter(index, { ...EMPTY_FILTERS, text: 'shop' });
    filter(index, { ...EMPTY_FILTERS, text: 'shop a' });
    // A refetch: Shop Alpha was renamed and left the Shops, Other renamed, a row added.
    const next = buildSearchIndex([
      { ...rows[0]!, name: 'Store Alpha', groupName: 'Default' },
      ...rows.slice(1, 3),
      { ...rows[3]!, name: 'Shop Other' },
      profile(5, { name: 'Shop Alamo' }),
    ]);
    for (const text of ['shop a', 'shop al', 'shop', 'group:sho', 'alpha']) {
      const f = { ...EMPTY_FILTERS, text };
      expect(
        filter(next, f).map((p) => p.name),
        text,
      ).toEqual(filterProfiles(next, f).map((p) => p.name));
    }
    // Before the refetch: Shop Alpha and Shop Gamma.
    expect(filter(next, { ...EMPTY_FILTERS, text: 'shop a' }).map((p) => p.name)).toEqual([
      'Shop Gamma',
      'Shop Alamo',
    ]);
  });

  it('scans only the last matches when the text is extended', () => {
    const filter = createNarrowingFilter();
    const big = buildSearchIndex(rows);
    const seen: string[] = [];
    const spy = new Proxy(big.texts as string[], {
      get(target, prop, receiver) {
        if (typeof prop === 'string' && /^\d+$/.test(prop)) seen.push(prop);
        return Reflect.get(target, prop, receiver);
      },
    });
    const spied = { rows: big.rows, texts: spy };
    filter(spied, { ...EMPTY_FILTERS, text: 'shop' });
    // Every row's text, to build the haystack.
    expect(new Set(seen)).toEqual(new Set(['0', '1', '2', '3']));
    seen.length = 0;
    filter(spied, { ...EMPTY_FILTERS, text: 'shop g' });
    // Only Shop Alpha, Shop Gamma and Other (group Shops) matched "shop".
    expect(seen.sort()).toEqual(['0', '2', '3']);
  });

  it('narrows the answer with the fewest terms left to look for, among the smallest', () => {
    const filter = createNarrowingFilter();
    const shops = buildSearchIndex(
      [1, 2, 3, 10].map((n) => profile(n, { name: `Shop ${n}`, groupName: '' })),
    );
    const seen: string[] = [];
    const spied = {
      rows: shops.rows,
      texts: new Proxy(shops.texts as string[], {
        get(target, prop, receiver) {
          if (typeof prop === 'string' && /^\d+$/.test(prop)) seen.push(prop);
          return Reflect.get(target, prop, receiver);
        },
      }),
    };
    // Every row has "s" and "shop": two answers of four rows.
    filter(spied, { ...EMPTY_FILTERS, text: 's' });
    filter(spied, { ...EMPTY_FILTERS, text: 'shop' });
    seen.length = 0;
    const found = filter(spied, { ...EMPTY_FILTERS, text: 'shop 1' });
    expect(found.map((p) => p.name)).toEqual(['Shop 1', 'Shop 10']);
    // "shop" is answered: each row is read once, for "1"; from "s", twice (shop, then 1).
    expect(seen.sort()).toEqual(['0', '1', '2', '3']);
  });
});

describe('createNarrowingFilter keeps the table still when the answer is the same', () => {
  it('gives the same array back when backspacing to a query it answered', () => {
    const filter = createNarrowingFilter();
    const shop = filter(index, { ...EMPTY_FILTERS, text: 'shop' });
    filter(index, { ...EMPTY_FILTERS, text: 'shop g' });
    expect(filter(index, { ...EMPTY_FILTERS, text: 'shop' })).toBe(shop);
  });

  it('gives the rows themselves back when every row matches', () => {
    const filter = createNarrowingFilter();
    expect(filter(index, { ...EMPTY_FILTERS, text: 'e' })).toBe(index.rows);
    // A word that every row of the narrowed answer has keeps that answer's array.
    const other = filter(index, { ...EMPTY_FILTERS, text: 'other' });
    expect(filter(index, { ...EMPTY_FILTERS, text: 'other 44' })).toBe(other);
  });
});
