import { startSandbox } from '../../../electron/sandbox';
import type { JobSummary } from '../../../shared/model/job';
import { verdict, type Scenario } from '../bench';
import { addConnection, startBenchCore } from '../bench-core';

const PROFILES = 500;
/** How often the Sessions view refreshes while it is on screen. */
const SESSIONS_EVERY_MS = 2_000;

/**
 * `ratelimit.adspower.max.rps`: an AdsPower client at its strictest rate (1 request a second),
 * 500 profiles; a listing, a move of all 500 to another group and Sessions refreshes every
 * 2 s, all at once, until the job and the listing are done. The figure is the most requests
 * the sandbox saw arrive within any one second (its own record of arrivals, over the rate or
 * not), one run per sample.
 */
export const ratelimitScenario: Scenario = {
  name: 'ratelimit',
  async run() {
    const samples: number[] = [];
    const notes: string[] = [];
    for (let run = 0; run < 3; run++) {
      const sandbox = await startSandbox({
        adsProfiles: PROFILES,
        ixProfiles: 0,
        cosProfiles: 0,
        bitProfiles: 0,
        chromiumPath: null,
        adsRequestsPerSecond: 1,
      });
      const bc = await startBenchCore();
      try {
        const ads = await addConnection(bc, {
          vendor: 'adspower',
          baseUrl: sandbox.endpoints.adspower.url,
          requestsPerSecond: 1,
        });
        const keys = sandbox.ads.profiles().map((p) => `${ads.id}/${p.profile_id}`);
        const group = sandbox.ads.profiles()[0]!.group_id === '4585191' ? '4585192' : '4585191';
        const t0 = performance.now();
        const listing = bc.call('profiles:list', { connectionIds: [ads.id] });
        const finished = new Promise<JobSummary>((resolve) => {
          const off = bc.core.events.subscribe((event, payload) => {
            const p = payload as JobSummary;
            if (event !== 'jobs:event:progress' || p.state === 'running') return;
            off();
            resolve(p);
          });
        });
        await bc.call('jobs:start', {
          action: { kind: 'move-group', groupIds: { [ads.id]: group } },
          keys,
        });
        let done = false;
        const polling = (async () => {
          let refreshes = 0;
          while (!done) {
            await bc.call('sessions:list', { connectionIds: [ads.id] });
            refreshes++;
            await new Promise((r) => setTimeout(r, SESSIONS_EVERY_MS));
          }
          return refreshes;
        })();
        const [job] = await Promise.all([finished, listing]);
        done = true;
        const refreshes = await polling;
        if (job.ok !== PROFILES) throw new Error(`the job moved ${job.ok} of ${PROFILES}`);
        samples.push(sandbox.ads.mostWithin(1000));
        notes.push(
          `${sandbox.ads.arrivals().length} requests in ${Math.round((performance.now() - t0) / 1000)} s, ` +
            `${refreshes} Sessions refreshes, ${sandbox.ads.overRateCount()} over the rate`,
        );
      } finally {
        await bc.dispose();
        await sandbox.stop();
      }
    }
    console.log(`bench: ratelimit: ${notes.join('; ')}`);
    return [verdict('ratelimit.adspower.max.rps', samples)];
  },
};
