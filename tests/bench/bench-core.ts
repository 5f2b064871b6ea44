/**
 * The real core in plain Node for the benchmarks, as the app builds it: a fresh data dir,
 * the test cipher, a silent log and no port probing. Also runs one bulk job and says when
 * its work was done and when its changed rows were published (settled).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Channel, RequestOf, ResponseOf } from '../../shared/ipc/contract';
import type { Connection } from '../../shared/model';
import type { JobSummary } from '../../shared/model/job';
import { createCore, type Core } from '../../electron/main/core';
import { createLogger } from '../../electron/main/log';
import { createTestCipher } from '../../electron/main/secrets/secret-store';

export interface BenchCore {
  core: Core;
  call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  dispose(): Promise<void>;
}

/** A core on a fresh data dir, or on `dataDir` (kept on dispose: a restart reads it again). */
export async function startBenchCore(options: { dataDir?: string } = {}): Promise<BenchCore> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'deck-bench-core-')));
  const core = createCore({
    dataDir,
    cipher: createTestCipher(),
    log: createLogger(() => {}),
    app: { name: 'BrowserDeck', version: 'bench', platform: process.platform, electron: null },
    detectPorts: { ixbrowser: [], cos: [] },
  });
  return {
    core,
    async call(channel, request) {
      const r = await core.dispatch(channel, request);
      if (!r.ok) throw new Error(`${channel}: ${r.error.code}: ${r.error.message}`);
      return r.data as ResponseOf<typeof channel>;
    },
    async dispose() {
      await core.dispose();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export const addConnection = (bc: BenchCore, request: RequestOf<'connections:add'>) =>
  bc.call('connections:add', request) as Promise<Connection>;

export interface JobTiming<T = number> {
  summary: JobSummary;
  /** jobs:start to the progress event that says the job finished. */
  doneMs: number;
  /** jobs:start to the changed rows being published (the read-back after the job). */
  settledMs: number;
  /** What `atDone` returned, called synchronously as the job reported itself finished. */
  atDone: T;
}

const SETTLE_TIMEOUT_MS = 120_000;

/** Starts one job and waits until it settled. One job at a time: any finished job counts. */
export async function runJob<T = number>(
  bc: BenchCore,
  request: RequestOf<'jobs:start'>,
  atDone: () => T = () => 0 as T,
): Promise<JobTiming<T>> {
  let doneAt = 0;
  let atDoneValue = undefined as T;
  let finished: JobSummary | undefined;
  let unsubscribe = () => {};
  let timer: ReturnType<typeof setTimeout> | undefined;
  const settled = new Promise<number>((resolve, reject) => {
    timer = setTimeout(() => reject(new Error('job did not settle in time')), SETTLE_TIMEOUT_MS);
    unsubscribe = bc.core.events.subscribe((event, payload) => {
      const now = performance.now();
      if (event === 'jobs:event:progress' && !finished) {
        const p = payload as JobSummary;
        if (p.state === 'running') return;
        // Read here, synchronously: the read-back after the job has not started yet.
        atDoneValue = atDone();
        doneAt = now;
        finished = p;
      } else if (event === 'profiles:event:changed' && finished) {
        resolve(now);
      }
    });
  });
  const t0 = performance.now();
  try {
    const started = await bc.call('jobs:start', request);
    const settledAt = await settled;
    if (finished!.id !== started.id) throw new Error('another job finished meanwhile');
    return {
      summary: finished!,
      doneMs: doneAt - t0,
      settledMs: settledAt - t0,
      atDone: atDoneValue,
    };
  } finally {
    clearTimeout(timer);
    unsubscribe();
  }
}
