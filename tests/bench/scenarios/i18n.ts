import { percentile, skipped, verdict, type Scenario } from '../bench';
import { installFakeDeck } from '../../e2e/support/fake-deck';
import { whyNoAppPage, withAppPage } from '../app-page';

const PROFILES = 10_000;
const LOADS = 10;

interface StartProbe {
  /** First table row painted, from navigation start. */
  paintAt?: number;
}

/** Runs in the page: the frame after the one that first sees a table row. */
function watchFirstPaint() {
  const w = window as unknown as { __start: StartProbe };
  w.__start = {};
  const frame = () =>
    requestAnimationFrame(() =>
      document.querySelector('[role=grid] [role=row][data-key]')
        ? requestAnimationFrame(() => (w.__start.paintAt = performance.now()))
        : frame(),
    );
  frame();
}

/**
 * `i18n.startup.growth.pct`: what i18n adds to renderer start-up, in % of the start without
 * it. Each page load (10,000 fake profiles, English, the system's language) times the app's
 * own `deck:i18n` measure (i18next set up and the chosen catalog in place, before the first
 * render) and navigation start to the first table row painted; growth = i18n / (paint − i18n).
 * Not counted: the catalog lookups while components render (a map read per string).
 */
export const i18nScenario: Scenario = {
  name: 'i18n',
  needsRenderer: true,
  async run() {
    const missing = whyNoAppPage();
    if (missing) return [skipped('i18n.startup.growth.pct', missing)];
    const samples = await withAppPage(async ({ page, appUrl }) => {
      await page.addInitScript(installFakeDeck, { count: PROFILES });
      await page.addInitScript(watchFirstPaint);
      const out: Array<{ i18n: number; paint: number }> = [];
      for (let i = -1; i < LOADS; i++) {
        await page.goto(appUrl);
        await page.waitForFunction(
          () => (window as unknown as { __start: StartProbe }).__start.paintAt !== undefined,
          undefined,
          { timeout: 60_000 },
        );
        const got = await page.evaluate(() => ({
          i18n: performance.getEntriesByName('deck:i18n')[0]?.duration ?? NaN,
          paint: (window as unknown as { __start: StartProbe }).__start.paintAt!,
        }));
        if (Number.isNaN(got.i18n)) throw new Error('the page has no deck:i18n measure');
        if (i >= 0) out.push(got);
      }
      return out;
    });
    console.log(
      `bench: i18n: init ${samples.map((s) => s.i18n.toFixed(1)).join('/')} ms of start to first rows ` +
        `${samples.map((s) => Math.round(s.paint)).join('/')} ms (p50 init ${percentile(
          samples.map((s) => s.i18n),
          50,
        ).toFixed(1)} ms)`,
    );
    return [
      verdict(
        'i18n.startup.growth.pct',
        samples.map((s) => (100 * s.i18n) / (s.paint - s.i18n)),
      ),
    ];
  },
};
