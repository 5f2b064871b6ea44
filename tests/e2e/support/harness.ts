/**
 * The browser harness: the built renderer in real Chromium, with `window.deck` backed by
 * the real core (createCore) through Playwright bindings. One fresh data dir per test.
 */
import { test as base, chromium, type Browser, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { createCore, type Core, type CoreDeps } from '../../../electron/main/core';
import { createSenderCheck } from '../../../electron/main/ipc/handle';
import { createLogger } from '../../../electron/main/log';
import { createTestCipher } from '../../../electron/main/secrets/secret-store';
import { startSandbox } from '../../../electron/sandbox';
import { fail } from '../../../shared/ipc/result';
import { CHROMIUM_ARGS, chromiumPath } from './browser';
import { serveDirectory } from './static-server';

const root = resolve(__dirname, '../../..');
let bridgeBundle: Promise<string> | undefined;
function pageBridge(): Promise<string> {
  bridgeBundle ??= build({
    entryPoints: [join(root, 'tests/e2e/support/page-bridge.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
  }).then((r) => r.outputFiles[0]!.text);
  return bridgeBundle;
}

export interface Harness {
  page: Page;
  core: Core;
  dataDir: string;
  appUrl: string;
  /** Every IPC response the page received, in order (secret-leak tests read these). */
  responses: Array<{ channel: string; response: unknown }>;
  /** URLs the injected window opener was asked to open (DevTools). */
  openedWindows: Array<{ url: string; origin: string }>;
  logLines: string[];
}

export interface HarnessOptions {
  core?: Partial<CoreDeps>;
  /** Puts files in the fresh data dir before the core starts (a damaged connections.json). */
  prepareDataDir?: (dataDir: string) => Promise<void>;
}

export async function startHarness(
  browser: Browser,
  appUrl: string,
  options: HarnessOptions = {},
): Promise<Harness & { close(): Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'deck-e2e-'));
  await options.prepareDataDir?.(dataDir);
  const logLines: string[] = [];
  const openedWindows: Harness['openedWindows'] = [];
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
  const page = await context.newPage();
  const core = createCore({
    dataDir,
    cipher: createTestCipher(),
    log: createLogger((l) => logLines.push(l)),
    app: {
      name: 'BrowserDeck',
      version: '0.1.0-harness',
      platform: process.platform,
      electron: null,
    },
    validateResponses: true,
    // No probing of this machine's ports: a test that wants a client starts a sandbox.
    detectPorts: { ixbrowser: [], cos: [], bitbrowser: [], adspower: [] },
    // The demo's browsers run headless here: the harness has no display. It runs as root,
    // where Chromium refuses its own sandbox: off, said explicitly. Main loads the sandbox
    // with import() (out of its start-up path); Playwright's loader compiles only what is
    // imported statically, so the harness hands it over.
    demo: { headless: true, chromiumSandbox: false, startSandbox },
    openWindow: async (url, origin) => {
      openedWindows.push({ url, origin });
    },
    ...options.core,
  });
  const responses: Harness['responses'] = [];
  // The same sender check main uses: only the app's own page, main frame, own origin.
  const isTrusted = createSenderCheck(
    new Set([1]),
    (url) => url.startsWith(`${appUrl}/`) || url === appUrl,
  );
  await page.exposeBinding('__deckInvoke', async (source, channel: string, request: unknown) => {
    const frame = source.frame;
    const trusted = isTrusted({
      sender: { id: source.page === page ? 1 : 0 },
      senderFrame: { url: frame.url(), parent: frame.parentFrame() ?? undefined },
    });
    const response = trusted
      ? await core.dispatch(channel, request)
      : fail('forbidden', 'Request refused: not from the BrowserDeck window');
    responses.push({ channel, response });
    return response;
  });
  await page.addInitScript({ content: await pageBridge() });
  const unsubscribe = core.events.subscribe((event, payload) => {
    void page
      .evaluate(
        ([e, p]) =>
          (window as unknown as { __deckEmit?(e: string, p: unknown): void }).__deckEmit?.(e, p),
        [event, payload] as const,
      )
      .catch(() => {});
  });
  return {
    page,
    core,
    dataDir,
    appUrl,
    responses,
    openedWindows,
    logLines,
    async close() {
      unsubscribe();
      await context.close();
      await core.dispose();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

type Fixtures = { harness: Harness; harnessOptions: HarnessOptions };
type WorkerFixtures = { appServer: { url: string }; sharedBrowser: Browser };

export const test = base.extend<Fixtures, WorkerFixtures>({
  sharedBrowser: [
    async ({}, use) => {
      const browser = await chromium.launch({
        executablePath: chromiumPath(),
        args: CHROMIUM_ARGS,
      });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  appServer: [
    async ({}, use) => {
      const server = await serveDirectory(join(root, 'out/renderer'));
      await use({ url: server.url });
      await server.close();
    },
    { scope: 'worker' },
  ],
  harnessOptions: [{}, { option: true }],
  harness: async ({ sharedBrowser, appServer, harnessOptions }, use) => {
    const h = await startHarness(sharedBrowser, appServer.url, harnessOptions);
    await use(h);
    await h.close();
  },
});
export { expect } from '@playwright/test';
