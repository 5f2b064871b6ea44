/**
 * Opening, closing and inspecting profiles end to end: the real core against the vendor
 * sandbox, which launches a real Chromium for every opened profile. What the table and
 * the Sessions view show is checked against the sandbox's processes and the browsers'
 * own debugging ports.
 */
import type { ChildProcess, spawn as nodeSpawn } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import type { Core } from '../../electron/main/core';
import type { ResponseOf } from '../../shared/ipc/contract';
import { startSandbox, type Sandbox } from '../../electron/sandbox';
import { chooseFacet } from './support/facets';
import { test, expect } from './support/harness';
import { openDevtoolsWindow } from './support/devtools-window';

const SHOTS = join(__dirname, 'screenshots');

let sandbox: Sandbox;
/** Browser launches the sandbox has started but not yet reported ready, and the peak. */
const launches = { inFlight: 0, peak: 0 };

test.use({ harnessOptions: { core: { detectPorts: { ixbrowser: [], cos: [] } } } });
test.beforeEach(async () => {
  launches.inFlight = 0;
  launches.peak = 0;
  // Counts launches from spawn until the sandbox reads the browser's debugging port: a
  // profile-open request is in flight exactly that long.
  const counting = ((...args: Parameters<typeof nodeSpawn>) => {
    launches.inFlight++;
    launches.peak = Math.max(launches.peak, launches.inFlight);
    return (spawn as (...a: unknown[]) => ChildProcess)(...args);
  }) as typeof nodeSpawn;
  sandbox = await startSandbox({
    ixProfiles: 10,
    cosProfiles: 10,
    // Chromium refuses to start sandboxed as root, as these tests run here: off, explicitly.
    chromiumSandbox: false,
    spawn: counting,
    log: (line) => {
      if (/^browser \S+ opened: pid/.test(line) || /failed to open/.test(line)) launches.inFlight--;
    },
  });
  expect(sandbox.simulated, 'these tests need a real Chromium').toBe(false);
});
test.afterEach(async () => {
  await sandbox.stop();
});

async function connect(core: Core): Promise<{ ix: string; cos: string }> {
  const ix = await core.dispatch('connections:add', {
    vendor: 'ixbrowser',
    label: 'Sandbox ix',
    baseUrl: sandbox.ix.url,
  });
  const cos = await core.dispatch('connections:add', {
    vendor: 'cos',
    label: 'Sandbox cos',
    baseUrl: sandbox.cos.url,
    token: sandbox.cos.token,
  });
  if (!ix.ok || !cos.ok) throw new Error('could not add the sandbox connections');
  const idOf = (r: { data: unknown }) => (r.data as ResponseOf<'connections:add'>).id;
  return { ix: idOf(ix), cos: idOf(cos) };
}

async function showProfiles(page: Page, appUrl: string): Promise<void> {
  await page.goto(appUrl);
  await expect(page.getByTestId('shown-total')).toHaveText('20 / 20');
}

const row = (page: Page, key: string) => page.locator(`[role=grid] [role=row][data-key="${key}"]`);
const statusCell = (page: Page, key: string) => row(page, key).getByTestId('profile-status');

/**
 * Records every status text each row shows, in order, from now on (a MutationObserver, so
 * a state shown for one frame is still seen).
 */
async function recordStatuses(page: Page): Promise<void> {
  await page.evaluate(() => {
    const grid = document.querySelector('[role=grid]')!;
    const log: Record<string, string[]> = {};
    const scan = () => {
      for (const r of grid.querySelectorAll<HTMLElement>('[role=row][data-key]')) {
        const text = r.querySelector('[data-testid=profile-status]')?.textContent ?? '';
        const seen = (log[r.dataset['key']!] ??= []);
        if (seen.at(-1) !== text) seen.push(text);
      }
    };
    scan();
    new MutationObserver(scan).observe(grid, {
      subtree: true,
      childList: true,
      characterData: true,
    });
    (window as unknown as { __statuses: typeof log }).__statuses = log;
  });
}
const statusesOf = (page: Page, key: string) =>
  page.evaluate(
    (k) => (window as unknown as { __statuses: Record<string, string[]> }).__statuses[k] ?? [],
    key,
  );

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw e;
  }
}

async function ixOpened(): Promise<
  Array<{ profile_id: number; pid: number; debugging_port: number }>
> {
  const res = await fetch(`${sandbox.ix.url}/api/v2/native-client-profile-opened-list`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
  });
  return ((await res.json()) as { data: never[] }).data;
}

async function showSessions(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Sessions' })
    .click();
  await expect(page.getByRole('heading', { name: 'Sessions' })).toBeVisible();
}
const sessionRow = (page: Page, key: string) =>
  page.locator(`[data-testid=session-row][data-profile-key="${key}"]`);
/** The Sessions table's cell under a column header. */
async function sessionCell(page: Page, key: string, header: string) {
  // The row first: the view shows its heading before its first listing (and its code, when
  // it has not been preloaded yet) is in, and no headers yet to count.
  await expect(sessionRow(page, key)).toBeVisible();
  const headers = await page.getByRole('columnheader').allInnerTexts();
  const at = headers.findIndex((h) => h.trim().toLowerCase() === header.toLowerCase());
  return sessionRow(page, key).locator('td').nth(at);
}

test('open and close from the panel, by keyboard, from the bulk bar and from the row: opening → open → closing → closed', async ({
  harness,
}) => {
  const { page, core, appUrl } = harness;
  const { ix } = await connect(core);
  await showProfiles(page, appUrl);
  await recordStatuses(page);
  // Latency holds each vendor answer, so every intermediate status is on screen a while.
  sandbox.setFaults({ latencyMs: 200 });
  const [byPanel, byKeys, byBar, byRow] = ['1001', '1002', '1003', '1004'].map(
    (id) => `${ix}/${id}`,
  ) as [string, string, string, string];

  // The panel.
  await row(page, byPanel).dblclick();
  const panel = page.getByRole('complementary', { name: 'Profile' });
  await expect(panel.getByRole('button', { name: 'Open browser' })).toHaveAttribute(
    'title',
    /Ctrl\+O|⌘O/,
  );
  await panel.getByRole('button', { name: 'Open browser' }).click();
  await expect(statusCell(page, byPanel)).toHaveText('open');
  expect(sandbox.runningBrowserPids()).toHaveLength(1);
  await panel.getByRole('button', { name: 'Close browser' }).click();
  await expect(statusCell(page, byPanel)).toHaveText('closed');
  await page.getByRole('button', { name: 'Close panel' }).click();

  // The keyboard, on the focused row.
  await row(page, byKeys).click();
  await page.keyboard.press('Control+o');
  await expect(statusCell(page, byKeys)).toHaveText('open');
  expect(sandbox.runningBrowserPids()).toHaveLength(1);
  await page.keyboard.press('Control+Shift+O');
  await expect(statusCell(page, byKeys)).toHaveText('closed');

  // The bulk bar.
  await row(page, byBar).click();
  const bar = page.getByRole('toolbar', { name: 'Bulk actions' });
  await bar.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(statusCell(page, byBar)).toHaveText('open');
  expect(sandbox.runningBrowserPids()).toHaveLength(1);
  await bar.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(statusCell(page, byBar)).toHaveText('closed');
  await expect.poll(() => sandbox.runningBrowserPids()).toEqual([]);

  // The row's own button, next to its status.
  await row(page, byRow)
    .getByRole('button', { name: /^Open / })
    .click();
  await expect(statusCell(page, byRow)).toHaveText('open');
  expect(sandbox.runningBrowserPids()).toHaveLength(1);
  await row(page, byRow)
    .getByRole('button', { name: /^Close / })
    .click();
  await expect(statusCell(page, byRow)).toHaveText('closed');
  await expect.poll(() => sandbox.runningBrowserPids()).toEqual([]);

  for (const key of [byPanel, byKeys, byBar, byRow]) {
    expect(await statusesOf(page, key), key).toEqual([
      'closed',
      'opening',
      'open',
      'closing',
      'closed',
    ]);
  }
});

test('ixBrowser: Sessions shows the real port and pid, DevTools attaches to the page, close ends the process', async ({
  harness,
}) => {
  const { page, core, appUrl } = harness;
  const { ix } = await connect(core);
  const key = `${ix}/1004`;
  await showProfiles(page, appUrl);
  await row(page, key).click();
  await page.keyboard.press('Control+o');
  await expect(statusCell(page, key)).toHaveText('open');

  // What the vendor and the machine say: one browser, answering on its debugging port.
  const [opened] = await ixOpened();
  expect(opened?.profile_id).toBe(1004);
  const { pid, debugging_port: port } = opened!;
  expect(sandbox.runningBrowserPids()).toEqual([pid]);
  const version = (await (await fetch(`http://127.0.0.1:${port}/json/version`)).json()) as {
    webSocketDebuggerUrl: string;
  };
  expect(version.webSocketDebuggerUrl).toMatch(`ws://127.0.0.1:${port}/devtools/browser/`);

  await showSessions(page);
  await expect(sessionRow(page, key)).toHaveCount(1);
  await expect(await sessionCell(page, key, 'Port')).toHaveText(String(port));
  await expect(await sessionCell(page, key, 'PID')).toHaveText(String(pid));
  await expect(await sessionCell(page, key, 'Debugging address')).toHaveText(`127.0.0.1:${port}`);
  await expect(await sessionCell(page, key, 'ws URL')).toHaveText(version.webSocketDebuggerUrl);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, 'sessions.png') });

  // Put something only this browser's page can show into it.
  const marker = `deck-marker-${Date.now().toString(36)}`;
  const cdp = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  try {
    const [target] = cdp.contexts().flatMap((c) => c.pages());
    await target!.goto(`data:text/html,<title>Marked</title><h1 id="m">${marker}</h1>`);
  } finally {
    await cdp.close();
  }
  expect(isAlive(pid), 'disconnecting Playwright must leave the browser running').toBe(true);

  const name = (
    await sessionRow(page, key).locator('td div.font-medium').first().innerText()
  ).trim();
  await sessionRow(page, key)
    .getByRole('button', { name: `DevTools for ${name}` })
    .click();
  await expect.poll(() => harness.openedWindows.length).toBe(1);
  const [{ url, origin }] = harness.openedWindows as [{ url: string; origin: string }];
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as Array<{
    id: string;
    type: string;
    url: string;
  }>;
  const marked = targets.find((t) => t.type === 'page' && t.url.startsWith('data:'))!;
  expect(url).toBe(
    `http://127.0.0.1:${port}/devtools/inspector.html?ws=127.0.0.1:${port}/devtools/page/${marked.id}`,
  );
  expect(origin).toBe(`http://127.0.0.1:${port}`);

  // The window main would open: the browser's own DevTools frontend, on the marked page,
  // its socket without an Origin as main sends it (support/devtools-window.ts).
  const devtools = await openDevtoolsWindow(page.context(), url);
  try {
    await expect(devtools.page.getByText(marker).first()).toBeVisible({ timeout: 15_000 });
    await devtools.page.screenshot({ path: join(SHOTS, 'devtools-attach.png') });
  } finally {
    await devtools.close();
  }

  // Close from the table: the process is gone and the row says so.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Profiles' })
    .click();
  await row(page, key).click();
  await page.keyboard.press('Control+Shift+O');
  await expect(statusCell(page, key)).toHaveText('closed');
  await expect.poll(() => isAlive(pid)).toBe(false);
  expect(sandbox.runningBrowserPids()).toEqual([]);
});

async function cosCall<T>(path: string, body: unknown = {}): Promise<T> {
  const res = await fetch(`${sandbox.cos.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Cos-Local-Token': sandbox.cos.token },
    body: JSON.stringify(body),
  });
  return ((await res.json()) as { data: T }).data;
}

test('CosLogin: Sessions shows the pid and port the client reports, both real', async ({
  harness,
}) => {
  const { page, core, appUrl } = harness;
  const { cos } = await connect(core);
  const key = `${cos}/101`;
  await showProfiles(page, appUrl);
  await row(page, key).click();
  await page.keyboard.press('Control+o');
  await expect(statusCell(page, key)).toHaveText('open');

  const pids = await cosCall<Record<string, number>>('/browser/pids');
  const ports = await cosCall<Record<string, string>>('/browser/ports');
  expect(Object.keys(pids)).toEqual(['101']);
  const pid = pids['101']!;
  const port = Number(ports['101']);
  expect(sandbox.runningBrowserPids()).toEqual([pid]);
  expect(isAlive(pid)).toBe(true);
  const version = await fetch(`http://127.0.0.1:${port}/json/version`);
  expect(version.ok).toBe(true);

  await showSessions(page);
  await expect(await sessionCell(page, key, 'Port')).toHaveText(String(port));
  await expect(await sessionCell(page, key, 'PID')).toHaveText(String(pid));
  await expect(await sessionCell(page, key, 'Debugging address')).toHaveText(`127.0.0.1:${port}`);
});

test('Sessions refresh live: a profile opened behind the app appears, polling stops while unseen', async ({
  harness,
}) => {
  const { page, core, appUrl, responses } = harness;
  const { ix } = await connect(core);
  await page.goto(appUrl);
  await showSessions(page);
  await expect(page.getByText('No profile is open. Open one from Profiles.')).toBeVisible();

  const opened = await fetch(`${sandbox.ix.url}/api/v2/profile-open`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ profile_id: 1005 }),
  });
  expect(((await opened.json()) as { error: { code: number } }).error.code).toBe(0);
  const [session] = await ixOpened();
  const key = `${ix}/1005`;
  await expect(sessionRow(page, key)).toHaveCount(1);
  await expect(await sessionCell(page, key, 'PID')).toHaveText(String(session!.pid));
  await expect(page.getByTestId('sessions-count')).toHaveText(/^1 open/);

  const listCalls = () => responses.filter((r) => r.channel === 'sessions:list').length;
  const quiet = async () => {
    const before = listCalls();
    await page.waitForTimeout(3000);
    return listCalls() - before;
  };
  // Another view: the Sessions view is unmounted, nothing polls.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Profiles' })
    .click();
  expect(await quiet()).toBe(0);
  // Back, then the window hidden (minimized, another app in front): polling pauses too.
  await showSessions(page);
  await expect.poll(listCalls).toBeGreaterThan(listCalls());
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  expect(await quiet()).toBe(0);
});

test('bulk open of 5 with concurrency 2 never has more than 2 opening at once', async ({
  harness,
}) => {
  const { page, core, appUrl } = harness;
  const { ix } = await connect(core);
  await showProfiles(page, appUrl);
  await chooseFacet(page, 'Connections', 'Sandbox ix');
  await page.getByRole('button', { name: 'ID', exact: true }).click();
  await page.evaluate(() => {
    // The most rows the table showed as "opening" at the same moment.
    const w = window as unknown as { __maxOpening: number };
    w.__maxOpening = 0;
    const grid = document.querySelector('[role=grid]')!;
    new MutationObserver(() => {
      const opening = [...grid.querySelectorAll('[data-testid=profile-status]')].filter(
        (c) => c.textContent === 'opening',
      ).length;
      w.__maxOpening = Math.max(w.__maxOpening, opening);
    }).observe(grid, { subtree: true, childList: true, characterData: true });
  });
  const rows = page.locator('[role=grid] [role=row][data-key]');
  await rows.nth(0).click();
  await rows.nth(4).click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('selected-count')).toHaveText('5');
  const bar = page.getByRole('toolbar', { name: 'Bulk actions' });
  await bar.getByRole('button', { name: 'Open', exact: true }).click();
  for (const id of ['1001', '1002', '1003', '1004', '1005'])
    await expect(statusCell(page, `${ix}/${id}`)).toHaveText('open');
  expect(sandbox.runningBrowserPids()).toHaveLength(5);
  // The sandbox side: browsers being launched (a profile-open request each) at once.
  expect(launches.peak).toBe(2);
  expect(
    await page.evaluate(() => (window as unknown as { __maxOpening: number }).__maxOpening),
  ).toBe(2);

  await bar.getByRole('button', { name: 'Close', exact: true }).click();
  await expect.poll(() => sandbox.runningBrowserPids()).toEqual([]);
});
