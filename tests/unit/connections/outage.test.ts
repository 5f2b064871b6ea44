/**
 * An outage never empties the table: a connection whose client stops answering keeps its
 * last full listing (in memory, and on disk across a restart), marked stale with its time
 * and the error. The snapshot on disk holds no secret.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/main/core';
import { createLogger } from '../../../electron/main/log';
import { createTestCipher } from '../../../electron/main/secrets/secret-store';
import { startSandbox, type Sandbox } from '../../../electron/sandbox';
import type { ResponseOf } from '../../../shared/ipc/contract';
import type { Connection } from '../../../shared/model';
import { previewFromLastKnown } from '../../../renderer/src/features/profiles/listing-preview';
import { profile } from '../../fixtures/profile';

type List = ResponseOf<'profiles:list'>;
const cleanup: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function dataDir() {
  const dir = await mkdtemp(join(tmpdir(), 'deck-outage-'));
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

function core(dir: string, clock = () => Date.now()): Core {
  const c = createCore({
    dataDir: dir,
    cipher: createTestCipher(),
    log: createLogger(() => {}),
    app: { name: 'BrowserDeck', version: 't', platform: process.platform, electron: null },
    validateResponses: true,
    detectPorts: { ixbrowser: [], cos: [] },
    clock,
  });
  cleanup.push(() => c.dispose());
  return c;
}

async function call<T>(c: Core, channel: string, request: unknown): Promise<T> {
  const r = await c.dispatch(channel, request);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data as T;
}

async function sandbox(cosToken = 'tok-outage-1'): Promise<Sandbox> {
  const sb = await startSandbox({ ixProfiles: 12, cosProfiles: 8, chromiumPath: null, cosToken });
  cleanup.push(() => sb.stop());
  return sb;
}

/** A core with one ixBrowser connection nobody answers, and where its snapshot goes. */
async function unreachableWithSnapshotDir() {
  const dir = await dataDir();
  const c = core(dir);
  const ix = await call<Connection>(c, 'connections:add', {
    vendor: 'ixbrowser',
    baseUrl: 'http://127.0.0.1:1',
  });
  await mkdir(join(dir, 'last-known'), { recursive: true });
  return { dir, c, ix, file: join(dir, 'last-known', `${ix.id}.json`) };
}

describe('an outage', () => {
  it('keeps the last rows, stale, with their time and the error; a new listing replaces them', async () => {
    const sb = await sandbox();
    let now = 1_700_000_000_000;
    const c = core(await dataDir(), () => now);
    const ix = await call<Connection>(c, 'connections:add', {
      vendor: 'ixbrowser',
      baseUrl: sb.ix.url,
    });
    const cos = await call<Connection>(c, 'connections:add', {
      vendor: 'cos',
      baseUrl: sb.cos.url,
      token: sb.cos.token,
    });
    const first = await call<List>(c, 'profiles:list', {});
    expect(first.errors).toEqual([]);
    expect(first.profiles).toHaveLength(20);
    const listedAt = now;

    now += 60_000;
    await sb.stop();
    const during = await call<List>(c, 'profiles:list', {});
    expect(during.profiles.map((p) => p.key).sort()).toEqual(
      first.profiles.map((p) => p.key).sort(),
    );
    expect(during.profiles.every((p) => p.status === 'unknown' && p.debugPort === undefined)).toBe(
      true,
    );
    expect(during.errors).toHaveLength(2);
    for (const e of during.errors) {
      expect(e.lastKnownAt).toBe(listedAt);
      expect(e.error.code).toBe('unreachable');
    }
    expect(during.errors.map((e) => e.connectionId).sort()).toEqual([cos.id, ix.id].sort());

    // The clients are back on their ports: a listing brings fresh rows, no errors.
    const back = await startSandbox({
      ixProfiles: 12,
      cosProfiles: 8,
      chromiumPath: null,
      cosToken: sb.cos.token,
      ixPort: Number(new URL(sb.ix.url).port),
      cosPort: Number(new URL(sb.cos.url).port),
    });
    cleanup.push(() => back.stop());
    const fresh = await call<List>(c, 'profiles:list', {});
    expect(fresh.errors).toEqual([]);
    expect(fresh.profiles).toHaveLength(20);
    expect(fresh.profiles.every((p) => p.status === 'closed')).toBe(true);
    await back.stop();

    // Removing a connection drops its rows for good.
    await call(c, 'connections:remove', { id: cos.id });
    const after = await call<List>(c, 'profiles:list', {});
    expect(after.profiles.every((p) => p.connectionId === ix.id)).toBe(true);
    expect(after.profiles).toHaveLength(12);
  });

  it('survives a restart: the snapshot on disk, without any secret', async () => {
    const sb = await sandbox('tok-outage-secret');
    const dir = await dataDir();
    const first = core(dir);
    const cos = await call<Connection>(first, 'connections:add', {
      vendor: 'cos',
      baseUrl: sb.cos.url,
      token: sb.cos.token,
    });
    const listed = await call<List>(first, 'profiles:list', {});
    expect(listed.profiles).toHaveLength(8);
    await first.dispose();
    await sb.stop();

    const files = await readdir(join(dir, 'last-known'));
    expect(files).toHaveLength(1);
    const text = await readFile(join(dir, 'last-known', files[0]!), 'utf8');
    expect(text).not.toContain('tok-outage-secret');
    const passwords = sb.cos
      .profiles()
      .map((w) => w.proxyPassword)
      .filter((pw) => pw.length >= 4);
    expect(passwords.length).toBeGreaterThan(0);
    for (const pw of passwords) expect(text).not.toContain(pw);

    const second = core(dir);
    const during = await call<List>(second, 'profiles:list', {});
    expect(during.profiles.map((p) => p.key).sort()).toEqual(
      listed.profiles.map((p) => p.key).sort(),
    );
    expect(during.errors).toEqual([
      expect.objectContaining({ connectionId: cos.id, lastKnownAt: expect.any(Number) }),
    ]);
  });

  it('a damaged snapshot is as good as none: the error shows, nothing throws', async () => {
    const { c, ix, file } = await unreachableWithSnapshotDir();
    await writeFile(file, '{"version":1,"connectionId":');
    const listed = await call<List>(c, 'profiles:list', {});
    expect(listed.profiles).toEqual([]);
    expect(listed.errors).toEqual([
      expect.objectContaining({
        connectionId: ix.id,
        error: expect.objectContaining({ code: 'unreachable' }),
      }),
    ]);
    expect(listed.errors[0]!.lastKnownAt).toBeUndefined();
  });

  it('at start the last rows come at once (no vendor call), and a listing arrives page by page', async () => {
    const sb = await startSandbox({ ixProfiles: 250, cosProfiles: 0, chromiumPath: null });
    cleanup.push(() => sb.stop());
    const dir = await dataDir();
    const first = core(dir);
    const ix = await call<Connection>(first, 'connections:add', {
      vendor: 'ixbrowser',
      baseUrl: sb.ix.url,
    });
    expect(await call(first, 'profiles:last-known', {})).toEqual({
      profiles: [],
      connections: [],
      snapshots: [],
    });

    const pages: Array<{ connectionId: string; profiles: unknown[] }> = [];
    first.events.subscribe((event, payload) => {
      if (event === 'profiles:event:page') pages.push(payload as (typeof pages)[number]);
    });
    const listed = await call<List>(first, 'profiles:list', {});
    expect(listed.profiles).toHaveLength(250);
    expect(pages.map((p) => p.profiles.length).sort()).toEqual([100, 100, 50]);
    expect(pages.every((p) => p.connectionId === ix.id)).toBe(true);
    await first.dispose();

    // A restart with the client slow to answer: the last rows are there without asking it.
    sb.setFaults({ latencyMs: 5_000 });
    const second = core(dir);
    const before = sb.ix.requestCount();
    const known = await call<ResponseOf<'profiles:last-known'>>(second, 'profiles:last-known', {});
    // Main has only read the file: the page gets its text and reads it as main would.
    expect(known.profiles).toEqual([]);
    expect(known.snapshots.map((s) => s.connectionId)).toEqual([ix.id]);
    const shown = previewFromLastKnown(known);
    expect(shown.profiles).toHaveLength(250);
    expect(shown.profiles.map((p) => p.key).sort()).toEqual(
      listed.profiles.map((p) => p.key).sort(),
    );
    expect(shown.profiles.every((p) => p.status === 'unknown' && p.debugPort === undefined)).toBe(
      true,
    );
    expect([...shown.staleSince.keys()]).toEqual([ix.id]);
    expect(sb.ix.requestCount()).toBe(before);

    // Handed to the page, the snapshot is still main's when the client does not answer.
    sb.setFaults({});
    await sb.stop();
    const during = await call<List>(second, 'profiles:list', {});
    expect(during.profiles).toHaveLength(250);
    expect(during.errors).toEqual([
      expect.objectContaining({ connectionId: ix.id, lastKnownAt: shown.staleSince.get(ix.id) }),
    ]);
    // Rows main holds now go as rows, with their time.
    const again = await call<ResponseOf<'profiles:last-known'>>(second, 'profiles:last-known', {});
    expect(again.snapshots).toEqual([]);
    expect(again.profiles).toHaveLength(250);
    expect(again.connections).toEqual([
      { connectionId: ix.id, listedAt: shown.staleSince.get(ix.id) },
    ]);
  });

  it('the page reads a snapshot as main does: a damaged row is dropped, a damaged file shows nothing', async () => {
    const { dir, ix, file } = await unreachableWithSnapshotDir();
    const row = (id: number) => profile(id, { connectionId: ix.id, key: `${ix.id}/${id}` });
    const rows = [row(1), { ...row(2), tags: 'vip' }, row(3), { ...row(4), connectionId: 'other' }];
    await writeFile(
      file,
      JSON.stringify({ version: 1, connectionId: ix.id, listedAt: 42, profiles: rows }),
    );
    const fresh = core(dir);
    const known = await call<ResponseOf<'profiles:last-known'>>(fresh, 'profiles:last-known', {});
    const shown = previewFromLastKnown(known);
    expect(shown.profiles.map((p) => p.key)).toEqual([`${ix.id}/1`, `${ix.id}/3`]);
    expect([...shown.staleSince]).toEqual([[ix.id, 42]]);

    for (const text of ['{"version":1,"connectionId":', '{"version":2,"profiles":[]}', '[]']) {
      await writeFile(file, text);
      const restarted = core(dir);
      const answer = await call<ResponseOf<'profiles:last-known'>>(
        restarted,
        'profiles:last-known',
        {},
      );
      const nothing = previewFromLastKnown(answer);
      expect(nothing.profiles, text).toEqual([]);
      expect(nothing.staleSince.size, text).toBe(0);
    }
  });
});
