/**
 * Creating and copying profiles against the real core and the vendor sandbox (no fakes):
 * what the create dialogs promise must be exactly what the vendor's records hold afterwards,
 * and a vendor's refusal must reach the user with the vendor's own reason and code.
 */
import type { Page } from '@playwright/test';
import { startSandbox, type Sandbox } from '../../electron/sandbox';
import type { Core } from '../../electron/main/core';
import { chooseFacet } from './support/facets';
import { test, expect } from './support/harness';
import { bulkAction } from './support/profiles-page';

let sandbox: Sandbox;
test.beforeEach(async () => {
  sandbox = await startSandbox({ ixProfiles: 20, cosProfiles: 20, chromiumPath: null });
});
test.afterEach(async () => {
  await sandbox.stop();
});
test.use({ harnessOptions: { core: { detectPorts: { ixbrowser: [], cos: [] } } } });

async function connectSandbox(core: Core): Promise<void> {
  for (const request of [
    { vendor: 'ixbrowser', label: 'Sandbox ix', baseUrl: sandbox.ix.url },
    { vendor: 'cos', label: 'Sandbox cos', baseUrl: sandbox.cos.url, token: sandbox.cos.token },
  ]) {
    expect(await core.dispatch('connections:add', request)).toMatchObject({ ok: true });
  }
}

const NAMES = Array.from({ length: 30 }, (_, i) => `Shop ${String(i + 1).padStart(3, '0')}`);

interface PastedProxy {
  line: string;
  type: 'http' | 'socks5';
  host: string;
  port: number;
  user: string;
  password: string;
}

/** 30 proxies in the formats providers hand out: http and socks5, with and without auth. */
function proxies(tag: string): PastedProxy[] {
  return Array.from({ length: 30 }, (_, i) => {
    const host = `198.51.100.${i + 1}`;
    const port = 9000 + i;
    const password = `pw-${tag}-${i + 1}-x`;
    switch (i % 4) {
      case 0:
        return { line: `${host}:${port}`, type: 'http', host, port, user: '', password: '' };
      case 1: {
        const user = `u${i + 1}`;
        return {
          line: `${host}:${port}:${user}:${password}`,
          type: 'http',
          host,
          port,
          user,
          password,
        };
      }
      case 2: {
        const user = `s${i + 1}`;
        const line = `socks5://${user}:${password}@${host}:${port}`;
        return { line, type: 'socks5', host, port, user, password };
      }
      default:
        return {
          line: `socks5://${host}:${port}`,
          type: 'socks5',
          host,
          port,
          user: '',
          password: '',
        };
    }
  });
}

async function bulkCreate(page: Page, connectionLabel: string, pasted: PastedProxy[]) {
  await page.getByRole('button', { name: 'Bulk create' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create many profiles' });
  await dialog.getByLabel('Connection', { exact: true }).selectOption({ label: connectionLabel });
  await dialog.getByLabel('Count').fill('30');
  await dialog.getByLabel('Name template').fill('Shop {n}');
  await dialog.getByLabel('Start number').fill('1');
  await dialog.getByLabel('Zero padding').fill('3');
  await dialog.getByLabel(/^Proxy list/).fill(pasted.map((p) => p.line).join('\n'));
  await expect(dialog.getByTestId('proxy-list-count')).toHaveText('30 proxies read');
  await dialog.getByRole('button', { name: 'Preview 30 profiles' }).click();
  const preview = page.getByRole('dialog', { name: 'Create 30 profiles: preview' });
  await expect(preview.locator('tbody tr')).toHaveCount(30);
  await page.screenshot({ path: test.info().outputPath('bulk-create-preview.png') });
  await preview.getByRole('button', { name: 'Create 30 profiles' }).click();
  await expect(preview).toBeHidden();
}

/** No pasted password may reach the page: not its text, not an IPC answer, not the log. */
async function expectNoPasswordShown(
  page: Page,
  harness: { responses: unknown[]; logLines: string[] },
  pasted: PastedProxy[],
) {
  const text = await page.locator('body').innerText();
  const answers = JSON.stringify(harness.responses);
  const log = harness.logLines.join('\n');
  for (const { password } of pasted.filter((p) => p.password)) {
    expect(text).not.toContain(password);
    expect(answers).not.toContain(password);
    expect(log).not.toContain(password);
  }
}

test('bulk create 30 CosLogin windows with 30 pasted proxies: the sandbox holds exactly those, and they are selected', async ({
  harness,
}) => {
  const { page, appUrl, core } = harness;
  await connectSandbox(core);
  const before = new Set(sandbox.cos.profiles().map((w) => w.id));
  await page.goto(appUrl);
  await expect(page.getByTestId('shown-total')).toHaveText('40 / 40');

  const pasted = proxies('cos');
  await bulkCreate(page, 'Sandbox cos (CosLogin)', pasted);

  const created = () => sandbox.cos.profiles().filter((w) => !before.has(w.id));
  await expect.poll(() => created().length).toBe(30);
  const byName = new Map(created().map((w) => [w.name, w]));
  expect([...byName.keys()].sort()).toEqual(NAMES);
  NAMES.forEach((name, i) => {
    const p = pasted[i]!;
    expect(byName.get(name), name).toMatchObject({
      proxyMethod: 2,
      proxyType: p.type,
      host: p.host,
      port: p.port,
      proxyUserName: p.user,
      proxyPassword: p.password,
    });
  });

  await expect(page.getByTestId('shown-total')).toHaveText('70 / 70');
  await expect(page.getByTestId('bulk-count')).toContainText('30 profiles selected');
  const selected = await page
    .locator('[role=grid] [role=row][aria-selected=true]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')!.split('/').pop()));
  const newIds = created().map((w) => String(w.id));
  expect(selected.length).toBeGreaterThan(0);
  expect(selected.every((id) => newIds.includes(id!))).toBe(true);
  await page.screenshot({ path: test.info().outputPath('bulk-create-cos-done.png') });
  await expectNoPasswordShown(page, harness, pasted);
});

test('bulk create 30 ixBrowser profiles with 30 pasted proxies: the sandbox holds exactly those, and they are selected', async ({
  harness,
}) => {
  const { page, appUrl, core } = harness;
  await connectSandbox(core);
  const before = new Set(sandbox.ix.profiles().map((p) => p.profile_id));
  await page.goto(appUrl);
  await expect(page.getByTestId('shown-total')).toHaveText('40 / 40');

  const pasted = proxies('ix');
  await bulkCreate(page, 'Sandbox ix (ixBrowser)', pasted);

  const created = () => sandbox.ix.profiles().filter((p) => !before.has(p.profile_id));
  await expect.poll(() => created().length).toBe(30);
  const byName = new Map(created().map((p) => [p.name, p]));
  expect([...byName.keys()].sort()).toEqual(NAMES);
  NAMES.forEach((name, i) => {
    const p = pasted[i]!;
    expect(byName.get(name), name).toMatchObject({
      proxy_mode: 2,
      proxy_type: p.type,
      proxy_ip: p.host,
      proxy_port: String(p.port),
      proxy_user: p.user,
      proxy_password: p.password,
    });
  });

  await expect(page.getByTestId('shown-total')).toHaveText('70 / 70');
  await expect(page.getByTestId('bulk-count')).toContainText('30 profiles selected');
  const selected = await page
    .locator('[role=grid] [role=row][aria-selected=true]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')!.split('/').pop()));
  const newIds = created().map((p) => String(p.profile_id));
  expect(selected.length).toBeGreaterThan(0);
  expect(selected.every((id) => newIds.includes(id!))).toBe(true);
  await expectNoPasswordShown(page, harness, pasted);
});

/** Opens the newest job in Activity through its toast, once the toast says it ended. */
async function openJobInActivity(page: Page, ended: string) {
  const toast = page.getByTestId('job-toast').filter({ hasText: ended });
  await expect(toast).toBeVisible();
  await toast.getByRole('button', { name: 'Show in Activity' }).click();
  return page.getByTestId('job-entry').first();
}

test('ixBrowser refuses one duplicate name in a bulk create: that item shows the reason and 101004, the rest are created', async ({
  harness,
}) => {
  const { page, appUrl, core } = harness;
  await connectSandbox(core);
  // Someone made "Shop 3" in the ixBrowser client itself; the deck has not listed it yet.
  const made = await fetch(`${sandbox.ix.url}/api/v2/profile-create`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'Shop 3', group_id: 1 }),
  }).then((r) => r.json() as Promise<{ error: { code: number } }>);
  expect(made.error.code).toBe(0);
  const before = new Set(sandbox.ix.profiles().map((p) => p.profile_id));
  await page.goto(appUrl);

  await page.getByRole('button', { name: 'Bulk create' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create many profiles' });
  await dialog
    .getByLabel('Connection', { exact: true })
    .selectOption({ label: 'Sandbox ix (ixBrowser)' });
  await dialog.getByLabel('Count').fill('5');
  await dialog.getByLabel('Name template').fill('Shop {n}');
  await dialog.getByLabel('Zero padding').fill('0');
  await dialog.getByRole('button', { name: 'Preview 5 profiles' }).click();
  const preview = page.getByRole('dialog', { name: 'Create 5 profiles: preview' });
  await expect(preview.getByRole('note')).toContainText('1 name is already used');
  await preview.getByRole('button', { name: 'Create 5 profiles' }).click();

  const entry = await openJobInActivity(page, 'Create profiles: finished with 1 failed');
  await expect(entry).toContainText('4 ok');
  const failed = entry.locator('[data-testid="job-item"][data-state="failed"]');
  await expect(failed).toHaveCount(1);
  await expect(failed).toContainText('Shop 3');
  await expect(failed).toContainText('Profile name already exists (code 101004)');
  await page.screenshot({ path: test.info().outputPath('create-duplicate-activity.png') });

  const created = sandbox.ix.profiles().filter((p) => !before.has(p.profile_id));
  expect(created.map((p) => p.name).sort()).toEqual(['Shop 1', 'Shop 2', 'Shop 4', 'Shop 5']);
});

test('CosLogin refuses a create (211): each refused item shows the vendor’s reason and code', async ({
  harness,
}) => {
  const { page, appUrl, core } = harness;
  await connectSandbox(core);
  const source = sandbox.cos.profiles()[0]!;
  await page.goto(appUrl);
  await expect(page.getByTestId('shown-total')).toHaveText('40 / 40');

  await page.getByRole('button', { name: 'Bulk create' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create many profiles' });
  await dialog
    .getByLabel('Connection', { exact: true })
    .selectOption({ label: 'Sandbox cos (CosLogin)' });
  await dialog.getByLabel('Count').fill('3');
  await dialog.getByLabel('Name template').fill('Cos {n}');
  await dialog.getByLabel('Zero padding').fill('0');
  await dialog.getByLabel('Like an existing profile').check();
  await dialog.getByLabel('Copy the configuration of').selectOption({ label: source.name });
  await dialog.getByRole('button', { name: 'Preview 3 profiles' }).click();
  const preview = page.getByRole('dialog', { name: 'Create 3 profiles: preview' });
  await expect(preview).toContainText(`like ${source.name}`);

  // Meanwhile the window to copy from is deleted in the CosLogin client itself.
  const deleted = await fetch(`${sandbox.cos.url}/browser/delete/ids`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Cos-Local-Token': sandbox.cos.token },
    body: JSON.stringify({ ids: [source.id] }),
  }).then((r) => r.json() as Promise<{ code: number }>);
  expect(deleted.code).toBe(0);
  const before = sandbox.cos.profiles().length;
  await preview.getByRole('button', { name: 'Create 3 profiles' }).click();

  const entry = await openJobInActivity(page, 'Create profiles: finished with 3 failed');
  const failed = entry.locator('[data-testid="job-item"][data-state="failed"]');
  await expect(failed).toHaveCount(3);
  for (const name of ['Cos 1', 'Cos 2', 'Cos 3']) {
    const item = failed.filter({ hasText: name });
    await expect(item).toContainText('211');
    await expect(item).toContainText('UUID invalid');
  }
  expect(sandbox.cos.profiles().length).toBe(before);
});

test('copy 5 ixBrowser profiles into a group: exactly 5 new profiles in that group', async ({
  harness,
}) => {
  const { page, appUrl, core } = harness;
  await connectSandbox(core);
  await page.goto(appUrl);
  await chooseFacet(page, 'Connections', 'Sandbox ix');
  await expect(page.getByTestId('shown-total')).toHaveText('20 / 40');
  await page.getByRole('button', { name: 'ID', exact: true }).click();
  const rows = page.locator('[role=grid] [role=row][data-key]');
  await rows.nth(0).click();
  await rows.nth(4).click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('selected-count')).toHaveText('5');
  const chosen = (await rows.evaluateAll((els) =>
    els.slice(0, 5).map((e) => Number(e.getAttribute('data-key')!.split('/').pop())),
  )) as number[];
  const sources = sandbox.ix.profiles().filter((p) => chosen.includes(p.profile_id));
  const target = sandbox.ix
    .profiles()
    .find((p) => sources.every((s) => s.group_id !== p.group_id))!;
  const before = new Set(sandbox.ix.profiles().map((p) => p.profile_id));

  await bulkAction(page, 'Copy…');
  const dialog = page.getByRole('dialog', { name: 'Copy 5 profiles' });
  await dialog
    .getByRole('combobox', { name: /^Group for the copies in Sandbox ix/ })
    .selectOption({ label: target.group_name });
  await page.screenshot({ path: test.info().outputPath('copy-dialog.png') });
  await dialog.getByRole('button', { name: 'Copy 5 profiles' }).click();
  await expect(dialog).toBeHidden();

  const created = () => sandbox.ix.profiles().filter((p) => !before.has(p.profile_id));
  await expect.poll(() => created().length).toBe(5);
  await expect(page.getByTestId('job-toast').filter({ hasText: 'done' })).toBeVisible();
  expect(created().length).toBe(5);
  expect(created().every((p) => p.group_id === target.group_id)).toBe(true);
  // The sources stay where they were.
  for (const s of sources) {
    expect(sandbox.ix.profiles().find((p) => p.profile_id === s.profile_id)?.group_id).toBe(
      s.group_id,
    );
  }
});
