/**
 * Connections through the real core against the sandbox: several clients at once,
 * detection on given ports, edit and remove, and where tokens live (encrypted on disk, or in
 * memory only when the OS offers no encryption).
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/main/core';
import { createLogger } from '../../../electron/main/log';
import { createTestCipher } from '../../../electron/main/secrets/secret-store';
import { startSandbox, type Sandbox } from '../../../electron/sandbox';
import type { Connection } from '../../../shared/model';

let ixA: Sandbox;
let ixB: Sandbox;
beforeAll(async () => {
  [ixA, ixB] = await Promise.all([
    startSandbox({ ixProfiles: 7, cosProfiles: 5, chromiumPath: null, cosToken: 'cos-token-A' }),
    startSandbox({ ixProfiles: 3, cosProfiles: 0, chromiumPath: null, seed: 2 }),
  ]);
});
afterAll(async () => {
  await Promise.all([ixA.stop(), ixB.stop()]);
});

const cores: Core[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.dispose();
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function newDataDir() {
  const dir = await mkdtemp(join(tmpdir(), 'deck-conn-'));
  dirs.push(dir);
  return dir;
}

function core(dataDir: string, opts: { encryption?: boolean; detect?: number[] } = {}) {
  const c = createCore({
    dataDir,
    cipher: createTestCipher('k', opts.encryption ?? true),
    log: createLogger(() => {}),
    app: { name: 'BrowserDeck', version: 't', platform: process.platform, electron: null },
    validateResponses: true,
    detectPorts: { ixbrowser: opts.detect ?? [], cos: [] },
  });
  cores.push(c);
  return c;
}

async function call<T>(c: Core, channel: string, request: unknown): Promise<T> {
  const r = await c.dispatch(channel, request);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data as T;
}

async function filesUnder(dir: string): Promise<Array<{ name: string; text: string }>> {
  const out: Array<{ name: string; text: string }> = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const path = join(e.parentPath, e.name);
    out.push({ name: path, text: (await readFile(path)).toString('latin1') });
  }
  return out;
}

describe('connections', () => {
  it('two ixBrowser installs and a CosLogin at once: every profile in one list', async () => {
    const c = core(await newDataDir());
    const a = await call<Connection>(c, 'connections:add', {
      vendor: 'ixbrowser',
      baseUrl: ixA.ix.url,
    });
    const b = await call<Connection>(c, 'connections:add', {
      vendor: 'ixbrowser',
      baseUrl: `${ixB.ix.url}/api/v2/`,
    });
    const cos = await call<Connection>(c, 'connections:add', {
      vendor: 'cos',
      baseUrl: ixA.cos.url,
      token: 'cos-token-A',
      label: 'Team Cos',
    });
    expect(b.baseUrl).toBe(ixB.ix.url);
    expect([a, b, cos].map((x) => x.health)).toMatchObject([
      { state: 'ok', profileCount: 7 },
      { state: 'ok', profileCount: 3 },
      { state: 'ok', profileCount: 5 },
    ]);
    expect(cos).toMatchObject({ hasToken: true, label: 'Team Cos' });
    expect(JSON.stringify(cos)).not.toContain('cos-token-A');

    const list = await call<{ profiles: Array<{ connectionId: string }>; errors: unknown[] }>(
      c,
      'profiles:list',
      {},
    );
    expect(list.errors).toEqual([]);
    const per = new Map<string, number>();
    for (const p of list.profiles) per.set(p.connectionId, (per.get(p.connectionId) ?? 0) + 1);
    expect(Object.fromEntries(per)).toEqual({ [a.id]: 7, [b.id]: 3, [cos.id]: 5 });

    // The same client twice is refused, naming the existing connection.
    const again = await c.dispatch('connections:add', { vendor: 'ixbrowser', baseUrl: ixA.ix.url });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('a wrong token tests as an error; fixing it by edit makes the connection healthy', async () => {
    const c = core(await newDataDir());
    const cos = await call<Connection>(c, 'connections:add', {
      vendor: 'cos',
      baseUrl: ixA.cos.url,
      token: 'wrong',
    });
    expect(cos.health.state).toBe('error');
    // The failure crosses as a value the UI words in its language, not only main's English.
    expect(cos.health.error).toMatchObject({
      code: 'unauthorized',
      details: { reason: expect.any(String) },
    });
    const fixed = await call<Connection>(c, 'connections:update', {
      id: cos.id,
      token: 'cos-token-A',
    });
    expect(fixed.health).toMatchObject({ state: 'ok', profileCount: 5 });
    const removed = await call<{ removed: boolean }>(c, 'connections:remove', { id: cos.id });
    expect(removed.removed).toBe(true);
    expect(await call<Connection[]>(c, 'connections:list', {})).toEqual([]);
  });

  it('tokens are saved encrypted and survive a restart; no file holds one in plain text', async () => {
    const dir = await newDataDir();
    const first = core(dir);
    const cos = await call<Connection>(first, 'connections:add', {
      vendor: 'cos',
      baseUrl: ixA.cos.url,
      token: 'cos-token-A',
    });
    await first.dispose();
    for (const f of await filesUnder(dir)) expect(f.text, f.name).not.toContain('cos-token-A');

    const second = core(dir);
    const [again] = await call<Connection[]>(second, 'connections:list', {});
    expect(again).toMatchObject({ id: cos.id, hasToken: true });
    expect(await call<{ state: string }>(second, 'connections:test', { id: cos.id })).toMatchObject(
      {
        state: 'ok',
      },
    );
  });

  it('without OS encryption the token stays in memory for the session and app:info says so', async () => {
    const dir = await newDataDir();
    const c = core(dir, { encryption: false });
    expect(await call<{ secretStorage: string }>(c, 'app:info', {})).toMatchObject({
      secretStorage: 'memory',
    });
    const cos = await call<Connection>(c, 'connections:add', {
      vendor: 'cos',
      baseUrl: ixA.cos.url,
      token: 'cos-token-A',
    });
    expect(cos.health.state).toBe('ok');
    const files = await filesUnder(dir);
    expect(files.map((f) => f.name).some((n) => n.endsWith('secrets.bin'))).toBe(false);
    for (const f of files) expect(f.text, f.name).not.toContain('cos-token-A');
    await c.dispose();

    const restarted = core(dir, { encryption: false });
    const [back] = await call<Connection[]>(restarted, 'connections:list', {});
    expect(back).toMatchObject({ id: cos.id, hasToken: false });
  });

  it('detects a client on a given port at start; one the user removed stays removed', async () => {
    const port = Number(new URL(ixB.ix.url).port);
    const dir = await newDataDir();
    const first = core(dir, { detect: [port] });
    const [found] = await call<Connection[]>(first, 'connections:list', {});
    expect(found).toMatchObject({ vendor: 'ixbrowser', baseUrl: ixB.ix.url });
    await call(first, 'connections:remove', { id: found!.id });
    await first.dispose();

    const second = core(dir, { detect: [port] });
    expect(await call<Connection[]>(second, 'connections:list', {})).toEqual([]);
    const detected = await call<Array<{ baseUrl: string }>>(second, 'connections:detect', {});
    expect(detected.map((d) => d.baseUrl)).toContain(ixB.ix.url);
  });
});

describe('AdsPower request rate: a connection setting', () => {
  it('defaults to 1/s, takes 2, 5 or 10, refuses other rates and other vendors, and is saved', async () => {
    const dataDir = await newDataDir();
    const c = core(dataDir);
    const added = await call<Connection>(c, 'connections:add', {
      vendor: 'adspower',
      baseUrl: ixA.ads.url,
    });
    expect(added.requestsPerSecond).toBe(1);
    const faster = await call<Connection>(c, 'connections:update', {
      id: added.id,
      requestsPerSecond: 5,
    });
    expect(faster.requestsPerSecond).toBe(5);

    const odd = await c.dispatch('connections:update', { id: added.id, requestsPerSecond: 3 });
    expect(odd).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-input',
        message: 'requestsPerSecond: AdsPower takes 1, 2, 5, 10 requests per second, not 3',
        details: { field: 'requestsPerSecond' },
      },
    });
    const ix = await call<Connection>(c, 'connections:add', {
      vendor: 'ixbrowser',
      baseUrl: ixA.ix.url,
    });
    expect(ix.requestsPerSecond).toBeUndefined();
    expect(
      await c.dispatch('connections:update', { id: ix.id, requestsPerSecond: 2 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', details: { field: 'requestsPerSecond' } },
    });

    const saved = JSON.parse(await readFile(join(dataDir, 'connections.json'), 'utf8')) as {
      connections: Array<{ id: string; requestsPerSecond?: number }>;
    };
    expect(saved.connections.find((s) => s.id === added.id)?.requestsPerSecond).toBe(5);
    await c.dispose();
    cores.splice(cores.indexOf(c), 1);
    const again = core(dataDir);
    const reloaded = await call<Connection[]>(again, 'connections:list', {});
    expect(reloaded.find((x) => x.id === added.id)?.requestsPerSecond).toBe(5);
  });

  it('a changed rate paces the next requests (the sandbox counts them)', async () => {
    const slow = await startSandbox({
      ixProfiles: 0,
      cosProfiles: 0,
      bitProfiles: 0,
      adsProfiles: 5,
      chromiumPath: null,
      adsRequestsPerSecond: 2,
    });
    try {
      const c = core(await newDataDir());
      const added = await call<Connection>(c, 'connections:add', {
        vendor: 'adspower',
        baseUrl: slow.ads.url,
        requestsPerSecond: 10,
      });
      // Set faster than the client allows: AdsPower answers "too many", and the calls
      // still succeed on retry.
      await Promise.all(
        [1, 2, 3, 4].map(() => call(c, 'groups:list', { connectionIds: [added.id] })),
      );
      expect(slow.ads.overRateCount()).toBeGreaterThan(0);
      await call(c, 'connections:update', { id: added.id, requestsPerSecond: 2 });
      const before = slow.ads.arrivals().length;
      await Promise.all(
        [1, 2, 3, 4].map(() => call(c, 'groups:list', { connectionIds: [added.id] })),
      );
      // From now on at most 2 a second: every request at least half a second after the last
      // (the first may still meet the old rate's second, be refused, and be sent again).
      const arrivals = slow.ads.arrivals().slice(before);
      expect(arrivals.length).toBeGreaterThanOrEqual(4);
      for (let n = 1; n < arrivals.length; n++)
        expect(arrivals[n]! - arrivals[n - 1]!).toBeGreaterThanOrEqual(500);
    } finally {
      await slow.stop();
    }
  });
});
