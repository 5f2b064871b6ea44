/**
 * Every dialog on a 1280×720 laptop, and at 1400×860: its primary button is on screen however
 * long the body grows (the body scrolls, the actions stay), and so are the errors a bad entry
 * shows.
 * Fake deck (support/fake-deck.ts): 200 profiles over two connections.
 */
import type { Locator, Page } from '@playwright/test';
import { installFakeDeck } from './support/fake-deck';
import { test, expect } from './support/harness';
import { bulkAction, SCREENS } from './support/profiles-page';

const row = (page: Page, key: string) => page.locator(`[role=row][data-key="${key}"]`);

/** Fully on screen: inside the window and not clipped by the dialog's scrolling body. */
async function expectOnScreen(target: Locator) {
  await expect(target).toBeVisible();
  await expect(target).toBeInViewport({ ratio: 1 });
}

async function selectRange(page: Page, from: string, to: string) {
  await row(page, from).click();
  await row(page, to).click({ modifiers: ['Shift'] });
}

const bulk = bulkAction;

for (const screen of SCREENS) {
  test.describe(`${screen.width}×${screen.height}`, () => {
    test.beforeEach(async ({ harness }) => {
      const { page, appUrl } = harness;
      await page.setViewportSize(screen);
      await page.addInitScript(installFakeDeck, { count: 200 });
      await page.goto(appUrl);
      await expect(page.getByRole('grid', { name: 'Profiles' })).toBeVisible();
    });

    test('Edit proxy: with every field shown, Apply and the field errors stay on screen', async ({
      harness,
    }) => {
      const { page } = harness;
      await selectRange(page, 'ix/1', 'ix/5');
      const dialog = await bulk(page, 'Edit proxy…');
      await dialog.getByLabel('Type').selectOption('socks5');
      await expectOnScreen(dialog.getByRole('button', { name: 'Apply to 5 profiles' }));
      await dialog.getByLabel('Host').fill('');
      await dialog.getByRole('button', { name: 'Apply to 5 profiles' }).click();
      await expectOnScreen(dialog.getByText(/host/i).and(dialog.locator('p[id$=-error]')).first());
      await expectOnScreen(dialog.getByRole('button', { name: 'Apply to 5 profiles' }));
    });

    test('Import proxy list: a long list and its preview keep Apply on screen', async ({
      harness,
    }) => {
      const { page } = harness;
      await page.getByRole('grid').focus();
      await row(page, 'ix/1').click();
      await page.keyboard.press('ControlOrMeta+a');
      const dialog = await bulk(page, 'Import proxy list…');
      const lines = Array.from({ length: 200 }, (_, i) => `10.1.${i % 250}.${i % 200}:8080`);
      await dialog.getByRole('textbox').first().fill(lines.join('\n'));
      await expectOnScreen(dialog.getByRole('button', { name: 'Apply to 200 profiles' }));
    });

    test("the side panel's Edit proxy keeps Apply on screen", async ({ harness }) => {
      const { page } = harness;
      await row(page, 'ix/3').dblclick();
      const panel = page.getByRole('complementary', { name: 'Profile' });
      await panel.getByRole('button', { name: 'Edit proxy…' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Type').selectOption('http');
      await expectOnScreen(dialog.getByRole('button', { name: 'Apply', exact: true }));
    });

    test('Bulk create: form and preview keep their primary button on screen', async ({
      harness,
    }) => {
      const { page } = harness;
      await page.getByRole('button', { name: 'Bulk create' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Count').fill('');
      await dialog.getByRole('button', { name: /^Preview/ }).click();
      await expectOnScreen(dialog.locator('[aria-invalid=true]').first());
      await dialog.getByLabel('Count').fill('50');
      await expectOnScreen(dialog.getByRole('button', { name: 'Preview 50 profiles' }));
      await dialog.getByRole('button', { name: 'Preview 50 profiles' }).click();
      await expectOnScreen(dialog.getByRole('button', { name: 'Create 50 profiles' }));
    });

    test('New profile keeps Create on screen', async ({ harness }) => {
      const { page } = harness;
      await page.getByRole('button', { name: 'New profile' }).click();
      const dialog = page.getByRole('dialog');
      await expectOnScreen(dialog.getByRole('button', { name: 'Create profile' }));
    });

    test('every bulk dialog opened from the bar has its primary button on screen', async ({
      harness,
    }) => {
      const { page } = harness;
      await row(page, 'ix/1').click();
      await page.keyboard.press('ControlOrMeta+a');
      const primary: Array<[string, RegExp]> = [
        ['Move to group…', /^Move$/],
        ['Set remark…', /^(Set remark|Clear remarks)$/],
        ['Rename…', /^Rename$/],
        ['Tags…', /^(Add|Remove|Replace) tags$|^Remove all tags$/],
        ['Copy…', /^Copy \d+ profiles?$/],
        ['Delete…', /^Delete 200 profiles$/],
      ];
      for (const [action, name] of primary) {
        const dialog = await bulk(page, action);
        await expectOnScreen(dialog.getByRole('button', { name }));
        await dialog.getByRole('button', { name: 'Cancel' }).click();
        await expect(dialog).toBeHidden();
      }
    });

    test('Add a connection keeps Save on screen, with its errors', async ({ harness }) => {
      const { page } = harness;
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('button', { name: 'Connections' })
        .click();
      await page
        .getByRole('button', { name: /Add (a )?connection/ })
        .first()
        .click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Label').fill('');
      await dialog
        .getByLabel(/address|URL/i)
        .first()
        .fill('not a url');
      const save = dialog.locator('button[type=submit]');
      await save.click();
      await expectOnScreen(save);
      await expectOnScreen(dialog.locator('[aria-invalid=true]').first());
    });
  });
}
