/**
 * Sessions, Activity, Settings and Scripts in the pseudo-locale and in 简体中文, against the
 * real core with the demo sandbox: every visible word of each screen and of each dialog,
 * panel, toast and chip they open comes from a catalog; the language picked in Settings
 * applies at once and is remembered; the 中文 tour's screenshots are taken here.
 */
import type { Page } from '@playwright/test';
import { en } from '../../renderer/src/i18n/catalogs/en';
import zhCN from '../../renderer/src/i18n/catalogs/zh-CN';
import { VENDORS, type Profile } from '../../shared/model';
import { test, expect } from './support/harness';
import { openInPseudoLocale, pseudo, textNotFromCatalog } from './support/pseudo-locale';

const SESSIONS = 'section[aria-labelledby="sessions-title"]';
const ACTIVITY = 'section[aria-labelledby="activity-title"]';
const SETTINGS = 'section[aria-labelledby="settings-title"]';
const SCRIPTS = 'section[aria-labelledby="scripts-title"]';
const DIALOG = 'dialog[open]';

/** A catalog string with its placeholders filled, as the pseudo-locale shows it. */
const pseudoWith = (s: string, values: Record<string, string | number>) =>
  Object.entries(values).reduce(
    (out, [k, v]) => out.replaceAll(`{{${k}}}`, String(v)),
    pseudo(s).replace(/\{\{(\w+), number\}\}/g, '{{$1}}'),
  );

/**
 * English words whether or not their screen is translated yet (other screens are worded by
 * other changes): the pseudo-locale only accents letters, so one pattern finds both.
 */
const ACCENTED: Record<string, string> = { a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ú', c: 'ç', n: 'ñ' };
const eitherForm = (english: string) =>
  new RegExp(
    english
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(/[a-z]/gi, (ch) =>
        ACCENTED[ch.toLowerCase()]
          ? `[${ch}${ch === ch.toLowerCase() ? ACCENTED[ch] : ACCENTED[ch.toLowerCase()]!.toUpperCase()}]`
          : ch,
      ),
  );

const navButton = (page: Page, name: string) =>
  page
    .getByRole('navigation', { name: pseudo(en.nav.label) })
    .getByRole('button', { name: pseudo(name) });

/**
 * The dialog frame's own close button (components/Dialog.tsx) is worded by another change of
 * the same issue; until then its English "Close" is not counted against these screens.
 */
const FRAME = ['Close'];

async function listProfiles(page: Page): Promise<Profile[]> {
  const listed = await page.evaluate(() => window.deck.profiles.list({}));
  if (!listed.ok) throw new Error(listed.error.message);
  return listed.data.profiles;
}

/** Opens two Chromium profiles with a bulk Open, as the bulk bar does. */
async function openTwo(page: Page): Promise<Profile[]> {
  const chromium = (await listProfiles(page)).filter(
    (p) => VENDORS[p.vendor].engine === 'chromium',
  );
  const two = chromium.slice(0, 2);
  const started = await page.evaluate(
    (keys) => window.deck.jobs.start({ action: { kind: 'open' }, keys }),
    two.map((p) => p.key),
  );
  if (!started.ok) throw new Error(started.error.message);
  return two;
}

/** What the open sessions show that is theirs, not the UI's: addresses, paths, pids. */
async function sessionData(page: Page): Promise<string[]> {
  const listed = await page.evaluate(() => window.deck.sessions.list({}));
  if (!listed.ok) throw new Error(listed.error.message);
  return listed.data.sessions
    .flatMap((s) => [
      s.profileKey,
      s.profileName,
      s.debugAddress,
      s.wsUrl,
      s.webdriverPath,
      ...Object.values(s.extra ?? {}),
    ])
    .filter((v): v is string => Boolean(v));
}

test('pseudo-locale: Sessions (DevTools, snippets, arrange windows), Activity with a finished job, its items and its chip', async ({
  harness,
}) => {
  const { page } = harness;
  const demo = await openInPseudoLocale(harness);
  await expect(navButton(page, en.nav.sessions)).toBeVisible();
  const data = [
    ...demo.data,
    ...demo.connections.map((c) => c.id),
    // Browser engines are product names, like the vendors'.
    'Chromium',
    'Firefox',
    ...(await listProfiles(page)).flatMap((p) => [p.name, p.key]),
  ];

  const opened = await openTwo(page);
  // The chip of the ended Open: it goes by itself after a few seconds, so it is read at once.
  const chip = page.locator('[data-testid="job-toast"][data-state="done"]');
  await expect(chip).toBeVisible({ timeout: 30_000 });
  await expect(chip).toContainText(pseudo(en.activity.kinds.open));
  expect(await textNotFromCatalog(page, ['[data-testid="job-toast"]'], data)).toEqual([]);

  await navButton(page, en.nav.sessions).click();
  const rows = page.getByTestId('session-row');
  await expect(rows).toHaveCount(2);
  data.push(...(await sessionData(page)));
  await expect(page.getByRole('group', { name: pseudo(en.sessions.arrange.group) })).toBeVisible();
  expect(await textNotFromCatalog(page, [SESSIONS], data)).toEqual([]);

  // Snippets: the code is the user's to paste (data); everything around it is the UI's.
  await rows
    .first()
    .locator('button', { hasText: pseudo(en.sessions.snippets) })
    .click();
  const snippets = page.getByRole('dialog');
  await expect(snippets.locator('pre').first()).toBeVisible();
  const code = await snippets.locator('pre').allTextContents();
  const labels = await snippets.locator('h3').allTextContents();
  expect(await textNotFromCatalog(page, [DIALOG], [...data, ...FRAME, ...code, ...labels])).toEqual(
    [],
  );
  await page.keyboard.press('Escape');
  await expect(snippets).toHaveCount(0);

  // A second page in the browser, so DevTools asks which one to attach to.
  const listed = await page.evaluate(() => window.deck.sessions.list({}));
  if (!listed.ok) throw new Error(listed.error.message);
  const first = listed.data.sessions.find((s) => s.profileKey === opened[0]!.key)!;
  const address = first.debugAddress!.replace(/^https?:\/\//, '').replace(/\/$/, '');
  const made = await fetch(`http://${address}/json/new?about:blank`, { method: 'PUT' });
  expect(made.ok).toBe(true);
  const targets = (await (await fetch(`http://${address}/json/list`)).json()) as Array<{
    title: string;
    url: string;
  }>;
  const row = rows.filter({ hasText: opened[0]!.key });
  await row.locator('button', { hasText: pseudo(en.sessions.devtools) }).click();
  const choose = page.getByRole('dialog');
  await expect(
    choose.getByRole('list', { name: pseudo(en.sessions.devtoolsDialog.pages) }),
  ).toBeVisible();
  const targetData = targets.flatMap((t) => [t.title, t.url]).filter(Boolean);
  expect(await textNotFromCatalog(page, [DIALOG], [...data, ...FRAME, ...targetData])).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(choose).toHaveCount(0);

  // Arrange windows: the panel and the toast it gives.
  const arrange = page.getByRole('group', { name: pseudo(en.sessions.arrange.group) });
  await arrange
    .getByRole('button', { name: pseudoWith(en.sessions.arrange.arrange, { rows: 2, columns: 2 }) })
    .click();
  const arranged = page.locator('[data-sonner-toast] [data-title]').filter({ hasText: '⟦' });
  await expect(arranged.first()).toBeVisible();
  expect(await textNotFromCatalog(page, ['[data-sonner-toast] [data-title]'], data)).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('pseudo-sessions.png') });

  // Activity: the finished job, opened to its items.
  await navButton(page, en.nav.activity).click();
  const entry = page.getByTestId('job-entry').filter({ hasText: pseudo(en.activity.kinds.open) });
  await expect(entry).toContainText(pseudo(en.activity.states.done));
  await entry.locator('button[aria-expanded]').click();
  await expect(entry.getByTestId('job-item')).toHaveCount(2);
  expect(await textNotFromCatalog(page, [ACTIVITY], data)).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('pseudo-activity.png') });
});

test('pseudo-locale: Settings with a field to fix, Scripts with the editor, and the run-automation dialog', async ({
  harness,
}) => {
  const { page } = harness;
  const demo = await openInPseudoLocale(harness);
  const settings = (await page.evaluate(() => window.deck.settings.get())) as {
    ok: true;
    data: { ipEchoUrl: string };
  };
  const data = [...demo.data, settings.data.ipEchoUrl];

  await navButton(page, en.nav.settings).click();
  const section = page.locator(SETTINGS);
  await section.getByLabel(pseudo(en.settings.requestTimeout)).fill('20');
  await expect(section.getByRole('status')).toHaveText(pseudo(en.settings.invalid_one));
  await expect(section).toContainText(
    pseudoWith(en.settings.errors.ms, { min: '1,000', max: '300,000' }),
  );
  await section.getByLabel(pseudo(en.settings.openTimeout)).fill('90000');
  await expect(section.getByRole('combobox', { name: pseudo(en.settings.language) })).toBeVisible();
  expect(await textNotFromCatalog(page, [SETTINGS], data)).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('pseudo-settings.png') });
  await section.getByRole('button', { name: pseudo(en.settings.discard) }).click();

  await navButton(page, en.nav.scripts).click();
  await page.getByRole('button', { name: pseudo(en.scripts.newScript) }).click();
  await expect(page.getByTestId('script-editor')).toContainText('export default async');
  await page.getByRole('textbox', { name: pseudo(en.scripts.name) }).fill('');
  await page.getByRole('button', { name: pseudo(en.scripts.save), exact: true }).click();
  await expect(page.locator(SCRIPTS).getByRole('alert')).toHaveText(pseudo(en.scripts.nameMissing));
  // The editor's text is the script (data); its frame, list, buttons and messages are the UI's.
  expect(
    await textNotFromCatalog(
      page,
      [`${SCRIPTS} > header`, `${SCRIPTS} ul`, `${SCRIPTS} form > :not(:last-child)`],
      data,
    ),
  ).toEqual([]);
  await expect(
    page.getByRole('textbox', { name: pseudo(en.scripts.source) }),
    'the editor is labelled from the catalog',
  ).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('pseudo-scripts.png') });

  // The run-automation dialog, from three selected profiles on Profiles.
  await navButton(page, en.nav.profiles).click();
  const rows = page.locator('[role=grid] [role=row][data-key]');
  await rows.nth(0).click();
  await rows.nth(2).click({ modifiers: ['Shift'] });
  const bar = page.getByRole('toolbar', { name: eitherForm('Bulk actions') });
  const run = bar.getByRole('button', { name: eitherForm('Run automation…') });
  if ((await run.count()) > 0) await run.click();
  else {
    await bar.getByRole('button', { name: eitherForm('More ▾') }).click();
    await page.getByRole('menuitem', { name: eitherForm('Run automation…') }).click();
  }
  const dialog = page.getByRole('dialog', {
    name: pseudoWith(en.scripts.run.title_other, { count: 3 }),
  });
  await expect(dialog).toBeVisible();
  expect(await textNotFromCatalog(page, [DIALOG], [...data, ...FRAME])).toEqual([]);
  const task = dialog.getByRole('combobox', { name: pseudo(en.scripts.run.task) });
  await task.selectOption('script');
  await expect(dialog).toContainText(pseudo(en.scripts.run.noScripts));
  expect(await textNotFromCatalog(page, [DIALOG], [...data, ...FRAME])).toEqual([]);
  await task.selectOption('open-urls');
  await dialog
    .getByRole('button', { name: pseudoWith(en.scripts.run.runOn_other, { count: 3 }) })
    .click();
  await expect(dialog.getByRole('alert')).toHaveText(pseudo(en.scripts.run.errors.urlsNone));
  expect(await textNotFromCatalog(page, [DIALOG], [...data, ...FRAME])).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('pseudo-run-automation.png') });
});

const SIZES = [
  [1280, 720],
  [1400, 860],
] as const;

async function shoot(page: Page, name: string) {
  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `tests/e2e/screenshots/zh-${name}-${width}x${height}.png` });
  }
}

test('中文 from Settings: applied at once, remembered after a reload, and the Sessions, Activity and Settings tour', async ({
  harness,
}) => {
  const { page, appUrl, core } = harness;
  await core.dispatch('demo:start', { profiles: 8 });
  await page.goto(appUrl);
  await page
    .getByRole('navigation', { name: en.nav.label })
    .getByRole('button', { name: en.nav.settings })
    .click();
  const section = page.locator(SETTINGS);
  await expect(section.getByRole('heading', { name: en.settings.title })).toBeVisible();

  // Picked in Settings, applied at once: this screen, the sidebar and the page's language.
  await section.getByRole('combobox', { name: en.settings.language }).selectOption('zh-CN');
  await expect(section.getByRole('heading', { name: zhCN.settings.title })).toBeVisible();
  await expect(section.getByRole('radio', { name: zhCN.settings.themes.system })).toBeVisible();
  const nav = page.getByRole('navigation', { name: zhCN.nav.label });
  await expect(nav.getByRole('button', { name: zhCN.nav.profiles })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  // Remembered: a reload (a restart of the window) comes back in 中文, and Settings says so.
  await page.reload();
  await expect(nav.getByRole('button', { name: zhCN.nav.profiles })).toBeVisible();
  await nav.getByRole('button', { name: zhCN.nav.settings }).click();
  await expect(section.getByRole('combobox', { name: zhCN.settings.language })).toHaveValue(
    'zh-CN',
  );
  await section.getByLabel(zhCN.settings.requestTimeout).fill('20');
  await expect(section).toContainText('必须是 1,000 到 300,000 之间的整数（毫秒）');
  await shoot(page, 'settings');
  await section.getByRole('button', { name: zhCN.settings.discard }).click();

  // Sessions with two open profiles; the Open job's chip says how it ended, in 中文.
  await page.setViewportSize({ width: 1400, height: 860 });
  await openTwo(page);
  const chip = page.locator('[data-testid="job-toast"][data-state="done"]');
  await expect(chip).toContainText(`${zhCN.activity.kinds.open}：${zhCN.activity.end.done}`, {
    timeout: 30_000,
  });
  await nav.getByRole('button', { name: zhCN.nav.sessions }).click();
  await expect(page.getByTestId('session-row')).toHaveCount(2);
  await expect(page.locator(SESSIONS)).toContainText(zhCN.sessions.columns.debugAddress);
  await expect(page.getByTestId('sessions-count')).toHaveText(/^2 个已打开/);
  await shoot(page, 'sessions');

  await nav.getByRole('button', { name: zhCN.nav.activity }).click();
  const entry = page.getByTestId('job-entry').first();
  await expect(entry).toContainText(zhCN.activity.kinds.open);
  await expect(entry).toContainText('共 2 个：2 个成功');
  await entry.locator('button[aria-expanded]').click();
  await expect(entry.getByTestId('job-item')).toHaveCount(2);
  await expect(entry.getByTestId('job-item').first()).toContainText(zhCN.activity.items.states.ok);
  await shoot(page, 'activity');

  // And back to English from Settings, at once.
  await nav.getByRole('button', { name: zhCN.nav.settings }).click();
  await section.getByRole('combobox', { name: zhCN.settings.language }).selectOption('en');
  await expect(section.getByRole('heading', { name: en.settings.title })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // An open script editor follows a switch too: its label, and its markers without an edit.
  const main = page.getByRole('navigation', { name: en.nav.label });
  await main.getByRole('button', { name: en.nav.scripts }).click();
  await page.getByRole('button', { name: en.scripts.newScript }).click();
  const source = page.getByRole('textbox', { name: en.scripts.source });
  await source.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('const x = 1;\n');
  await expect(page.locator('.cm-lint-marker-error')).toBeVisible();
  await page.getByRole('combobox', { name: en.language.label }).selectOption('zh-CN');
  await expect(page.getByRole('textbox', { name: zhCN.scripts.source })).toBeVisible();
  await page.locator('.cm-lint-marker-error').hover();
  await expect(page.locator('.cm-tooltip-lint')).toContainText(zhCN.scripts.lint.noDefaultExport);
});
