/**
 * The four vendors in one table, end to end: the real core against the sandbox's ixBrowser,
 * CosLogin, BitBrowser and AdsPower. A bulk remark over a filter that spans all four lands
 * in each vendor's own records; a BitBrowser profile opens a real Chromium whose DevTools
 * attach from the Sessions view.
 */
import { chromium, type Page } from '@playwright/test';
import type { Core } from '../../electron/main/core';
import { startSandbox, type Sandbox } from '../../electron/sandbox';
import { VENDOR_IDS, type Vendor } from '../../shared/model';
import { test, expect } from './support/harness';
import { openDevtoolsWindow } from './support/devtools-window';

const PER_VENDOR = 6;

let sandbox: Sandbox;
test.use({ harnessOptions: { core: { detectPorts: {} } } });
test.beforeEach(async () => {
  sandbox = await startSandbox({
    ixProfiles: PER_VENDOR,
    cosProfiles: PER_VENDOR,
    bitProfiles: PER_VENDOR,
    adsProfiles: PER_VENDOR,
    // AdsPower's fastest tier; the connection is set to the same (the endpoint says so).
    adsRequestsPerSecond: 10,
    // Chromium refuses to start sandboxed as root, as these tests run here: off, explicitly.
    chromiumSandbox: false,
  });
});
test.afterEach(async () => {
  await sandbox.stop();
});

/** One connection per vendor, as a user adds them; their ids by vendor. */
async function connectAll(core: Core): Promise<Record<Vendor, string>> {
  const ids: Partial<Record<Vendor, string>> = {};
  for (const vendor of VENDOR_IDS) {
    const { url, token, requestsPerSecond } = sandbox.endpoints[vendor];
    const added = await core.dispatch('connections:add', {
      vendor,
      label: `Sandbox ${vendor}`,
      baseUrl: url,
      ...(token ? { token } : {}),
      ...(requestsPerSecond ? { requestsPerSecond } : {}),
    });
    if (!added.ok) throw new Error(`${vendor}: ${added.error.message}`);
    ids[vendor] = (added.data as { id: string }).id;
  }
  return ids as Record<Vendor, string>;
}

/** Each vendor's records, as `[table key, remark]`. */
function remarks(ids: Record<Vendor, string>): Map<string, string> {
  return new Map([
    ...sandbox.ix.profiles().map((r) => [`${ids.ixbrowser}/${r.profile_id}`, r.note] as const),
    ...sandbox.cos.profiles().map((r) => [`${ids.cos}/${r.id}`, r.remark] as const),
    ...sandbox.bit.profiles().map((r) => [`${ids.bitbrowser}/${r.id}`, r.remark] as const),
    ...sandbox.ads.profiles().map((r) => [`${ids.adspower}/${r.profile_id}`, r.remark] as const),
  ]);
}

const rows = (page: Page) => page.locator('[role=grid] [role=row][data-key]');
const row = (page: Page, key: string) => page.locator(`[role=grid] [role=row][data-key="${key}"]`);
const statusCell = (page: Page, key: string) => row(page, key).getByTestId('profile-status');

test('four vendors in one table: filter across them, select all, a bulk remark lands on all four', async ({
  harness,
}) => {
  const { page, appUrl, core } = harness;
  const ids = await connectAll(core);
  const total = 4 * PER_VENDOR;
  await page.goto(appUrl);
  await expect(page.getByTestId('shown-total')).toHaveText(`${total} / ${total}`);
  for (const label of ['ixBrowser', 'CosLogin', 'BitBrowser', 'AdsPower'])
    await expect(page.getByRole('grid').getByRole('img', { name: label }).first()).toBeVisible();

  // Every vendor's seeded names number its profiles "-0001" on: one row of each.
  await page.getByRole('searchbox', { name: 'Search profiles' }).fill('-0001 ');
  await expect(page.getByTestId('shown-total')).toHaveText(`4 / ${total}`);
  await rows(page).first().click();
  await page.keyboard.press('Control+A');
  await expect(page.getByTestId('selected-count')).toHaveText('4');
  const chosen = (await rows(page).evaluateAll((els) =>
    els.map((e) => e.getAttribute('data-key')!),
  )) as string[];
  expect(new Set(chosen.map((k) => k.slice(0, k.lastIndexOf('/'))))).toEqual(
    new Set(Object.values(ids)),
  );

  const before = remarks(ids);
  const REMARK = 'across four vendors';
  await page.getByRole('button', { name: 'Set remark…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Set remark on 4 profiles' });
  await dialog.getByLabel('Remark').fill(REMARK);
  await dialog.getByRole('button', { name: 'Set remark' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('job-toast').filter({ hasText: 'done' })).toContainText('4 ok');
  await page.screenshot({ path: test.info().outputPath('four-vendors.png') });

  const after = remarks(ids);
  for (const key of chosen) expect(after.get(key), key).toBe(REMARK);
  for (const [key, remark] of before)
    if (!chosen.includes(key)) expect(after.get(key), `${key} was not selected`).toBe(remark);
  // AdsPower took its calls at its rate.
  expect(sandbox.ads.overRateCount()).toBe(0);
});

test('BitBrowser: open a profile, Sessions shows its CDP endpoint, DevTools attach to its page', async ({
  harness,
}) => {
  const { page, appUrl, core } = harness;
  const ids = await connectAll(core);
  const window = sandbox.bit.profiles()[0]!;
  const key = `${ids.bitbrowser}/${window.id}`;
  await page.goto(appUrl);
  await expect(page.getByTestId('shown-total')).toHaveText(`${4 * PER_VENDOR} / ${4 * PER_VENDOR}`);
  await row(page, key).click();
  await page.keyboard.press('Control+o');
  await expect(statusCell(page, key)).toHaveText('open');

  // What the vendor and the machine say: one browser, answering on the port BitBrowser reports.
  const ports = (await (
    await fetch(`${sandbox.bit.url}/browser/ports`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    })
  ).json()) as { data: Record<string, string> };
  const port = Number(ports.data[window.id]);
  expect(port).toBeGreaterThan(0);
  const version = (await (await fetch(`http://127.0.0.1:${port}/json/version`)).json()) as {
    webSocketDebuggerUrl: string;
  };

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Sessions' })
    .click();
  const session = page.locator(`[data-testid=session-row][data-profile-key="${key}"]`);
  await expect(session).toHaveCount(1);
  await expect(session).toContainText('Chromium');
  await expect(session).toContainText(String(port));
  await expect(session).toContainText(version.webSocketDebuggerUrl);

  const marker = `bit-marker-${Date.now().toString(36)}`;
  const cdp = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  try {
    const [target] = cdp.contexts().flatMap((c) => c.pages());
    await target!.goto(`data:text/html,<title>Marked</title><h1>${marker}</h1>`);
  } finally {
    await cdp.close();
  }
  await session.getByRole('button', { name: `DevTools for ${window.name}` }).click();
  await expect.poll(() => harness.openedWindows.length).toBe(1);
  const [{ url, origin }] = harness.openedWindows as [{ url: string; origin: string }];
  expect(origin).toBe(`http://127.0.0.1:${port}`);
  expect(url).toMatch(
    new RegExp(
      `^http://127\\.0\\.0\\.1:${port}/devtools/inspector\\.html\\?ws=127\\.0\\.0\\.1:${port}/devtools/page/`,
    ),
  );
  const devtools = await openDevtoolsWindow(page.context(), url);
  try {
    await expect(devtools.page.getByText(marker).first()).toBeVisible({ timeout: 15_000 });
    await devtools.page.screenshot({
      path: test.info().outputPath('devtools-attach-bitbrowser.png'),
    });
  } finally {
    await devtools.close();
  }

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Profiles' })
    .click();
  await row(page, key).click();
  await page.keyboard.press('Control+Shift+O');
  await expect(statusCell(page, key)).toHaveText('closed');
  await expect.poll(() => sandbox.runningBrowserPids()).toEqual([]);
});

test('AdsPower: the connection form sets its requests per second (1, 2, 5 or 10), and main keeps it', async ({
  harness,
}) => {
  const { page, appUrl, core } = harness;
  const ids = await connectAll(core);
  await page.goto(appUrl);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Connections' })
    .click();
  await page
    .getByRole('article', { name: 'Sandbox adspower (AdsPower)' })
    .getByRole('button', { name: 'Edit' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Edit Sandbox adspower' });
  const rate = dialog.getByLabel('Requests per second');
  await expect(rate).toHaveValue('10');
  expect(await rate.locator('option').allInnerTexts()).toEqual(['1', '2', '5', '10']);
  await rate.selectOption('5');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const listed = (await core.dispatch('connections:list', {})) as {
    data: Array<{ id: string; requestsPerSecond?: number }>;
  };
  expect(listed.data.find((c) => c.id === ids.adspower)?.requestsPerSecond).toBe(5);
  // Vendors without a rate limit have no such field.
  await page
    .getByRole('article', { name: 'Sandbox cos (CosLogin)' })
    .getByRole('button', { name: 'Edit' })
    .click();
  await expect(
    page.getByRole('dialog', { name: 'Edit Sandbox cos' }).getByLabel('Requests per second'),
  ).toHaveCount(0);
});
