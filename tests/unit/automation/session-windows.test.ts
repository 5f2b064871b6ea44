/**
 * The windows of open profiles, against the sandbox's real Chromium: live thumbnails,
 * focus, arrange into a grid (read back through CDP) and restore.
 */
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gridBounds } from '../../../electron/main/services/automation/session-windows';
import { chromiumPath, startAutomationCore, type AutomationCore } from './automation-core';

/** The bounds of a profile's window, read through its own DevTools endpoint. */
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

describe('grid cells', () => {
  it('tile the area row by row with the gap between cells', () => {
    expect(
      gridBounds({
        rows: 2,
        columns: 2,
        gap: 10,
        area: { left: 0, top: 20, width: 1210, height: 810 },
      }),
    ).toEqual([
      { left: 0, top: 20, width: 600, height: 400 },
      { left: 610, top: 20, width: 600, height: 400 },
      { left: 0, top: 430, width: 600, height: 400 },
      { left: 610, top: 430, width: 600, height: 400 },
    ]);
  });
  it('refuse cells too small for a window, saying how small', () => {
    expect(() =>
      gridBounds({
        rows: 10,
        columns: 10,
        gap: 0,
        area: { left: 0, top: 0, width: 800, height: 600 },
      }),
    ).toThrow('Each window would be 80×60');
  });
});

const AREA = { left: 0, top: 0, width: 1210, height: 810 };

describe.skipIf(!chromiumPath)("open profiles' windows, through CDP", () => {
  let env: AutomationCore;
  const ports = new Map<string, number>();
  beforeAll(async () => {
    env = await startAutomationCore(
      { ixProfiles: 6 },
      { displays: () => [{ id: 7, label: 'Side', primary: false, workArea: AREA }] },
    );
    for (const id of [1001, 1002, 1003, 1004, 1005])
      ports.set(`${env.ixId}/${id}`, (await env.openBehind(id)).port);
  });
  afterAll(() => env?.close());

  it('five open sessions each give a small JPEG thumbnail of their page', async () => {
    for (const key of ports.keys()) {
      const got = await env.core.dispatch('sessions:thumbnail', { profileKey: key });
      expect(got, key).toMatchObject({ ok: true });
      const { dataUrl } = (got as { data: { dataUrl: string } }).data;
      const jpeg = Buffer.from(dataUrl.replace(/^data:image\/jpeg;base64,/, ''), 'base64');
      // A JPEG's start-of-image marker, and small.
      expect(jpeg.subarray(0, 2).toString('hex')).toBe('ffd8');
      expect(jpeg.length).toBeLessThan(64 * 1024);
    }
    const closed = await env.core.dispatch('sessions:thumbnail', {
      profileKey: `${env.ixId}/1006`,
    });
    expect(closed).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('a thumbnail follows the tab: with the first one closed, the next is of the new one', async () => {
    const [key, port] = [...ports.entries()].at(-1)!;
    const take = async () => {
      const got = await env.core.dispatch('sessions:thumbnail', { profileKey: key });
      expect(got, key).toMatchObject({ ok: true });
      return (got as { data: { dataUrl: string } }).data.dataUrl;
    };
    const before = await take();
    expect(await take()).toBe(before);
    const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
    try {
      const context = browser.contexts()[0]!;
      const [old] = context.pages();
      const fresh = await context.newPage();
      await fresh.goto('data:text/html,<body style="background:#c00"><h1>New tab</h1>');
      await old!.close();
      // Main's session for the closed tab is gone with it; a new one is attached.
      const after = await take();
      expect(after).not.toBe(before);
      expect(await take()).toBe(after);
    } finally {
      await browser.close();
    }
  });

  it("arrange 2×2 puts four windows at the grid's bounds; restore puts them back", async () => {
    const keys = [...ports.keys()];
    const before = await Promise.all(keys.map((k) => windowBounds(ports.get(k)!)));
    const area = { left: 0, top: 0, width: 1210, height: 810 };
    const arranged = await env.core.dispatch('sessions:arrange', {
      profileKeys: keys,
      rows: 2,
      columns: 2,
      area,
      gap: 10,
    });
    expect(arranged).toMatchObject({
      ok: true,
      data: { arranged: keys.slice(0, 4), failed: [], notPlaced: [keys[4]] },
    });
    const cells = gridBounds({ rows: 2, columns: 2, area, gap: 10 });
    for (const [i, key] of keys.slice(0, 4).entries())
      expect(await windowBounds(ports.get(key)!), key).toEqual(cells[i]);
    // The fifth window was left where it was.
    expect(await windowBounds(ports.get(keys[4]!)!)).toEqual(before[4]);

    const restored = await env.core.dispatch('sessions:restore-bounds', {});
    expect(restored).toMatchObject({ ok: true, data: { failed: [] } });
    expect((restored as { data: { restored: string[] } }).data.restored.sort()).toEqual(
      keys.slice(0, 4).sort(),
    );
    for (const [i, key] of keys.slice(0, 4).entries())
      expect(await windowBounds(ports.get(key)!), key).toEqual(before[i]);
  });

  it("focus brings a profile's window to the front; a closed profile is not found", async () => {
    const [key] = [...ports.keys()];
    expect(await env.core.dispatch('sessions:focus', { profileKey: key! })).toMatchObject({
      ok: true,
      data: { focused: true },
    });
    expect(
      await env.core.dispatch('sessions:focus', { profileKey: `${env.ixId}/1006` }),
    ).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
