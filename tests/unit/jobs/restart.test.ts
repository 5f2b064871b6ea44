/**
 * Jobs survive a quit: the journal brings each job back in a new engine, an interrupted
 * one with every item applied, not started or unknown, and "Retry" reads the vendor for
 * the unknown items and sends only what did not apply.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../electron/main/log';
import {
  createJobJournal,
  type JobJournal,
} from '../../../electron/main/services/jobs/job-journal';
import type { JobAction } from '../../../shared/model/job';
import { capabilities } from '../../fixtures/profile';
import { FakeProvider, gate } from './fake-provider';
import { setup } from './setup';

let dir: string;
const journal = (): JobJournal => createJobJournal({ dir, log: createLogger(() => {}) });
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'deck-restart-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const keys = (fake: FakeProvider, n: number) =>
  Array.from({ length: n }, (_, i) => fake.key(String(i + 1)));
const perProfile = (n: number) =>
  new FakeProvider('ix', n, 'ixbrowser', {
    ...capabilities('ixbrowser'),
    batchRemark: false,
    batchProxy: false,
    maxConcurrency: 3,
  });

/** Starts a job, waits until `inFlight` calls of `method` are out, and quits (dispose). */
async function quitMidJob(
  fake: FakeProvider,
  action: JobAction,
  jobKeys: string[],
  method: string,
) {
  const hold = gate();
  fake.hold = hold.opened;
  const first = setup([fake], { journal: journal() });
  const out = fake.whenCalls(method, 3);
  const { id } = await first.engine.start({ action, keys: jobKeys });
  await out;
  await first.engine.dispose();
  fake.hold = undefined;
  const callsBefore = fake.calls.length;
  const second = setup([fake], { journal: journal() });
  await second.engine.ready;
  return { id, engine: second.engine, newCalls: () => fake.calls.slice(callsBefore) };
}

describe('a job cut off by a quit', () => {
  it('comes back interrupted: 3 unknown (on the wire), 7 not started', async () => {
    const ix = perProfile(10);
    const { id, engine } = await quitMidJob(
      ix,
      { kind: 'set-remark', remark: 'new' },
      keys(ix, 10),
      'setRemark',
    );
    const job = engine.get(id);
    expect(job).toMatchObject({ state: 'interrupted', total: 10, ok: 0, interrupted: 3 });
    expect(job.items.filter((i) => i.state === 'pending')).toHaveLength(7);
    expect(engine.list()[0]).toMatchObject({ id, state: 'interrupted' });
  });

  it('Retry reads the vendor for the unknown items and sends only what did not apply', async () => {
    const ix = perProfile(10);
    const { id, engine, newCalls } = await quitMidJob(
      ix,
      { kind: 'set-remark', remark: 'new' },
      keys(ix, 10),
      'setRemark',
    );
    const unknown = engine
      .get(id)
      .items.filter((i) => i.state === 'interrupted')
      .map((i) => i.key.split('/')[1]!);
    // The vendor had applied the first unknown one before the answer was lost.
    ix.profiles.get(unknown[0]!)!.remark = 'new';

    const retry = await engine.retryFailed(id);
    expect(retry).toMatchObject({ retryOf: id, total: 10 });
    await expect(engine.retryFailed(id)).rejects.toMatchObject({
      code: 'conflict',
      message: 'A retry of this job is still running',
    });
    const done = await engine.settled(retry.id);

    expect(done).toMatchObject({ state: 'done', ok: 10 });
    expect(done.items.find((i) => i.key === `ix/${unknown[0]}`)).toMatchObject({
      note: 'had already applied when BrowserDeck stopped',
      noteWords: [{ key: 'alreadyApplied' }],
    });
    const sent = newCalls()
      .filter((c) => c.method === 'setRemark')
      .flatMap((c) => c.ids);
    expect(sent.sort()).toEqual(
      ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'].filter((v) => v !== unknown[0]).sort(),
    );
    expect([...ix.profiles.values()].every((p) => p.remark === 'new')).toBe(true);
  });

  it('never sends again what it cannot recognise afterwards (an interrupted create)', async () => {
    const ix = perProfile(0);
    const items = Array.from({ length: 5 }, (_, i) => ({ name: `N${i}`, tags: [], remark: '' }));
    const { id, engine, newCalls } = await quitMidJob(
      ix,
      { kind: 'create', connectionId: 'ix', items },
      [],
      'createProfile',
    );
    expect(engine.get(id)).toMatchObject({ interrupted: 3 });
    const retry = await engine.settled((await engine.retryFailed(id)).id);
    expect(retry).toMatchObject({ ok: 2, failed: 3 });
    expect(retry.items.find((i) => i.state === 'failed')!.error).toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/look for it in the vendor's list/),
    });
    expect(newCalls().filter((c) => c.method === 'createProfile')).toHaveLength(2);
  });

  it('refuses to run again a proxy edit whose password it did not keep, and says why', async () => {
    const ix = perProfile(5);
    const { id, engine, newCalls } = await quitMidJob(
      ix,
      {
        kind: 'set-proxy',
        proxy: {
          method: 'custom',
          type: 'http',
          host: '198.51.100.7',
          port: 8080,
          username: 'u',
          password: { action: 'set', value: 'never-on-disk' },
          refreshUrl: '',
          extractionUrl: '',
          extractionChannel: '',
          checkService: '',
          socks5Udp: false,
        },
      },
      keys(ix, 5),
      'setProxy',
    );
    const retry = await engine.settled((await engine.retryFailed(id)).id);
    expect(retry).toMatchObject({ failed: 5, ok: 0 });
    expect(retry.items[0]!.error!.message).toMatch(
      /password .* not kept once BrowserDeck restarts/,
    );
    expect(newCalls()).toEqual([]);
  });
});

describe('history on disk', () => {
  it('keeps the newest jobs, in order, and their files only', async () => {
    const ix = new FakeProvider('ix', 1);
    const first = setup([ix], { journal: journal(), maxHistory: 3 });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { id } = await first.engine.start({
        action: { kind: 'set-remark', remark: `${i}` },
        keys: ['ix/1'],
      });
      await first.engine.settled(id);
      ids.push(id);
    }
    await first.engine.dispose();
    expect((await readdir(dir)).sort()).toEqual(
      ids
        .slice(2)
        .map((id) => `${id}.jsonl`)
        .sort(),
    );

    const second = setup([ix], { journal: journal(), maxHistory: 3 });
    await second.engine.ready;
    expect(second.engine.list().map((j) => [j.id, j.state])).toEqual([
      [ids[4], 'done'],
      [ids[3], 'done'],
      [ids[2], 'done'],
    ]);
    // A job started now gets an id of its own, not one of the jobs read back.
    const next = await second.engine.start({ action: { kind: 'close' }, keys: ['ix/1'] });
    expect(ids.slice(2)).not.toContain(next.id);
  });
});
