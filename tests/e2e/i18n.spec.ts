/**
 * English and 简体中文 against the real core with the demo sandbox: the pseudo-locale walks
 * the translated screens and fails on visible text that did not come from a catalog; 中文 is
 * picked, shown at once, remembered across a reload, and switched back without a restart.
 */
import type { Page } from '@playwright/test';
import { en } from '../../renderer/src/i18n/catalogs/en';
import zhCN from '../../renderer/src/i18n/catalogs/zh-CN';
import { PSEUDO_CLOSE, PSEUDO_OPEN, pseudoString } from '../../renderer/src/i18n/pseudo';
import { VENDOR_LABEL } from '../../shared/model';
import { test, expect } from './support/harness';

/** Screens the catalogs word so far: their roots, found by role. */
const TRANSLATED_ROOTS = ['nav', 'section[aria-labelledby="connections-title"]'];

/**
 * Visible text (and what a screen reader reads: aria-label, title) under the roots that is
 * neither inside ⟦ ⟧ nor data: `data` values are cut out first.
 */
async function textNotFromCatalog(page: Page, data: string[]): Promise<string[]> {
  return page.evaluate(
    ({ roots, data, open, close }) => {
      const out: string[] = [];
      const check = (raw: string, where: string) => {
        let rest = raw;
        // Catalog strings, with any data interpolated into them.
        rest = rest.replace(new RegExp(`${open}[^${close}]*${close}`, 'g'), ' ');
        // Longest first: "Demo ixBrowser" before "ixBrowser".
        for (const d of [...data].sort((a, b) => b.length - a.length))
          rest = rest.split(d).join(' ');
        if (/\p{L}/u.test(rest)) out.push(`${where}: "${raw.trim()}"`);
      };
      for (const selector of roots)
        for (const root of document.querySelectorAll(selector)) {
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const el = n.parentElement;
            if (!el || !el.getClientRects().length || !n.textContent?.trim()) continue;
            if (el.closest('option') || getComputedStyle(el).visibility === 'hidden') continue;
            check(n.textContent, el.tagName.toLowerCase());
          }
          for (const el of root.querySelectorAll('[aria-label], [title]'))
            for (const a of ['aria-label', 'title'])
              if (el.getAttribute(a))
                check(el.getAttribute(a)!, `${el.tagName.toLowerCase()}[${a}]`);
        }
      return out;
    },
    { roots: TRANSLATED_ROOTS, data, open: PSEUDO_OPEN, close: PSEUDO_CLOSE },
  );
}

test('pseudo-locale: every visible word of the translated screens comes from a catalog', async ({
  harness,
}) => {
  const { page, appUrl, core } = harness;
  await page.addInitScript(() => localStorage.setItem('deck.language', 'en-XA'));
  const demo = await core.dispatch('demo:start', { profiles: 8 });
  expect(demo, JSON.stringify(demo)).toMatchObject({ ok: true });
  const started = (
    demo as {
      ok: true;
      data: { connections: Array<{ label: string; baseUrl: string }>; browserPath?: string };
    }
  ).data;
  await page.goto(appUrl);
  await page.getByRole('button', { name: pseudoString(en.nav.connections) }).click();
  await expect(
    page.getByRole('heading', { name: pseudoString(en.connections.title) }),
  ).toBeVisible();
  await expect(page.getByTestId('connection-card')).toHaveCount(started.connections.length);
  await page.getByRole('button', { name: pseudoString(en.connections.detect) }).click();

  const data = [
    'BrowserDeck',
    '0.1.0-harness',
    process.platform,
    'English',
    '简体中文',
    ...Object.values(VENDOR_LABEL),
    ...started.connections.flatMap((c) => [c.label, c.baseUrl]),
    ...(started.browserPath ? [started.browserPath] : []),
  ];
  expect(await textNotFromCatalog(page, data)).toEqual([]);
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
