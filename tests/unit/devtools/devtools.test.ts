import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  bundledDevtoolsUrl,
  createDevtools,
  inspectorUrl,
  pageTargets,
  parseDebugAddress,
  sessionAddress,
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

describe('a hostile or broken debugging port', () => {
  it('a port that drips a byte every 200 ms is given up at the deadline, not kept pending', async () => {
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('[');
      const drip = setInterval(() => res.write(' '), 200);
      res.on('close', () => clearInterval(drip));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const address = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    const d = createDevtools({
      sessionFor: async () => session({ debugAddress: address }),
      openWindow: () => undefined,
      timeoutMs: 600,
    });
    const started = Date.now();
    await expect(d.targets('c1/1')).rejects.toMatchObject({ code: 'timeout' });
    // The socket never idles for 600 ms: only an overall deadline ends it.
    expect(Date.now() - started).toBeLessThan(2_000);
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it("uses only the port of the session's own ws URL, never another one the vendor names", async () => {
    const asked: string[] = [];
    const other = createServer((req, res) => {
      asked.push(req.url ?? '');
      res.end('[]');
    });
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
    const otherAddress = `127.0.0.1:${(other.address() as AddressInfo).port}`;
    const d = createDevtools({
      sessionFor: async () =>
        session({
          debugAddress: otherAddress,
          wsUrl: 'ws://127.0.0.1:1/devtools/browser/abc',
        }),
      openWindow: () => undefined,
    });
    await expect(d.targets('c1/1')).rejects.toMatchObject({ code: 'vendor-error' });
    expect(asked).toEqual([]);
    await new Promise((r) => other.close(r));

    expect(
      sessionAddress({
        wsUrl: 'ws://127.0.0.1:9333/devtools/browser/x',
        debugAddress: 'localhost:9333',
      }),
    ).toBe('127.0.0.1:9333');
    expect(sessionAddress({ wsUrl: 'ws://127.0.0.1:9333/devtools/page/x' })).toBe('127.0.0.1:9333');
    for (const wsUrl of [
      'ws://10.0.0.2:9333/devtools/browser/x',
      'wss://127.0.0.1:9333/devtools/browser/x',
      'ws://127.0.0.1:9333/other',
      'not a url',
    ])
      expect(() => sessionAddress({ wsUrl }), wsUrl).toThrow();
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
