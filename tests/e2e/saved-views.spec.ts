/**
 * Issue 23, point 6, in the browser harness over the fake deck (tests/e2e/support/fake-deck.ts,
 * 2,000 made-up profiles): the search syntax, filters with several values, and saved views
 * in the sidebar, by mouse and by keyboard.
 */
import type { Page } from '@playwright/test';
import { installFakeDeck } from './support/fake-deck';
import { chooseFacet, facetButton } from './support/facets';
import { test, expect } from './support/harness';

const COUNT = 2_000;

/** The fake deck's rows as the filters see them (see installFakeDeck). */
const FAKE = Array.from({ length: COUNT }, (_, i) => ({
  name: `shop ${i + 1}`,
  group: ['Ads', 'Shops', 'Social', 'Warmup'][i % 4]!,
  tag: i % 5 === 0 ? ['vip', 'new', 'banned'][(i / 5) % 3]! : '',
  status: ['closed', 'closed', 'closed', 'open'][i % 4]!,
  connection: i % 2 ? 'CosLogin B' : 'ixBrowser A',
}));
type FakeRow = (typeof FAKE)[number];
const shown = (keep: (r: FakeRow) => boolean) =>
  `${FAKE.filter(keep).length.toLocaleString('en-US')} / ${COUNT.toLocaleString('en-US')}`;

async function openTable(page: Page, appUrl: string) {
  await page.addInitScript(installFakeDeck, { count: COUNT });
  await page.goto(appUrl);
  await expect(page.getByTestId('shown-total')).toHaveText(shown(() => true));
}

const search = (page: Page) => page.getByRole('searchbox', { name: 'Search profiles' });
const savedViews = (page: Page) => page.getByRole('region', { name: 'Saved views' });
const names = (page: Page) =>
  page.locator('[role=grid] [role=row][data-key] [role=gridcell]:nth-child(3)');

test('by mouse: a phrase, a tag prefix and two groups, sorted, one column hidden, saved as a view and put back', async ({
  harness,
}) => {
  const { page, appUrl } = harness;
  await openTable(page, appUrl);
  const vipOnes = (r: FakeRow) =>
    r.tag === 'vip' && r.name.includes('shop 1') && ['Ads', 'Shops'].includes(r.group);

  await search(page).fill('tag:vip "shop 1"');
  await chooseFacet(page, 'Groups', 'Ads', 'Shops');
  await expect(page.getByTestId('shown-total')).toHaveText(shown(vipOnes));
  await expect(facetButton(page, 'Groups')).toHaveText('Groups: Ads +1');
  await page.getByRole('button', { name: 'Name', exact: true }).click();
  await page.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('checkbox', { name: 'Remark' }).uncheck();
  await page.keyboard.press('Escape');
  const firstNames = (await names(page).allInnerTexts()).slice(0, 10);

  await page.getByRole('button', { name: 'Save view…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save view' });
  await dialog.getByLabel('Name').fill('VIP 1s in Ads & Shops');
  await expect(dialog).toContainText('Search: tag:vip "shop 1"');
  await expect(dialog).toContainText('Groups: Ads, Shops');
  await expect(dialog).toContainText('Sorted by Name');
  // The one hidden here, and the three a laptop's default layout hides.
  await expect(dialog).toContainText('4 columns hidden');
  for (const [width, height] of [
    [1400, 860],
    [1280, 720],
  ] as const) {
    await page.setViewportSize({ width, height });
    await expect(dialog.getByRole('button', { name: 'Save view' })).toBeInViewport();
    await page.screenshot({
      path: `tests/e2e/screenshots/saved-view-dialog-${width}x${height}.png`,
    });
  }
  await page.setViewportSize({ width: 1400, height: 860 });
  await dialog.getByRole('button', { name: 'Save view' }).click();
  await expect(dialog).toBeHidden();
  const view = savedViews(page).getByRole('button', { name: 'VIP 1s in Ads & Shops', exact: true });
  await expect(view).toHaveAttribute('aria-current', 'true');

  // Everything back to the start: the view says it is no longer what the table shows.
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('button', { name: 'Reset columns, widths and pins' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('shown-total')).toHaveText(shown(() => true));
  await expect(view).toHaveAttribute('data-changed', 'true');

  // One click puts all of it back, from any screen.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Activity' })
    .click();
  await view.click();
  await expect(page.getByTestId('shown-total')).toHaveText(shown(vipOnes));
  await expect(search(page)).toHaveValue('tag:vip "shop 1"');
  await expect(facetButton(page, 'Groups')).toHaveText('Groups: Ads +1');
  await expect(page.getByRole('columnheader', { name: 'Remark' })).toHaveCount(0);
  expect((await names(page).allInnerTexts()).slice(0, 10)).toEqual(firstNames);
  await expect(view).not.toHaveAttribute('data-changed');
  for (const [width, height] of [
    [1400, 860],
    [1280, 720],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `tests/e2e/screenshots/saved-view-${width}x${height}.png` });
  }

  // Remembered after a restart of the window.
  await page.reload();
  await expect(view).toHaveAttribute('aria-current', 'true');
  await expect(page.getByTestId('shown-total')).toHaveText(shown(vipOnes));
});

test('by keyboard: search with prefixes, a filter menu, save, open and delete a view with Undo', async ({
  harness,
}) => {
  const { page, appUrl } = harness;
  await openTable(page, appUrl);
  const openWarmupIx = (r: FakeRow) =>
    r.status === 'open' && r.group.toLowerCase().includes('warm') && r.connection === 'ixBrowser A';

  await search(page).focus();
  await page.keyboard.type('status:open group:warm');
  // The filter menus follow the search box: Enter opens one, Tab reaches its boxes.
  await page.keyboard.press('Tab');
  await expect(facetButton(page, 'Connections')).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('checkbox', { name: 'ixBrowser A' })).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('shown-total')).toHaveText(shown(openWarmupIx));

  // Back past the search box to the header's "Save view…".
  await facetButton(page, 'Connections').focus();
  const saveView = page.getByRole('button', { name: 'Save view…' });
  // Past the search box, "?" and Columns: a few stops back, however the header grows.
  for (let i = 0; i < 8 && !(await saveView.evaluate((b) => b === document.activeElement)); i++)
    await page.keyboard.press('Shift+Tab');
  await expect(saveView).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Save view' });
  await expect(dialog.getByLabel('Name')).toBeFocused();
  // An empty name is refused, saying why.
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('alert')).toHaveText('Give the view a name');
  await page.keyboard.type('Open warmup 账号');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();

  await search(page).fill('');
  await expect(page.getByTestId('shown-total')).toHaveText(
    shown((r) => r.connection === 'ixBrowser A'),
  );
  const view = savedViews(page).getByRole('button', { name: 'Open warmup 账号', exact: true });
  await view.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('shown-total')).toHaveText(shown(openWarmupIx));

  // Deleted from the keyboard, and back with Undo.
  await savedViews(page).getByRole('button', { name: 'Delete the view Open warmup 账号' }).focus();
  await page.keyboard.press('Enter');
  await expect(view).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(view).toBeVisible();
});
