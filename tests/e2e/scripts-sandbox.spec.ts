/**
 * The Scripts screen end to end: a script written in the CodeMirror editor (with its error
 * markers), saved in the data dir, then run from "Run automation…" on real-Chromium profiles,
 * each in its own process (child_process.fork on the app's built script host).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { forkLauncher } from '../../electron/main/services/automation/script-launcher';
import type { ResponseOf } from '../../shared/ipc/contract';
import { startSandbox, type Sandbox } from '../../electron/sandbox';
import { test, expect } from './support/harness';
import { bulkAction } from './support/profiles-page';

const SHOTS = join(__dirname, 'screenshots');

let sandbox: Sandbox;
test.use({
  harnessOptions: {
    core: {
      detectPorts: { ixbrowser: [], cos: [] },
      // Built by `electron-vite build`, as the app ships it.
      scripts: {
        launcher: forkLauncher,
        hostPath: join(__dirname, '../../out/main/script-host.js'),
      },
    },
  },
});
test.beforeEach(async () => {
  sandbox = await startSandbox({ ixProfiles: 4, cosProfiles: 1, chromiumSandbox: false });
  expect(sandbox.simulated, 'this test needs a real Chromium').toBe(false);
});
test.afterEach(async () => {
  await sandbox.stop();
});

const row = (page: Page, key: string) => page.locator(`[role=grid] [role=row][data-key="${key}"]`);

/** Replaces the editor's whole text, as a paste would. */
async function setSource(page: Page, source: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Script source' }).click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(source);
}

test('a script written and saved in Scripts runs from Run automation… and returns each title', async ({
  harness,
}) => {
  const { page, core, appUrl } = harness;
  const added = await core.dispatch('connections:add', {
    vendor: 'ixbrowser',
    label: 'Sandbox ix',
    baseUrl: sandbox.ix.url,
  });
  if (!added.ok) throw new Error(added.error.message);
  const ix = (added.data as ResponseOf<'connections:add'>).id;

  await page.goto(appUrl);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Scripts' })
    .click();
  await expect(page.getByRole('heading', { name: 'Scripts' })).toBeVisible();
  await page.getByRole('button', { name: 'New script' }).click();
  const editor = page.getByTestId('script-editor');
  await expect(editor).toContainText('export default async');

  // A syntax error is marked; the fixed source has no marker left.
  await setSource(page, 'export default async ({ page }) => page.title(;');
  await expect(editor.locator('.cm-lintRange-error').first()).toBeVisible();
  await setSource(
    page,
    "export default async ({ page, profile, log }) => { log('in', profile.vendorId); return page.evaluate(() => 'title:' + document.title); };",
  );
  await expect(editor.locator('.cm-lintRange-error')).toHaveCount(0);
  await page.getByRole('textbox', { name: 'Script name' }).fill('Titles');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('list', { name: 'Saved scripts' })).toContainText('Titles');
  const listed = await core.dispatch('scripts:list', {});
  expect(listed).toMatchObject({ ok: true, data: [expect.objectContaining({ name: 'Titles' })] });
  mkdirSync(SHOTS, { recursive: true });
  for (const viewport of [
    { width: 1280, height: 720 },
    { width: 1400, height: 860 },
  ]) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: join(SHOTS, `scripts-${viewport.width}.png`) });
  }

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Profiles' })
    .click();
  await expect(page.getByTestId('shown-total')).toHaveText('4 / 4');
  const keys = [1001, 1002, 1003].map((id) => `${ix}/${id}`);
  await row(page, keys[0]!).click();
  for (const key of keys.slice(1)) await row(page, key).click({ modifiers: ['ControlOrMeta'] });
  await bulkAction(page, 'Run automation…');
  const dialog = page.getByRole('dialog', { name: 'Run automation on 3 profiles' });
  await dialog.getByLabel('Task').selectOption({ label: 'Script' });
  await dialog.getByLabel('Script').selectOption({ label: 'Titles' });
  await dialog.getByRole('button', { name: 'Run on 3 profiles' }).click();
  await expect(dialog.getByTestId('automation-progress')).toContainText(
    'Script: Titles: 3/3 · done',
    { timeout: 60_000 },
  );
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect.poll(() => sandbox.runningBrowserPids()).toEqual([]);

  await page
    .getByTestId('job-toast')
    .filter({ hasText: 'Script: Titles' })
    .getByRole('button', { name: 'Show in Activity' })
    .click();
  const ok = page
    .getByTestId('job-entry')
    .first()
    .locator('[data-testid="job-item"][data-state="ok"]');
  await expect(ok).toHaveCount(3);
  for (const key of keys) {
    const item = ok.filter({ hasText: key });
    await expect(item.getByTestId('item-result')).toHaveText('"title:"');
    await item.getByText('1 log line').click();
    await expect(item.getByTestId('item-output')).toContainText(`in ${key.split('/')[1]}`);
  }
});
