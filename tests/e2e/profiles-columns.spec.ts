/**
 * Columns as users expect: drag a header to reorder, pin, resize, show/hide and the row
 * density, by mouse and by keyboard, all remembered after a reload. Fake deck: 1,000 profiles.
 */
import { test, expect } from './support/harness';
import {
  columnHeader as header,
  columnOrder,
  columnWidth as width,
  openProfiles,
  row,
  SCREENS,
} from './support/profiles-page';
const DEFAULT = ['connection', 'id', 'name', 'group', 'tags', 'remark', 'proxy', 'status'];

for (const screen of SCREENS) {
  test.describe(`${screen.width}×${screen.height}`, () => {
    test.beforeEach(async ({ harness }) => {
      await openProfiles(harness.page, harness.appUrl, screen, { count: 1_000 });
    });

    test('by mouse: drag to reorder, pin, resize, hide and density, remembered after a reload', async ({
      harness,
    }) => {
      const { page } = harness;
      expect(await columnOrder(page)).toEqual(DEFAULT);

      // Drag Name onto the left half of Connection: it goes first.
      await header(page, 'name')
        .getByRole('button')
        .dragTo(header(page, 'connection'), { targetPosition: { x: 10, y: 10 } });
      expect(await columnOrder(page)).toEqual([
        'name',
        'connection',
        'id',
        'group',
        'tags',
        'remark',
        'proxy',
        'status',
      ]);

      // Resize Group by dragging its handle 60 px to the right.
      const before = await width(page, 'group');
      const handle = page.getByRole('separator', { name: 'Resize Group' });
      const h = (await handle.boundingBox())!;
      await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
      await page.mouse.down();
      await page.mouse.move(h.x + h.width / 2 + 60, h.y + h.height / 2, { steps: 4 });
      await page.mouse.up();
      expect(await width(page, 'group')).toBeCloseTo(before + 60, 0);

      await page.getByRole('button', { name: 'Columns' }).click();
      await page.getByRole('combobox', { name: 'Pin Name' }).selectOption('left');
      await page.getByRole('checkbox', { name: 'Tags' }).uncheck();
      for (const name of ['Proxy check', 'Last opened', 'Debug port'])
        await page.getByRole('checkbox', { name }).check();
      await page.getByRole('radio', { name: 'Compact' }).check();
      await page.screenshot({ path: `tests/e2e/screenshots/profiles-columns-${screen.width}.png` });
      await page.keyboard.press('Escape');

      const expected = [
        'name',
        'connection',
        'id',
        'group',
        'remark',
        'proxy',
        'proxyCheck',
        'lastOpened',
        'debugPort',
        'status',
      ];
      const check = async () => {
        expect(await columnOrder(page)).toEqual(expected);
        await expect(header(page, 'name')).toHaveAttribute('data-pinned', 'left');
        expect(await width(page, 'group')).toBeCloseTo(before + 60, 0);
        expect((await row(page, 'ix/1').boundingBox())!.height).toBe(26);
        // Pinned: Name stays put while the grid scrolls sideways.
        const grid = page.getByRole('grid', { name: 'Profiles' });
        expect(await grid.evaluate((g) => g.scrollWidth > g.clientWidth)).toBe(true);
        const x = (await header(page, 'name').boundingBox())!.x;
        await grid.evaluate((g) => (g.scrollLeft = g.scrollWidth));
        expect((await header(page, 'name').boundingBox())!.x).toBe(x);
        await expect(row(page, 'ix/1').getByRole('gridcell').first()).toHaveText('Shop 1');
        await grid.evaluate((g) => (g.scrollLeft = 0));
      };
      await check();
      await page.reload();
      await expect(page.getByRole('grid', { name: 'Profiles' })).toBeVisible();
      await check();

      // Reset brings the defaults back.
      await page.getByRole('button', { name: 'Columns' }).click();
      await page.getByRole('button', { name: 'Reset columns, widths and pins' }).click();
      expect(await columnOrder(page)).toEqual(DEFAULT);
    });

    test('by keyboard: move, pin, resize, hide and density from the Columns menu and the resize handles', async ({
      harness,
    }) => {
      const { page } = harness;
      const columns = page.getByRole('button', { name: 'Columns' });
      await columns.focus();
      await page.keyboard.press('Enter');
      const moveLeft = page.getByRole('button', { name: 'Move Proxy left' });
      await moveLeft.focus();
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      expect(await columnOrder(page)).toEqual([
        'connection',
        'id',
        'name',
        'group',
        'proxy',
        'tags',
        'remark',
        'status',
      ]);
      const pin = page.getByRole('combobox', { name: 'Pin Connection' });
      await pin.focus();
      await pin.selectOption('left');
      await expect(header(page, 'connection')).toHaveAttribute('data-pinned', 'left');
      await page.getByRole('checkbox', { name: 'Remark' }).focus();
      await page.keyboard.press('Space');
      await expect(header(page, 'remark')).toHaveCount(0);
      await page.getByRole('radio', { name: 'Comfortable' }).focus();
      await page.keyboard.press('Space');
      expect((await row(page, 'ix/1').boundingBox())!.height).toBe(38);
      await page.keyboard.press('Escape');

      const before = await width(page, 'name');
      await page.getByRole('separator', { name: 'Resize Name' }).focus();
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowLeft');
      expect(await width(page, 'name')).toBeCloseTo(before + 20, 0);

      await page.reload();
      await expect(page.getByRole('grid', { name: 'Profiles' })).toBeVisible();
      expect(await columnOrder(page)).toEqual([
        'connection',
        'id',
        'name',
        'group',
        'proxy',
        'tags',
        'status',
      ]);
      expect(await width(page, 'name')).toBeCloseTo(before + 20, 0);
      expect((await row(page, 'ix/1').boundingBox())!.height).toBe(38);
    });
  });
}
