import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  bundledDevtoolsUrl,
  createDevtools,
  inspectorUrl,
  pageTargets,
  parseDebugAddress,
} from '../../../electron/main/services/devtools';
import type { Session } from '../../../shared/model';
import { launchDebugChromium, type DebugChromium } from '../../fixtures/debug-chromium';

const session = (over: Partial<Session>): Session => ({
  profileKey: 'c1/1',
  connectionId: 'c1',
  vendor: 'ixbrowser',
  vendorId: '1',
  engine: 'chromium',
  ...over,
});

describe('devtools helpers', () => {
  it('keeps only page targets, never DevTools pages or workers', () => {
    const list = [
      { id: 'A', type: 'page', title: 'Shop', url: 'https://shop.example/' },
      {
        id: 'B',
        type: 'page',
        title: 'DevTools',
        url: 'devtools://devtools/bundled/inspector.html',
      },
      { id: 'C', type: 'service_worker', title: 'sw', url: 'https://shop.example/sw.js' },
      { id: 'D', type: 'background_page', title: 'ext', url: 'chrome-extension://x/bg.html' },
    ];
    expect(pageTargets(list).map((t) => t.id)).toEqual(['A']);
  });

  it('accepts only loopback host:port debug addresses', () => {
    expect(parseDebugAddress('127.0.0.1:28545')).toBe('127.0.0.1:28545');
    expect(parseDebugAddress('localhost:9222')).toBe('localhost:9222');
    for (const bad of [
      '10.0.0.5:9222',
      'evil.example:80',
      '127.0.0.1',
      '127.0.0.1:0',
      '127.0.0.1:70000',
      undefined,
    ]) {
      expect(() => parseDebugAddress(bad)).toThrow();
    }
  });

  it('builds the served inspector URL and the bundled one to copy', () => {
    expect(inspectorUrl('127.0.0.1:9222', 'ABC')).toBe(
      'http://127.0.0.1:9222/devtools/inspector.html?ws=127.0.0.1:9222/devtools/page/ABC',
    );
    expect(bundledDevtoolsUrl('127.0.0.1:9222', 'ABC')).toBe(
      'devtools://devtools/bundled/inspector.html?ws=127.0.0.1:9222/devtools/page/ABC',
    );
  });

  it('refuses Firefox sessions and says why', async () => {
    const d = createDevtools({
      sessionFor: async () => session({ engine: 'firefox', debugAddress: '127.0.0.1:9222' }),
      openWindow: () => {},
    });
    await expect(d.targets('c1/1')).rejects.toMatchObject({
      code: 'unsupported',
      message: expect.stringContaining('Firefox'),
    });
  });

  it('says unreachable when nothing listens on the debug port', async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    await new Promise((r) => server.close(r));
    const d = createDevtools({
      sessionFor: async () => session({ debugAddress: `127.0.0.1:${port}` }),
      openWindow: () => {},
    });
    await expect(d.targets('c1/1')).rejects.toMatchObject({ code: 'unreachable' });
  });

  it('a browser that serves no /devtools/ frontend: unsupported, with the devtools:// URL to copy', async () => {
    const server = createServer((req, res) => {
      if (req.url === '/json/list')
        return res.end(
          JSON.stringify([{ id: 'P1', type: 'page', title: 't', url: 'about:blank' }]),
        );
      res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const address = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    const opened: string[] = [];
    const d = createDevtools({
      sessionFor: async () => session({ debugAddress: address }),
      openWindow: (u) => void opened.push(u),
    });
    await expect(d.open('c1/1', 'P1')).rejects.toMatchObject({
      code: 'unsupported',
      message: expect.stringContaining(
        `devtools://devtools/bundled/inspector.html?ws=${address}/devtools/page/P1`,
      ),
    });
    expect(opened).toEqual([]);
    await new Promise((r) => server.close(r));
  });
});

describe('a hostile browser', () => {
  it('gets no devtools:// link into the message for a target id that is not a plain id', async () => {
    const id = 'P1?panel=x&remoteFrontendUrl=https://evil.example';
    const server = createServer((req, res) => {
      if (req.url === '/json/list')
        return res.end(JSON.stringify([{ id, type: 'page', title: 't', url: 'about:blank' }]));
      res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const address = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    const d = createDevtools({
      sessionFor: async () => session({ debugAddress: address }),
      openWindow: () => undefined,
    });
    const error = await d.open('c1/1', id).catch((e: Error) => e);
    expect(error).toMatchObject({ code: 'unsupported' });
    expect((error as Error).message).not.toContain('devtools://');
    await new Promise((r) => server.close(r));
  });
});

describe('devtools against a real Chromium', () => {
  let chromium: DebugChromium;
  beforeAll(async () => {
    chromium = await launchDebugChromium(
      'data:text/html,<title>Target page</title><h1 id=hello>hello</h1>',
    );
  }, 30_000);
  afterAll(async () => chromium?.close());

  it('lists the page and opens a window on the browser’s own inspector', async () => {
    const opened: Array<{ url: string; origin: string }> = [];
    const d = createDevtools({
      sessionFor: async () => session({ debugAddress: chromium.address }),
      openWindow: (url, origin) => void opened.push({ url, origin }),
    });
    // The page may still be loading when the port appears: wait for its title.
    const page = await vi.waitFor(
      async () => {
        const { address, targets } = await d.targets('c1/1');
        expect(address).toBe(chromium.address);
        const found = targets.find((t) => t.title === 'Target page');
        expect(found).toBeDefined();
        return found;
      },
      { timeout: 10_000 },
    );
    const result = await d.open('c1/1', page!.id);
    expect(result.url).toBe(inspectorUrl(chromium.address, page!.id));
    expect(opened).toEqual([{ url: result.url, origin: `http://${chromium.address}` }]);
    await expect(d.open('c1/1', 'no-such-target')).rejects.toMatchObject({ code: 'not-found' });
  });
});
