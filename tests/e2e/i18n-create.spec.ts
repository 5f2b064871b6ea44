/**
 * The create dialogs, the proxy editor and list import, the connection form and the
 * data-file notices, worded from the catalogs (real core, demo sandbox): the pseudo-locale
 * walk fails on visible text that came from no catalog, and 中文 screenshots of the new
 * profile dialog and the connection form are committed.
 *
 * The profiles toolbar and bulk bar that open some of these dialogs are another screen's:
 * their controls are found by their English words in any language (see `ui`).
 */
import type { Locator, Page } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { en } from '../../renderer/src/i18n/catalogs/en';
import zhCN from '../../renderer/src/i18n/catalogs/zh-CN';
import { formatProxyInput } from '../../shared/proxy/proxy-format';
import { parseProxyList } from '../../shared/proxy/proxy-list';
import type { Core } from '../../electron/main/core';
import { test, expect } from './support/harness';
import { openInPseudoLocale, pseudo, textNotFromCatalog } from './support/pseudo-locale';

/** Every string of a catalog with the path of its key. */
function entries(o: object, prefix = ''): Array<[string, string]> {
  return Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'string' ? [[prefix + k, v] as [string, string]] : entries(v, `${prefix}${k}.`),
  );
}
const zhByKey = new Map(entries(zhCN));
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A control of another screen by its English words: as they are, in the pseudo-locale, or
 * in 中文 once that screen's catalog has them (English wording stays byte-identical).
 */
function ui(english: string): RegExp {
  const forms = [english, pseudo(english)];
  for (const [key, text] of entries(en)) if (text === english) forms.push(zhByKey.get(key)!);
  return new RegExp(`^(?:${forms.map(escape).join('|')})$`);
}

/** Runs a bulk action from the bar, or its "More" menu when it does not fit the bar. */
async function bulkAction(page: Page, label: string) {
  const bar = page.getByRole('toolbar', { name: ui('Bulk actions') });
  const button = bar.getByRole('button', { name: ui(label) });
  if ((await button.count()) > 0) await button.click();
  else {
    await bar.getByRole('button', { name: ui('More ▾') }).click();
    await page
      .getByRole('menu', { name: ui('More bulk actions') })
      .getByRole('menuitem', { name: ui(label) })
      .click();
  }
}

/** Profile and group names: data the dialogs show as they are. */
async function profileData(core: Core): Promise<string[]> {
  const listed = (await core.dispatch('profiles:list', {})) as {
    ok: true;
    data: { profiles: Array<{ name: string; groupName: string }> };
  };
  return listed.data.profiles.flatMap((p) => [p.name, p.groupName]);
}

const DIALOG = 'dialog[open]';

/** Nothing lies over the bottom edge of `target` (a sticky actions row, say). */
async function expectBottomUncovered(target: Locator) {
  const hit = await target.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const at = document.elementFromPoint(r.left + r.width / 2, r.bottom - 2);
    return at !== null && (at === el || el.contains(at));
  });
  expect(hit, 'the bottom edge is covered').toBe(true);
}
const PROXIES = Array.from({ length: 10 }, (_, i) => `198.51.100.${i + 1}:${9000 + i}`);
/** How the previews show the pasted proxies: data. */
const PROXY_DATA = parseProxyList(PROXIES.join('\n'), { defaultType: 'http' }).entries.map((e) =>
  formatProxyInput(e.proxy),
);
/** Example notations the forms show as placeholders, the same in every language. */
const EXAMPLES = [
  'https://example.com',
  'https://provider.example/get?num=1',
  'host:port\nhost:port:user:pass\nuser:pass@host:port\nsocks5://user:pass@host:port [https://refresh.example/x]\n[2001:db8::1]:8080',
];

test('pseudo-locale: the create dialogs, the proxy editor and list import speak only catalog words', async ({
  harness,
}) => {
  const { page, core } = harness;
  const demo = await openInPseudoLocale(harness);
  const data = [
    ...demo.data,
    ...(await profileData(core)),
    ...PROXY_DATA,
    ...EXAMPLES,
    // The name templates' defaults ("Shop {n}", "Copy {n}"): the user's to change.
    'Shop',
    'Copy',
  ];
  const grid = page.getByRole('grid');
  await expect(grid.locator('[role=row][data-key]').first()).toBeVisible();
  const dialog = page.locator(DIALOG);

  // New profile, its validation, and the proxy editor it opens.
  await page.getByRole('button', { name: ui('New profile') }).click();
  await expect(dialog.getByRole('heading', { name: pseudo(en.create.single.title) })).toBeVisible();
  await dialog.getByRole('button', { name: pseudo(en.create.single.submit) }).click();
  await expect(dialog.getByText(pseudo(en.create.check.nameRequired))).toBeVisible();
  expect(await textNotFromCatalog(page, [DIALOG], data)).toEqual([]);
  await dialog.getByRole('button', { name: pseudo(en.create.single.setProxy) }).click();
  const editor = page.getByTestId('proxy-editor');
  await editor.getByRole('button', { name: pseudo(en.proxy.apply) }).click();
  await expect(editor.getByText(pseudo(en.proxy.check.hostRequired))).toBeVisible();
  expect(await textNotFromCatalog(page, [DIALOG], data)).toEqual([]);
  // A test through a proxy that refuses: the reason is worded, main's message is data in it.
  await editor.getByRole('textbox', { name: pseudo(en.proxy.field.host) }).fill('127.0.0.1');
  await editor.getByRole('textbox', { name: pseudo(en.proxy.field.port) }).fill('9');
  await editor.getByRole('button', { name: pseudo(en.proxy.test.run) }).click();
  await expect(editor.getByTestId('proxy-test-result')).toContainText(/^⟦Fáíléd \(⟦/);
  expect(await textNotFromCatalog(page, [DIALOG], data)).toEqual([]);
  await editor.getByRole('button', { name: pseudo(en.proxy.cancel) }).click();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  // Bulk create: a proxy list one short (its message), then the preview.
  await page.getByRole('button', { name: ui('Bulk create') }).click();
  const bulk = page.getByRole('dialog', { name: pseudo(en.create.bulk.title) });
  const list = bulk.getByRole('textbox', { name: pseudo(en.create.bulk.proxyList) });
  await list.fill(PROXIES.slice(0, 9).join('\n'));
  await bulk.getByRole('button', { name: /^⟦Pré/ }).click();
  await expect(bulk.getByText(/^⟦Próxy líst: /)).toBeVisible();
  expect(await textNotFromCatalog(page, [DIALOG], data)).toEqual([]);
  await list.fill(PROXIES.join('\n'));
  await bulk.getByRole('button', { name: /^⟦Pré/ }).click();
  await expect(page.getByRole('table', { name: pseudo(en.create.preview.label) })).toBeVisible();
  expect(await textNotFromCatalog(page, [DIALOG], data)).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('pseudo-bulk-preview.png') });
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  // With profiles of every vendor selected: copy (ixBrowser copies, the others are skipped),
  // the bulk proxy editor and the proxy-list import.
  const rows = grid.locator('[role=row][data-key]');
  await rows.first().click();
  await rows.last().click({ modifiers: ['Shift'] });
  await bulkAction(page, 'Copy…');
  await expect(dialog.getByRole('note')).toContainText(pseudo(en.create.copy.skipped));
  await dialog.getByRole('checkbox', { name: pseudo(en.create.copy.nameFromTemplate) }).check();
  await expect(dialog.getByRole('list', { name: pseudo(en.create.copy.newNames) })).toBeVisible();
  expect(await textNotFromCatalog(page, [DIALOG], data)).toEqual([]);
  await page.keyboard.press('Escape');

  await bulkAction(page, 'Edit proxy…');
  await expect(page.getByTestId('proxy-editor')).toBeVisible();
  expect(await textNotFromCatalog(page, ['[data-testid="proxy-editor"]'], data)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  await bulkAction(page, 'Import proxy list…');
  const importer = page.getByTestId('proxy-import');
  await importer.getByRole('textbox').fill(PROXIES.slice(0, 2).join('\n'));
  await expect(importer.getByTestId('proxy-import-mismatch')).toBeVisible();
  await expect(importer.getByTestId('proxy-import-preview')).toBeVisible();
  expect(await textNotFromCatalog(page, ['[data-testid="proxy-import"]'], data)).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('pseudo-proxy-import.png') });
});

test('pseudo-locale: the add and the edit connection forms speak only catalog words', async ({
  harness,
}) => {
  const { page } = harness;
  const { data } = await openInPseudoLocale(harness);
  await page
    .getByRole('navigation')
    .getByRole('button', { name: pseudo(en.nav.connections) })
    .click();
  const dialog = page.locator(DIALOG);

  await page.getByRole('button', { name: pseudo(en.connections.add) }).click();
  await expect(
    dialog.getByRole('heading', { name: pseudo(en.connections.form.addTitle) }),
  ).toBeVisible();
  // A vendor that takes a token shows where to find it.
  await dialog
    .getByRole('combobox', { name: pseudo(en.connections.form.vendor) })
    .selectOption('cos');
  await expect(dialog.getByTestId('token-hint')).toContainText(
    pseudo(en.connections.form.tokenSource.cos),
  );
  expect(await textNotFromCatalog(page, [DIALOG], data)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  const card = page.getByTestId('connection-card').filter({ hasText: 'Demo CosLogin' });
  await card.getByRole('button', { name: pseudo(en.common.edit) }).click();
  await expect(dialog.getByTestId('token-state')).toContainText(
    pseudo(en.connections.form.tokenSet),
  );
  expect(await textNotFromCatalog(page, [DIALOG], data)).toEqual([]);
  await dialog.getByRole('button', { name: pseudo(en.connections.form.clear) }).click();
  await expect(dialog.getByText(pseudo(en.connections.form.willClear))).toBeVisible();
  expect(await textNotFromCatalog(page, [DIALOG], data)).toEqual([]);
});

test.describe('a damaged data file', () => {
  test.use({
    harnessOptions: {
      prepareDataDir: (dir) =>
        writeFile(
          join(dir, 'connections.json'),
          '{"version":1,"connections":[{"id":"ix-1","vendor":"ixbrowser","label":"Off',
        ),
    },
  });

  test('pseudo-locale: the notice is worded by its kind; main’s sentence and the paths are data', async ({
    harness,
  }) => {
    const { page, core } = harness;
    const { data } = await openInPseudoLocale(harness);
    const info = (await core.dispatch('app:info', {})) as {
      ok: true;
      data: { notices: Array<{ message: string; file: string; backup?: string }> };
    };
    const notices = info.data.notices;
    expect(notices).toHaveLength(1);
    const banner = page.getByRole('region', { name: pseudo(en.notices.label) });
    await expect(banner.getByRole('alert')).toContainText(
      pseudo(en.notices.kind['unreadable-file']),
    );
    const fromMain = notices.flatMap((n) => [n.message, n.file, ...(n.backup ? [n.backup] : [])]);
    const root = `section[aria-label="${pseudo(en.notices.label)}"]`;
    expect(await textNotFromCatalog(page, [root], [...data, ...fromMain])).toEqual([]);
  });
});

test('中文: the new profile dialog and the connection form, at both window sizes', async ({
  harness,
}) => {
  const { page, appUrl, core } = harness;
  await page.addInitScript(() => localStorage.setItem('deck.language', 'zh-CN'));
  await core.dispatch('demo:start', { profiles: 8 });
  await page.goto(appUrl);
  await expect(page.getByRole('grid').locator('[role=row][data-key]').first()).toBeVisible();
  const dialog = page.locator(DIALOG);

  await page.getByRole('button', { name: ui('New profile') }).click();
  await expect(dialog.getByRole('heading', { name: zhCN.create.single.title })).toBeVisible();
  await dialog.getByRole('button', { name: zhCN.create.single.submit }).click();
  await expect(dialog.getByText(zhCN.create.check.nameRequired)).toBeVisible();
  for (const [width, height] of [
    [1280, 720],
    [1400, 860],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `tests/e2e/screenshots/zh-new-profile-${width}x${height}.png` });
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  await page.getByRole('navigation').getByRole('button', { name: zhCN.nav.connections }).click();
  const card = page.getByTestId('connection-card').filter({ hasText: 'Demo CosLogin' });
  await card.getByRole('button', { name: zhCN.common.edit }).click();
  await expect(dialog.getByTestId('token-state')).toContainText(zhCN.connections.form.tokenSet);
  for (const [width, height] of [
    [1280, 720],
    [1400, 860],
  ] as const) {
    await page.setViewportSize({ width, height });
    // The form's last row stays clear of the actions row under it.
    await expectBottomUncovered(
      dialog.getByRole('button', { name: zhCN.connections.form.clear, exact: true }),
    );
    await page.screenshot({
      path: `tests/e2e/screenshots/zh-connection-form-${width}x${height}.png`,
    });
  }
});
