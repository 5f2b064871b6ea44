import { repeat, skipped, verdict, type Scenario } from '../bench';
import { whyNoAppPage, withAppPage } from '../app-page';

const SESSIONS = 200;
const MEASURE_MS = 6000;

/**
 * Runs in the page after the harness bridge: one ixBrowser connection and 200 open
 * sessions. Every poll one session closes and another opens, so each refresh really
 * changes the list (an unchanged answer would not re-render anything).
 */
function installSessionsFake(count: number) {
  const w = window as unknown as {
    deck: Record<string, Record<string, unknown>>;
    __polls: number;
  };
  w.__polls = 0;
  const session = (n: number) => ({
    profileKey: `ix1/${n}`,
    connectionId: 'ix1',
    vendor: 'ixbrowser',
    vendorId: String(n),
    profileName: `Shop ${n}`,
    debugAddress: `127.0.0.1:${30000 + n}`,
    debugPort: 30000 + n,
    wsUrl: `ws://127.0.0.1:${30000 + n}/devtools/browser/b-${n}`,
    pid: 5000 + n,
    openedAt: Date.now() - n * 60_000,
    webdriverPath: '/opt/ixbrowser/chromedriver',
    engine: 'chromium',
  });
  const connection = {
    id: 'ix1',
    vendor: 'ixbrowser',
    label: 'ixBrowser',
    baseUrl: 'http://127.0.0.1:53200',
    hasToken: false,
    demo: false,
    checkProxyBeforeOpen: false,
    health: { state: 'ok' },
    capabilities: {
      batchGroup: true,
      batchRemark: false,
      batchName: false,
      batchTags: false,
      batchProxy: false,
      batchDelete: false,
      batchClose: true,
      copy: true,
      devtools: true,
      createNeedsConfig: false,
      startUrl: true,
      maxConcurrency: 3,
    },
  };
  w.deck['connections'] = {
    ...w.deck['connections'],
    list: () => Promise.resolve({ ok: true, data: [connection] }),
  };
  w.deck['sessions'] = {
    list: () => {
      const first = 1 + w.__polls++;
      const sessions = Array.from({ length: count }, (_, i) => session(first + i));
      return Promise.resolve({ ok: true, data: { sessions, errors: [] } });
    },
  };
}

/** `sessions200.fps`: rAF frames per second on the Sessions view with 200 sessions while it polls. */
export const sessionsScenario: Scenario = {
  name: 'sessions',
  needsRenderer: true,
  async run() {
    const missing = whyNoAppPage();
    if (missing) return [skipped('sessions200.fps', missing)];
    const fps = await withAppPage(async ({ page, appUrl }) => {
      await page.addInitScript(installSessionsFake, SESSIONS);
      return repeat(3, 1, async () => {
        await page.goto(appUrl);
        await page
          .getByRole('navigation', { name: 'Main' })
          .getByRole('button', { name: 'Sessions' })
          .click();
        await page
          .getByTestId('session-row')
          .nth(SESSIONS - 1)
          .waitFor();
        const before = await page.evaluate(
          () => (window as unknown as { __polls: number }).__polls,
        );
        const rate = await page.evaluate(
          (ms) =>
            new Promise<number>((resolve) => {
              let first = 0;
              let frames = 0;
              const frame = (t: number) => {
                if (!first) first = t;
                else frames++;
                if (t - first < ms) requestAnimationFrame(frame);
                else resolve((frames * 1000) / (t - first));
              };
              requestAnimationFrame(frame);
            }),
          MEASURE_MS,
        );
        const polls =
          (await page.evaluate(() => (window as unknown as { __polls: number }).__polls)) - before;
        // Without refreshes this would measure an idle page.
        if (polls < 2)
          throw new Error(`the Sessions view polled ${polls} times in ${MEASURE_MS} ms`);
        return rate;
      });
    });
    return [verdict('sessions200.fps', fps)];
  },
};
