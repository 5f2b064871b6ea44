/**
 * The real Electron app, driven by Playwright's _electron. Runs where the Electron binary
 * is installed; reports itself skipped, with the reason, where it is not (this machine
 * cannot download it).
 */
import { _electron as electron, test, expect } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { chooseFacet } from './support/facets';

const root = join(__dirname, '../..');
function electronBinary(): string | undefined {
  try {
    const pathTxt = join(root, 'node_modules/electron/path.txt');
    if (!existsSync(pathTxt)) return undefined;
    const bin = join(root, 'node_modules/electron/dist', readFileSync(pathTxt, 'utf8').trim());
    return existsSync(bin) ? bin : undefined;
  } catch {
    return undefined;
  }
}
const binary = electronBinary();
const reason =
  'Electron binary not installed: electron@45 downloads it on first run, and this machine cannot reach its download host';

test.describe('Electron app', () => {
  test.skip(!binary, reason);

  test('launches and shows app:info', async () => {
    const userData = await mkdtemp(join(tmpdir(), 'deck-electron-'));
    const app = await electron.launch({
      executablePath: binary,
      args: [join(root, 'out/main/index.js'), `--user-data-dir=${userData}`],
    });
    try {
      const page = await app.firstWindow();
      await expect(page.getByTestId('app-info')).toBeVisible();
    } finally {
      await app.close();
    }
  });

  test('first start: demo profiles, open one, attach DevTools in a window of its own', async () => {
    test.setTimeout(120_000);
    const userData = await mkdtemp(join(tmpdir(), 'deck-electron-'));
    const app = await electron.launch({
      executablePath: binary,
      args: [join(root, 'out/main/index.js'), `--user-data-dir=${userData}`],
    });
    try {
      const page = await app.firstWindow();
      await page.getByRole('button', { name: 'Try the built-in sandbox' }).click();
      await expect(page.getByTestId('shown-total')).toHaveText('200 / 200', { timeout: 30_000 });

      await chooseFacet(page, 'Connections', 'Demo ixBrowser');
      await page.locator('[role=grid] [role=row][data-key]').first().click();
      await page
        .getByRole('toolbar', { name: 'Bulk actions' })
        .getByRole('button', { name: 'Open' })
        .click();

      await page.getByRole('button', { name: 'Sessions', exact: true }).click();
      const devtools = page.getByRole('button', { name: /DevTools/ }).first();
      await expect(devtools).toBeEnabled({ timeout: 30_000 });
      const opened = app.waitForEvent('window');
      await devtools.click();
      const inspector = await opened;
      await inspector.waitForURL(
        /\/devtools\/inspector\.html\?ws=127\.0\.0\.1:\d+\/devtools\/page\//,
      );
    } finally {
      await app.close();
    }
  });
});
