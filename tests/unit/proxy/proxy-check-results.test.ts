/**
 * Issue 23, point 7: a proxy check fills the Proxy-check column, and the result stays on
 * the profile wherever main hands it out (a reload, the rows another job refreshes) until
 * its proxy is another one. Real core, the vendor sandbox, a real proxy and echo on loopback.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../../../electron/main/core';
import { createLogger } from '../../../electron/main/log';
import { createTestCipher } from '../../../electron/main/secrets/secret-store';
import { startSandbox } from '../../../electron/sandbox';
import type { EventOf } from '../../../shared/ipc/contract';
import type { Profile } from '../../../shared/model';
import { closedPort, pickExitAddress, startEcho, startHttpProxy, type Closable } from './loopback';

const opened: Closable[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((c) => c.close()));
});

async function startCore(ipEchoUrl: string): Promise<Core> {
  const dataDir = await mkdtemp(join(tmpdir(), 'browserdeck-checks-'));
  const core = createCore({
    dataDir,
    cipher: createTestCipher(),
    log: createLogger(() => {}),
    app: { name: 'BrowserDeck', version: '0.0.0', platform: 'linux', electron: null },
    settings: { ipEchoUrl },
    validateResponses: true,
    detectPorts: { ixbrowser: [], cos: [] },
  });
  opened.push({
    close: async () => {
      await core.dispose();
      await rm(dataDir, { recursive: true, force: true });
    },
  });
  return core;
}

const data = <T>(answer: unknown): T => {
  expect(answer).toMatchObject({ ok: true });
  return (answer as { data: T }).data;
};

/** Starts a job and resolves with its last progress once it has finished. */
function runJob(core: Core, request: unknown): Promise<EventOf<'jobs:event:progress'>> {
  return new Promise((resolve, reject) => {
    let id: string | undefined;
    const early: EventOf<'jobs:event:progress'>[] = [];
    const done = (p: EventOf<'jobs:event:progress'>) => {
      if (p.id !== id || p.state === 'running') return;
      off();
      resolve(p);
    };
    const off = core.events.subscribe((event, payload) => {
      if (event !== 'jobs:event:progress') return;
      const p = payload as EventOf<'jobs:event:progress'>;
      if (id) done(p);
      else early.push(p);
    });
    core.dispatch('jobs:start', request).then((answer) => {
      id = data<{ id: string }>(answer).id;
      early.forEach(done);
    }, reject);
  });
}

it('a check fills the column; the result stays through reloads and other edits, and goes with the proxy', async () => {
  const exit = await pickExitAddress();
  const echo = await startEcho({ fields: { country: 'DE' } });
  const proxy = await startHttpProxy(exit);
  const sandbox = await startSandbox({ ixProfiles: 4, cosProfiles: 0, chromiumPath: null });
  opened.push(echo, proxy, { close: () => sandbox.stop() });
  const dead = await closedPort();
  const records = sandbox.ix.profiles();
  const core = await startCore(echo.url);
  const connection = data<{ id: string }>(
    await core.dispatch('connections:add', {
      vendor: 'ixbrowser',
      label: 'Sandbox ix',
      baseUrl: sandbox.ix.url,
    }),
  );
  const key = (i: number) => `${connection.id}/${records[i]!.profile_id}`;
  const proxyAt = (port: number) => ({
    method: 'custom',
    type: 'http',
    host: '127.0.0.1',
    port,
    username: '',
    password: { action: 'clear' },
  });
  await runJob(core, {
    action: { kind: 'set-proxy', proxy: proxyAt(proxy.port) },
    keys: [key(0), key(1), key(3)],
  });
  await runJob(core, { action: { kind: 'set-proxy', proxy: proxyAt(dead) }, keys: [key(2)] });
  const list = async () =>
    new Map(
      data<{ profiles: Profile[] }>(await core.dispatch('profiles:list', {})).profiles.map((p) => [
        p.key,
        p,
      ]),
    );

  const check = await runJob(core, {
    action: { kind: 'check-proxy' },
    keys: [key(0), key(1), key(2)],
  });
  expect(check).toMatchObject({ state: 'failures', ok: 2, failed: 1 });

  let rows = await list();
  expect(rows.get(key(0))!.proxyCheck).toMatchObject({ ok: true, exitIp: exit, country: 'DE' });
  expect(rows.get(key(0))!.proxyCheck!.latencyMs).toBeGreaterThan(0);
  expect(rows.get(key(2))!.proxyCheck).toMatchObject({ ok: false, reason: 'refused' });
  expect(rows.get(key(3))!.proxyCheck).toBeUndefined();

  // Another edit refreshes its rows from the vendor: the check is still on them.
  const changed: EventOf<'profiles:event:changed'>[] = [];
  const off = core.events.subscribe((event, payload) => {
    if (event === 'profiles:event:changed')
      changed.push(payload as EventOf<'profiles:event:changed'>);
  });
  await runJob(core, { action: { kind: 'set-remark', remark: 'checked' }, keys: [key(1)] });
  // The refreshed rows follow the job's end.
  const refreshed = await vi.waitFor(() => {
    const row = changed.flatMap((c) => c.updated).find((p) => p.key === key(1));
    if (!row) throw new Error('no refreshed row yet');
    return row;
  });
  off();
  expect(refreshed).toMatchObject({ remark: 'checked', proxyCheck: { ok: true, exitIp: exit } });

  // The proxy changed in the vendor client: its old result is about another proxy.
  records[0]!.proxy_ip = '127.0.0.9';
  rows = await list();
  expect(rows.get(key(0))!.proxyCheck).toBeUndefined();
  expect(rows.get(key(1))!.proxyCheck).toMatchObject({ ok: true });
  expect(
    data<Profile>(await core.dispatch('profiles:detail', { key: key(1) })).proxyCheck,
  ).toMatchObject({
    ok: true,
  });
});
