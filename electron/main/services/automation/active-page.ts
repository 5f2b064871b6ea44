/**
 * The tab a user means by "the page" of a profile: the first one whose document is visible
 * (the front tab of a window), else the newest; a browser without tabs gets one. Used by the
 * built-in tasks in main and by the script host, so a script sees the page a screenshot shows.
 */
import type { BrowserContext, Page } from 'playwright-core';

export async function activePage(context: BrowserContext): Promise<Page> {
  const pages = context.pages();
  // The usual profile has one tab: it is the page whether or not it is visible, so it costs
  // no round trip to ask (Sessions asks for each open profile's page every few seconds).
  if (pages.length === 1) return pages[0]!;
  for (const page of pages) {
    // A string: this file is compiled without the DOM's types.
    const state = await page.evaluate('document.visibilityState').catch(() => 'hidden');
    if (state === 'visible') return page;
  }
  return pages.at(-1) ?? (await context.newPage());
}
