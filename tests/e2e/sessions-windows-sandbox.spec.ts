/**
 * Sessions' live thumbnails and window arrangement against the sandbox's real Chromium:
 * five open profiles show an image of their page; "Arrange 2×2" puts four windows at the
 * grid's bounds, read back through each browser's own DevTools endpoint; Restore puts them back.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { gridBounds } from '../../electron/main/services/automation/session-windows';
import { startSandbox, type Sandbox } from '../../electron/sandbox';
import { test, expect } from './support/harness';

const SHOTS = join(__dirname, 'screenshots');

let sandbox: Sandbox;
/** Two screens, as Electron's screen module would give them; the test arranges on the second. */
const SECOND = { left: 120, top: 40, width: 1000, height: 700 };
test.use({
  harnessOptions: {
    core: {
      detectPorts: { ixbrowser: [], cos: [] },
      displays: () => [
        {
          id: 1,
          label: 'Built-in',
          primary: true,
          workArea: { left: 0, top: 0, width: 1400, height: 860 },
        },
        { id: 2, label: 'Side', primary: false, workArea: SECOND },
      ],
    },
  },
});
test.beforeEach(async () => {
  sandbox = await startSandbox({ ixProfiles: 6, cosProfiles: 1, chromiumSandbox: false });
  expect(sandbox.simulated, 'this test needs a real Chromium').toBe(false);
});
test.afterEach(async () => {
  await sandbox.stop();
});

async function ixCall(path: string, body: object) {
  const res = await fetch(`${sandbox.ix.url}/api/v2/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await res.json()) as { error: { code: number }; data: never };
}

/** A window's bounds, through its browser's own DevTools endpoint. */
async function windowBounds(port: number) {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  try {
    const page = browser.contexts()[0]!.pages()[0]!;
    const pageCdp = await page.context().newCDPSession(page);
    const { targetInfo } = await pageCdp.send('Target.getTargetInfo');
    const cdp = await browser.newBrowserCDPSession();
    const { windowId } = await cdp.send('Browser.getWindowForTarget', {
      targetId: targetInfo.targetId,
    });
    const { bounds } = await cdp.send('Browser.getWindowBounds', { windowId });
    return { left: bounds.left, top: bounds.top, width: bounds.width, height: bounds.height };
  } finally {
    await browser.close();
  }
}

test('five open sessions show live thumbnails; Arrange 2×2 on a chosen display tiles four windows, Restore puts them back', async ({
  harness,
}) => {
  const { page, core, appUrl } = harness;
  const added = await core.dispatch('connections:add', {
    vendor: 'ixbrowser',
    label: 'Sandbox ix',
    baseUrl: sandbox.ix.url,
  });
  expect(added.ok).toBe(true);
  const ix = (added as { data: { id: string } }).data.id;
  const ports = new Map<string, number>();
  for (const id of [1001, 1002, 1003, 1004, 1005]) {
    const opened = (await ixCall('profile-open', { profile_id: id })) as unknown as {
      data: { debugging_port: string | number };
    };
    ports.set(`${ix}/${id}`, Number(opened.data.debugging_port));
    // Something to see in the thumbnail (the seeded proxies lead nowhere; a data URL needs none).
    const browser = await chromium.connectOverCDP(`http://127.0.0.1:${ports.get(`${ix}/${id}`)}`);
    await browser
      .contexts()[0]!
      .pages()[0]!
      .goto(`data:text/html,<body style="background:hsl(${id * 47},70%,60%)"><h1>Shop ${id}</h1>`);
    await browser.close();
  }

  await page.goto(appUrl);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Sessions' })
    .click();
  await expect(page.getByTestId('sessions-count')).toContainText('5 open');
  const thumbs = page.getByTestId('session-thumbnail');
  await expect(thumbs).toHaveCount(5);
  for (const thumb of await thumbs.all())
    await expect
      .poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(0);
  mkdirSync(SHOTS, { recursive: true });
  for (const viewport of [
    { width: 1280, height: 720 },
    { width: 1400, height: 860 },
  ]) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: join(SHOTS, `sessions-thumbnails-${viewport.width}.png`) });
  }

  // The list's order is the grid's order.
  const order = await page
    .getByTestId('session-row')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-profile-key')!));
  const before = await Promise.all(order.map((k) => windowBounds(ports.get(k)!)));
  const area = SECOND;
  const arrange = page.getByRole('group', { name: 'Arrange windows' });
  await arrange.getByLabel('Display').selectOption({ label: 'Side · 1000×700' });
  await arrange.getByLabel('Gap').fill('8');
  await arrange.getByRole('button', { name: 'Arrange 2×2' }).click();
  await expect(page.getByText('Arranged 4 windows; 1 more than the grid holds')).toBeVisible();
  const cells = gridBounds({ rows: 2, columns: 2, gap: 8, area });
  for (const [i, key] of order.slice(0, 4).entries())
    expect(await windowBounds(ports.get(key)!), key).toEqual(cells[i]);
  expect(await windowBounds(ports.get(order[4]!)!)).toEqual(before[4]);

  await arrange.getByRole('button', { name: 'Restore windows' }).click();
  await expect(page.getByText('Restored 4 windows')).toBeVisible();
  for (const [i, key] of order.slice(0, 4).entries())
    expect(await windowBounds(ports.get(key)!), key).toEqual(before[i]);

  // Clicking a thumbnail brings its window to the front (no error said).
  await page
    .getByRole('button', { name: /to the front$/ })
    .first()
    .click();
  await expect(page.getByText('Could not bring the window to the front')).toHaveCount(0);
});
