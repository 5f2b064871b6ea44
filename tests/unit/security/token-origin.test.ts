/**
 * A compromised renderer (or a typo in the edit dialog) tries to get a connection's token
 * sent somewhere else. A recording server on loopback stands for "somewhere else": whatever
 * the channel sequence, it never sees the token. Off-machine addresses are refused outright.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/main/core';
import { createLogger } from '../../../electron/main/log';
import { createTestCipher } from '../../../electron/main/secrets/secret-store';
import { startSandbox, type Sandbox } from '../../../electron/sandbox';
import type { Connection } from '../../../shared/model';
import { cosOk, sendJson, startFakeServer, type FakeServer } from '../providers/fake-server';

const TOKEN = 'cos-secret-token-7f3a';
let sandbox: Sandbox;
let recorder: FakeServer;
beforeAll(async () => {
  sandbox = await startSandbox({
    ixProfiles: 3,
    cosProfiles: 4,
    chromiumPath: null,
    cosToken: TOKEN,
  });
  // Answers like a CosLogin client, so every channel gets as far as it can.
  recorder = await startFakeServer((_req, res) => sendJson(res, cosOk({ list: [], total: 0 })));
});
afterAll(async () => {
  await Promise.all([sandbox.stop(), recorder.close()]);
});

const cores: Core[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.dispose();
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function newCore(): Promise<Core> {
  const dataDir = await mkdtemp(join(tmpdir(), 'deck-origin-'));
  dirs.push(dataDir);
  const c = createCore({
    dataDir,
    cipher: createTestCipher(),
    log: createLogger(() => {}),
    app: { name: 'BrowserDeck', version: 't', platform: process.platform, electron: null },
    validateResponses: true,
    detectPorts: { ixbrowser: [], cos: [] },
  });
  cores.push(c);
  return c;
}

async function call<T>(c: Core, channel: string, request: unknown): Promise<T> {
  const r = await c.dispatch(channel, request);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data as T;
}

/** Every channel that makes main talk to a connection's client. */
async function exercise(c: Core, id: string): Promise<void> {
  await c.dispatch('connections:test', { id });
  await c.dispatch('profiles:list', { connectionIds: [id] });
  await c.dispatch('groups:list', { connectionIds: [id] });
  await c.dispatch('tags:list', { connectionIds: [id] });
  await c.dispatch('sessions:list', { connectionIds: [id] });
  await c.dispatch('connections:detect', {});
}

const recorderSawToken = () =>
  recorder.requests.some((r) => JSON.stringify([r.headers, r.body]).includes(TOKEN));

describe('a token is bound to the client it was entered for', () => {
  it('moving a connection to another address drops its token; nothing reaches the new address', async () => {
    const c = await newCore();
    const cos = await call<Connection>(c, 'connections:add', {
      vendor: 'cos',
      baseUrl: sandbox.cos.url,
      token: TOKEN,
    });
    expect(cos).toMatchObject({ hasToken: true, health: { state: 'ok' } });

    recorder.requests.length = 0;
    const moved = await call<Connection>(c, 'connections:update', {
      id: cos.id,
      baseUrl: recorder.url,
    });
    expect(moved.hasToken).toBe(false);
    await exercise(c, cos.id);
    expect(recorder.requests.length).toBeGreaterThan(0);
    expect(recorderSawToken()).toBe(false);

    // Moving back does not bring the old token back either: the user enters it again.
    const back = await call<Connection>(c, 'connections:update', {
      id: cos.id,
      baseUrl: sandbox.cos.url,
    });
    expect(back.hasToken).toBe(false);
    const again = await call<Connection>(c, 'connections:update', { id: cos.id, token: TOKEN });
    expect(again).toMatchObject({ hasToken: true, health: { state: 'ok' } });
  });

  it('a move that carries a new token uses that one, and only there', async () => {
    const c = await newCore();
    const cos = await call<Connection>(c, 'connections:add', {
      vendor: 'cos',
      baseUrl: sandbox.cos.url,
      token: TOKEN,
    });
    recorder.requests.length = 0;
    const moved = await call<Connection>(c, 'connections:update', {
      id: cos.id,
      baseUrl: recorder.url,
      token: 'token-for-the-recorder',
    });
    expect(moved.hasToken).toBe(true);
    await exercise(c, cos.id);
    const seen = JSON.stringify(recorder.requests.map((r) => [r.path, r.headers, r.body]));
    expect(recorderSawToken(), seen).toBe(false);
    expect(
      recorder.requests.some((r) => r.headers['x-cos-local-token'] === 'token-for-the-recorder'),
      seen,
    ).toBe(true);
  });

  it('the same client written another way keeps its token (localhost = 127.0.0.1)', async () => {
    const c = await newCore();
    const cos = await call<Connection>(c, 'connections:add', {
      vendor: 'cos',
      baseUrl: sandbox.cos.url,
      token: TOKEN,
    });
    const port = new URL(sandbox.cos.url).port;
    const renamed = await call<Connection>(c, 'connections:update', {
      id: cos.id,
      baseUrl: `http://localhost:${port}/`,
    });
    expect(renamed).toMatchObject({ baseUrl: `http://localhost:${port}`, hasToken: true });
    expect(renamed.health.state).toBe('ok');
  });

  it.each([
    'http://192.168.1.20:54345',
    'http://10.0.0.1:53200',
    'http://example.com:54345',
    'http://127.0.0.1.nip.io:54345',
    'http://[::ffff:10.0.0.1]:54345',
    'http://0.0.0.0:54345',
  ])('%s is refused on add and on edit, naming the field', async (address) => {
    const c = await newCore();
    const added = await c.dispatch('connections:add', {
      vendor: 'cos',
      baseUrl: address,
      token: TOKEN,
    });
    expect(added).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', details: { field: 'baseUrl' } },
    });
    if (!added.ok) expect(added.error.message).toMatch(/this machine/);

    const cos = await call<Connection>(c, 'connections:add', {
      vendor: 'cos',
      baseUrl: sandbox.cos.url,
      token: TOKEN,
    });
    const edited = await c.dispatch('connections:update', { id: cos.id, baseUrl: address });
    expect(edited).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', details: { field: 'baseUrl' } },
    });
    // Nothing changed: same address, token still there.
    const [kept] = await call<Connection[]>(c, 'connections:list', {});
    expect(kept).toMatchObject({ baseUrl: sandbox.cos.url, hasToken: true });
  });

  it.each(['http://127.0.0.2:1', 'http://localhost:1', 'http://[::1]:1', 'http://127.1:1'])(
    '%s is on this machine and accepted',
    async (address) => {
      const c = await newCore();
      const added = await c.dispatch('connections:add', { vendor: 'ixbrowser', baseUrl: address });
      expect(added.ok).toBe(true);
    },
  );

  it('the same client twice is refused whatever the spelling, naming the existing connection', async () => {
    const c = await newCore();
    const port = new URL(sandbox.ix.url).port;
    const first = await call<Connection>(c, 'connections:add', {
      vendor: 'ixbrowser',
      baseUrl: sandbox.ix.url,
      label: 'Office ix',
    });
    for (const spelling of [
      `http://localhost:${port}`,
      `http://[::1]:${port}/api/v2`,
      `http://127.0.0.1:${port}/`,
    ]) {
      const again = await c.dispatch('connections:add', { vendor: 'ixbrowser', baseUrl: spelling });
      expect(again, spelling).toMatchObject({
        ok: false,
        error: { code: 'conflict', details: { connectionId: first.id, field: 'baseUrl' } },
      });
      if (!again.ok) expect(again.error.message).toContain('Office ix');
    }
    // One port is one client, whichever vendor the user picked.
    const asCos = await c.dispatch('connections:add', { vendor: 'cos', baseUrl: sandbox.ix.url });
    expect(asCos).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});
