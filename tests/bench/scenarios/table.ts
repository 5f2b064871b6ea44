import type { Page } from '@playwright/test';
import { percentile, repeat, skipped, verdict, type Scenario } from '../bench';
import { installFakeDeck } from '../../e2e/support/fake-deck';
import { whyNoAppPage, withAppPage } from '../app-page';
import type { MetricName } from '../metrics';

const PROFILES = 50_000;
/** Typed one key at a time: every keystroke changes the filter, the last clears it. */
const TYPED = 'shop 49990';
const SCROLL_MS = 3000;
/** Per frame: about 4 rows, so every frame brings new rows into the window. */
const SCROLL_STEP_PX = 120;

interface TableProbe {
  renderMs?: number;
  filterMs: number[];
  /** The search box value the next keystroke should produce. */
  expect: string;
}

/**
 * Runs in the page after the fake deck: times from the profiles:list answer reaching the
 * page to the first rows painted, and from each keystroke in the search box to the
 * filtered rows painted. "Painted" = the frame after the one whose rAF saw the change.
 */
function instrumentTable() {
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

const probe = (page: Page) =>
  page.evaluate(() => (window as unknown as { __probe: TableProbe }).__probe);

async function filterKeystrokes(page: Page): Promise<number[]> {
  await page.getByRole('searchbox', { name: 'Search profiles' }).click();
  const steps = [
    ...[...TYPED].map((ch, i) => ({ key: ch, value: TYPED.slice(0, i + 1) })),
    ...[...TYPED].map((_, i) => ({
      key: 'Backspace',
      value: TYPED.slice(0, TYPED.length - 1 - i),
    })),
  ];
  for (const [n, step] of steps.entries()) {
    await page.evaluate(
      (v) => ((window as unknown as { __probe: TableProbe }).__probe.expect = v),
      step.value,
    );
    if (step.key === 'Backspace') await page.keyboard.press('Backspace');
    else await page.keyboard.type(step.key);
    await page.waitForFunction(
      (count) => (window as unknown as { __probe: TableProbe }).__probe.filterMs.length >= count,
      n + 1,
    );
  }
  return (await probe(page)).filterMs;
}

/** rAF frames per second while the grid scrolls down a few rows every frame. */
const scrollFps = (page: Page) =>
  page.evaluate(
    ({ ms, step }) =>
      new Promise<number>((resolve) => {
        const grid = document.querySelector<HTMLElement>('[role=grid]')!;
        let first = 0;
        let frames = 0;
        const frame = (t: number) => {
          if (!first) first = t;
          else frames++;
          grid.scrollTop += step;
          if (t - first < ms) requestAnimationFrame(frame);
          else resolve((frames * 1000) / (t - first));
        };
        requestAnimationFrame(frame);
      }),
    { ms: SCROLL_MS, step: SCROLL_STEP_PX },
  );

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const used = metrics.find((m) => m.name === 'JSHeapUsedSize');
    if (!used) throw new Error('no JSHeapUsedSize metric');
    return used.value / 2 ** 20;
  } finally {
    await cdp.detach();
  }
}

/**
 * `table.render50k.ms`, `table.filter50k.p95.ms`, `table.scroll50k.fps`,
 * `renderer.heap50k.mb`: the profiles table over 50,000 fake profiles, each run on a fresh
 * page load.
 */
export const tableScenario: Scenario = {
  name: 'table',
  needsRenderer: true,
  async run() {
    const names: MetricName[] = [
      'table.render50k.ms',
      'table.filter50k.p95.ms',
      'table.scroll50k.fps',
      'renderer.heap50k.mb',
    ];
    const missing = whyNoAppPage();
    if (missing) return names.map((n) => skipped(n, missing));
    const runs = await withAppPage(async ({ page, appUrl }) => {
      await page.addInitScript(installFakeDeck, { count: PROFILES });
      await page.addInitScript(instrumentTable);
      return repeat(5, 1, async () => {
        await page.goto(appUrl);
        await page.waitForFunction(
          () => (window as unknown as { __probe: TableProbe }).__probe.renderMs !== undefined,
        );
        const renderMs = (await probe(page)).renderMs!;
        const heap = await heapMb(page);
        const filterP95 = percentile(await filterKeystrokes(page), 95);
        const fps = await scrollFps(page);
        return { renderMs, heap, filterP95, fps };
      });
    });
    return [
      verdict(
        names[0]!,
        runs.map((r) => r.renderMs),
      ),
      verdict(
        names[1]!,
        runs.map((r) => r.filterP95),
      ),
      verdict(
        names[2]!,
        runs.map((r) => r.fps),
      ),
      verdict(
        names[3]!,
        runs.map((r) => r.heap),
      ),
    ];
  },
};
