/**
 * The last-known snapshot's text: rows refer to their proxy, tags and proxy check, written
 * once each, and read back as the rows they were; files of the first version still read.
 */
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../shared/model';
import {
  asStale,
  readSnapshot,
  snapshotText,
  snapshotWriter,
} from '../../../shared/model/last-known-snapshot';
import { profile } from '../../fixtures/profile';

const socks = (host: string): Profile['proxy'] => ({
  ...profile(0).proxy,
  type: 'socks5',
  host,
  port: 1080,
  username: 'u',
  hasPassword: true,
});

/** Shared and distinct proxies and tags, a proxy check on some, an open row. */
const rows = (): Profile[] =>
  Array.from({ length: 12 }, (_, i) =>
    profile(i + 1, {
      connectionId: 'ads',
      vendor: 'adspower',
      proxy: i % 3 === 0 ? socks(`10.0.0.${i}`) : profile(0).proxy,
      tags: i % 2 ? [{ id: 't1', name: 'VIP' }] : [],
      ...(i % 4 === 0 && { proxyCheck: { ok: true, checkedAt: 7, exitIp: '1.2.3.4' } }),
      ...(i === 5 && { status: 'open', debugPort: 9222, lastOpenedAt: 99 }),
    }),
  );

describe('the last-known snapshot', () => {
  it('reads back the rows it was written from, field for field, their windows not known', () => {
    const listed = rows();
    const read = readSnapshot(snapshotText('ads', { profiles: listed, listedAt: 42 }), 'ads');
    expect(read).toEqual({ profiles: listed.map(asStale), listedAt: 42 });
    expect(read!.profiles[5]).not.toHaveProperty('debugPort');
  });

  it('leaves out of each row what the file says once: key, connection, vendor, state', () => {
    const listed = rows();
    const text = snapshotText('ads', { profiles: listed, listedAt: 42 });
    for (const field of ['"key"', '"connectionId"', '"vendor"', '"status"', '"debugPort"'])
      expect(text.split(field), field).toHaveLength(
        field === '"connectionId"' || field === '"vendor"' ? 2 : 1,
      );
    // A row that is not what reading would make of it keeps its own.
    const odd = { ...listed[0]!, key: 'ads/other-key', vendor: 'ixbrowser' as const };
    const read = readSnapshot(
      snapshotText('ads', { profiles: [listed[1]!, odd], listedAt: 1 }),
      'ads',
    )!;
    expect(read.profiles[1]).toMatchObject({ key: 'ads/other-key', vendor: 'ixbrowser' });
    expect(read.profiles[0]).toMatchObject({ key: 'ads/2', vendor: 'adspower' });
  });

  it('writes each proxy and tag list once; rows that share one share one object, frozen', () => {
    const listed = rows();
    const text = snapshotText('ads', { profiles: listed, listedAt: 42 });
    expect(text.split('"type":"direct"')).toHaveLength(2);
    expect(text.split('"VIP"')).toHaveLength(2);
    const wholeRows = JSON.stringify({ profiles: listed }).length;
    expect(text.length).toBeLessThan(wholeRows * 0.75);

    const { profiles } = readSnapshot(text, 'ads')!;
    expect(profiles[1]!.proxy).toBe(profiles[2]!.proxy);
    expect(profiles[1]!.tags).toBe(profiles[3]!.tags);
    expect(profiles[0]!.proxy).not.toBe(profiles[3]!.proxy);
    expect(() => {
      (profiles[1]!.proxy as { host: string }).host = 'changed';
    }).toThrow(TypeError);
    expect(() =>
      (profiles[1]!.tags as Profile['tags'][number][]).push({ id: 'x', name: 'x' }),
    ).toThrow(TypeError);
    expect(profiles[2]!.proxy.host).toBe('');
  });

  it('written in slices, as main writes 400,000 rows, is the text written at once', () => {
    const listed = rows();
    const writer = snapshotWriter('ads', 42);
    const sliced =
      writer.head +
      writer.rows(listed.slice(0, 5)) +
      writer.rows([]) +
      writer.rows(listed.slice(5)) +
      [...writer.tail(2)].join('');
    expect(sliced).toBe(snapshotText('ads', { profiles: listed, listedAt: 42 }));
    expect(readSnapshot(snapshotText('ads', { profiles: [], listedAt: 1 }), 'ads')).toEqual({
      profiles: [],
      listedAt: 1,
    });
  });

  it('reads a file of the first version (each row whole), written before this one', () => {
    const listed = rows();
    const v1 = JSON.stringify({ version: 1, connectionId: 'ads', listedAt: 42, profiles: listed });
    expect(readSnapshot(v1, 'ads')).toEqual({ profiles: listed, listedAt: 42 });
    expect(readSnapshot(v1, 'ads')!.profiles[5]).toMatchObject({ status: 'open', debugPort: 9222 });
  });

  it('drops a row whose reference leads nowhere, keeps the others; refuses a file without values', () => {
    const text = snapshotText('ads', { profiles: rows().slice(0, 3), listedAt: 42 });
    const file = JSON.parse(text) as { profiles: Record<string, unknown>[]; values: unknown[] };
    file.profiles[0]!['proxy'] = 99;
    file.profiles[1]!['tags'] = -1;
    file.profiles[2]!['proxy'] = file.values.length; // one past the end
    const damaged = { ...file, profiles: [...file.profiles, ...JSON.parse(text).profiles] };
    const read = readSnapshot(JSON.stringify(damaged), 'ads')!;
    expect(read.profiles.map((p) => p.vendorId)).toEqual(['1', '2', '3']);

    const { values: _values, ...withoutValues } = file;
    expect(() => readSnapshot(JSON.stringify(withoutValues), 'ads')).toThrow(/not a last-known/);
    expect(readSnapshot(text, 'other')).toBeUndefined();
  });
});
