/**
 * Secrets never leave main: a whole session (connections with a token, listing, a proxy
 * with a password set by a job, an open profile, sessions, every view visited), and then
 * neither the CosLogin token nor the proxy password is in any IPC response, log line, the
 * page, or any file under the data dir. Long because the point is the whole session.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startSandbox, type Sandbox } from '../../electron/sandbox';
import type { Result } from '../../shared/ipc/result';
import { test, expect } from './support/harness';

const TOKEN = 'cos-token-7f3a9c1e5b2d4f60';
const PASSWORD = 'proxy-pass-Q8w2Zr5t';

let sandbox: Sandbox;
test.beforeEach(async () => {
  sandbox = await startSandbox({ profiles: 20, cosToken: TOKEN, chromiumPath: null });
});
test.afterEach(async () => {
  await sandbox.stop();
});

/** Through the page's own bridge, so the harness records the response as the page got it. */
async function invoke<T>(page: Page, channel: string, request: unknown): Promise<T> {
  const result = (await page.evaluate(
    ([c, r]) =>
      (window as unknown as { __deckInvoke(c: string, r: unknown): Promise<unknown> }).__deckInvoke(
        c,
        r,
      ),
    [channel, request] as const,
  )) as Result<T>;
  expect(result, channel).toMatchObject({ ok: true });
  return (result as { data: T }).data;
}

async function runJob(page: Page, request: unknown): Promise<void> {
  const { id } = await invoke<{ id: string }>(page, 'jobs:start', request);
  await expect
    .poll(
      async () => (await invoke<{ state: string; failed: number }>(page, 'jobs:get', { id })).state,
    )
    .toBe('done');
  expect((await invoke<{ failed: number }>(page, 'jobs:get', { id })).failed).toBe(0);
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

test('no token and no proxy password reaches the renderer, the log or the disk', async ({
  harness,
}) => {
  const { page, appUrl } = harness;
  await page.goto(appUrl);

  const cos = await invoke<{ id: string }>(page, 'connections:add', {
    vendor: 'cos',
    label: 'Cos',
    baseUrl: sandbox.cos.url,
    token: TOKEN,
  });
  const ix = await invoke<{ id: string }>(page, 'connections:add', {
    vendor: 'ixbrowser',
    label: 'Ix',
    baseUrl: sandbox.ix.url,
  });
  await invoke(page, 'connections:test', { id: cos.id });
  const { profiles } = await invoke<{ profiles: Array<{ key: string; connectionId: string }> }>(
    page,
    'profiles:list',
    {},
  );
  const edited = [cos.id, ix.id].flatMap((id) =>
    profiles
      .filter((p) => p.connectionId === id)
      .slice(0, 3)
      .map((p) => p.key),
  );
  const proxy = {
    method: 'custom',
    type: 'socks5',
    host: '10.0.0.7',
    port: 1080,
    username: 'shop',
    password: { action: 'set', value: PASSWORD },
  };
  await runJob(page, { action: { kind: 'set-proxy', proxy }, keys: edited });
  // The vendors now hold the password and send it back on every read of these profiles.
  expect(sandbox.cos.profiles().filter((w) => w.proxyPassword === PASSWORD)).toHaveLength(3);
  for (const key of edited) await invoke(page, 'profiles:detail', { key });
  await invoke(page, 'profiles:list', {});
  await runJob(page, { action: { kind: 'open' }, keys: [edited[0], edited[3]] });
  await invoke(page, 'sessions:list', {});
  await invoke(page, 'jobs:export-csv', {});

  // Every view, so whatever they fetch and render is covered too.
  await page.reload();
  let pageText = '';
  for (const view of ['Profiles', 'Sessions', 'Connections', 'Activity']) {
    await page.getByRole('button', { name: view, exact: true }).click();
    await expect(page.getByRole('button', { name: view, exact: true })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await page.waitForLoadState('networkidle');
    pageText += (await page.content()) + (await page.locator('body').innerText());
  }

  const files = await filesUnder(harness.dataDir);
  expect(files.length).toBeGreaterThan(0);
  const onDisk = (await Promise.all(files.map((f) => readFile(f)))).map((b) =>
    b.toString('latin1'),
  );
  const places = {
    'IPC responses': JSON.stringify(harness.responses),
    'log lines': harness.logLines.join('\n'),
    'the page': pageText,
    'the data dir': onDisk.join('\n'),
  };
  // The secrets were in play: the page was told they exist, just never what they are.
  expect(places['IPC responses']).toContain('"hasToken":true');
  expect(places['IPC responses']).toContain('"hasPassword":true');
  for (const [where, text] of Object.entries(places))
    for (const secret of [TOKEN, PASSWORD])
      expect(text.includes(secret), `${secret} in ${where}`).toBe(false);
  // The token is on disk all the same, encrypted (the test cipher's blobs start "TC1").
  expect(onDisk.some((text) => text.includes('TC1'))).toBe(true);
});
