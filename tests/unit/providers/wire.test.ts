/**
 * The wire layer on its own: rows are tolerant where vendors are loose and strict where a
 * wrong value would mislead, and a bad row in a list of thousands is named by index and
 * field. The row check is compiled per schema, so these pin that it checks every field.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  parseWire,
  WireId,
  WireOptionalId,
  WirePort,
  WireProxyType,
  WireText,
  wireRow,
  wireRows,
} from '../../../electron/main/providers/common/wire';
import {
  NamedWire,
  WindowPage,
  WindowWire,
} from '../../../electron/main/providers/bit-family/bit-wire';

const Row = wireRow({ profile_id: WireId, name: WireText, proxy_port: WirePort });
const Page = z.object({ total: z.number(), data: wireRows(Row).nullable() });
const Either = wireRow(
  { id: WireOptionalId, browserId: WireOptionalId },
  { check: (r) => r.id !== undefined || r.browserId !== undefined, field: 'id', message: 'no id' },
);

const parse = <T extends z.ZodType>(schema: T, value: unknown) =>
  parseWire(schema, value, 'page', { vendorLabel: 'Vendor' });
const failure = (fn: () => unknown): Error => {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a failure');
};

describe('wire rows', () => {
  it('take numbers as strings, null and missing optional keys, and ignore extra keys', () => {
    const rows = [
      { profile_id: 7, name: 'a', proxy_port: '8080', extra: { nested: true } },
      { profile_id: '8', name: null, proxy_port: null },
      { profile_id: 9 },
      { profile_id: 10, name: 42, proxy_port: '' },
    ];
    // The vendor's own rows come back, as they were.
    expect(parse(Page, { total: 4, data: rows }).data).toEqual(rows);
    expect(parse(Page, { total: 0, data: null }).data).toBeNull();
  });

  it.each([
    ['a missing id', { name: 'x' }, /data\.1\.profile_id: /],
    ['an empty id', { profile_id: ' ' }, /data\.1\.profile_id: /],
    ['a fractional id', { profile_id: 1.5 }, /data\.1\.profile_id: /],
    ['a port out of range', { profile_id: 2, proxy_port: 70000 }, /data\.1\.proxy_port: .*port/],
    ['a port that is not a number', { profile_id: 2, proxy_port: 'http' }, /data\.1\.proxy_port/],
    ['text that is an object', { profile_id: 2, name: { first: 'a' } }, /data\.1\.name: /],
    ['a row that is not an object', 'row', /data\.1/],
  ])('refuse %s, naming the row and the field', (_what, bad, message) => {
    const data = [{ profile_id: 1 }, bad, { profile_id: 3 }];
    const e = failure(() => parse(Page, { total: 3, data }));
    expect(e.message).toMatch(/^Vendor sent an unexpected page: /);
    expect(e.message).toMatch(message);
  });

  it('check every field of the row, the last as well as the first', () => {
    const Wide = wireRow(
      Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`f${i}`, WirePort])),
    );
    const ok = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`f${i}`, i + 1]));
    expect(Wide.safeParse(ok).success).toBe(true);
    for (const i of [0, 9, 19]) {
      const e = failure(() => parse(wireRows(Wide), [ok, { ...ok, [`f${i}`]: -1 }]));
      expect(e.message).toContain(`1.f${i}: `);
    }
  });

  it('refuse a list that is not a list', () => {
    expect(
      failure(() => parse(Page, { total: 1, data: { 0: { profile_id: 1 } } })).message,
    ).toMatch(/data: expected a list/);
  });

  it('a rule across fields is named by its field, in a list and alone', () => {
    expect(parse(wireRows(Either), [{ id: 1 }, { browserId: '2' }])).toHaveLength(2);
    expect(failure(() => parse(wireRows(Either), [{ id: 1 }, {}])).message).toMatch(/1\.id: no id/);
    expect(failure(() => parse(Either, { name: 'x' })).message).toMatch(/id: no id/);
  });

  it('an unknown proxy type is an error, not a guess', () => {
    const P = wireRow({ proxy_type: WireProxyType });
    expect(P.safeParse({ proxy_type: 'SOCKS5' }).success).toBe(true);
    expect(P.safeParse({ proxy_type: 'noproxy' }).success).toBe(true);
    expect(failure(() => parse(wireRows(P), [{ proxy_type: 'quic' }])).message).toMatch(
      /0\.proxy_type: unknown proxy type/,
    );
  });

  it('a list of anything else is an ordinary zod array', () => {
    expect(parse(wireRows(z.number()), [1, 2])).toEqual([1, 2]);
    expect(failure(() => parse(wireRows(z.number()), [1, 'x'])).message).toMatch(/^.*1: /);
  });
});

describe('CosLogin pages', () => {
  const Page = WindowPage(WindowWire);
  const rows = [{ id: 2, name: 'b' }, { browserId: '1' }];

  it.each([
    ['an object with a list and a total', { list: rows, total: 9 }, { items: rows, total: 9 }],
    ['the total as a string', { records: rows, totalNum: '9' }, { items: rows, total: 9 }],
    ['no total', { rows }, { items: rows }],
    ['a bare array', rows, { items: rows }],
    ['nothing', null, { items: [], total: 0 }],
  ])('reads %s', (_what, raw, page) => {
    expect(parse(Page, raw)).toEqual(page);
  });

  it.each([
    [
      'a row without an id, by the key it came in',
      { data: [rows[0], { name: 'x' }] },
      /data\.1\.id: /,
    ],
    ['a row in a bare array', [{ name: 'x' }], /^Vendor sent an unexpected page: 0\.id: /],
    [
      'a total that is not a number',
      { list: rows, total: 'many' },
      /total: expected a whole number/,
    ],
    ['a page with no list', { total: 3 }, /no list in the page/],
    ['a page that is text', 'page', /expected a page of items/],
  ])('refuses %s', (_what, raw, message) => {
    expect(failure(() => parse(Page, raw)).message).toMatch(message);
  });

  it('items of a schema with a transform come out transformed', () => {
    expect(parse(WindowPage(NamedWire), { list: [{ id: 4, groupName: 'Shop' }] })).toEqual({
      items: [{ id: '4', name: 'Shop' }],
    });
  });
});
