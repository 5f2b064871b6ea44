/**
 * Proxy passwords main reads from a vendor are masked in the log while their connection is
 * there, and forgotten with it (unless another connection still holds the same one).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/main/core';
import { createLogger } from '../../../electron/main/log';
import { createTestCipher } from '../../../electron/main/secrets/secret-store';
import { startSandbox } from '../../../electron/sandbox';
import type { Connection } from '../../../shared/model';

const cleanup: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

it('a removed connection takes its proxy passwords out of the log masks; a shared one stays', async () => {
  // Two CosLogin clients with the same seed: the same windows, the same passwords.
  const [a, b] = await Promise.all([
    startSandbox({ cosProfiles: 20, ixProfiles: 0, chromiumPath: null, seed: 7 }),
    startSandbox({ cosProfiles: 20, ixProfiles: 0, chromiumPath: null, seed: 7 }),
  ]);
  cleanup.push(() => Promise.all([a.stop(), b.stop()]));
  const dataDir = await mkdtemp(join(tmpdir(), 'deck-pwlog-'));
  cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
  const lines: string[] = [];
  const log = createLogger((l) => lines.push(l));
  const core: Core = createCore({
    dataDir,
    cipher: createTestCipher(),
    log,
    app: { name: 'BrowserDeck', version: 't', platform: process.platform, electron: null },
    detectPorts: { ixbrowser: [], cos: [] },
  });
  cleanup.push(() => core.dispose());
  const add = async (url: string, token: string) => {
    const r = await core.dispatch('connections:add', { vendor: 'cos', baseUrl: url, token });
    if (!r.ok) throw new Error(r.error.message);
    return r.data as Connection;
  };
  const first = await add(a.cos.url, a.cos.token);
  await core.dispatch('profiles:list', {});
  const password = a.cos
    .profiles()
    .map((w) => w.proxyPassword)
    .find((p) => p.length >= 8)!;
  expect(password).toBeTruthy();
  const masked = () => {
    log.info(`line with ${password} in it`);
    return !lines.at(-1)!.includes(password);
  };
  expect(masked()).toBe(true);

  const second = await add(b.cos.url, b.cos.token);
  await core.dispatch('profiles:list', { connectionIds: [second.id] });
  await core.dispatch('connections:remove', { id: first.id });
  // The second connection holds the same password: still masked.
  expect(masked()).toBe(true);
  await core.dispatch('connections:remove', { id: second.id });
  expect(masked()).toBe(false);
});
