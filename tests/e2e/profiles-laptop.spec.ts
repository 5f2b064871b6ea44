/**
 * The profiles table fits a laptop: at 1280×720 (and 1400×860) the default columns need no
 * sideways scrolling, Status is in view with each row's Open/Close, the Connection column
 * names a connection once with a vendor mark, and the bulk bar stays one line with "More".
 * Fake deck: 50,000 profiles.
 */
import { test, expect } from './support/harness';
import {
  expectHeaderOneLine,
  openProfiles,
  row,
  SCREENS,
  startedJobs,
  BULK_ACTION_LABELS,
} from './support/profiles-page';

const ACTIONS = BULK_ACTION_LABELS;

for (const screen of SCREENS) {
  test.describe(`${screen.width}×${screen.height}`, () => {
    test.beforeEach(async ({ harness }) => {
      await openProfiles(harness.page, harness.appUrl, screen, { count: 50_000 });
    });

    test('the default columns fit with Status in view; each row opens or closes from its Status', async ({
      harness,
    }) => {
      const { page } = harness;
      const grid = page.getByRole('grid', { name: 'Profiles' });
      const overflow = await grid.evaluate((g) => g.scrollWidth - g.clientWidth);
      expect(overflow, 'sideways scrolling').toBeLessThanOrEqual(0);
      await expect(page.getByRole('columnheader', { name: /Status/ })).toBeInViewport({ ratio: 1 });

      // The label once, the vendor as a mark.
      const connection = row(page, 'ix/1').getByRole('gridcell').first();
      await expect(connection.getByRole('img', { name: 'ixBrowser' })).toBeVisible();
      expect((await connection.innerText()).match(/ixBrowser A/g)).toHaveLength(1);

      const open = row(page, 'ix/1').getByRole('button', { name: 'Open Shop 1' });
      await expect(open).toBeInViewport({ ratio: 1 });
      await open.click();
      await row(page, 'cos/4').getByRole('button', { name: 'Close Shop 4' }).click();
      expect(await startedJobs(page)).toMatchObject([
        { action: { kind: 'open' }, keys: ['ix/1'] },
        { action: { kind: 'close' }, keys: ['cos/4'] },
      ]);
      // The row's own button acts on its row, not on the selection.
      await expect(page.getByTestId('selected-count')).toHaveText('0');

      await row(page, 'ix/3').click();
      await row(page, 'ix/9').click({ modifiers: ['Shift'] });
      await expect(page.getByRole('toolbar', { name: 'Bulk actions' })).toBeVisible();
      await page.screenshot({
        path: `tests/e2e/screenshots/profiles-table-${screen.width}.png`,
      });
      // With the panel open, Status stays in view, pinned over the scrolling columns.
      await page.keyboard.press('Enter');
      await expect(page.getByRole('complementary', { name: 'Profile' })).toBeVisible();
      await grid.evaluate((g) => (g.scrollLeft = g.scrollWidth));
      await expect(page.getByRole('columnheader', { name: /Status/ })).toBeInViewport({ ratio: 1 });
      await expect(row(page, 'ix/9').getByRole('button', { name: 'Open Shop 9' })).toBeInViewport();
    });

    test('the header is one line with 50,000 profiles counted and selected', async ({
      harness,
    }) => {
      const { page } = harness;
      await row(page, 'ix/1').click();
      await page.keyboard.press('Control+A');
      await expect(page.getByTestId('selected-count')).toHaveText('50,000');
      await expectHeaderOneLine(page);
    });

    test('the bulk bar is one line; what does not fit is in "More", by mouse and by keyboard', async ({
      harness,
    }) => {
      const { page } = harness;
      await row(page, 'ix/3').click();
      await row(page, 'ix/9').click({ modifiers: ['Shift'] });
      // The panel takes no width from the bar, which spans the screen; 1280 is the tight one.
      const bar = page.getByRole('toolbar', { name: 'Bulk actions' });
      const barBox = (await bar.boundingBox())!;
      expect(barBox.height, 'one line').toBeLessThan(50);
      const inBar = await bar
        .getByRole('button')
        .evaluateAll((bs) =>
          bs.filter((b) => b.getBoundingClientRect().width > 0).map((b) => b.textContent),
        );
      const more = bar.getByRole('button', { name: 'More ▾' });
      const hasMore = (await more.count()) > 0;
      if (screen.width === 1280) expect(hasMore).toBe(true);
      let inMore: string[] = [];
      if (hasMore) {
        await more.click();
        const menu = page.getByRole('menu', { name: 'More bulk actions' });
        inMore = await menu
          .getByRole('menuitem')
          .evaluateAll((items) => items.map((i) => i.querySelector('span')!.textContent!));
        await page.keyboard.press('Escape');
        await expect(menu).toBeHidden();
      }
      // Every action is reachable exactly once, in its order.
      const shown = inBar.filter((t) => ACTIONS.includes(t!));
      expect([...shown, ...inMore]).toEqual(ACTIONS);
      if (!hasMore) return;

      // By mouse: the last action, from the menu.
      await more.click();
      await page.getByRole('menuitem', { name: /Delete…/ }).click();
      const dialog = page.getByRole('dialog', { name: 'Delete 7 profiles?' });
      await expect(dialog).toBeVisible();
      await dialog.getByRole('button', { name: 'Cancel' }).click();

      // By keyboard: the menu opens on its first item; arrows, then Enter.
      await more.focus();
      await page.keyboard.press('Enter');
      const first = page.getByRole('menuitem').filter({ hasText: inMore[0]! });
      await expect(first).toBeFocused();
      await page.keyboard.press('End');
      await expect(page.getByRole('menuitem', { name: /Delete…/ })).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page.getByRole('dialog', { name: 'Delete 7 profiles?' })).toBeVisible();
    });
  });
}
