/**
 * AdsPower's rate limit holds under everything at once: a listing, a 500-profile bulk job
 * and Sessions refreshes share the connection's one limiter, so the sandbox (which answers
 * over-rate calls as AdsPower does, and records when every request arrived) never sees
 * more requests in a second than the connection's rate.
 */
import { afterEach, expect, it } from 'vitest';
import type { Job, JobAction, JobSummary } from '../../../shared/model/job';
import { startSandboxedCore, type SandboxedCore } from './sandboxed-core';

let env: SandboxedCore | undefined;
afterEach(async () => {
  await env?.close();
  env = undefined;
});

/** The most arrivals within any window of `windowMs`. */
function mostWithin(arrivals: number[], windowMs: number): number {
  const t = [...arrivals].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < t.length; i++) {
    while (t[i]! - t[j]! >= windowMs) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

/**
 * Lists, runs `action` on all 500 profiles and refreshes Sessions until the job is done, all
 * at once; returns the finished job.
 */
async function everythingAtOnce(action: (connectionId: string) => JobAction): Promise<Job> {
  const { core, sandbox } = env!;
  const connectionId = await env!.connect('adspower');
  const keys = sandbox.ads.profiles().map((p) => `${connectionId}/${p.profile_id}`);
  expect(keys).toHaveLength(500);

  const listing = core.dispatch('profiles:list', { connectionIds: [connectionId] });
  const started = await core.dispatch('jobs:start', { action: action(connectionId), keys });
  expect(started.ok).toBe(true);
  const id = (started as { data: JobSummary }).data.id;
  const done = async () => {
    const got = await core.dispatch('jobs:get', { id });
    const job = (got as { data: Job }).data;
    return job.state === 'running' ? undefined : job;
  };
  let job: Job | undefined;
  let refreshes = 0;
  for (;;) {
    // Subscribed before the check, so the event that ends the job cannot slip between.
    let off = () => {};
    const nextEvent = new Promise<void>((resolve) => {
      off = core.events.subscribe(() => resolve());
    });
    job = await done();
    if (job) {
      off();
      break;
    }
    // Each refresh waits for its own answer, as the Sessions view's polling does; a few
    // refreshes are enough to contend (each one is a request the limiter must fit in).
    if (refreshes < 3) {
      const sessions = await core.dispatch('sessions:list', { connectionIds: [connectionId] });
      expect(sessions).toMatchObject({ ok: true, data: { errors: [] } });
      refreshes++;
    } else await nextEvent;
    off();
  }
  expect(refreshes).toBeGreaterThan(0);
  expect(await listing).toMatchObject({ ok: true, data: { errors: [] } });
  expect(job).toMatchObject({ ok: 500, failed: 0 });
  return job;
}

it(
  'at the default 1 request/s: a listing, moving 500 profiles and Sessions refreshes at once',
  { timeout: 120_000 },
  async () => {
    env = await startSandboxedCore({
      ixProfiles: 0,
      cosProfiles: 0,
      bitProfiles: 0,
      adsProfiles: 500,
    });
    const { sandbox } = env;
    expect(sandbox.ads.requestsPerSecond).toBe(1);
    const group = sandbox.ads.profiles().at(-1)!.group_id === '4585191' ? '4585192' : '4585191';
    await everythingAtOnce((connectionId) => ({
      kind: 'move-group',
      groupIds: { [connectionId]: group },
    }));
    expect(sandbox.ads.profiles().every((p) => p.group_id === group)).toBe(true);
    expect(sandbox.ads.overRateCount()).toBe(0);
    expect(mostWithin(sandbox.ads.arrivals(), 1000)).toBe(1);
    // Regroup batches of 100: the job itself was 5 requests, not 500.
    expect(sandbox.ads.requestCountByPath()['/api/v1/user/regroup']).toBe(5);
  },
);

it(
  'at a test rate of 100/s: a listing, a remark on 500 profiles (500 calls) and Sessions refreshes',
  { timeout: 60_000 },
  async () => {
    env = await startSandboxedCore(
      {
        ixProfiles: 0,
        cosProfiles: 0,
        bitProfiles: 0,
        adsProfiles: 500,
        adsRequestsPerSecond: 100,
      },
      // A test-only rate: a real connection takes only AdsPower's 1, 2, 5 or 10.
      { providerDefaults: { requestsPerSecond: 100 } },
    );
    const { sandbox } = env;
    await everythingAtOnce(() => ({ kind: 'set-remark', remark: 'paced' }));
    expect(sandbox.ads.profiles().every((p) => p.remark === 'paced')).toBe(true);
    expect(sandbox.ads.requestCountByPath()['/api/v2/browser-profile/update']).toBe(500);
    expect(sandbox.ads.overRateCount()).toBe(0);
    expect(mostWithin(sandbox.ads.arrivals(), 1000)).toBeLessThanOrEqual(100);
  },
);
