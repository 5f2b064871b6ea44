/**
 * Right click and keys on the profiles table: a context menu with the bulk actions for the
 * selection (or the clicked row when it is not selected), Delete, F2, Ctrl/Cmd+F, Esc and
 * `?`. Fake deck: 50,000 profiles; jobs.start records what it is asked.
 */
import { test, expect } from './support/harness';
import {
  openProfiles,
  row,
  SCREENS,
  startedJobs,
  BULK_ACTION_LABELS,
} from './support/profiles-page';

const MENU_ITEMS = BULK_ACTION_LABELS;

for (const screen of SCREENS) {
  test.describe(`${screen.width}×${screen.height}`, () => {
    test.beforeEach(async ({ harness }) => {
      await openProfiles(harness.page, harness.appUrl, screen, { count: 50_000 });
    });

    test('right click: the bulk actions for the selection, or for the clicked row when it is not selected', async ({
      harness,
    }) => {
      const { page } = harness;
      await row(page, 'ix/3').click();
      await row(page, 'ix/9').click({ modifiers: ['Shift'] });
      await row(page, 'ix/5').click({ button: 'right' });
      const menu = page.getByRole('menu', { name: 'Actions for 7 selected' });
      await expect(menu).toBeVisible();
      await expect(menu.getByRole('menuitem')).toHaveText(
        MENU_ITEMS.map((label) => new RegExp(`^${label}`)),
      );
      await expect(menu.getByRole('menuitem', { name: /^Rename…/ })).toContainText('F2');
      await expect(menu).toBeInViewport({ ratio: 1 });
      await page.screenshot({
        path: `tests/e2e/screenshots/profiles-context-menu-${screen.width}.png`,
      });
      await menu.getByRole('menuitem', { name: /^Set remark…/ }).click();
      await expect(menu).toBeHidden();
      const dialog = page.getByRole('dialog', { name: 'Set remark on 7 profiles' });
      await expect(dialog).toBeVisible();
      await dialog.getByRole('button', { name: 'Cancel' }).click();

      // A row outside the selection: the menu acts on it alone.
      await row(page, 'cos/12').click({ button: 'right' });
      await expect(page.getByTestId('selected-count')).toHaveText('1');
      await page
        .getByRole('menu', { name: 'Actions for 1 selected' })
        .getByRole('menuitem', { name: /^Open/ })
        .click();
      expect(await startedJobs(page)).toMatchObject([
        { action: { kind: 'open' }, keys: ['cos/12'] },
      ]);

      // Esc closes it and the table keeps the keyboard.
      await row(page, 'cos/14').click({ button: 'right' });
      await expect(page.getByRole('menu', { name: 'Actions for 1 selected' })).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('context-menu')).toBeHidden();
      await expect(page.getByRole('grid', { name: 'Profiles' })).toBeFocused();
    });

    test('keyboard: Shift+F10 opens the menu on the focus row, arrows and Enter pick an action', async ({
      harness,
    }) => {
      const { page } = harness;
      await row(page, 'ix/1').click();
      await page.keyboard.press('Escape'); // nothing selected; the focus row stays
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Shift+F10');
      const menu = page.getByRole('menu', { name: 'Actions for 1 selected' });
      await expect(menu.getByRole('menuitem', { name: /^Open/ })).toBeFocused();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await expect(menu.getByRole('menuitem', { name: /^Set remark…/ })).toBeFocused();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: 'Set remark on 1 profile' });
      await expect(dialog).toBeVisible();
      await dialog.getByRole('textbox').fill('called back');
      await dialog.getByRole('button', { name: 'Set remark' }).click();
      expect(await startedJobs(page)).toMatchObject([
        { action: { kind: 'set-remark', remark: 'called back' }, keys: ['cos/2'] },
      ]);
    });

    test('Delete, F2, Esc, Ctrl/Cmd+F and ? from the keyboard; the shortcut list by mouse too', async ({
      harness,
    }) => {
      const { page } = harness;
      const grid = page.getByRole('grid', { name: 'Profiles' });
      await row(page, 'ix/3').click();
      await row(page, 'ix/5').click({ modifiers: ['Shift'] });

      await page.keyboard.press('Delete');
      await expect(page.getByRole('dialog', { name: 'Delete 3 profiles?' })).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toBeHidden();

      await grid.focus();
      await page.keyboard.press('F2');
      await expect(page.getByRole('dialog', { name: 'Rename 3 profiles' })).toBeVisible();
      await page.keyboard.press('Escape');

      // Esc closes the panel first, then clears the selection.
      await grid.focus();
      await page.keyboard.press('Enter');
      const panel = page.getByRole('complementary', { name: 'Profile' });
      await expect(panel).toBeVisible();
      await grid.focus();
      await page.keyboard.press('Escape');
      await expect(panel).toBeHidden();
      await expect(page.getByTestId('selected-count')).toHaveText('3');
      // From inside the panel too.
      await page.keyboard.press('Enter');
      await panel.getByRole('textbox', { name: 'Name' }).focus();
      await page.keyboard.press('Escape');
      await expect(panel).toBeHidden();
      await expect(grid).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('selected-count')).toHaveText('0');

      await page.keyboard.press('ControlOrMeta+f');
      await expect(page.getByRole('searchbox', { name: 'Search profiles' })).toBeFocused();
      // In a text field, ? is a character.
      await page.keyboard.type('?');
      await expect(page.getByRole('dialog')).toHaveCount(0);
      await page.getByRole('searchbox', { name: 'Search profiles' }).fill('');

      await grid.focus();
      await page.keyboard.press('?');
      const list = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await expect(list).toBeVisible();
      for (const [keys, what] of [
        ['F2', 'Rename the selected profiles'],
        ['Shift+F10, ☰', 'Actions for the selection (as a right click)'],
      ])
        await expect(list.locator('div').filter({ hasText: what }).last()).toContainText(keys!);
      await expect(list.getByRole('button', { name: 'Done' })).toBeInViewport({ ratio: 1 });
      await page.screenshot({ path: test.info().outputPath(`shortcuts-${screen.width}.png`) });
      await page.keyboard.press('Escape');
      await expect(list).toBeHidden();
      await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
      await expect(list).toBeVisible();
    });
  });
}
