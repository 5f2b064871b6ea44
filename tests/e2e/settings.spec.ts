/**
 * The Settings screen against the real core: each wrong field says what is wrong under it
 * and nothing is saved while one is; a save lands in main; the theme applies the moment it
 * is picked. Screenshots at a laptop's 1280x720 and at 1400x860.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './support/harness';

const settingsOf = async (core: { dispatch(c: string, r: unknown): Promise<unknown> }) =>
  ((await core.dispatch('settings:get', {})) as { data: Record<string, unknown> }).data;

const openSettings = async (page: Page, appUrl: string) => {
  await page.goto(appUrl);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Settings' })
    .click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
};

test('each wrong field says so under itself; Save waits until all are right, then main has them', async ({
  harness,
}) => {
  const { page, appUrl, core } = harness;
  await openSettings(page, appUrl);
  const save = page.getByRole('button', { name: 'Save' });
  await expect(save).toBeDisabled();

  const cos = page.getByRole('textbox', { name: 'CosLogin: requests at once' });
  const timeout = page.getByRole('textbox', { name: 'Request timeout, ms' });
  const echo = page.getByRole('textbox', { name: 'IP echo service' });
  await expect(cos).toHaveAttribute('placeholder', '6');
  await cos.fill('40');
  await timeout.fill('20');
  await echo.fill('ftp://echo.example');
  await expect(cos).toHaveAccessibleDescription(/must be a whole number from 1 to 16 requests/);
  await expect(timeout).toHaveAccessibleDescription(
    /must be a whole number from 1,000 to 300,000 ms/,
  );
  await expect(echo).toHaveAccessibleDescription(/must be an http\(s\) URL/);
  await expect(page.getByRole('status').filter({ hasText: 'fields need' })).toHaveText(
    '3 fields need fixing before saving.',
  );
  await expect(save).toBeDisabled();

  await cos.fill('4');
  await timeout.fill('30000');
  await echo.fill('http://127.0.0.1:9/ip');
  await expect(timeout).toHaveAccessibleDescription(/\(30 s\)/);
  await page.getByRole('checkbox', { name: /Check the proxy before opening/ }).check();
  await save.click();
  await expect(page.getByText('Settings saved')).toBeVisible();
  await expect(save).toBeDisabled();
  expect(await settingsOf(core)).toMatchObject({
    vendorConcurrency: { cos: 4 },
    requestTimeoutMs: 30_000,
    ipEchoUrl: 'http://127.0.0.1:9/ip',
    checkProxyBeforeOpen: true,
  });
});

test('the theme applies the moment it is picked, and stays after a restart of the page', async ({
  harness,
}) => {
  const { page, appUrl, core } = harness;
  await page.emulateMedia({ colorScheme: 'light' });
  await openSettings(page, appUrl);
  const html = page.locator('html');
  await expect(html).not.toHaveClass(/dark/);

  await page.getByRole('radio', { name: 'Dark' }).check();
  await expect(html).toHaveClass(/dark/);
  await expect.poll(async () => (await settingsOf(core))['theme']).toBe('dark');
  await page.reload();
  await expect(html).toHaveClass(/dark/);

  // System follows the OS, also when the OS switches while the app is open.
  await page.getByRole('radio', { name: 'System' }).check();
  await expect(html).not.toHaveClass(/dark/);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(html).toHaveClass(/dark/);
});

for (const viewport of [
  { width: 1280, height: 720 },
  { width: 1400, height: 860 },
]) {
  test(`screenshot: Settings at ${viewport.width}x${viewport.height}, the Save button in view`, async ({
    harness,
  }) => {
    const { page, appUrl } = harness;
    await page.setViewportSize(viewport);
    await page.emulateMedia({ colorScheme: 'light' });
    await openSettings(page, appUrl);
    await page.getByRole('textbox', { name: 'Open timeout, ms' }).fill('120');
    const save = page.getByRole('button', { name: 'Save' });
    await expect(save).toBeInViewport({ ratio: 1 });
    await page.screenshot({
      path: `tests/e2e/screenshots/settings-${viewport.width}x${viewport.height}.png`,
    });
  });
}
