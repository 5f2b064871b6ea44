/**
 * The rows' context menu and the table's keys end to end: the real core against the
 * sandbox's ixBrowser and CosLogin, at a laptop's and a desktop's size. What the menu or a
 * key starts lands on exactly the profiles it was meant for, in the vendors' own records.
 */
import type { Page } from '@playwright/test';
import type { Core } from '../../electron/main/core';
import { startSandbox, type Sandbox } from '../../electron/sandbox';
import { test, expect } from './support/harness';
import { SCREENS } from './support/profiles-page';

const PER_VENDOR = 6;

let sandbox: Sandbox;
test.beforeEach(async () => {
  // Nothing here opens a browser.
  sandbox = await startSandbox({
    ixProfiles: PER_VENDOR,
    cosProfiles: PER_VENDOR,
    chromiumPath: null,
  });
});
test.afterEach(async () => {
  await sandbox.stop();
});

async function connect(core: Core) {
  const ix = await core.dispatch('connections:add', {
    vendor: 'ixbrowser',
    label: 'Sandbox ix',
    baseUrl: sandbox.ix.url,
  });
  const cos = await core.dispatch('connections:add', {
    vendor: 'cos',
    label: 'Sandbox Cos',
    baseUrl: sandbox.cos.url,
    token: sandbox.cos.token,
  });
  if (!ix.ok || !cos.ok) throw new Error('could not add the sandbox connections');
  return { ix: (ix.data as { id: string }).id, cos: (cos.data as { id: string }).id };
}

/** Both vendors' records as `[table key, remark]`. */
const remarks = (ids: { ix: string; cos: string }) =>
  new Map<string, string>([
    ...sandbox.ix.profiles().map((r) => [`${ids.ix}/${r.profile_id}`, r.note] as const),
    ...sandbox.cos.profiles().map((r) => [`${ids.cos}/${r.id}`, r.remark] as const),
  ]);

const rows = (page: Page) => page.locator('[role=grid] [role=row][data-key]');
const keysOf = (page: Page) =>
  rows(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-key')!));

for (const screen of SCREENS) {
  test.describe(`${screen.width}×${screen.height}`, () => {
    test.beforeEach(async ({ harness }) => {
      await harness.page.setViewportSize(screen);
    });

    test('by mouse: a remark from the menu lands on the selection, a delete on the clicked row alone', async ({
      harness,
    }) => {
      const { page, appUrl, core } = harness;
      const ids = await connect(core);
      await page.goto(appUrl);
      await expect(page.getByTestId('shown-total')).toHaveText(`12 / 12`);
      const keys = await keysOf(page);
      const before = remarks(ids);

      await rows(page).nth(1).click();
      await rows(page)
        .nth(3)
        .click({ modifiers: ['Shift'] });
      await rows(page).nth(2).click({ button: 'right' });
      const menu = page.getByRole('menu', { name: 'Actions for 3 selected' });
      await expect(menu).toBeInViewport({ ratio: 1 });
      await menu.getByRole('menuitem', { name: /^Set remark…/ }).click();
      const dialog = page.getByRole('dialog', { name: 'Set remark on 3 profiles' });
      await dialog.getByLabel('Remark').fill('from the menu');
      await dialog.getByRole('button', { name: 'Set remark' }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByTestId('job-toast').filter({ hasText: 'done' })).toContainText('3 ok');
      const after = remarks(ids);
      const chosen = keys.slice(1, 4);
      for (const [key, remark] of after)
        expect(remark, key).toBe(chosen.includes(key) ? 'from the menu' : before.get(key));

      // A row outside the selection: the menu acts on it alone.
      const victim = keys[6]!;
      await rows(page).nth(6).click({ button: 'right' });
      await page
        .getByRole('menu', { name: 'Actions for 1 selected' })
        .getByRole('menuitem', { name: /^Delete…/ })
        .click();
      await page
        .getByRole('dialog', { name: 'Delete 1 profile?' })
        .getByRole('button', { name: 'Delete 1 profile' })
        .click();
      await expect(page.locator(`[role=row][data-key="${victim}"]`)).toHaveCount(0);
      expect([...remarks(ids).keys()].sort()).toEqual(keys.filter((k) => k !== victim).sort());
    });

    test('by keyboard: Shift+F10 and the menu, then Delete and its dialog, on the focus row alone', async ({
      harness,
    }) => {
      const { page, appUrl, core } = harness;
      const ids = await connect(core);
      await page.goto(appUrl);
      await expect(page.getByTestId('shown-total')).toHaveText(`12 / 12`);
      const keys = await keysOf(page);
      const grid = page.getByRole('grid', { name: 'Profiles' });

      await grid.focus();
      await page.keyboard.press('Home');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Shift+F10');
      const menu = page.getByRole('menu', { name: 'Actions for 1 selected' });
      await expect(menu.getByRole('menuitem', { name: /^Open/ })).toBeFocused();
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
      await expect(menu.getByRole('menuitem', { name: /^Set remark…/ })).toBeFocused();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: 'Set remark on 1 profile' });
      await expect(dialog.getByRole('textbox')).toBeFocused();
      await page.keyboard.type('by keys');
      // The remark is a textarea (Enter is a new line): Tab past Cancel to the primary button.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await expect(dialog.getByRole('button', { name: 'Set remark' })).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(dialog).toBeHidden();
      await expect.poll(() => remarks(ids).get(keys[1]!)).toBe('by keys');

      // Nothing selected: Delete acts on the focus row.
      await grid.focus();
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('selected-count')).toHaveText('0');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Delete');
      const confirm = page.getByRole('dialog', { name: 'Delete 1 profile?' });
      await expect(confirm).toBeVisible();
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await expect(confirm).toBeHidden();
      await expect(page.locator(`[role=row][data-key="${keys[2]}"]`)).toHaveCount(0);
      expect(remarks(ids).has(keys[2]!)).toBe(false);
      expect(remarks(ids).size).toBe(11);
    });
  });
}
