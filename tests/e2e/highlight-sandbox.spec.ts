/**
 * Renamed and created rows are brought into view and highlighted, against the real core and
 * the vendor sandbox. (With no connection, "Add a connection" opening the add dialog on the
 * Profiles view: profiles-sandbox.spec.ts.)
 */
import { startSandbox, type Sandbox } from '../../electron/sandbox';
import { test, expect } from './support/harness';

let sandbox: Sandbox;
test.beforeEach(async () => {
  sandbox = await startSandbox({ ixProfiles: 200, cosProfiles: 0, chromiumPath: null });
});
test.afterEach(async () => {
  await sandbox.stop();
});

const rows = (page: import('@playwright/test').Page) =>
  page.locator('[role=grid] [role=row][data-key]');

test('renamed rows out of view are scrolled to and highlighted; so is a created one', async ({
  harness,
}) => {
  const { page, appUrl, core } = harness;
  const added = await core.dispatch('connections:add', {
    vendor: 'ixbrowser',
    label: 'Shop PC',
    baseUrl: sandbox.ix.url,
  });
  if (!added.ok) throw new Error(added.error.message);
  const connectionId = (added.data as { id: string }).id;
  await page.goto(appUrl);
  await expect(page.getByTestId('shown-total')).toHaveText('200 / 200');

  // The last three rows, then back to the top: they are out of view when renamed.
  await rows(page).first().click();
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+ArrowUp');
  await page.keyboard.press('Shift+ArrowUp');
  await expect(page.getByTestId('selected-count')).toHaveText('3');
  const grid = page.getByRole('grid', { name: 'Profiles' });
  await grid.evaluate((el) => (el.scrollTop = 0));
  await expect(page.locator('[role=row][data-highlight]')).toHaveCount(0);

  await page
    .getByRole('toolbar', { name: 'Bulk actions' })
    .getByRole('button', { name: 'Rename…' })
    .click();
  await page.getByRole('textbox', { name: 'Name template' }).fill('Renamed {n}');
  await page.getByRole('dialog').getByRole('button', { name: 'Rename' }).click();
  const flashed = page.locator('[role=row][data-highlight]');
  await expect(flashed).toHaveCount(3);
  for (let i = 0; i < 3; i++) await expect(flashed.nth(i)).toBeInViewport();
  await expect(flashed.first()).toContainText('Renamed 1');
  // The highlight goes after a few seconds.
  await expect(flashed).toHaveCount(0, { timeout: 10_000 });

  await grid.evaluate((el) => (el.scrollTop = 0));
  await page.evaluate(
    (id) =>
      window.deck.jobs.start({
        action: { kind: 'create', connectionId: id, items: [{ name: 'Made just now' }] },
        keys: [],
      }),
    connectionId,
  );
  const made = page.locator('[role=row][data-highlight]').filter({ hasText: 'Made just now' });
  await expect(made).toBeInViewport();
});
