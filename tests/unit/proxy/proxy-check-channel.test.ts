import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/main/core';
import { createLogger } from '../../../electron/main/log';
import { createTestCipher } from '../../../electron/main/secrets/secret-store';
import { pickExitAddress, startEcho, startHttpProxy, type Closable } from './loopback';

const opened: Closable[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((c) => c.close()));
});

async function core(ipEchoUrl: string): Promise<Core> {
  const dataDir = await mkdtemp(join(tmpdir(), 'browserdeck-proxy-'));
  const c = createCore({
    dataDir,
    cipher: createTestCipher(),
    log: createLogger(() => {}),
    app: { name: 'BrowserDeck', version: '0.0.0', platform: 'linux', electron: null },
    settings: { ipEchoUrl },
    validateResponses: true,
  });
  opened.push({
    close: async () => {
      await c.dispose();
      await rm(dataDir, { recursive: true, force: true });
    },
  });
  return c;
}

it('proxy:check tests an unsaved proxy from the editor and never answers its password', async () => {
  const exit = await pickExitAddress();
  const echo = await startEcho();
  const proxy = await startHttpProxy(exit, { user: 'alice', pass: 'hunter2' });
  opened.push(echo, proxy);
  const { dispatch } = await core(echo.url);
  const request = (value: string) => ({
    proxy: {
      method: 'custom',
      type: 'http',
      host: '127.0.0.1',
      port: proxy.port,
      username: 'alice',
      password: { action: 'set', value },
    },
  });
  const good = await dispatch('proxy:check', request('hunter2'));
  expect(good).toMatchObject({ ok: true, data: { ok: true, exitIp: exit } });
  expect(JSON.stringify(good)).not.toContain('hunter2');
  const wrong = await dispatch('proxy:check', request('nope'));
  expect(wrong).toMatchObject({ ok: true, data: { ok: false, reason: 'auth' } });
});

it('proxy:check names the bad field before trying anything', async () => {
  const { dispatch } = await core('http://127.0.0.1:9/');
  const result = await dispatch('proxy:check', {
    proxy: { method: 'custom', type: 'socks5', host: '127.0.0.1', port: 70000 },
  });
  expect(result).toMatchObject({
    ok: false,
    error: { code: 'invalid-input', details: { field: 'proxy.port' } },
  });
});
