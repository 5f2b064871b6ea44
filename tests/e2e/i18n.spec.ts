/**
 * English and 简体中文 against the real core with the demo sandbox: the pseudo-locale walks
 * the translated screens and fails on visible text that did not come from a catalog; 中文 is
 * picked, shown at once, remembered across a reload, and switched back without a restart.
 */
import { en } from '../../renderer/src/i18n/catalogs/en';
import zhCN from '../../renderer/src/i18n/catalogs/zh-CN';
import { test, expect } from './support/harness';
import { openInPseudoLocale, pseudo, textNotFromCatalog } from './support/pseudo-locale';

test('pseudo-locale: every visible word of the Connections screen comes from a catalog', async ({
  harness,
}) => {
  const { page } = harness;
  const { data, connections } = await openInPseudoLocale(harness);
  // The nav's own button: the Profiles filter bar has a "Connections" facet too.
  await page
    .getByRole('navigation', { name: pseudo(en.nav.label) })
    .getByRole('button', { name: pseudo(en.nav.connections) })
    .click();
  await expect(page.getByRole('heading', { name: pseudo(en.connections.title) })).toBeVisible();
  await expect(page.getByTestId('connection-card')).toHaveCount(connections.length);
  await page.getByRole('button', { name: pseudo(en.connections.detect) }).click();

  expect(
    await textNotFromCatalog(page, ['nav', 'section[aria-labelledby="connections-title"]'], data),
  ).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('pseudo-connections.png') });
});

test('中文: picked in the sidebar, shown at once, remembered, and English again without a restart', async ({
  harness,
}) => {
  const { page, appUrl, core } = harness;
  await core.dispatch('demo:start', { profiles: 8 });
  await page.goto(appUrl);
  await expect(page.getByRole('button', { name: 'Profiles' })).toBeVisible();

  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  const nav = page.getByRole('navigation', { name: zhCN.nav.label });
  await expect(nav.getByRole('button', { name: zhCN.nav.profiles })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await nav.getByRole('button', { name: zhCN.nav.connections }).click();
  await expect(page.getByRole('heading', { name: zhCN.connections.title })).toBeVisible();
  const card = page.getByTestId('connection-card').first();
  await expect(card).toContainText(zhCN.connections.card.profiles);
  await card.getByRole('button', { name: zhCN.connections.card.test }).click();
  await expect(card.getByTestId('test-result')).toContainText(zhCN.connections.card.testOk);

  for (const [width, height] of [
    [1280, 720],
    [1400, 860],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `tests/e2e/screenshots/zh-connections-${width}x${height}.png` });
  }

  // Remembered: a reload (a restart of the window) comes back in 中文.
  await page.reload();
  await expect(
    page
      .getByRole('navigation', { name: zhCN.nav.label })
      .getByRole('button', { name: zhCN.nav.profiles }),
  ).toBeVisible();

  // And back, at once.
  await page.getByRole('combobox', { name: zhCN.language.label }).selectOption('en');
  await expect(page.getByRole('button', { name: en.nav.profiles })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
