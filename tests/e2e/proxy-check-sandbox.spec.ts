/**
 * Issue 23, point 7, against the real core, the vendor sandbox and a real proxy and IP-echo
 * service on loopback: "Check proxy" on the selection fills the Proxy-check column (exit
 * IP, country, latency, or why it failed), it can be filtered on, and it is still there
 * after a reload. By mouse and by keyboard.
 */
import type { Page } from '@playwright/test';
import { startSandbox, type Sandbox } from '../../electron/sandbox';
import type { Core } from '../../electron/main/core';
import {
  closedPort,
  pickExitAddress,
  startEcho,
  startHttpProxy,
  type Closable,
} from '../unit/proxy/loopback';
import { chooseFacet } from './support/facets';
import { test, expect } from './support/harness';

let sandbox: Sandbox;
let exit: string;
let echoUrl: string;
let proxyPort: number;
const opened: Closable[] = [];
test.beforeEach(async () => {
  exit = await pickExitAddress();
  const echo = await startEcho({ fields: { country: 'DE' } });
  const proxy = await startHttpProxy(exit);
  opened.push(echo, proxy);
  echoUrl = echo.url;
  proxyPort = proxy.port;
  sandbox = await startSandbox({ ixProfiles: 10, cosProfiles: 0, chromiumPath: null });
});
test.afterEach(async () => {
  await sandbox.stop();
  await Promise.all(opened.splice(0).map((c) => c.close()));
});
test.use({ harnessOptions: { core: { detectPorts: { ixbrowser: [], cos: [] } } } });

async function ok<T>(answer: Promise<{ ok: boolean }>): Promise<T> {
  const a = (await answer) as { ok: boolean; data?: T; error?: { message: string } };
  if (!a.ok) throw new Error(a.error?.message);
  return a.data as T;
}

/** Sets a proxy on these profiles through the core and waits for the job to finish. */
async function setProxy(core: Core, keys: string[], port: number) {
  const job = await ok<{ id: string }>(
    core.dispatch('jobs:start', {
      action: {
        kind: 'set-proxy',
        proxy: {
          method: 'custom',
          type: 'http',
          host: '127.0.0.1',
          port,
          username: '',
          password: { action: 'clear' },
        },
      },
      keys,
    }),
  );
  await expect
    .poll(
      async () => (await ok<{ state: string }>(core.dispatch('jobs:get', { id: job.id }))).state,
    )
    .toBe('done');
}

const row = (page: Page, key: string) => page.locator(`[role=row][data-key="${key}"]`);
const checkCell = (page: Page, key: string) => row(page, key).locator('[role=gridcell]').nth(7);

test('"Check proxy" on 8 profiles fills the column with exit IP, country and latency or the reason; filtered; kept after a reload', async ({
  harness,
}) => {
  const { page, appUrl, core } = harness;
  await ok(core.dispatch('settings:update', { ipEchoUrl: echoUrl }));
  const connection = await ok<{ id: string }>(
    core.dispatch('connections:add', {
      vendor: 'ixbrowser',
      label: 'Sandbox ix',
      baseUrl: sandbox.ix.url,
    }),
  );
  const keys = sandbox.ix.profiles().map((r) => `${connection.id}/${r.profile_id}`);
  const [good, dead, later] = [keys.slice(0, 6), keys.slice(6, 8), keys.slice(8)];
  await setProxy(core, [...good, ...later], proxyPort);
  await setProxy(core, dead, await closedPort());

  await page.goto(appUrl);
  await expect(page.getByTestId('shown-total')).toHaveText('10 / 10');
  // A laptop's default columns leave it out; "Check proxy" brings it in.
  await expect(page.getByRole('columnheader', { name: 'Proxy check' })).toHaveCount(0);

  // By mouse: select the eight with a proxy, "Check proxy" in the bulk bar.
  await row(page, good[0]!).click();
  for (const key of [...good.slice(1), ...dead])
    await row(page, key).click({ modifiers: ['ControlOrMeta'] });
  await expect(page.getByTestId('selected-count')).toHaveText('8');
  await page
    .getByRole('toolbar', { name: 'Bulk actions' })
    .getByRole('button', { name: 'Check proxy' })
    .click();
  await expect(page.getByRole('columnheader', { name: 'Proxy check' })).toBeVisible();
  for (const key of later) await expect(checkCell(page, key)).toHaveText('');
  await expect(
    page.getByTestId('job-toast').filter({ hasText: 'Check proxy' }).filter({ hasText: '6 ok' }),
  ).toBeVisible();
  for (const key of good)
    await expect(checkCell(page, key)).toHaveText(
      new RegExp(`^● ${exit.replaceAll('.', '\\.')} · DE · \\d+ ms$`),
    );
  for (const key of dead) {
    await expect(checkCell(page, key)).toHaveText('✕ refused');
    await expect(checkCell(page, key)).toHaveAttribute('title', /refused the connection/);
  }

  // The job's toast is closed for the pictures: where toasts may sit is point 1 of the issue.
  // A finished job is a chip by now: dismissed with its own button.
  await page.getByTestId('job-toast').getByRole('button', { name: 'Dismiss' }).click();
  await page.keyboard.press('Escape');
  for (const [width, height] of [
    [1400, 860],
    [1280, 720],
  ] as const) {
    await page.setViewportSize({ width, height });
    // The column is at the right edge until the default columns fit a laptop (point 2).
    await page.getByRole('grid').evaluate((g) => (g.scrollLeft = g.scrollWidth));
    await expect(page.getByRole('columnheader', { name: 'Proxy check' })).toBeInViewport();
    await page.screenshot({ path: `tests/e2e/screenshots/proxy-check-${width}x${height}.png` });
  }

  // The column can be filtered on.
  await chooseFacet(page, 'Proxy checks', 'Failed');
  await expect(page.getByTestId('shown-total')).toHaveText('2 / 10');
  await page.screenshot({ path: 'tests/e2e/screenshots/proxy-check-failed-1280x720.png' });
  await page.setViewportSize({ width: 1400, height: 860 });
  await page.getByRole('button', { name: 'Clear filters' }).click();

  // By keyboard: the two last listed (the newest first), chosen with Shift+Down, then the bar's button.
  await row(page, later[1]!).click();
  await page.keyboard.press('Shift+ArrowDown');
  for (const key of later) await expect(row(page, key)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('selected-count')).toHaveText('2');
  await page.getByRole('button', { name: 'Check proxy' }).focus();
  await page.keyboard.press('Enter');
  for (const key of later) await expect(checkCell(page, key)).toHaveText(/^● .* · DE · \d+ ms$/);

  // Main kept the results: a fresh listing still has them.
  await page.reload();
  await expect(page.getByTestId('shown-total')).toHaveText('10 / 10');
  await expect(checkCell(page, good[0]!)).toHaveText(/· DE ·/);
  await expect(checkCell(page, dead[0]!)).toHaveText('✕ refused');
});
