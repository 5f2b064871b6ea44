/** Shared steps of the profiles table's E2E specs over the fake deck (support/fake-deck.ts). */
import type { Page } from '@playwright/test';
import { installFakeDeck, type FakeDeckOptions } from './fake-deck';
import { expect } from './harness';

/** The two screens the app is checked at: a 1280×720 laptop and a 1400×860 desktop window. */
export const SCREENS = [
  { width: 1280, height: 720 },
  { width: 1400, height: 860 },
] as const;

export async function openProfiles(
  page: Page,
  appUrl: string,
  screen: { width: number; height: number },
  options: FakeDeckOptions,
) {
  await page.setViewportSize(screen);
  await page.addInitScript(installFakeDeck, options);
  await page.goto(appUrl);
  await expect(page.getByRole('grid', { name: 'Profiles' })).toBeVisible();
}

/** A column's header cell, by column id. */
export const columnHeader = (page: Page, id: string) =>
  page.locator(`[role=columnheader][data-column="${id}"]`);
/** A column's drawn width in px. */
export const columnWidth = async (page: Page, id: string) =>
  (await columnHeader(page, id).boundingBox())!.width;

export const row = (page: Page, key: string) => page.locator(`[role=row][data-key="${key}"]`);

/** What the fake deck's jobs.start was asked, in order. */
export const startedJobs = (page: Page) =>
  page.evaluate(
    () =>
      (window as unknown as { __fake: { jobs: Array<{ action: unknown; keys: string[] }> } }).__fake
        .jobs,
  );

/** The column ids of the headers, left to right. */
export const columnOrder = (page: Page) =>
  page.getByRole('columnheader').evaluateAll((hs) => hs.map((h) => h.getAttribute('data-column')));

/**
 * Runs a bulk action as a user would: its button in the bulk bar, or the bar's "More" menu
 * when the action does not fit the bar at this window width. Returns the dialog it opens.
 */
export async function bulkAction(page: Page, label: string) {
  const bar = page.getByRole('toolbar', { name: 'Bulk actions' });
  const button = bar.getByRole('button', { name: label, exact: true });
  if ((await button.count()) > 0) await button.click();
  else {
    await bar.getByRole('button', { name: 'More ▾' }).click();
    await page
      .getByRole('menu', { name: 'More bulk actions' })
      .getByRole('menuitem', { name: label })
      .click();
  }
  return page.getByRole('dialog');
}

/** The bulk actions a user sees, in order: the bar (with its "More" menu) and the context menu. */
export const BULK_ACTION_LABELS = [
  'Open',
  'Close',
  'Move to group…',
  'Set remark…',
  'Rename…',
  'Tags…',
  'Edit proxy…',
  'Import proxy list…',
  'Check proxy',
  'Copy…',
  'Export CSV…',
  'Copy to connection…',
  'Run automation…',
  'Delete…',
];

/**
 * The Profiles header (title, actions, counts, views, columns) is one line: nothing scrolls
 * sideways, every item's middle is on the same line, and no item wraps onto two lines.
 */
export async function expectHeaderOneLine(page: Page) {
  const layout = await page
    .getByRole('region', { name: 'Profiles' })
    .locator('header')
    .first()
    .evaluate((h) => {
      // What is laid out: a closed menu's popup has no box.
      const items = [...h.querySelectorAll(':scope > :not(h1), :scope > div > *')]
        .map((el) => {
          const r = el.getBoundingClientRect();
          return {
            text: el.textContent!.slice(0, 24),
            middle: r.top + r.height / 2,
            height: r.height,
          };
        })
        .filter((i) => i.height > 0);
      return { overflow: h.scrollWidth - h.clientWidth, items };
    });
  expect(layout.overflow, 'header scrolls sideways').toBeLessThanOrEqual(0);
  expect(layout.items.length).toBeGreaterThan(5);
  for (const item of layout.items) {
    expect(item.middle, `"${item.text}" on the header's line`).toBeCloseTo(
      layout.items[0]!.middle,
      0,
    );
    expect(item.height, `"${item.text}" on one line`).toBeLessThan(36);
  }
}
