/**
 * settings.json through the real core, against real files in a temp dir: concurrent
 * updates all land, a bad field (saved or sent) is refused or dropped by name while the
 * other fields stay, and ipEchoUrl is only ever an http(s) URL.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { AppInfo, Settings } from '../../../shared/ipc/contract';
import { createCore, type Core } from '../../../electron/main/core';
import { createLogger } from '../../../electron/main/log';
import { createTestCipher } from '../../../electron/main/secrets/secret-store';
import { createSettingsStore, DEFAULT_SETTINGS } from '../../../electron/main/settings';

const cores: Core[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.dispose();
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function newDataDir() {
  const dir = await mkdtemp(join(tmpdir(), 'deck-settings-'));
  dirs.push(dir);
  return dir;
}

function core(dataDir: string) {
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

async function call<T>(c: Core, channel: string, request: unknown = {}): Promise<T> {
  const r = await c.dispatch(channel, request);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data as T;
}

it('concurrent settings:update calls all land, in memory and on disk', async () => {
  const dir = await newDataDir();
  const c = core(dir);
  const patches: Array<Partial<Settings>> = [
    { openConcurrency: 5 },
    { proxyCheckConcurrency: 20 },
    { proxyCheckTimeoutMs: 3_000 },
    { ipEchoUrl: 'http://127.0.0.1:9/ip' },
  ];
  const results = await Promise.all(patches.map((p) => c.dispatch('settings:update', p)));
  for (const r of results) expect(r.ok).toBe(true);
  const expected = {
    ...DEFAULT_SETTINGS,
    openConcurrency: 5,
    proxyCheckConcurrency: 20,
    proxyCheckTimeoutMs: 3_000,
    ipEchoUrl: 'http://127.0.0.1:9/ip',
  };
  expect(await call(c, 'settings:get')).toEqual(expected);
  expect(await call(core(dir), 'settings:get')).toEqual(expected);
  expect(await readdir(dir)).toEqual(['settings.json']);
});

it('a bad field in settings.json is dropped by name; the other fields are kept', async () => {
  const dir = await newDataDir();
  const file = join(dir, 'settings.json');
  await writeFile(
    file,
    JSON.stringify({
      openConcurrency: 'lots',
      proxyCheckConcurrency: 9,
      ipEchoUrl: 'file:///etc/passwd',
      proxyCheckTimeoutMs: 4_000,
      laterVersionSetting: { theme: 'dark' },
    }),
  );
  const c = core(dir);
  expect(await call(c, 'settings:get')).toEqual({
    ...DEFAULT_SETTINGS,
    openConcurrency: DEFAULT_SETTINGS.openConcurrency,
    proxyCheckConcurrency: 9,
    ipEchoUrl: DEFAULT_SETTINGS.ipEchoUrl,
    proxyCheckTimeoutMs: 4_000,
  });
  const [notice, ...others] = (await call<AppInfo>(c, 'app:info')).notices;
  expect(others).toEqual([]);
  expect(notice).toMatchObject({ kind: 'dropped-entries', file, problem: '2 damaged entries' });
  expect(notice!.message).toMatch(/openConcurrency \(.+\); ipEchoUrl \(must be an http\(s\) URL/);

  // A field this version does not know survives the next save.
  await call(c, 'settings:update', { openConcurrency: 4 });
  expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({
    openConcurrency: 4,
    proxyCheckConcurrency: 9,
    laterVersionSetting: { theme: 'dark' },
  });
});

it('a settings.json that is not JSON is set aside and the defaults are used', async () => {
  const dir = await newDataDir();
  await writeFile(join(dir, 'settings.json'), '{"openConcurrency": 4,');
  const c = core(dir);
  expect(await call(c, 'settings:get')).toEqual(DEFAULT_SETTINGS);
  const [notice] = (await call<AppInfo>(c, 'app:info')).notices;
  expect(notice).toMatchObject({ kind: 'unreadable-file', problem: 'truncated' });
  expect(await readFile(notice!.backup!, 'utf8')).toBe('{"openConcurrency": 4,');
});

it.each(['ftp://example.com/ip', 'javascript:alert(1)', 'file:///etc/passwd', 'not a url'])(
  'settings:update refuses ipEchoUrl %s by name and changes nothing',
  async (ipEchoUrl) => {
    const c = core(await newDataDir());
    await call(c, 'settings:update', { openConcurrency: 3 });
    const refused = await c.dispatch('settings:update', { openConcurrency: 6, ipEchoUrl });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', details: { field: 'ipEchoUrl' } },
    });
    expect(await call(c, 'settings:get')).toMatchObject({
      openConcurrency: 3,
      ipEchoUrl: DEFAULT_SETTINGS.ipEchoUrl,
    });
  },
);

it('a settings.json that could not be moved aside is never saved over', async () => {
  const dir = await newDataDir();
  await writeFile(join(dir, 'settings.json'), 'not json');
  const stuck = { setAside: async () => undefined, entriesDropped: async () => {} };
  const store = createSettingsStore(dir, { unreadable: stuck });
  expect(await store.update({ openConcurrency: 7 })).toMatchObject({ openConcurrency: 7 });
  expect(await readFile(join(dir, 'settings.json'), 'utf8')).toBe('not json');
});

it('the store itself refuses an update that would make settings invalid, naming the field', async () => {
  const dir = await newDataDir();
  const store = createSettingsStore(dir, {
    unreadable: { setAside: async () => undefined, entriesDropped: async () => {} },
  });
  await store.update({ openConcurrency: 3 });
  await expect(
    store.update({ proxyCheckConcurrency: 4, openConcurrency: 0 }),
  ).rejects.toMatchObject({
    code: 'invalid-input',
    details: { field: 'openConcurrency' },
  });
  expect(await store.get()).toMatchObject({ openConcurrency: 3, proxyCheckConcurrency: 8 });
  expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'))).toMatchObject({
    openConcurrency: 3,
  });
});

it.each([
  [{ theme: 'sepia' }, 'theme', 'must be system, light or dark'],
  [{ vendorConcurrency: { cos: 0 } }, 'vendorConcurrency.cos', 'from 1 to 16 requests'],
  [{ vendorConcurrency: { ixbrowser: 2.5 } }, 'vendorConcurrency.ixbrowser', 'from 1 to 16'],
  [{ requestTimeoutMs: 50 }, 'requestTimeoutMs', 'from 1,000 to 300,000 ms'],
  [{ openTimeoutMs: 1e9 }, 'openTimeoutMs', 'from 5,000 to 600,000 ms'],
  [{ checkProxyBeforeOpen: 'yes' }, 'checkProxyBeforeOpen', 'must be on or off'],
  [{ demoProfiles: 0 }, 'demoProfiles', 'from 2 to 100,000 profiles'],
])('settings:update refuses %j naming %s with its own message', async (patch, field, words) => {
  const c = core(await newDataDir());
  const refused = await c.dispatch('settings:update', patch);
  expect(refused).toMatchObject({
    ok: false,
    error: { code: 'invalid-input', details: { field } },
  });
  expect((refused as { error: { message: string } }).error.message).toContain(`${field}: `);
  expect((refused as { error: { message: string } }).error.message).toContain(words);
  expect(await call(c, 'settings:get')).toEqual(DEFAULT_SETTINGS);
});

it('the new settings are saved and read back after a restart', async () => {
  const dir = await newDataDir();
  const patch: Partial<Settings> = {
    theme: 'dark',
    vendorConcurrency: { cos: 2 },
    requestTimeoutMs: 5_000,
    openTimeoutMs: 30_000,
    checkProxyBeforeOpen: true,
    demoProfiles: 40,
  };
  await call(core(dir), 'settings:update', patch);
  expect(await call(core(dir), 'settings:get')).toEqual({ ...DEFAULT_SETTINGS, ...patch });
});

it('a connection added without saying takes "check proxy before opening" from the settings', async () => {
  const c = core(await newDataDir());
  const add = () =>
    call<{ checkProxyBeforeOpen: boolean }>(c, 'connections:add', {
      vendor: 'ixbrowser',
      baseUrl: `http://127.0.0.1:${++port}`,
    });
  let port = 1;
  expect((await add()).checkProxyBeforeOpen).toBe(false);
  await call(c, 'settings:update', { checkProxyBeforeOpen: true });
  expect((await add()).checkProxyBeforeOpen).toBe(true);
});
