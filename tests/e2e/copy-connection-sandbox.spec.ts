/**
 * Copy to connection, end to end on the real core and the sandbox: 20 ixBrowser profiles
 * to AdsPower and 20 CosLogin profiles to BitBrowser, through the bulk bar's dialog and its
 * preview. The targets' own records hold each proxy with its password; the sources are
 * unchanged. Screenshots of the dialog with its preview at two window sizes.
 */
import type { Page } from '@playwright/test';
import type { Core } from '../../electron/main/core';
import { startSandbox, type Sandbox } from '../../electron/sandbox';
import { VENDOR_IDS, type Vendor } from '../../shared/model';
import { chooseFacet } from './support/facets';
import { test, expect } from './support/harness';
import { bulkAction } from './support/profiles-page';

const COPIED = 20;
const OTHERS = 3;

let sandbox: Sandbox;
test.use({ harnessOptions: { core: { detectPorts: {} } } });
test.beforeEach(async () => {
  sandbox = await startSandbox({
    ixProfiles: COPIED,
    cosProfiles: COPIED,
    bitProfiles: OTHERS,
    adsProfiles: OTHERS,
    seed: 3,
    adsRequestsPerSecond: 10,
    chromiumPath: null,
  });
});
test.afterEach(async () => {
  await sandbox.stop();
});

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

/** Every profile of one connection selected through the table, and the copy dialog open on them. */
async function openCopyDialog(page: Page, appUrl: string, source: Vendor, target: string) {
  const total = 2 * COPIED + 2 * OTHERS;
  await page.goto(appUrl);
  await expect(page.getByTestId('shown-total')).toHaveText(`${total} / ${total}`);
  await chooseFacet(page, 'Connections', `Sandbox ${source}`);
  await expect(page.getByTestId('shown-total')).toHaveText(`${COPIED} / ${total}`);
  await page.locator('[role=grid] [role=row][data-key]').first().click();
  await page.keyboard.press('Control+A');
  await expect(page.getByTestId('selected-count')).toHaveText(String(COPIED));
  await bulkAction(page, 'Copy to connection…');
  const dialog = page.getByRole('dialog', {
    name: `Copy ${COPIED} profiles to another connection`,
  });
  await dialog.getByLabel('Target connection').selectOption(target);
  await expect(
    dialog.getByRole('table', { name: 'Profiles to copy' }).locator('tbody tr'),
  ).toHaveCount(COPIED);
  return dialog;
}

async function runCopy(page: Page, dialog: ReturnType<Page['getByRole']>) {
  await dialog.getByRole('button', { name: `Copy ${COPIED} profiles` }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('job-toast').filter({ hasText: 'done' })).toContainText(
    `${COPIED} ok`,
    { timeout: 30_000 },
  );
}

test('ixBrowser → AdsPower: 20 profiles with their proxies and passwords; the preview at two sizes', async ({
  harness,
}) => {
  const { page, appUrl, core } = harness;
  const ids = await connectAll(core);
  const sources = sandbox.ix.profiles();
  const before = JSON.stringify(sources);
  const carried = sources.filter((r) => r.proxy_mode === 2 && r.proxy_type !== 'direct');
  expect(carried.length).toBeGreaterThan(5);
  expect(carried.filter((r) => r.proxy_password).length).toBeGreaterThan(3);

  await page.setViewportSize({ width: 1280, height: 720 });
  const dialog = await openCopyDialog(page, appUrl, 'ixbrowser', ids.adspower);
  // The preview shows that a password goes with the proxy, never the password itself.
  await expect(dialog.getByText('+ password').first()).toBeVisible();
  for (const r of carried)
    if (r.proxy_password) await expect(dialog).not.toContainText(r.proxy_password);
  await page.screenshot({ path: 'tests/e2e/screenshots/copy-to-connection-1280.png' });
  await page.setViewportSize({ width: 1400, height: 860 });
  await page.screenshot({ path: 'tests/e2e/screenshots/copy-to-connection-1400.png' });
  await runCopy(page, dialog);

  // Exactly one copy each: a create the vendor turned away (over its rate) is not made twice.
  expect(sandbox.ads.profiles()).toHaveLength(OTHERS + COPIED);
  const made = new Map(sandbox.ads.profiles().map((p) => [p.name, p]));
  for (const r of sources) {
    const copy = made.get(r.name);
    expect(copy, r.name).toBeDefined();
    expect(copy!.remark).toBe(r.note);
    if (r.proxy_mode === 2 && r.proxy_type !== 'direct')
      expect(copy!.user_proxy_config, r.name).toMatchObject({
        proxy_type: r.proxy_type,
        proxy_host: r.proxy_ip,
        proxy_port: r.proxy_port,
        proxy_user: r.proxy_user,
        proxy_password: r.proxy_password,
      });
    else expect(copy!.user_proxy_config.proxy_soft, r.name).toBe('no_proxy');
  }
  expect(JSON.stringify(sandbox.ix.profiles())).toBe(before);
});

test('CosLogin → BitBrowser: 20 profiles with their proxies and passwords; tags said to stay behind', async ({
  harness,
}) => {
  const { page, appUrl, core } = harness;
  const ids = await connectAll(core);
  const sources = sandbox.cos.profiles();
  const before = JSON.stringify(sources);
  const carried = sources.filter((w) => w.proxyMethod === 2 && w.proxyType !== 'direct');
  expect(carried.length).toBeGreaterThan(5);

  const dialog = await openCopyDialog(page, appUrl, 'cos', ids.bitbrowser);
  await expect(dialog.getByText("BitBrowser's Local API has no tag calls").first()).toBeVisible();
  await runCopy(page, dialog);

  expect(sandbox.bit.profiles()).toHaveLength(OTHERS + COPIED);
  const made = new Map(sandbox.bit.profiles().map((w) => [w.name, w]));
  for (const w of sources) {
    const copy = made.get(w.name);
    expect(copy, w.name).toBeDefined();
    expect(copy!.remark).toBe(w.remark);
    expect(copy!.tagIds).toEqual([]);
    if (w.proxyMethod === 2 && w.proxyType !== 'direct')
      expect(copy, w.name).toMatchObject({
        proxyType: w.proxyType,
        host: w.host,
        port: String(w.port),
        proxyUserName: w.proxyUserName,
        proxyPassword: w.proxyPassword,
      });
  }
  expect(JSON.stringify(sandbox.cos.profiles())).toBe(before);

  // Activity has the job with a result per profile.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Activity' })
    .click();
  await expect(page.getByText('Copy to connection').first()).toBeVisible();
});
