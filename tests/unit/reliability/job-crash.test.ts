/**
 * The crash test: a core running a bulk remark on the ixBrowser sandbox is killed mid-job
 * (SIGKILL: no dispose, nothing flushed by BrowserDeck), and a new core on the same data
 * dir shows the interrupted job with every item's state matching the vendor's records.
 * "Retry" then finishes it, and no profile is written twice.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/main/core';
import { createLogger } from '../../../electron/main/log';
import { createTestCipher } from '../../../electron/main/secrets/secret-store';
import { startSandbox, type IxProfileRecord, type Sandbox } from '../../../electron/sandbox';
import type { Job, JobSummary } from '../../../shared/model/job';

const root = resolve(__dirname, '../../..');
let sandbox: Sandbox | undefined;
let dataDir: string | undefined;
let core: Core | undefined;
afterEach(async () => {
  await core?.dispose();
  await sandbox?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  core = sandbox = dataDir = undefined;
});

const newCore = (dir: string) =>
  createCore({
    dataDir: dir,
    cipher: createTestCipher(),
    log: createLogger(() => {}),
    app: { name: 'BrowserDeck', version: '0.0.0', platform: 'linux', electron: null },
    validateResponses: true,
    detectPorts: { ixbrowser: [], cos: [] },
  });

async function data<T>(c: Core, channel: string, request: unknown): Promise<T> {
  const r = await c.dispatch(channel, request);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.data as T;
}

/** Counts the writes of `remark` on each record (the sandbox's live state). */
function countWrites(records: IxProfileRecord[], remark: string): Map<number, number> {
  const writes = new Map<number, number>();
  for (const record of records) {
    let value = record.note;
    Object.defineProperty(record, 'note', {
      enumerable: true,
      get: () => value,
      set: (next: string) => {
        if (next === remark)
          writes.set(record.profile_id, (writes.get(record.profile_id) ?? 0) + 1);
        value = next;
      },
    });
  }
  return writes;
}

/** Runs the job in a child process and kills it once `okAtLeast` items went through. */
async function crashMidJob(dir: string, remark: string, okAtLeast: number): Promise<string> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'tests/fixtures/crashing-core.ts', dir, remark],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const exited = new Promise<NodeJS.Signals | null>((r) =>
    child.once('exit', (_code, signal) => r(signal)),
  );
  let jobId = '';
  for await (const line of createInterface({ input: child.stdout! })) {
    const progress = JSON.parse(line) as Pick<JobSummary, 'id' | 'ok' | 'state'>;
    jobId = progress.id;
    expect(progress.state).toBe('running');
    if (progress.ok >= okAtLeast) {
      child.kill('SIGKILL');
      break;
    }
  }
  expect(await exited).toBe('SIGKILL');
  return jobId;
}

it(
  'a core killed mid-job: the next one shows the interrupted job as the vendor has it, and Retry finishes it',
  { timeout: 90_000 },
  async () => {
    sandbox = await startSandbox({ ixProfiles: 200, cosProfiles: 1, chromiumPath: null });
    dataDir = await mkdtemp(join(tmpdir(), 'deck-crash-'));
    const setupCore = newCore(dataDir);
    const connectionId = (
      await data<{ id: string }>(setupCore, 'connections:add', {
        vendor: 'ixbrowser',
        baseUrl: sandbox.ix.url,
      })
    ).id;
    await setupCore.dispose();

    const remark = 'written before the crash';
    const writes = countWrites(sandbox.ix.profiles(), remark);
    // ixBrowser edits go one profile per request, 3 at a time: several are on the wire.
    sandbox.setFaults({ latencyMs: 30 });
    const jobId = await crashMidJob(dataDir, remark, 40);

    core = newCore(dataDir);
    // Reading the table goes through the same latency after every request the dead core
    // sent, so the vendor has settled them all by the time it answers.
    await data(core, 'profiles:list', { connectionIds: [connectionId] });
    const [listed] = await data<JobSummary[]>(core, 'jobs:list', {});
    expect(listed).toMatchObject({ id: jobId, state: 'interrupted', total: 200 });
    const job = await data<Job>(core, 'jobs:get', { id: jobId });
    const byKey = new Map(sandbox.ix.profiles().map((r) => [`${connectionId}/${r.profile_id}`, r]));
    const states = new Map<string, number>();
    for (const item of job.items) {
      states.set(item.state, (states.get(item.state) ?? 0) + 1);
      const applied = byKey.get(item.key)!.note === remark;
      if (item.state === 'ok') expect(applied, item.key).toBe(true);
      else if (item.state === 'pending') expect(applied, item.key).toBe(false);
      // Unknown is the truth for an item on the wire: either can be so.
      else expect(item.state, item.key).toBe('interrupted');
    }
    expect(states.get('ok')).toBeGreaterThanOrEqual(40);
    expect(states.get('interrupted')).toBeGreaterThan(0);
    expect(states.get('pending')).toBeGreaterThan(0);

    sandbox.setFaults({});
    const retry = await data<JobSummary>(core, 'jobs:retry-failed', { id: jobId });
    const done = await new Promise<JobSummary>((resolve) => {
      const off = core!.events.subscribe((event, payload) => {
        const p = payload as JobSummary;
        if (event === 'jobs:event:progress' && p.id === retry.id && p.state !== 'running') {
          off();
          resolve(p);
        }
      });
    });
    expect(done).toMatchObject({ state: 'done', ok: 200 - states.get('ok')! });
    expect(sandbox.ix.profiles().every((r) => r.note === remark)).toBe(true);
    expect([...writes.values()].every((n) => n === 1)).toBe(true);
    expect(writes.size).toBe(200);
  },
);

it('quitting with a job running asks first; quitting anyway leaves it interrupted for the next start', async () => {
  sandbox = await startSandbox({ ixProfiles: 60, cosProfiles: 1, chromiumPath: null });
  dataDir = await mkdtemp(join(tmpdir(), 'deck-quit-'));
  const first = newCore(dataDir);
  const connectionId = (
    await data<{ id: string }>(first, 'connections:add', {
      vendor: 'ixbrowser',
      baseUrl: sandbox.ix.url,
    })
  ).id;
  const { profiles } = await data<{ profiles: Array<{ key: string }> }>(first, 'profiles:list', {
    connectionIds: [connectionId],
  });
  expect(first.quitQuestion()).toBeUndefined();

  sandbox.setFaults({ latencyMs: 30 });
  const tenDone = new Promise<void>((resolve) => {
    first.events.subscribe((event, payload) => {
      if (event === 'jobs:event:progress' && (payload as JobSummary).ok >= 10) resolve();
    });
  });
  const started = await data<JobSummary>(first, 'jobs:start', {
    action: { kind: 'set-remark', remark: 'quit' },
    keys: profiles.map((p) => p.key),
  });
  await tenDone;
  expect(first.quitQuestion()).toMatchObject({
    message: '"Set remark" is still running. Quit anyway?',
  });
  // The native question follows the language the UI said it speaks.
  await data(first, 'app:language', { language: 'zh-CN' });
  expect(first.quitQuestion()).toMatchObject({ stay: '继续运行', quit: '仍要退出' });
  await first.dispose();

  core = newCore(dataDir);
  const job = await data<Job>(core, 'jobs:get', { id: started.id });
  expect(job.state).toBe('interrupted');
  expect(job.ok).toBeGreaterThanOrEqual(10);
  const pending = job.items.filter((i) => i.state === 'pending').length;
  expect(pending).toBeGreaterThan(0);
  expect(job.ok + job.interrupted + pending).toBe(60);
  for (const item of job.items.filter((i) => i.state === 'interrupted')) {
    expect(item.note).toMatch(/^On its way to the vendor when BrowserDeck stopped/);
    expect(item.noteWords).toEqual([{ key: 'unknownOutcome' }]);
  }
  expect(core.quitQuestion()).toBeUndefined();
});
