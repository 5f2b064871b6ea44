/**
 * The profiles table in the browser harness.
 *
 * FAKE DECK: every test in this file replaces window.deck's list calls (connections,
 * profiles, groups, tags) and jobs.start with in-page fakes, because main has no
 * `profiles:list` handler yet. The rest of window.deck (app:info, events) is the real
 * harness bridge. Once electron/main/core.ts handles `profiles:list`, sandbox-backed
 * tests replace the fakes.
 */
import type { Locator, Page } from '@playwright/test';
import { installFakeDeck, type FakeDeckOptions } from './support/fake-deck';
import { chooseFacet, facetButton } from './support/facets';
import { test, expect } from './support/harness';

async function openTable(page: Page, appUrl: string, options: FakeDeckOptions) {
  await page.addInitScript(installFakeDeck, options);
  await page.goto(appUrl);
  await expect(page.getByRole('grid', { name: 'Profiles' })).toBeVisible();
}

const bodyRows = (page: Page) => page.locator('[role=grid] [role=row][data-key]');
const row = (page: Page, key: string) => page.locator(`[role=row][data-key="${key}"]`);
const jobs = (page: Page) =>
  page.evaluate(() => (window as unknown as { __fake: { jobs: unknown[] } }).__fake.jobs);

test('50,000 profiles render as a window of rows, and scrolling reaches the last one', async ({
  harness,
}) => {
  const { page, appUrl } = harness;
  await openTable(page, appUrl, { count: 50_000 });
  await expect(page.getByTestId('shown-total')).toHaveText('50,000 / 50,000');
  await expect(row(page, 'ix/1')).toBeVisible();
  const inDom = await bodyRows(page).count();
  expect(inDom).toBeGreaterThan(10);
  expect(inDom).toBeLessThan(120);

  await page.getByRole('grid').evaluate((g) => (g.scrollTop = g.scrollHeight));
  await expect(row(page, 'cos/50000')).toBeVisible();
  await expect(row(page, 'ix/1')).toHaveCount(0);
});

test('a filter typed while scrolled to the bottom shows the last rows it keeps', async ({
  harness,
}) => {
  const { page, appUrl } = harness;
  await openTable(page, appUrl, { count: 50_000 });
  await page.getByRole('grid').evaluate((g) => (g.scrollTop = g.scrollHeight));
  await expect(row(page, 'cos/50000')).toBeVisible();
  // Shop 1, 10-19, 100-199, 1000-1999, 10000-19999: the view is past the last of them.
  await page.getByRole('searchbox', { name: 'Search profiles' }).fill('"shop 1"');
  await expect(page.getByTestId('shown-total')).toHaveText('11,111 / 50,000');
  await expect(row(page, 'ix/19999')).toBeVisible();
  await expect(row(page, 'cos/50000')).toHaveCount(0);
  await page.getByRole('searchbox', { name: 'Search profiles' }).fill('');
  await page.getByRole('grid').evaluate((g) => (g.scrollTop = g.scrollHeight));
  await expect(row(page, 'cos/50000')).toBeVisible();
});

test('rows a filter hides are kept out of sight, and the same elements show the rows again', async ({
  harness,
}) => {
  const { page, appUrl } = harness;
  await openTable(page, appUrl, { count: 1_000 });
  await expect(row(page, 'ix/1')).toBeVisible();
  const drawn = await bodyRows(page).count();
  const first = await page.locator('[data-profile-row]').first().elementHandle();
  const search = page.getByRole('searchbox', { name: 'Search profiles' });

  await search.fill('no such profile');
  await expect(page.getByText('No profile matches the filters.')).toBeVisible();
  // Kept: no row to anyone (role, key, id), hidden, inert; only the header row remains.
  await expect(bodyRows(page)).toHaveCount(0);
  await expect(page.getByRole('row')).toHaveCount(1);
  const kept = page.locator('[data-profile-row]');
  expect(await kept.count()).toBe(drawn);
  for (const el of await kept.all()) {
    await expect(el).toBeHidden();
    await expect(el).toHaveAttribute('inert', '');
    await expect(el).not.toHaveAttribute('id');
  }

  await search.fill('');
  await expect(row(page, 'ix/1')).toBeVisible();
  await expect(bodyRows(page)).toHaveCount(drawn);
  // The first row is the element it was before the empty answer, updated in place.
  expect(await first!.evaluate((el) => el.isConnected && el.getAttribute('data-key'))).toBe('ix/1');
});

test('the last-known rows are asked for before the app first renders', async ({ harness }) => {
  const { page, appUrl } = harness;
  await page.addInitScript(() => {
    const w = window as unknown as {
      deck: { profiles: { lastKnown(r: unknown): Promise<unknown> } };
      __askedBeforeRender?: boolean;
    };
    const lastKnown = w.deck.profiles.lastKnown;
    w.deck.profiles.lastKnown = (request) => {
      w.__askedBeforeRender ??= !document.getElementById('root')?.hasChildNodes();
      return lastKnown(request);
    };
  });
  await openTable(page, appUrl, { count: 10 });
  expect(
    await page.evaluate(() => (window as { __askedBeforeRender?: boolean }).__askedBeforeRender),
  ).toBe(true);
});

test('while the rows are on their way the table is there, saying so, and closed menus hold nothing', async ({
  harness,
}) => {
  const { page, appUrl } = harness;
  await page.addInitScript(installFakeDeck, { count: 10 });
  // The listing waits until the test lets it answer.
  await page.addInitScript(() => {
    const w = window as unknown as {
      deck: { profiles: { list(r: unknown): Promise<unknown> } };
      __answer?: () => void;
    };
    const list = w.deck.profiles.list;
    w.deck.profiles.list = (request) =>
      new Promise((resolve) => (w.__answer = () => resolve(list(request))));
  });
  await page.goto(appUrl);
  const grid = page.getByRole('grid', { name: 'Profiles' });
  await expect(grid).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Loading profiles…' })).toBeVisible();
  await expect(grid.getByRole('columnheader', { name: 'Name' })).toBeVisible();
  await expect(bodyRows(page)).toHaveCount(0);
  // A closed menu has no contents; open, it has them; closed again, none.
  const filled = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('[popover]')].map((p) => p.childElementCount),
    );
  expect((await filled()).length).toBeGreaterThan(2);
  expect((await filled()).every((n) => n === 0)).toBe(true);
  await page.getByRole('button', { name: 'Columns' }).click();
  await expect(page.getByRole('checkbox', { name: 'Remark' })).toBeVisible();
  expect((await filled()).filter((n) => n > 0)).toHaveLength(1);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('checkbox', { name: 'Remark' })).toHaveCount(0);

  await expect(page.getByText('Listing… Rows appear as their pages arrive.')).toBeVisible();
  await page.screenshot({ path: 'tests/e2e/screenshots/profiles-loading.png' });

  await page.evaluate(() => (window as unknown as { __answer: () => void }).__answer());
  await expect(bodyRows(page)).toHaveCount(10);
  await expect(page.getByText('Loading profiles…')).toHaveCount(0);
  await expect(page.getByText(/^Listing…/)).toHaveCount(0);
});

/**
 * Main answers with the fake's rows as last known, at once or when the test calls
 * `__answerLastKnown`; the listing never ends. Records what the app's first render showed.
 */
function lastKnownRows({ held }: { held: boolean }) {
  type Answer = { ok: true; data: { profiles: unknown[] } };
  const w = window as unknown as {
    deck: { profiles: Record<string, (r?: unknown) => Promise<unknown>> };
    __firstRender?: FirstRender;
    __answerLastKnown?: () => void;
  };
  const { profiles } = w.deck;
  const rows = (profiles['list']!({}) as Promise<Answer>).then(({ data }) => ({
    ok: true,
    data: {
      profiles: data.profiles,
      connections: ['ix', 'cos'].map((connectionId) => ({ connectionId, listedAt: 1e12 })),
      snapshots: [],
    },
  }));
  const answered = held
    ? new Promise<void>((resolve) => (w.__answerLastKnown = resolve))
    : Promise.resolve();
  profiles['lastKnown'] = () => answered.then(() => rows);
  profiles['list'] = () => new Promise(() => {});
  new MutationObserver((_, observer) => {
    const root = document.getElementById('root');
    if (!root?.firstElementChild) return;
    const rows = root.querySelectorAll('[role=grid] [role=row][data-key]');
    w.__firstRender = {
      rows: rows.length,
      loading: root.textContent?.includes('Loading profiles…') ?? false,
      // The connection's label, not its id: the connections were in too.
      labelled: rows[0]?.textContent?.includes('ixBrowser A') ?? false,
    };
    observer.disconnect();
  }).observe(document, { subtree: true, childList: true });
}

interface FirstRender {
  rows: number;
  loading: boolean;
  labelled: boolean;
}

const firstRender = (page: Page) =>
  page.evaluate(() => (window as { __firstRender?: FirstRender }).__firstRender);

test('last-known rows arriving while the app waits do not move the table: the banner was there', async ({
  harness,
}) => {
  const { page, appUrl } = harness;
  await page.addInitScript(installFakeDeck, { count: 10 });
  await page.addInitScript(lastKnownRows, { held: true });
  await page.goto(appUrl);
  await expect(page.getByText('Listing… Rows appear as their pages arrive.')).toBeVisible();
  expect(await firstRender(page)).toEqual({ rows: 0, loading: true, labelled: false });
  const grid = page.getByRole('grid', { name: 'Profiles' });
  const height = () => grid.evaluate((el) => el.clientHeight);
  const before = await height();

  await page.evaluate(() => (window as { __answerLastKnown?: () => void }).__answerLastKnown!());
  await expect(bodyRows(page)).toHaveCount(10);
  await expect(page.getByText(/^Listing… Until each listing is complete, rows of/)).toBeVisible();
  expect(await height()).toBe(before);
});

test('last-known rows already in when the app starts are in its first render, with their connections', async ({
  harness,
}) => {
  const { page, appUrl } = harness;
  await page.addInitScript(installFakeDeck, { count: 10 });
  await page.addInitScript(lastKnownRows, { held: false });
  await page.goto(appUrl);
  await expect(bodyRows(page)).toHaveCount(10);
  await expect(page.getByText(/^Listing… Until each listing is complete, rows of/)).toBeVisible();
  expect(await firstRender(page)).toEqual({ rows: 10, loading: false, labelled: true });
});

test('typing a filter narrows the rows and shows shown / total', async ({ harness }) => {
  const { page, appUrl } = harness;
  await openTable(page, appUrl, { count: 50_000 });
  // Every word must match: "4999" is in Shop 4999, 14999, 24999, 34999, 44999, 49990-49999.
  await page.getByRole('searchbox', { name: 'Search profiles' }).fill('shop 4999');
  await expect(page.getByTestId('shown-total')).toHaveText('15 / 50,000');
  await expect(bodyRows(page)).toHaveCount(15);

  // Facets combine with the text: of those 15, CosLogin has the even ids 49990-49998.
  await chooseFacet(page, 'Connections', 'CosLogin B');
  await expect(page.getByTestId('shown-total')).toHaveText('5 / 50,000');

  await page.getByRole('searchbox', { name: 'Search profiles' }).fill('no such profile');
  await expect(page.getByText('No profile matches the filters.')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).last().click();
  await expect(page.getByTestId('shown-total')).toHaveText('50,000 / 50,000');
});

test('Shift-click selects a range of 25, and the bulk bar starts a job on exactly those', async ({
  harness,
}) => {
  const { page, appUrl } = harness;
  await openTable(page, appUrl, { count: 50_000 });
  await row(page, 'ix/3').click();
  await row(page, 'ix/27').click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('selected-count')).toHaveText('25');
  // (Rows scrolled out of view leave the DOM; the exact keys are checked on the job below.)
  await expect(row(page, 'ix/27')).toHaveAttribute('aria-selected', 'true');
  await expect(row(page, 'cos/28')).toHaveAttribute('aria-selected', 'false');
  const bar = page.getByRole('toolbar', { name: 'Bulk actions' });
  await expect(bar.getByTestId('bulk-count')).toHaveText('25 profiles selected');

  // Ctrl-click takes one out.
  await row(page, 'cos/10').click({ modifiers: ['ControlOrMeta'] });
  await expect(page.getByTestId('selected-count')).toHaveText('24');

  await bar.getByRole('button', { name: 'Move to group…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Move 24 profiles to a group' });
  await dialog
    .getByRole('combobox', { name: 'Group in ixBrowser A (ixBrowser)' })
    .selectOption('Social');
  await dialog
    .getByRole('combobox', { name: 'Group in CosLogin B (CosLogin)' })
    .selectOption('Ads');
  await dialog.getByRole('button', { name: 'Move' }).click();
  await expect(dialog).toBeHidden();

  const started = (await jobs(page)) as Array<{ action: unknown; keys: string[] }>;
  expect(started).toHaveLength(1);
  // The names ride along so Activity can say where the profiles went.
  expect(started[0]!.action).toEqual({
    kind: 'move-group',
    groupIds: { ix: 'g2', cos: 'g0' },
    groupNames: { ix: 'Social', cos: 'Ads' },
  });
  const expected = Array.from({ length: 25 }, (_, i) => 3 + i)
    .filter((n) => n !== 10)
    .map((n) => `${n % 2 ? 'ix' : 'cos'}/${n}`);
  expect(started[0]!.keys).toEqual(expected);
});

test('Ctrl+A selects every filtered row, rendered or not; Esc clears', async ({ harness }) => {
  const { page, appUrl } = harness;
  await openTable(page, appUrl, { count: 50_000 });
  await chooseFacet(page, 'Groups', 'Shops');
  await expect(page.getByTestId('shown-total')).toHaveText('12,500 / 50,000');
  await row(page, 'cos/2').click();
  await page.keyboard.press('ControlOrMeta+a');
  await expect(page.getByTestId('selected-count')).toHaveText('12,500');
  const bar = page.getByRole('toolbar', { name: 'Bulk actions' });
  await expect(bar.getByTestId('bulk-count')).toHaveText('12,500 profiles selected');

  // Acting on it sends the filtered set only.
  await bar.getByRole('button', { name: 'Set remark…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Set remark on 12,500 profiles' });
  await dialog.getByRole('textbox', { name: 'Remark' }).fill('checked');
  await dialog.getByRole('button', { name: 'Set remark' }).click();
  const started = (await jobs(page)) as Array<{ keys: string[] }>;
  expect(started[0]!.keys).toHaveLength(12_500);
  expect(started[0]!.keys.every((k) => (Number(k.split('/')[1]) - 1) % 4 === 1)).toBe(true);

  await page.getByRole('grid').focus();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('selected-count')).toHaveText('0');
  await expect(bar).toBeHidden();
});

test('keyboard: arrows move the focus, Shift+arrows extend, Space toggles, Enter opens the panel', async ({
  harness,
}) => {
  const { page, appUrl } = harness;
  await openTable(page, appUrl, { count: 200 });
  await row(page, 'ix/1').click();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(page.getByTestId('selected-count')).toHaveText('3');
  await expect(row(page, 'cos/2')).toHaveAttribute('aria-selected', 'true');
  await expect(row(page, 'cos/4')).toHaveAttribute('aria-selected', 'true');
  await expect(row(page, 'ix/1')).toHaveAttribute('aria-selected', 'false');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('selected-count')).toHaveText('2');
  await page.keyboard.press('Enter');
  const panel = page.getByRole('complementary', { name: 'Profile' });
  await expect(panel.getByRole('textbox', { name: 'Name' })).toHaveValue('Shop 4');
});

test('sorting by a header click orders names numerically, and a second click reverses', async ({
  harness,
}) => {
  const { page, appUrl } = harness;
  await openTable(page, appUrl, { count: 1_000 });
  const firstName = () => bodyRows(page).first().locator('[role=gridcell]').nth(2);
  await page.getByRole('button', { name: 'Name', exact: true }).click();
  await expect(firstName()).toHaveText('Shop 1');
  await expect(bodyRows(page).nth(9).locator('[role=gridcell]').nth(2)).toHaveText('Shop 10');
  await page.getByRole('button', { name: 'Name', exact: true }).click();
  await expect(firstName()).toHaveText('Shop 1000');
});

test('filters and hidden columns are remembered after a reload', async ({ harness }) => {
  const { page, appUrl } = harness;
  await openTable(page, appUrl, { count: 1_000 });
  await chooseFacet(page, 'Statuses', 'open');
  await page.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('checkbox', { name: 'Remark' }).uncheck();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('shown-total')).toHaveText('250 / 1,000');
  await expect(page.getByRole('columnheader', { name: 'Remark' })).toHaveCount(0);

  await page.reload();
  await expect(page.getByTestId('shown-total')).toHaveText('250 / 1,000');
  await expect(facetButton(page, 'Statuses')).toHaveText('Statuses: open');
  await expect(page.getByRole('columnheader', { name: 'Remark' })).toHaveCount(0);
  await expect(page.getByRole('columnheader', { name: 'Name' })).toBeVisible();
});

test('a changed-rows event patches the row in place, without reloading the list', async ({
  harness,
}) => {
  const { page, appUrl } = harness;
  await openTable(page, appUrl, { count: 1_000 });
  await row(page, 'ix/1').click();
  await row(page, 'ix/5').click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('selected-count')).toHaveText('5');
  await page.evaluate(() => {
    const w = window as unknown as {
      deck: { profiles: { list(r: object): Promise<{ data: { profiles: { key: string }[] } }> } };
      __deckEmit(e: string, p: unknown): void;
    };
    return w.deck.profiles.list({}).then(({ data }) => {
      const one = data.profiles.find((p) => p.key === 'ix/1')!;
      w.__deckEmit('profiles:event:changed', {
        updated: [{ ...one, name: 'Renamed by a job' }],
        removedKeys: ['cos/2'],
        refetchConnections: [],
      });
    });
  });
  await expect(row(page, 'ix/1')).toContainText('Renamed by a job');
  await expect(row(page, 'cos/2')).toHaveCount(0);
  await expect(page.getByTestId('shown-total')).toHaveText('999 / 999');
  // The removed row leaves the selection; the others stay selected.
  await expect(page.getByTestId('selected-count')).toHaveText('4');
  // One list call by the app, one by this test: the event did not trigger a reload.
  expect(
    await page.evaluate(
      () => (window as unknown as { __fake: { listCalls: number } }).__fake.listCalls,
    ),
  ).toBe(2);
});

test('a connection that failed to list shows its error while the others are shown', async ({
  harness,
}) => {
  const { page, appUrl } = harness;
  await openTable(page, appUrl, { count: 100, failing: true });
  await expect(page.getByRole('alert').filter({ hasText: 'CosLogin Down' })).toContainText(
    'No answer from 127.0.0.1:1',
  );
  await expect(page.getByTestId('shown-total')).toHaveText('100 / 100');
});

test('screenshots: light and dark', async ({ harness }) => {
  const { page, appUrl } = harness;
  await openTable(page, appUrl, { count: 50_000, failing: true });
  await row(page, 'ix/3').click();
  await row(page, 'ix/9').click({ modifiers: ['Shift'] });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('complementary', { name: 'Profile' })).toBeVisible();
  await page.screenshot({ path: 'tests/e2e/screenshots/profiles-light.png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: 'tests/e2e/screenshots/profiles-dark.png' });
  await page.getByRole('button', { name: 'Rename…' }).click();
  await page.getByRole('textbox', { name: 'Name template' }).fill('Shop {n}');
  await page.screenshot({ path: 'tests/e2e/screenshots/profiles-rename-dark.png' });
});

test('rows and the grid follow the dark theme, also when the OS is light', async ({ harness }) => {
  const { page, appUrl } = harness;
  await page.emulateMedia({ colorScheme: 'light' });
  await openTable(page, appUrl, { count: 100 });
  const background = (locator: Locator) =>
    locator.evaluate((el) => getComputedStyle(el).backgroundColor);
  const grid = page.getByRole('grid');
  const white = await background(grid);
  expect(await background(row(page, 'ix/1'))).toBe(white);
  // What lib/theme.ts does for the Dark theme whatever the OS says.
  await page.evaluate(() => document.documentElement.classList.add('dark'));
  for (const el of [grid, row(page, 'ix/1'), row(page, 'cos/2')])
    expect(await background(el)).not.toBe(white);
});
