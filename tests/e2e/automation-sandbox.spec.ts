/**
 * "Run automation…" end to end: the bulk bar's dialog starts the Screenshot task on
 * ixBrowser profiles the sandbox runs in real Chromium (and one CosLogin profile, refused),
 * the dialog follows the run, and Activity shows each profile's result with its thumbnail.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { ResponseOf } from '../../shared/ipc/contract';
import { startSandbox, type Sandbox } from '../../electron/sandbox';
import { test, expect } from './support/harness';
import { bulkAction } from './support/profiles-page';

const SHOTS = join(__dirname, 'screenshots');

let sandbox: Sandbox;
test.use({ harnessOptions: { core: { detectPorts: { ixbrowser: [], cos: [] } } } });
test.beforeEach(async () => {
  sandbox = await startSandbox({ ixProfiles: 8, cosProfiles: 2, chromiumSandbox: false });
  expect(sandbox.simulated, 'this test needs a real Chromium').toBe(false);
});
test.afterEach(async () => {
  await sandbox.stop();
});

const row = (page: Page, key: string) => page.locator(`[role=grid] [role=row][data-key="${key}"]`);

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  for (const viewport of [
    { width: 1280, height: 720 },
    { width: 1400, height: 860 },
  ]) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: join(SHOTS, `${name}-${viewport.width}.png`) });
  }
}

test('Run automation… takes a screenshot in 5 real Chromium profiles, 3 at once; Firefox is refused; Activity shows each result and thumbnail', async ({
  harness,
}) => {
  const { page, core, appUrl } = harness;
  const add = async (request: Record<string, string>) => {
    const added = await core.dispatch('connections:add', request);
    if (!added.ok) throw new Error(added.error.message);
    return (added.data as ResponseOf<'connections:add'>).id;
  };
  const ix = await add({ vendor: 'ixbrowser', label: 'Sandbox ix', baseUrl: sandbox.ix.url });
  const cos = await add({
    vendor: 'cos',
    label: 'Sandbox cos',
    baseUrl: sandbox.cos.url,
    token: sandbox.cos.token,
  });
  // One profile is open before the run: it must stay open afterwards.
  const opened = await fetch(`${sandbox.ix.url}/api/v2/profile-open`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ profile_id: 1001 }),
  });
  expect(((await opened.json()) as { error: { code: number } }).error.code).toBe(0);
  const [alreadyOpenPid] = sandbox.runningBrowserPids();
  expect(alreadyOpenPid).toBeDefined();

  // How many browsers run at once, sampled from the sandbox while the run goes.
  let peak = 0;
  const sampler = setInterval(
    () => (peak = Math.max(peak, sandbox.runningBrowserPids().length)),
    20,
  );

  await page.goto(appUrl);
  await expect(page.getByTestId('shown-total')).toHaveText('10 / 10');
  const ixKeys = [1001, 1002, 1003, 1004, 1005].map((id) => `${ix}/${id}`);
  const cosKey = `${cos}/${sandbox.cos.profiles()[0]!.id}`;
  await row(page, ixKeys[0]!).click();
  for (const key of [...ixKeys.slice(1), cosKey])
    await row(page, key).click({ modifiers: ['ControlOrMeta'] });
  await expect(page.getByTestId('selected-count')).toHaveText('6');

  await bulkAction(page, 'Run automation…');
  const dialog = page.getByRole('dialog', { name: 'Run automation on 6 profiles' });
  await expect(dialog.getByLabel('Task')).toHaveValue('screenshot');
  await expect(dialog.getByLabel('At once')).toHaveValue('3');
  await expect(dialog).toContainText('1 selected profile is Firefox and will be refused');
  await shoot(page, 'automation-dialog');
  await dialog.getByRole('button', { name: 'Run on 6 profiles' }).click();

  const progress = dialog.getByTestId('automation-progress');
  await expect(progress).toContainText('Automation: Screenshot: 6/6, 1 failed', {
    timeout: 60_000,
  });
  await expect(progress.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '6');
  clearInterval(sampler);
  await shoot(page, 'automation-dialog-done');
  await dialog.getByRole('button', { name: 'Done' }).click();

  // The run opened the four closed profiles, at most three at a time, and closed them again.
  expect(peak).toBeGreaterThan(1);
  expect(peak).toBeLessThanOrEqual(1 + 3);
  await expect.poll(() => sandbox.runningBrowserPids()).toEqual([alreadyOpenPid]);

  await page
    .getByTestId('job-toast')
    .filter({ hasText: 'Screenshot' })
    .getByRole('button', { name: 'Show in Activity' })
    .click();
  const entry = page.getByTestId('job-entry').first();
  const ok = entry.locator('[data-testid="job-item"][data-state="ok"]');
  await expect(ok).toHaveCount(5);
  for (const key of ixKeys) {
    const item = ok.filter({ hasText: key });
    await expect(item.getByTestId('item-duration')).toHaveText(/^\d+(\.\d)? (ms|s)$/);
    await expect(item.getByTestId('item-output')).toContainText('.png');
    // The thumbnail is a real image main kept for this profile, decoded by the page.
    const thumb = item.getByRole('img', { name: 'Screenshot thumbnail' });
    await expect(thumb).toHaveAttribute('src', /^data:image\/jpeg;base64,/);
    await expect
      .poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(0);
  }
  await expect(ok.filter({ hasText: ixKeys[0]! })).not.toContainText('opened and closed');
  await expect(ok.filter({ hasText: ixKeys[1]! })).toContainText('opened and closed');
  const refused = entry.locator('[data-testid="job-item"][data-state="failed"]');
  await expect(refused).toHaveCount(1);
  await expect(refused).toContainText(cosKey);
  await expect(refused).toContainText(/Chromium/);
  await shoot(page, 'automation-activity');
});
