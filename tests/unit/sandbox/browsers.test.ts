/**
 * Real Chromium behind opened profiles. Kept to three launches: each costs about a
 * second here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { createProxy } from 'proxy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, startSandbox, type Sandbox } from '../../../electron/sandbox';
import { cos, ix } from './support';

const browserPath = findChromium();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Processes whose command line mentions `needle` (Linux /proc; empty elsewhere). */
function processesMentioning(needle: string): number[] {
  if (process.platform !== 'linux') return [];
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return readFileSync(`/proc/${d}/cmdline`, 'utf8').includes(needle);
      } catch {
        return false;
      }
    })
    .map(Number);
}

async function until<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const v = await probe();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`gave up waiting for ${what}`);
}

const listen = (server: Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );

describe.skipIf(!browserPath)('real browsers', () => {
  let sb: Sandbox;
  let page: Server;
  let pagePort: number;
  const proxied: string[] = [];
  let proxy: Server;
  let proxyPort: number;

  beforeAll(async () => {
    // Chromium refuses to start sandboxed as root, as these tests run here: off, explicitly.
    sb = await startSandbox({ profiles: 10, chromiumPath: browserPath, chromiumSandbox: false });
    page = createServer((req, res) => res.end(`<title>hello</title>${req.headers['via'] ?? ''}`));
    pagePort = await listen(page);
    proxy = createProxy(createServer());
    proxy.on('request', (req) => proxied.push(req.url ?? ''));
    proxyPort = await listen(proxy);
  });
  afterAll(async () => {
    await sb?.stop();
    page?.close();
    proxy?.close();
  });

  it('opens an ixBrowser profile whose ws answers CDP and whose page loads go through its proxy', async () => {
    expect(sb.simulated).toBe(false);
    const id = sb.ix.profiles()[0]!.profile_id;
    await ix(sb, 'profile-update-proxy-for-custom-proxy', {
      profile_id: id,
      proxy_info: {
        proxy_mode: 2,
        proxy_type: 'http',
        proxy_ip: '127.0.0.1',
        proxy_port: String(proxyPort),
      },
    });
    const opened = await ix(sb, 'profile-open', { profile_id: id });
    expect(opened.json.error.code).toBe(0);
    const { ws, pid, debugging_port } = opened.json.data;
    expect(sb.runningBrowserPids()).toEqual([pid]);
    expect(alive(pid)).toBe(true);

    const browser = await chromium.connectOverCDP(ws);
    try {
      const cdp = await browser.newBrowserCDPSession();
      const version = (await cdp.send('Browser.getVersion')) as { product: string };
      expect(version.product).toMatch(/Chrom/);
      const tab = browser.contexts()[0]!.pages()[0] ?? (await browser.contexts()[0]!.newPage());
      const url = `http://127.0.0.1:${pagePort}/through-proxy`;
      await tab.goto(url);
      expect(await tab.title()).toBe('hello');
      expect(proxied).toContain(url);
    } finally {
      await browser.close();
    }

    const native = await ix(sb, 'native-client-profile-opened-list', {});
    expect(native.json.data).toMatchObject([{ profile_id: id, pid, ws, debugging_port }]);

    const closed = await ix(sb, 'profile-close', { profile_id: id });
    expect(closed.json.error.code).toBe(0);
    expect(alive(pid)).toBe(false);
    expect(sb.runningBrowserPids()).toEqual([]);
  });

  it('notices a browser that exits by itself: the profile is closed and close answers 1009', async () => {
    const id = sb.ix.profiles()[1]!.profile_id;
    const { pid } = (await ix(sb, 'profile-open', { profile_id: id })).json.data;
    process.kill(pid, 'SIGKILL');
    await until(
      async () =>
        (await ix(sb, 'native-client-profile-opened-list', {})).json.data.length === 0
          ? true
          : undefined,
      'the sandbox to notice the exit',
    );
    expect((await ix(sb, 'profile-close', { profile_id: id })).json.error.code).toBe(1009);
    // And it opens again.
    const reopened = await ix(sb, 'profile-open', { profile_id: id });
    expect(reopened.json.error.code).toBe(0);
    expect(reopened.json.data.pid).not.toBe(pid);
  });

  it('opens a CosLogin window the Cos way, and stop() leaves no browser behind', async () => {
    const w = sb.cos.profiles()[0]!;
    await cos(sb, '/browser/proxy/update', { ids: [w.id], proxyMethod: 2, proxyType: 'direct' });
    const opened = await cos(sb, '/browser/open', { uuid: w.uuid });
    expect(opened.json.code).toBe(0);
    const { pid, profileDir } = opened.json.data;
    expect((await cos(sb, '/browser/pids', {})).json.data).toEqual({ [String(w.id)]: pid });
    const port = (await cos(sb, '/browser/ports', {})).json.data[String(w.id)];
    const version = await (await fetch(`http://127.0.0.1:${port}/json/version`)).json();
    expect(version.webSocketDebuggerUrl).toMatch(
      new RegExp(`^ws://127\\.0\\.0\\.1:${port}/devtools/browser/`),
    );
    expect((await cos(sb, '/browser/open', { id: w.id })).json.data).toMatchObject({
      alreadyStarted: true,
      pid,
    });

    const pids = sb.runningBrowserPids();
    expect(pids).toHaveLength(2); // this window and the reopened ixBrowser profile
    const workDir = profileDir.slice(0, profileDir.indexOf('/profiles/'));
    expect(processesMentioning(workDir).length).toBeGreaterThan(2); // browsers and their helpers

    await sb.stop();
    expect(pids.filter(alive)).toEqual([]);
    expect(processesMentioning(workDir)).toEqual([]);
    expect(sb.runningBrowserPids()).toEqual([]);
  });
});
