/**
 * The built renderer (out/renderer, which `npm run bench` builds when needed) in headless
 * Chromium through the E2E harness, for the benchmarks that measure the page. whyNoAppPage
 * says why there is none (no Chromium, or the build failed), so the metric is reported
 * skipped with the reason.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/support/browser';
import { startHarness, type Harness } from '../e2e/support/harness';
import { serveDirectory, type ExtraBody } from '../e2e/support/static-server';

const renderer = join(resolve(__dirname, '../..'), 'out/renderer');

export function whyNoAppPage(): string | undefined {
  if (!chromiumPath()) return 'no Chromium: set CHROMIUM_PATH or install /usr/bin/chromium';
  if (!existsSync(join(renderer, 'index.html'))) return 'no built renderer: run npm run build';
  return undefined;
}

/**
 * Runs `fn` with a fresh harness page (not yet navigated), then closes everything. `files`:
 * more bodies the page may fetch, by path, from the app's own origin; `cacheAssets`: see
 * serveDirectory.
 */
export async function withAppPage<T>(
  fn: (h: Harness) => Promise<T>,
  files?: ReadonlyMap<string, ExtraBody>,
  options?: { cacheAssets?: boolean },
): Promise<T> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const server = await serveDirectory(renderer, files, options);
  try {
    const h = await startHarness(browser, server.url);
    try {
      // Compiled with keepNames (tsx does), functions handed to the page call esbuild's __name.
      await h.page.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
      return await fn(h);
    } finally {
      await h.close();
    }
  } finally {
    await server.close();
    await browser.close();
  }
}
