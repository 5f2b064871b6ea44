/**
 * Starting on damaged data files (real core, real files): the app shell shows which file,
 * what happened and where the backup is, covers no control at either window size, and a
 * dismissed notice stays dismissed.
 */
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './support/harness';

test.use({
  harnessOptions: {
    prepareDataDir: async (dir) => {
      await writeFile(
        join(dir, 'connections.json'),
        '{"version":1,"connections":[{"id":"ix-1","vendor":"ixbrowser","label":"Off',
      );
      // Not a blob the (test) keychain can decrypt: as after an OS keychain reset.
      await writeFile(join(dir, 'secrets.bin'), Buffer.from('v10 sealed by another keychain'));
    },
  },
});

/** Labels of visible controls whose centre is not theirs to click (something lies on top). */
function coveredControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        if (!r.width || !r.height || r.bottom > innerHeight || r.right > innerWidth) return false;
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return !hit || !(el === hit || el.contains(hit));
      })
      .map((el) => el.getAttribute('aria-label') ?? el.textContent ?? el.tagName),
  );
}

test('damaged connections.json and secrets.bin: the banner names each file and its backup', async ({
  harness,
}) => {
  const { page, appUrl, dataDir } = harness;
  await page.goto(appUrl);
  const banner = page.getByRole('region', { name: 'Data file problems' });
  const connectionsNotice = banner.getByRole('alert').filter({ hasText: 'connections.json could' });
  const secretsNotice = banner.getByRole('alert').filter({ hasText: 'secrets.bin could' });
  await expect(connectionsNotice).toContainText('connections.json could not be read (truncated)');
  await expect(secretsNotice).toContainText('secrets.bin could not be read (could not decrypt)');

  const files = await readdir(dataDir);
  const backupOf = (name: string) => {
    const found = files.find((f) => f.startsWith(`${name}.unreadable-`));
    expect(found, `backup of ${name} in ${files.join(', ')}`).toBeDefined();
    return join(dataDir, found!);
  };
  await expect(connectionsNotice.locator('code')).toHaveText([
    join(dataDir, 'connections.json'),
    backupOf('connections.json'),
  ]);
  await expect(secretsNotice.locator('code')).toHaveText([
    join(dataDir, 'secrets.bin'),
    backupOf('secrets.bin'),
  ]);

  for (const size of [
    { width: 1400, height: 860 },
    { width: 1280, height: 720 },
  ]) {
    await page.setViewportSize(size);
    await expect(banner).toBeInViewport();
    expect(await coveredControls(page), `${size.width}x${size.height}`).toEqual([]);
    await page.screenshot({
      path: test.info().outputPath(`data-file-notices-${size.width}x${size.height}.png`),
    });
  }
  // The view's own controls stay reachable below the banner.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Connections' })
    .click();
  await expect(page.getByRole('button', { name: 'Add connection' })).toBeVisible();
  expect(await coveredControls(page)).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('data-file-notices-connections.png') });

  await connectionsNotice
    .getByRole('button', { name: 'Dismiss the notice about connections.json' })
    .click();
  await expect(connectionsNotice).toHaveCount(0);
  await expect(secretsNotice).toBeVisible();
  // Dismissed in main, not only on screen: a reload does not bring it back.
  await page.reload();
  await expect(secretsNotice).toBeVisible();
  await expect(connectionsNotice).toHaveCount(0);
  await secretsNotice.getByRole('button', { name: /^Dismiss/ }).click();
  await expect(banner).toHaveCount(0);
});
