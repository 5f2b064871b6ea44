/**
 * What the page benchmarks time in the app: from the profiles:list answer reaching the page
 * to the first rows painted, and from each keystroke in the search box to the filtered rows
 * painted. Installed with `page.addInitScript(instrumentTable)` after the deck it wraps.
 */
import type { Page } from '@playwright/test';

export interface TableProbe {
  renderMs?: number;
  filterMs: number[];
  /** The search box value the next keystroke should produce. */
  expect: string;
}

/**
 * Runs in the page after the deck it wraps. "Painted" = the frame after the one whose rAF
 * saw the change. Self-contained: it is serialized into the page.
 */
export function instrumentTable() {
  const w = window as unknown as {
    deck: { profiles: { list(r: unknown): Promise<unknown> } };
    __probe: TableProbe;
  };
  const probe: TableProbe = { filterMs: [], expect: '' };
  w.__probe = probe;
  const whenPainted = (ready: () => boolean, done: (at: number) => void) => {
    const frame = () =>
      requestAnimationFrame(() =>
        ready() ? requestAnimationFrame(() => done(performance.now())) : frame(),
      );
    frame();
  };
  const list = w.deck.profiles.list;
  w.deck.profiles.list = async (request) => {
    const answer = await list(request);
    const t0 = performance.now();
    if (probe.renderMs === undefined)
      whenPainted(
        () => document.querySelector('[role=grid] [role=row][data-key]') !== null,
        (at) => (probe.renderMs = at - t0),
      );
    return answer;
  };
  document.addEventListener(
    'keydown',
    (e) => {
      const input = e.target;
      if (!(input instanceof HTMLInputElement) || input.type !== 'search') return;
      const t0 = performance.now();
      const want = probe.expect;
      // The rows are filtered in the same render as the input's new value.
      whenPainted(
        () => input.value === want,
        (at) => probe.filterMs.push(at - t0),
      );
    },
    true,
  );
}

export const probe = (page: Page) =>
  page.evaluate(() => (window as unknown as { __probe: TableProbe }).__probe);

/** Waits for the first rows painted after a page load and says how long they took. */
export async function renderMs(page: Page): Promise<number> {
  await page.waitForFunction(
    () => (window as unknown as { __probe: TableProbe }).__probe.renderMs !== undefined,
    undefined,
    { timeout: 120_000 },
  );
  return (await probe(page)).renderMs!;
}
