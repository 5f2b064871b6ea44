/**
 * isProfileRow stands in for ProfileSchema where last-known rows are read back at start:
 * it must accept exactly what zod accepts. Compared over full rows and over every field of
 * them set to each kind of wrong value, removed, or given a value just past a limit.
 */
import { describe, expect, it } from 'vitest';
import { ProfileSchema, type Profile } from '../../../shared/model';
import { isProfileRow } from '../../../shared/model/profile-row-check';
import { profile } from '../../fixtures/profile';

const full: Profile = profile(7, {
  uuid: 'u-7',
  tags: [
    { id: '1', name: 'vip' },
    { id: '2', name: 'new' },
  ],
  proxy: {
    method: 'custom',
    type: 'socks5',
    host: 'gw.example',
    port: 1080,
    username: 'u',
    hasPassword: true,
    refreshUrl: 'http://r.example/',
    extractionUrl: '',
    extractionChannel: '',
    checkService: 'ip-api',
    socks5Udp: true,
    vendorProxyId: '12',
  },
  proxyCheck: {
    ok: false,
    checkedAt: 1,
    exitIp: '203.0.113.9',
    country: 'DE',
    latencyMs: 120,
    reason: 'timeout',
    message: 'no answer',
  },
  status: 'open',
  lastOpenedAt: 2,
  debugPort: 9222,
});
const bare = profile(8);

/** Every path to a value in the row (objects and arrays walked into). */
function paths(v: unknown, at: Array<string | number> = []): Array<Array<string | number>> {
  if (typeof v !== 'object' || v === null) return [at];
  const entries = Array.isArray(v) ? v.map((x, i) => [i, x] as const) : Object.entries(v);
  return [at, ...entries.flatMap(([k, x]) => paths(x, [...at, k]))];
}

function withValue(row: unknown, path: Array<string | number>, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(row) as Record<string | number, unknown>;
  let node = copy;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (value === REMOVE) delete node[last];
  else node[last] = value;
  return copy;
}

const REMOVE = Symbol('remove');
const WRONG: unknown[] = [
  REMOVE,
  undefined,
  null,
  '',
  'x',
  'closed',
  'custom',
  'socks5',
  'ixbrowser',
  'timeout',
  'x'.repeat(64),
  'x'.repeat(65),
  0,
  -1,
  1.5,
  65535,
  65536,
  true,
  [],
  [{ id: '1' }],
  {},
];

const agree = (row: unknown) =>
  expect(isProfileRow(row), JSON.stringify(row)).toBe(ProfileSchema.safeParse(row).success);

describe('isProfileRow', () => {
  it('accepts full and bare rows, as zod does', () => {
    expect(isProfileRow(full)).toBe(true);
    expect(isProfileRow(bare)).toBe(true);
    agree(full);
    agree(bare);
  });

  it('agrees with zod on every field set to every kind of wrong value, or removed', () => {
    let refused = 0;
    for (const row of [full, bare])
      for (const path of paths(row))
        for (const value of WRONG) {
          const changed = withValue(row, path, value);
          agree(changed);
          if (!ProfileSchema.safeParse(changed).success) refused++;
        }
    // The corruptions do reach zod's refusals (not only harmless changes).
    expect(refused).toBeGreaterThan(500);
  });

  it('refuses what is not a row at all', () => {
    for (const v of [null, undefined, 1, 'row', [], [full]]) agree(v);
  });
});
