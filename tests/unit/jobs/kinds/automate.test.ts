/**
 * The automate job kind over fake vendors and a fake task runner: how many profiles run at
 * once, which profiles it opens and closes again, what it refuses per item, what cancel
 * stops, and what each item keeps (in the job, its journal and the CSV).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeckError } from '../../../../shared/ipc/result';
import type { Session } from '../../../../shared/model';
import type { JobAction } from '../../../../shared/model/job';
import type {
  AutomationOutcome,
  AutomationRequest,
  AutomationRunner,
} from '../../../../electron/main/services/automation/automation-runner';
import { createLogger } from '../../../../electron/main/log';
import {
  createJobJournal,
  type JobJournal,
} from '../../../../electron/main/services/jobs/job-journal';
import { capabilities } from '../../../fixtures/profile';
import { FakeProvider, gate } from '../fake-provider';
import { setup } from '../setup';

const keys = (fake: FakeProvider, n: number) =>
  Array.from({ length: n }, (_, i) => fake.key(String(i + 1)));

const screenshot: JobAction = {
  kind: 'automate',
  task: { type: 'screenshot' },
  timeoutMs: 5000,
  openClosed: true,
};

/** A runner that counts the tasks running at once; `work` decides each outcome. */
function fakeRunner(
  work: (req: AutomationRequest) => Promise<AutomationOutcome> = async () => ({
    ok: true,
    output: { result: '1' },
  }),
) {
  const seen = { running: 0, peak: 0, requests: [] as AutomationRequest[] };
  const runner: AutomationRunner = {
    scriptsUnsupported: () => undefined,
    async run(req) {
      seen.requests.push(req);
      seen.peak = Math.max(seen.peak, ++seen.running);
      try {
        // A real task takes a while: others get their turn to start meanwhile.
        await new Promise((r) => setTimeout(r, 5));
        return await work(req);
      } finally {
        seen.running--;
      }
    },
  };
  return { runner, seen };
}

/** The fake reports the profiles whose status is open as sessions, as a vendor does. */
function withSessions(fake: FakeProvider): FakeProvider {
  fake.listSessions = async () =>
    [...fake.profiles.values()]
      .filter((p) => p.status === 'open')
      .map((p): Session => ({
        profileKey: p.key,
        connectionId: fake.connectionId,
        vendor: fake.vendor,
        vendorId: p.vendorId,
        debugAddress: `127.0.0.1:${9000 + Number(p.vendorId)}`,
        engine: 'chromium',
      }));
  return fake;
}

describe('the automate job kind', () => {
  it('runs 3 profiles at once by default, whatever the open setting says', async () => {
    const ix = withSessions(
      new FakeProvider('ix', 10, 'ixbrowser', capabilities('ixbrowser', { maxConcurrency: 10 })),
    );
    const { runner, seen } = fakeRunner();
    const { engine } = setup([ix], { automation: runner });
    const job = await engine.settled(
      (await engine.start({ action: screenshot, keys: keys(ix, 10) })).id,
    );
    expect(job).toMatchObject({
      state: 'done',
      ok: 10,
      label: 'Automation: Screenshot',
      labelWords: { key: 'automation', task: 'screenshot' },
    });
    expect(seen.peak).toBe(3);
  });

  it('takes the concurrency asked for, but no more per connection than its vendor takes', async () => {
    const wide = withSessions(
      new FakeProvider('wide', 8, 'ixbrowser', capabilities('ixbrowser', { maxConcurrency: 10 })),
    );
    const { runner, seen } = fakeRunner();
    const { engine } = setup([wide], { automation: runner });
    await engine.settled(
      (await engine.start({ action: screenshot, keys: keys(wide, 8), concurrency: 5 })).id,
    );
    expect(seen.peak).toBe(5);

    const narrow = withSessions(
      new FakeProvider('narrow', 6, 'ixbrowser', capabilities('ixbrowser', { maxConcurrency: 2 })),
    );
    const other = fakeRunner();
    const { engine: second } = setup([narrow], { automation: other.runner });
    await second.settled(
      (await second.start({ action: screenshot, keys: keys(narrow, 6), concurrency: 5 })).id,
    );
    expect(other.seen.peak).toBe(2);
  });

  it('opens the closed profiles, closes them again, and leaves the open ones open', async () => {
    const ix = withSessions(new FakeProvider('ix', 4));
    ix.profiles.get('1')!.status = 'open';
    ix.profiles.get('3')!.status = 'open';
    const { runner, seen } = fakeRunner();
    const { engine, statuses } = setup([ix], { automation: runner });
    const job = await engine.settled(
      (await engine.start({ action: screenshot, keys: keys(ix, 4) })).id,
    );

    expect(job.ok).toBe(4);
    expect(
      ix.calls
        .filter((c) => c.method === 'open')
        .flatMap((c) => c.ids)
        .sort(),
    ).toEqual(['2', '4']);
    expect(
      ix.calls
        .filter((c) => c.method === 'close')
        .flatMap((c) => c.ids)
        .sort(),
    ).toEqual(['2', '4']);
    expect([...ix.profiles.values()].map((p) => p.status)).toEqual([
      'open',
      'closed',
      'open',
      'closed',
    ]);
    expect(statuses().get('ix/2')).toEqual(['opening', 'open', 'closing', 'closed']);
    expect(statuses().get('ix/1')).toBeUndefined();
    expect(job.items.find((i) => i.key === 'ix/2')).toMatchObject({
      note: 'opened and closed',
      noteWords: [{ key: 'openedAndClosed' }],
    });
    // The task was given each profile's DevTools session, as the vendor reported it.
    expect(seen.requests.find((r) => r.profile.key === 'ix/1')?.session.debugAddress).toBe(
      '127.0.0.1:9001',
    );
  });

  it('with "open closed profiles" off, fails the closed ones without opening them', async () => {
    const ix = withSessions(new FakeProvider('ix', 2));
    ix.profiles.get('1')!.status = 'open';
    const { runner } = fakeRunner();
    const { engine } = setup([ix], { automation: runner });
    const job = await engine.settled(
      (await engine.start({ action: { ...screenshot, openClosed: false }, keys: keys(ix, 2) })).id,
    );
    expect(job.items.map((i) => [i.key, i.state, i.error?.code])).toEqual([
      ['ix/1', 'ok', undefined],
      ['ix/2', 'failed', 'conflict'],
    ]);
    expect(ix.calls.filter((c) => c.method === 'open')).toEqual([]);
  });

  it('refuses CosLogin (Firefox) profiles per item with the reason; the rest of the run goes on', async () => {
    const ix = withSessions(new FakeProvider('ix', 2));
    const cos = withSessions(new FakeProvider('cos', 2, 'cos', capabilities('cos')));
    const { runner, seen } = fakeRunner();
    const { engine } = setup([ix, cos], { automation: runner });
    const job = await engine.settled(
      (await engine.start({ action: screenshot, keys: [...keys(ix, 2), ...keys(cos, 2)] })).id,
    );
    expect(job).toMatchObject({ ok: 2, failed: 2 });
    for (const item of job.items.filter((i) => i.connectionId === 'cos'))
      expect(item.error).toMatchObject({
        code: 'unsupported',
        message: expect.stringMatching(/needs a Chromium profile.*Firefox/),
      });
    expect(seen.requests.map((r) => r.profile.key).sort()).toEqual(['ix/1', 'ix/2']);
    expect(cos.calls).toEqual([]);
  });

  it('cancel stops the running tasks at once and never starts the waiting ones; profiles it opened are closed', async () => {
    const ix = withSessions(new FakeProvider('ix', 20));
    const started = gate();
    let stopped = 0;
    let hanging = 0;
    const { runner, seen } = fakeRunner(
      (req) =>
        // Hangs until cancelled, like a script that never returns.
        new Promise((resolve) => {
          const stop = () => {
            stopped++;
            resolve({
              ok: false,
              stopped: true,
              error: DeckError.of('cancelled', 'Stopped'),
              output: {},
            });
          };
          if (req.signal.aborted) return stop();
          req.signal.addEventListener('abort', stop);
          if (++hanging === 3) started.open();
        }),
    );
    const { engine } = setup([ix], { automation: runner });
    const { id } = await engine.start({ action: screenshot, keys: keys(ix, 20) });
    await started.opened;
    engine.cancel(id);
    const job = await engine.settled(id);
    expect(job).toMatchObject({ state: 'cancelled', ok: 0, cancelled: 20, failed: 0 });
    expect(stopped).toBe(3);
    expect(seen.requests).toHaveLength(3);
    const stoppedItems = job.items.filter((i) => i.note === 'stopped by cancel');
    expect(stoppedItems).toHaveLength(3);
    expect(stoppedItems[0]!.noteWords).toEqual([{ key: 'stoppedByCancel' }]);
    expect(ix.calls.filter((c) => c.method === 'close')).toHaveLength(3);
    expect([...ix.profiles.values()].every((p) => p.status === 'closed')).toBe(true);
  });

  it('keeps each item its duration, result and log, also when it failed', async () => {
    const ix = withSessions(new FakeProvider('ix', 2));
    const { runner } = fakeRunner(async (req) =>
      req.profile.key === 'ix/1'
        ? { ok: true, output: { result: '{"title":"Shop"}', logs: ['hello'], thumbnail: true } }
        : { ok: false, error: DeckError.of('timeout', 'too slow'), output: { logs: ['waiting'] } },
    );
    const { engine } = setup([ix], { automation: runner });
    const job = await engine.settled(
      (await engine.start({ action: screenshot, keys: keys(ix, 2) })).id,
    );
    expect(job.items[0]).toMatchObject({
      state: 'ok',
      output: {
        result: '{"title":"Shop"}',
        logs: ['hello'],
        thumbnail: true,
        durationMs: expect.any(Number),
      },
    });
    expect(job.items[1]).toMatchObject({
      state: 'failed',
      error: { code: 'timeout', message: 'too slow' },
      output: { logs: ['waiting'] },
    });
    const csv = engine.exportCsv(job.id).split('\r\n');
    expect(csv[0]).toMatch(/,duration ms,result,file,log$/);
    expect(csv[1]).toContain('"{""title"":""Shop""}"');
    expect(csv[1]).toMatch(/,hello$/);
    expect(csv[2]).toMatch(/,waiting$/);
  });

  it('fails every item as unsupported in a build without a runner', async () => {
    const ix = withSessions(new FakeProvider('ix', 2));
    const { engine } = setup([ix]);
    const job = await engine.settled(
      (await engine.start({ action: screenshot, keys: keys(ix, 2) })).id,
    );
    expect(job.items.map((i) => i.error?.code)).toEqual(['unsupported', 'unsupported']);
    expect(ix.calls).toEqual([]);
  });
});

describe('automation in the journal', () => {
  let dir: string;
  let journal: JobJournal;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'deck-automate-'));
    journal = createJobJournal({ dir, log: createLogger(() => {}) });
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('keeps results across a restart, never the cookies an import pasted', async () => {
    const ix = withSessions(new FakeProvider('ix', 2));
    const { runner } = fakeRunner(async (req) =>
      req.profile.key === 'ix/1'
        ? { ok: true, output: { result: '{"imported":1}' } }
        : { ok: false, error: DeckError.of('unreachable', 'browser gone'), output: {} },
    );
    const { engine } = setup([ix], { automation: runner, journal });
    const cookies = 'example.com\tFALSE\t/\tFALSE\t0\tsid\tsecret-session-value';
    const { id } = await engine.start({
      action: { ...screenshot, task: { type: 'import-cookies', cookies } },
      keys: keys(ix, 2),
    });
    await engine.settled(id);
    expect(await readFile(join(dir, `${id}.jsonl`), 'utf8')).not.toContain('secret-session-value');

    const { engine: restarted } = setup([ix], { automation: runner, journal });
    await restarted.ready;
    expect(restarted.get(id)).toMatchObject({
      label: 'Automation: Import cookies',
      ok: 1,
      failed: 1,
    });
    expect(restarted.get(id).items[0]).toMatchObject({
      state: 'ok',
      output: { result: '{"imported":1}', durationMs: expect.any(Number) },
    });
    // A retry after the restart has no cookies to import: it says so instead of importing none.
    const retry = await restarted.settled((await restarted.retryFailed(id)).id);
    expect(retry.items[0]).toMatchObject({
      state: 'failed',
      error: {
        code: 'invalid-input',
        message: expect.stringMatching(/not kept once BrowserDeck restarts/),
      },
    });
  });
});
