/**
 * "Cancel means cancel" against the ixBrowser sandbox, whose remark edit is one request per
 * profile: progress moves as answers come (not in jumps of 200), and after Cancel only the
 * requests already in flight (3, the vendor's limit) still reach the vendor.
 */
import { afterEach, expect, it } from 'vitest';
import type { JobProgress } from '../../../shared/model/job';
import type { IxProfileRecord } from '../../../electron/sandbox';
import { startSandboxedCore, type SandboxedCore } from './sandboxed-core';

let env: SandboxedCore | undefined;
afterEach(async () => {
  await env?.close();
  env = undefined;
});

/** Counts the sandbox records that received `remark` (they are the vendor's live state). */
function watchRemarkWrites(records: IxProfileRecord[], remark: string): () => number {
  let writes = 0;
  for (const record of records) {
    let value = record.note;
    Object.defineProperty(record, 'note', {
      enumerable: true,
      get: () => value,
      set: (next: string) => {
        if (next === remark) writes++;
        value = next;
      },
    });
  }
  return () => writes;
}

it(
  'a 300-profile ixBrowser remark moves progress per answer and Cancel stops it within the calls in flight',
  { timeout: 60_000 },
  async () => {
    env = await startSandboxedCore({ ixProfiles: 300, cosProfiles: 1 });
    const { core, sandbox } = env;
    const connectionId = await env.connect('ixbrowser');
    const keys = (await env.listProfiles(connectionId)).map((p) => p.key);
    const remark = 'cancel means cancel';
    const writes = watchRemarkWrites(sandbox.ix.profiles(), remark);
    // 40 ms per request: 200 profiles claimed at once would sit 2.7 s without progress.
    sandbox.setFaults({ latencyMs: 40 });

    const events: Array<{ at: number; progress: JobProgress }> = [];
    const waiters: Array<{ test(p: JobProgress): boolean; resolve(p: JobProgress): void }> = [];
    core.events.subscribe((event, payload) => {
      if (event !== 'jobs:event:progress') return;
      const progress = payload as JobProgress;
      events.push({ at: performance.now(), progress });
      for (const w of waiters.splice(0)) {
        if (w.test(progress)) w.resolve(progress);
        else waiters.push(w);
      }
    });
    const until = (test: (p: JobProgress) => boolean) =>
      new Promise<JobProgress>((resolve) => waiters.push({ test, resolve }));

    const started = await core.dispatch('jobs:start', {
      action: { kind: 'set-remark', remark },
      keys,
    });
    expect(started.ok).toBe(true);
    const id = (started as { data: { id: string } }).data.id;

    await until((p) => p.id === id && p.ok >= 30);
    const cancelled = await core.dispatch('jobs:cancel', { id });
    expect(cancelled.ok).toBe(true);
    const writesAtCancel = writes();
    const end = await until((p) => p.id === id && p.state !== 'running');

    expect(end.state).toBe('cancelled');
    expect(writes() - writesAtCancel).toBeLessThanOrEqual(3);
    expect(end.ok).toBe(writes());
    expect(end.ok + end.cancelled).toBe(300);
    // While it ran, the user saw it move at least every 2 s (here: every few answers).
    const running = events.filter((e) => e.progress.id === id).map((e) => e.at);
    const gaps = running.slice(1).map((at, i) => at - running[i]!);
    expect(Math.max(...gaps)).toBeLessThan(2000);
  },
);
