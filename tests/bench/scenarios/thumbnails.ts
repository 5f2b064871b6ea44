import { chromium } from 'playwright-core';
import { startSandbox } from '../../../electron/sandbox';
import { repeat, skipped, verdict, type Scenario } from '../bench';
import { whyNoAppPage, withAppPage } from '../app-page';
import { ownCpuMs } from '../cpu-time';

const PROFILES = 20;
const MEASURE_MS = 9000;

/**
 * `sessions.thumbnails20.fps` and `sessions.thumbnails20.main.cpu.pct`: the Sessions view
 * with 20 open real-Chromium profiles, every thumbnail in view and refreshing (every 3 s),
 * against the real core. The fps is the page's rAF rate; main's CPU is this process's CPU
 * time over the same wall time. This process also holds the sandbox (its HTTP answers, not
 * the browsers) and Playwright's side of the page, so the CPU figure is an upper bound.
 */
export const thumbnailsScenario: Scenario = {
  name: 'thumbnails',
  needsRenderer: true,
  async run() {
    const names = ['sessions.thumbnails20.fps', 'sessions.thumbnails20.main.cpu.pct'] as const;
    const missing = whyNoAppPage();
    if (missing) return names.map((n) => skipped(n, missing));
    const sb = await startSandbox({ ixProfiles: PROFILES, cosProfiles: 1, chromiumSandbox: false });
    try {
      if (sb.simulated)
        return names.map((n) => skipped(n, 'no Chromium: the sandbox is simulated'));
      const samples = await withAppPage(async ({ page, core, appUrl }) => {
        const added = await core.dispatch('connections:add', {
          vendor: 'ixbrowser',
          baseUrl: sb.ix.url,
        });
        if (!added.ok) throw new Error(added.error.message);
        for (const r of sb.ix.profiles().slice(0, PROFILES)) {
          const res = await fetch(`${sb.ix.url}/api/v2/profile-open`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ profile_id: r.profile_id }),
          });
          const opened = (await res.json()) as {
            error: { code: number };
            data: { debugging_port: number | string };
          };
          if (opened.error.code !== 0) throw new Error(`profile-open ${r.profile_id} failed`);
          // A page with something on it, so each capture encodes a real image.
          const browser = await chromium.connectOverCDP(
            `http://127.0.0.1:${opened.data.debugging_port}`,
          );
          await browser
            .contexts()[0]!
            .pages()[0]!
            .goto(
              `data:text/html,<body style="background:hsl(${r.profile_id * 47},70%,60%)"><h1>Shop ${r.profile_id}</h1><p>${'text '.repeat(200)}</p>`,
            );
          await browser.close();
        }
        // Tall enough for every row, so all 20 thumbnails are in view and refresh.
        await page.setViewportSize({ width: 1400, height: 1800 });
        await page.goto(appUrl);
        await page
          .getByRole('navigation', { name: 'Main' })
          .getByRole('button', { name: 'Sessions' })
          .click();
        await page
          .getByTestId('session-thumbnail')
          .nth(PROFILES - 1)
          .waitFor();
        // Counts the thumbnails main takes, so an idle page is never measured by mistake.
        let taken = 0;
        const dispatch = core.dispatch;
        core.dispatch = ((channel, request) => {
          if (channel === 'sessions:thumbnail') taken++;
          return dispatch(channel, request);
        }) as typeof dispatch;
        return repeat(2, 0, async () => {
          taken = 0;
          const cpu0 = ownCpuMs();
          const t0 = performance.now();
          const fps = await page.evaluate(
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
          const cpuPct = ((ownCpuMs() - cpu0) / (performance.now() - t0)) * 100;
          // Every 3 s: at least two rounds of all 20 in 9 s.
          if (taken < 2 * PROFILES)
            throw new Error(`only ${taken} thumbnails were taken in ${MEASURE_MS} ms`);
          return { fps, cpuPct };
        });
      });
      return [
        verdict(
          'sessions.thumbnails20.fps',
          samples.map((s) => s.fps),
        ),
        verdict(
          'sessions.thumbnails20.main.cpu.pct',
          samples.map((s) => s.cpuPct),
        ),
      ];
    } finally {
      await sb.stop();
    }
  },
};
