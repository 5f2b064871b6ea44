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

  // The app's script launcher is Electron's utilityProcess (utility-launcher.ts); the Node
  // tests run the same runner over child_process.fork. This runs it for real.
  test("a custom script runs in a utility process and returns each profile's title", async () => {
    test.setTimeout(180_000);
    const userData = await mkdtemp(join(tmpdir(), 'deck-electron-'));
    const app = await electron.launch({
      executablePath: binary,
      args: [join(root, 'out/main/index.js'), `--user-data-dir=${userData}`],
    });
    try {
      const page = await app.firstWindow();
      await page.getByRole('button', { name: 'Try the built-in sandbox' }).click();
      await expect(page.getByTestId('shown-total')).toHaveText('200 / 200', { timeout: 30_000 });
      const job = await page.evaluate(async () => {
        const { deck } = window;
        const listed = await deck.profiles.list({});
        if (!listed.ok) throw new Error(listed.error.message);
        const keys = listed.data.profiles
          .filter((p) => p.vendor === 'ixbrowser')
          .slice(0, 2)
          .map((p) => p.key);
        const saved = await deck.scripts.save({
          name: 'Title and environment',
          source: `export default async ({ page }) => ({
            title: await page.evaluate(() => typeof document.title),
            secrets: Object.keys(process.env).filter((k) => /TOKEN|PASSWORD|SECRET/i.test(k)),
          });`,
        });
        if (!saved.ok) throw new Error(saved.error.message);
        const started = await deck.jobs.start({
          action: { kind: 'automate', task: { type: 'script', scriptId: saved.data.id } },
          keys,
        });
        if (!started.ok) throw new Error(started.error.message);
        for (;;) {
          const got = await deck.jobs.get({ id: started.data.id });
          if (!got.ok) throw new Error(got.error.message);
          if (got.data.state !== 'running') return got.data;
          await new Promise((r) => setTimeout(r, 500));
        }
      });
      expect(job).toMatchObject({ state: 'done', ok: 2 });
      for (const item of job.items)
        expect(JSON.parse(item.output!.result!)).toEqual({ title: 'string', secrets: [] });
    } finally {
      await app.close();
    }
  });
});
