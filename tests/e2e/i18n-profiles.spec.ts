/**
 * The Profiles screen and its bulk work in the pseudo-locale, against the real core and the
 * demo sandbox: every menu and dialog is opened and no visible word may come from outside a
 * catalog. Then 中文 screenshots of the table, the bulk bar and a bulk dialog.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { en } from '../../renderer/src/i18n/catalogs/en';
import zhCN from '../../renderer/src/i18n/catalogs/zh-CN';
import { SHORTCUT_GROUPS } from '../../renderer/src/features/profiles/shortcuts';
import { SHEET_COLUMNS } from '../../shared/export/profile-sheet';
import { ProxyTypeSchema, type Profile } from '../../shared/model';
import { test, expect } from './support/harness';
import { openInPseudoLocale, pseudo, textNotFromCatalog } from './support/pseudo-locale';

const SECTION = `section[aria-label="${pseudo(en.profiles.title)}"]`;
const DIALOG = 'dialog[open]';
const MENU = '[role="menu"]';
/**
 * components/Dialog.tsx (not this screen's file) still labels its × button in English; it
 * is the only text let through, and only as exactly that attribute.
 */
const DIALOG_CLOSE = 'button[aria-label]: "Close"';

/** What is data on this screen: the profiles' own fields, key caps and the CSV's columns. */
function profileData(profiles: Profile[]): string[] {
  return [
    ...profiles.flatMap((p) => [
      p.name,
      p.vendorId,
      p.groupName,
      p.remark,
      ...p.tags.map((t) => t.name),
      ...(p.proxy.method === 'custom' && p.proxy.type !== 'direct'
        ? [`${p.proxy.type} ${p.proxy.host}:${p.proxy.port ?? '?'}`, p.proxy.host]
        : []),
      p.proxy.username,
    ]),
    // Vendor marks (components/VendorMark.tsx): a vendor's letter pair, data like its name.
    'ix',
    'Co',
    'Bi',
    'Ad',
    // Protocol names (the Proxy types facet offers them as they are).
    ...ProxyTypeSchema.options,
    // Key caps are printed on keyboards in these words, whatever the language.
    ...SHORTCUT_GROUPS.flatMap((g) => g.shortcuts.map((s) => s.keys)),
    ...SHEET_COLUMNS,
  ].filter((s) => s && /\p{L}/u.test(s));
}

async function expectAllFromCatalog(page: Page, roots: string[], data: string[]) {
  const found = await textNotFromCatalog(page, roots, data);
  expect(found.filter((line) => line !== DIALOG_CLOSE)).toEqual([]);
}

const rows = (page: Page) => page.locator('[role=grid] [role=row][data-key]');

/** Opens a bulk action's dialog from the rows' context menu (it always lists them all). */
async function fromContextMenu(page: Page, label: string): Promise<Locator> {
  await rows(page).nth(1).click({ button: 'right' });
  await page
    .getByRole('menu')
    .getByRole('menuitem', { name: pseudo(label) })
    .click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  return dialog;
}

async function closeDialog(page: Page) {
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

test('pseudo-locale: every word of the Profiles screen, its menus and its bulk dialogs comes from a catalog', async ({
  harness,
}) => {
  test.setTimeout(180_000);
  const { page, core } = harness;
  await page.setViewportSize({ width: 1280, height: 720 });
  const demo = await openInPseudoLocale(harness, 8);
  const listed = (await core.dispatch('profiles:list', {})) as {
    ok: true;
    data: { profiles: Profile[] };
  };
  const tags = (await core.dispatch('tags:list', {})) as { ok: true; data: { name: string }[] };
  const data = [
    ...demo.data,
    ...profileData(listed.data.profiles),
    ...tags.data.map((t) => t.name),
  ];
  const section = page.locator(SECTION);
  await expect(rows(page)).toHaveCount(listed.data.profiles.length);

  // The table with its rows, header and filter bar.
  await expectAllFromCatalog(page, [SECTION], data);

  // A facet menu open, then the columns menu.
  await section.getByRole('button', { name: pseudo(en.profiles.facets.status) }).click();
  await page.getByRole('checkbox', { name: pseudo(en.profiles.status.closed) }).check();
  await expectAllFromCatalog(page, [SECTION], data);
  await page.keyboard.press('Escape');
  await section.getByRole('button', { name: pseudo(en.profiles.columnsMenu.button) }).click();
  await expect(page.getByText(pseudo(en.profiles.columnsMenu.density))).toBeVisible();
  await expectAllFromCatalog(page, [SECTION], data);
  await page.keyboard.press('Escape');
  await section.getByRole('button', { name: pseudo(en.profiles.clearFilters) }).click();

  // The profile panel.
  await rows(page).first().dblclick();
  await expect(section.getByRole('complementary')).toBeVisible();
  await expectAllFromCatalog(page, [SECTION], data);
  await section.getByRole('button', { name: pseudo(en.profiles.panel.closePanel) }).click();

  // A few rows selected: the bulk bar, its More menu, the context menu.
  await rows(page).nth(1).click();
  await rows(page)
    .nth(3)
    .click({ modifiers: ['Shift'] });
  const bar = page.getByRole('toolbar', { name: pseudo(en.bulk.bar.label) });
  await expect(bar).toContainText(
    pseudo(en.bulk.bar.selected_other).replace('{{count, number}}', '3'),
  );
  await expectAllFromCatalog(page, [SECTION], data);
  await page.screenshot({ path: test.info().outputPath('pseudo-bulk-bar.png') });
  await bar.getByRole('button', { name: pseudo(en.bulk.bar.more) }).click();
  await expect(page.getByRole('menu', { name: pseudo(en.bulk.bar.moreMenu) })).toBeVisible();
  await expectAllFromCatalog(page, [SECTION, MENU], data);
  await page.keyboard.press('Escape');
  await rows(page).nth(2).click({ button: 'right' });
  await expect(page.getByRole('menu')).toBeVisible();
  await expectAllFromCatalog(page, [MENU], data);
  await page.keyboard.press('Escape');

  // `?`: the shortcuts, then the save-view dialog.
  await page.getByRole('grid').focus();
  await page.keyboard.press('?');
  await expect(
    page.getByRole('dialog', { name: pseudo(en.profiles.shortcuts.title) }),
  ).toBeVisible();
  await expectAllFromCatalog(page, [DIALOG], data);
  await closeDialog(page);
  await section.getByRole('button', { name: pseudo(en.profiles.saveView.button) }).click();
  await expectAllFromCatalog(page, [DIALOG], data);
  await closeDialog(page);

  // Each bulk dialog on the selection.
  for (const label of [
    en.bulk.actions.moveGroup,
    en.bulk.actions.setRemark,
    en.bulk.actions.rename,
    en.bulk.actions.setTags,
    en.bulk.actions.delete,
    en.bulk.actions.exportCsv,
  ]) {
    await fromContextMenu(page, label);
    await expectAllFromCatalog(page, [DIALOG], data);
    await closeDialog(page);
  }
  // The proxy editor inside is the proxy feature's: here its dialog's own words.
  await fromContextMenu(page, en.bulk.actions.editProxy);
  await expectAllFromCatalog(page, [`${DIALOG} header`], data);
  await closeDialog(page);
  // Copy to connection, with the other connection chosen and its preview read.
  const copy = await fromContextMenu(page, en.bulk.actions.copyToConnection);
  const others = copy.getByRole('combobox').locator('option:not([value=""])');
  await copy.getByRole('combobox').selectOption((await others.first().getAttribute('value'))!);
  const previewRows = copy.getByRole('table', { name: pseudo(en.bulk.copy.table) });
  await expect(previewRows).toBeVisible();
  // Why a field is not copied is worded here from main's reason and values.
  await expectAllFromCatalog(page, [DIALOG], data);
  await closeDialog(page);

  // CSV import preview: the table's own export, one name changed.
  const download = page.waitForEvent('download');
  await section.getByRole('button', { name: pseudo(en.profiles.exportCsv), exact: true }).click();
  const csv = await readFile(await (await download).path(), 'utf8');
  const first = listed.data.profiles.find((p) => p.name && csv.includes(p.name))!;
  const renamed = `${first.name} 2`;
  const edited = test.info().outputPath('edited.csv');
  await writeFile(edited, csv.replace(first.name, renamed));
  await section.getByRole('button', { name: pseudo(en.profiles.importCsv) }).click();
  const importing = page.getByRole('dialog', { name: pseudo(en.bulk.importSheet.title) });
  // The dialog's code loads on its first open.
  await expect(importing).toBeVisible();
  await expectAllFromCatalog(page, [DIALOG], data);
  await importing.getByLabel(pseudo(en.bulk.importSheet.file)).setInputFiles(edited);
  await expect(importing.getByTestId('sheet-changes')).toBeVisible();
  await expectAllFromCatalog(page, [DIALOG], [...data, renamed, 'edited.csv']);
  await page.screenshot({ path: test.info().outputPath('pseudo-import.png') });
});

test('中文: the table, the bulk bar and a bulk dialog, at a laptop’s and a desktop’s size', async ({
  harness,
}) => {
  const { page, appUrl, core } = harness;
  await page.addInitScript(() => localStorage.setItem('deck.language', 'zh-CN'));
  await core.dispatch('demo:start', { profiles: 24 });
  await page.goto(appUrl);
  const grid = page.getByRole('grid');
  await expect(page.getByRole('grid', { name: zhCN.profiles.title })).toBeVisible();
  await expect(grid.getByRole('row').nth(8)).toBeVisible();
  await expect(grid.getByRole('columnheader').first()).toHaveText(zhCN.profiles.columns.connection);

  const shoot = async (name: string) => {
    for (const [width, height] of [
      [1280, 720],
      [1400, 860],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: `tests/e2e/screenshots/zh-${name}-${width}x${height}.png` });
    }
  };
  await shoot('profiles');

  await rows(page).nth(1).click();
  await rows(page)
    .nth(4)
    .click({ modifiers: ['Shift'] });
  const bar = page.getByRole('toolbar', { name: zhCN.bulk.bar.label });
  await expect(bar).toContainText('已选 4 个环境');
  await expect(
    bar.getByRole('button', { name: zhCN.bulk.actions.open, exact: true }),
  ).toBeVisible();
  await shoot('bulk-bar');

  await rows(page).nth(2).click({ button: 'right' });
  await page.getByRole('menuitem', { name: zhCN.bulk.actions.setTags }).click();
  const dialog = page.getByRole('dialog', { name: '4 个环境的标签' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: zhCN.bulk.tags.add })).toBeVisible();
  await shoot('bulk-dialog');

  // English again at once, without a reload: the memoized rows are worded anew too.
  await page.keyboard.press('Escape');
  await page.getByRole('combobox', { name: zhCN.language.label }).selectOption('en');
  await expect(page.getByRole('grid', { name: en.profiles.title })).toBeVisible();
  await expect(grid.getByRole('columnheader').first()).toHaveText(en.profiles.columns.connection);
  await expect(page.getByTestId('profile-status').first()).toHaveText(en.profiles.status.closed);
  await expect(page.getByRole('toolbar', { name: en.bulk.bar.label })).toContainText(
    '4 profiles selected',
  );
});
