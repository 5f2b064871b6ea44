/**
 * Issue 22: a kind of job is one spec in the kinds table. A kind the app does not have,
 * added to a copy of the table in this test alone, runs through the engine like any
 * other: progress, a result per profile, Retry, and its journal across a restart.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { JobAction } from '../../../../shared/model/job';
import { createLogger } from '../../../../electron/main/log';
import { createJobJournal } from '../../../../electron/main/services/jobs/job-journal';
import { JOB_KINDS } from '../../../../electron/main/services/jobs/kinds';
import type { JobKindSpec } from '../../../../electron/main/services/jobs/kinds/spec';
import { eachProfile, single } from '../../../../electron/main/services/jobs/send-tasks';
import { FakeProvider, vendorError } from '../fake-provider';
import { setup } from '../setup';

/** Stamps a text on each profile's remark, one vendor call per profile. */
interface StampAction {
  kind: 'stamp';
  text: string;
}
const stamp: JobKindSpec<StampAction> = {
  schema: z.object({ kind: z.literal('stamp'), text: z.string().min(1) }),
  label: 'Stamp',
  affects: 'updates',
  run: (action, provider, tasks, ctx) =>
    eachProfile(provider, tasks, ctx, async (task, opts) => {
      single(await provider.setRemark([task.vendorId], action.text, opts), task.vendorId);
      return { note: `stamped "${action.text}"` };
    }),
};
const kinds = { ...JOB_KINDS, stamp };
type Action = JobAction | StampAction;

const keys = ['ix/1', 'ix/2', 'ix/3'];
const remarks = (fake: FakeProvider) => [...fake.profiles.values()].map((p) => p.remark);

describe('a job kind added through the kinds table alone', () => {
  let ix: FakeProvider;
  beforeEach(() => {
    ix = new FakeProvider('ix', 3);
    ix.failures.set('2', vendorError(110, 'Profile is busy'));
  });

  it('runs: progress, a result per profile, the rows read back, and Retry', async () => {
    const { engine, progress, changed } = setup<Action>([ix], { kinds });
    const started = await engine.start({ action: { kind: 'stamp', text: 'seen' }, keys });
    expect(started).toMatchObject({ kind: 'stamp', label: 'Stamp', state: 'running', total: 3 });

    const job = await engine.settled(started.id);
    expect(job).toMatchObject({ state: 'failures', ok: 2, failed: 1 });
    expect(job.items.map((i) => [i.key, i.state, i.note ?? i.error?.message])).toEqual([
      ['ix/1', 'ok', 'stamped "seen"'],
      ['ix/2', 'failed', 'The vendor refused: Profile is busy'],
      ['ix/3', 'ok', 'stamped "seen"'],
    ]);
    const pushed = progress().filter((p) => p.id === started.id);
    expect(pushed[0]).toMatchObject({ kind: 'stamp', state: 'running', ok: 0 });
    expect(pushed.flatMap((p) => p.changed.map((i) => `${i.key} ${i.state}`))).toEqual(
      expect.arrayContaining(['ix/1 ok', 'ix/2 failed', 'ix/3 ok']),
    );
    expect(pushed.at(-1)).toMatchObject({ state: 'failures', ok: 2, failed: 1 });
    expect(
      changed()
        .flatMap((c) => c.updated.map((p) => p.key))
        .sort(),
    ).toEqual(keys);

    ix.failures.clear();
    const retry = await engine.settled((await engine.retryFailed(started.id)).id);
    expect(retry).toMatchObject({
      kind: 'stamp',
      label: 'Stamp (retry)',
      retryOf: started.id,
      state: 'done',
      total: 1,
      ok: 1,
    });
    expect(remarks(ix)).toEqual(['seen', 'seen', 'seen']);
    expect(ix.callsFor('setRemark', '1')).toBe(1);
    expect(ix.callsFor('setRemark', '2')).toBe(2);
  });

  describe('with a journal', () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'deck-new-kind-'));
    });
    afterEach(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('comes back after a restart, its action read by its own schema, and retries', async () => {
      const journal = () => createJobJournal({ dir, log: createLogger(() => {}) });
      const first = setup<Action>([ix], { kinds, journal: journal() });
      const { id } = await first.engine.start({ action: { kind: 'stamp', text: 'seen' }, keys });
      await first.engine.settled(id);
      await first.engine.dispose();

      ix.failures.clear();
      const second = setup<Action>([ix], { kinds, journal: journal() });
      await second.engine.ready;
      expect(second.engine.get(id)).toMatchObject({ kind: 'stamp', state: 'failures', ok: 2 });
      const retry = await second.engine.settled((await second.engine.retryFailed(id)).id);
      expect(retry).toMatchObject({ label: 'Stamp (retry)', state: 'done', ok: 1 });
      expect(remarks(ix)).toEqual(['seen', 'seen', 'seen']);
      await second.engine.dispose();
    });
  });

  it('is known only to the engine given that table: JOB_KINDS itself is unchanged', async () => {
    expect(Object.hasOwn(JOB_KINDS, 'stamp')).toBe(false);
    const { engine } = setup<Action>([ix]);
    await expect(
      engine.start({ action: { kind: 'stamp', text: 'seen' }, keys }),
    ).rejects.toMatchObject({ code: 'invalid-input', message: '"stamp" is not a kind of job' });
    expect(ix.calls).toEqual([]);
  });
});
