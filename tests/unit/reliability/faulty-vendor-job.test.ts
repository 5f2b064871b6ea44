/**
 * A bulk edit over a flaky vendor: 20% busy answers, 300 ms latency, dropped connections.
 * Every item ends ok or failed with its reason, "Retry failed" completes the rest, and the
 * vendor's state matches the job report exactly: nothing lost, nothing written twice.
 *
 * CosLogin, because its remark edit is a batch endpoint (one request per 200 profiles),
 * which keeps 500 profiles at 300 ms latency to a few seconds.
 *
 * How the sandbox injects faults (electron/sandbox/json-server.ts): latency first, then a
 * drop or a busy answer *instead of* running the request. So a dropped or busy request was
 * never applied, and a failed item must have left the profile untouched. (A real vendor may
 * apply a request and then lose the answer; the remark is a set, so a retry is harmless.)
 */
import { afterEach, expect, it } from 'vitest';
import type { Job, JobSummary } from '../../../shared/model/job';
import type { CosProfileRecord } from '../../../electron/sandbox';
import { startSandboxedCore, type SandboxedCore } from './sandboxed-core';

let env: SandboxedCore | undefined;
afterEach(async () => {
  await env?.close();
  env = undefined;
});

/** Counts every write of `remark` on each record (the records are the sandbox's live state). */
function countRemarkWrites(records: CosProfileRecord[], remark: string): Map<number, number> {
  const writes = new Map<number, number>();
  for (const record of records) {
    let value = record.remark;
    Object.defineProperty(record, 'remark', {
      enumerable: true,
      get: () => value,
      set: (next: string) => {
        if (next === remark) writes.set(record.id, (writes.get(record.id) ?? 0) + 1);
        value = next;
      },
    });
  }
  return writes;
}

async function finished(core: SandboxedCore['core'], summary: JobSummary): Promise<Job> {
  for (;;) {
    const got = await core.dispatch('jobs:get', { id: summary.id });
    expect(got.ok).toBe(true);
    const job = (got as { data: Job }).data;
    if (job.state !== 'running') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
}

it(
  'a bulk remark over a flaky vendor reports every item truthfully and retry completes it',
  { timeout: 90_000 },
  async () => {
    env = await startSandboxedCore(
      { cosProfiles: 500, ixProfiles: 1 },
      // Short backoff keeps the test quick; the retry budget stays the product's default.
      { providerDefaults: { retry: { retries: 4, baseDelayMs: 20, maxDelayMs: 200 } } },
    );
    const { core, sandbox } = env;
    const connectionId = await env.connect('cos');
    const keys = (await env.listProfiles(connectionId)).map((p) => p.key);
    expect(keys).toHaveLength(500);

    const remark = `reliability ${Date.now()}`;
    const writes = countRemarkWrites(sandbox.cos.profiles(), remark);
    // Two profiles fail every edit, so the first run has failures whatever the dice say.
    const stubborn = sandbox.cos
      .profiles()
      .slice(250, 252)
      .map((w) => String(w.id));
    sandbox.setFaults({ latencyMs: 300, errorRate: 0.2, dropRate: 0.05, failIds: stubborn });

    const start = await core.dispatch('jobs:start', {
      action: { kind: 'set-remark', remark },
      keys,
    });
    expect(start.ok).toBe(true);
    let job = await finished(core, (start as { data: JobSummary }).data);
    expect(job.failed).toBeGreaterThan(0);

    for (;;) {
      expect(job.ok + job.failed).toBe(job.total);
      expectReportMatchesSandbox(job, connectionId);
      if (job.failed === 0) break;
      const failedBefore = job.failed;
      // The stubborn profiles recover; the flaky network stays.
      sandbox.setFaults({ latencyMs: 300, errorRate: 0.2, dropRate: 0.05 });
      const retry = await core.dispatch('jobs:retry-failed', { id: job.id });
      expect(retry.ok).toBe(true);
      job = await finished(core, (retry as { data: JobSummary }).data);
      expect(job.total).toBe(failedBefore);
    }

    // Every profile carries the remark, each written exactly once.
    expect(sandbox.cos.profiles().every((w) => w.remark === remark)).toBe(true);
    expect([...writes.values()].every((n) => n === 1)).toBe(true);
    expect(writes.size).toBe(500);

    function expectReportMatchesSandbox(report: Job, connection: string): void {
      const byId = new Map(sandbox.cos.profiles().map((w) => [`${connection}/${w.id}`, w]));
      for (const item of report.items) {
        const record = byId.get(item.key)!;
        if (item.state === 'ok') {
          expect(record.remark).toBe(remark);
        } else {
          expect(item.state).toBe('failed');
          expect(record.remark).not.toBe(remark);
          // A reason the user can read, and one of the closed codes.
          expect(item.error?.message).toBeTruthy();
          expect(['busy', 'unreachable', 'vendor-error', 'timeout']).toContain(item.error?.code);
        }
      }
    }
  },
);
