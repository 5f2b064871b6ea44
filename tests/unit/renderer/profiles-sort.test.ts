import { describe, expect, it } from 'vitest';
import { naturalKey, sortProfiles } from '../../../renderer/src/features/profiles/sort';
import { profile } from '../../fixtures/profile';

const ctx = { connectionLabel: (id: string) => ({ ix: 'Zeta', cos: 'Alpha' })[id] ?? id };
const names = (rows: { name: string }[]) => rows.map((r) => r.name);

describe('sortProfiles', () => {
  const rows = [
    profile(1, { name: 'shop 10' }),
    profile(2, { name: 'Shop 9' }),
    profile(3, { name: 'Ads' }),
    profile(4, { name: 'shop 100' }),
  ];

  it('sorts names case-insensitively and numerically, both directions', () => {
    expect(names(sortProfiles(rows, [{ id: 'name', desc: false }], ctx))).toEqual([
      'Ads',
      'Shop 9',
      'shop 10',
      'shop 100',
    ]);
    expect(names(sortProfiles(rows, [{ id: 'name', desc: true }], ctx))).toEqual([
      'shop 100',
      'shop 10',
      'Shop 9',
      'Ads',
    ]);
  });

  it('returns the input untouched without a sort', () => {
    expect(sortProfiles(rows, [], ctx)).toBe(rows);
  });

  it('puts missing values last in both directions', () => {
    const r = [
      profile(1, { debugPort: undefined }),
      profile(2, { debugPort: 9300 }),
      profile(3, { debugPort: 9222 }),
    ];
    const ids = (desc: boolean) =>
      sortProfiles(r, [{ id: 'debugPort', desc }], ctx).map((p) => p.vendorId);
    expect(ids(false)).toEqual(['3', '2', '1']);
    expect(ids(true)).toEqual(['2', '3', '1']);
  });

  it('sorts the connection column by label, and breaks ties by the next key, stably', () => {
    const r = [
      profile(1, { connectionId: 'ix', name: 'b' }),
      profile(2, { connectionId: 'cos', name: 'z' }),
      profile(3, { connectionId: 'ix', name: 'a' }),
      profile(4, { connectionId: 'cos', name: 'z' }),
    ];
    const sorted = sortProfiles(
      r,
      [
        { id: 'connection', desc: false },
        { id: 'name', desc: false },
      ],
      ctx,
    );
    expect(sorted.map((p) => p.key)).toEqual(['cos/2', 'cos/4', 'ix/3', 'ix/1']);
  });

  it('sorts failed proxy checks before passed ones when ascending', () => {
    const r = [
      profile(1, { proxyCheck: { ok: true, checkedAt: 5 } }),
      profile(2),
      profile(3, { proxyCheck: { ok: false, checkedAt: 9 } }),
    ];
    expect(
      sortProfiles(r, [{ id: 'proxyCheck', desc: false }], ctx).map((p) => p.vendorId),
    ).toEqual(['3', '1', '2']);
  });

  it('naturalKey compares like people count', () => {
    expect(naturalKey('Shop 9') < naturalKey('shop 10')).toBe(true);
  });
});
