import { deserialize, serialize } from 'node:v8';
import type { Connection } from '../../../shared/model';
import { repeat, skipped, verdict, type MetricResult, type Scenario } from '../bench';
import { addConnection, startBenchCore } from '../bench-core';
import type { MetricName } from '../metrics';
import { startSandboxProcess } from '../sandbox-process';
import { whyNoAppPage, withAppPage } from '../app-page';
import { instrumentTable, renderMs } from '../table-probe';

const ANSWER_PATH = '/bench-list-answer.json';

/**
 * Runs in the page after the harness bridge: the app's connections and profiles:list answer
 * are the real core's, fetched from the app's origin before the app asks (the probe times
 * from the answer, so the fetch is not counted). Self-contained.
 */
function installListAnswer({ path, connections }: { path: string; connections: unknown[] }) {
  const w = window as unknown as { deck: Record<string, Record<string, unknown>> };
  const answer = fetch(path).then((r) => r.json() as Promise<unknown>);
  w.deck['connections']!['list'] = () => Promise.resolve({ ok: true, data: connections });
  w.deck['profiles']!['list'] = () => answer.then((data) => ({ ok: true, data }));
}

interface TripSize {
  profiles: number;
  metric: MetricName;
}

const SIZES: TripSize[] = [
  { profiles: 50_000, metric: 'list.trip50k.ms' },
  { profiles: 400_000, metric: 'list.trip400k.ms' },
];

/** The real core's answer for `profiles` profiles, half ixBrowser, half CosLogin. */
async function listAnswer(profiles: number) {
  const sb = await startSandboxProcess(profiles / 2);
  const bc = await startBenchCore();
  try {
    const ix = await addConnection(bc, { vendor: 'ixbrowser', baseUrl: sb.ixUrl });
    const cos = await addConnection(bc, { vendor: 'cos', baseUrl: sb.cosUrl, token: sb.cosToken });
    const t0 = performance.now();
    const answer = await bc.call('profiles:list', { connectionIds: [ix.id, cos.id] });
    const listMs = performance.now() - t0;
    if (answer.errors.length || answer.profiles.length !== profiles)
      throw new Error(
        `profiles:list gave ${answer.profiles.length} profiles, ${answer.errors.length} errors`,
      );
    const connections: Connection[] = await bc.call('connections:list', {});
    return { answer, connections, listMs };
  } finally {
    await bc.dispose();
    await sb.stop();
  }
}

async function measureTrip(size: TripSize): Promise<MetricResult> {
  const { answer, connections, listMs } = await listAnswer(size.profiles);
  // Electron's IPC copies with the structured clone algorithm: serialized in main,
  // deserialized in the renderer. v8.serialize/deserialize are that algorithm.
  let bytes = 0;
  const copies = await repeat(5, 1, async () => {
    const t0 = performance.now();
    const wire = serialize(answer);
    deserialize(wire);
    bytes = wire.length;
    return performance.now() - t0;
  });
  const body = Buffer.from(JSON.stringify(answer));
  const renders = await withAppPage(
    async ({ page, appUrl }) => {
      await page.addInitScript(installListAnswer, {
        path: ANSWER_PATH,
        connections: JSON.parse(JSON.stringify(connections)) as unknown[],
      });
      await page.addInitScript(instrumentTable);
      return repeat(5, 1, async () => {
        await page.goto(appUrl);
        return renderMs(page);
      });
    },
    new Map([[ANSWER_PATH, body]]),
  );
  const n = `${size.profiles / 1000}k`;
  console.log(
    `bench: list-trip ${n}: the core listed them in ${Math.round(listMs)} ms (not counted); ` +
      `copy ${copies.map(Math.round).join('/')} ms for ${(bytes / 2 ** 20).toFixed(1)} MB; ` +
      `answer to rows painted ${renders.map(Math.round).join('/')} ms`,
  );
  return verdict(
    size.metric,
    copies.map((c, i) => c + renders[i]!),
  );
}

/**
 * `list.trip50k.ms`, `list.trip400k.ms`: from the core's profiles:list answer to its rows on
 * screen, with the copy Electron's IPC makes on the way. The answer is the real core's,
 * listing the sandbox; its copy is timed here in Node (serialize + deserialize), the page
 * from the same answer to the first rows painted, and each sample adds one of each. The
 * vendor's own listing time is left out: it is the vendor's, and differs by vendor.
 */
export const listTripScenario: Scenario = {
  name: 'list-trip',
  needsRenderer: true,
  async run() {
    const missing = whyNoAppPage();
    if (missing) return SIZES.map((s) => skipped(s.metric, missing));
    const out: MetricResult[] = [];
    for (const size of SIZES) out.push(await measureTrip(size));
    return out;
  },
};
