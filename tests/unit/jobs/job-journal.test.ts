/**
 * The job journal: what a job asked of the vendor is on disk before each request goes out,
 * its outcomes follow, and replaying the file gives the job back, even one cut off mid-way.
 */
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../electron/main/log';
import {
  createJobJournal,
  replayJournal,
  type JobJournal,
} from '../../../electron/main/services/jobs/job-journal';
import type { ProxyInput } from '../../../shared/model/proxy-input';
import { capabilities } from '../../fixtures/profile';
import { FakeProvider, vendorError } from './fake-provider';
import { setup } from './setup';

let dir: string;
let journal: JobJournal;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'deck-journal-'));
  journal = createJobJournal({ dir, log: createLogger(() => {}) });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const keys = (fake: FakeProvider, n: number) =>
  Array.from({ length: n }, (_, i) => fake.key(String(i + 1)));
const fileOf = (id: string) => join(dir, `${id}.jsonl`);
const records = async (id: string) =>
  (await readFile(fileOf(id), 'utf8'))
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { t: string; i?: number | number[]; s?: string });

const proxy = (password: ProxyInput['password']): ProxyInput => ({
  method: 'custom',
  type: 'socks5',
  host: '198.51.100.4',
  port: 1080,
  username: 'buyer',
  password,
  refreshUrl: '',
  extractionUrl: '',
  extractionChannel: '',
  checkService: '',
  socks5Udp: false,
});

describe('the job journal', () => {
  it("has each request's intent on disk before the request goes out", async () => {
    const cos = new FakeProvider('cos', 5, 'cos', capabilities('cos'));
    const { engine } = setup([cos], { journal, chunkSize: 2 });
    const notOnDisk: string[] = [];
    const real = cos.setRemark.bind(cos);
    let jobId = '';
    cos.setRemark = async (ids, remark) => {
      const intents = (await records(jobId)).filter((r) => r.t === 'intent');
      const onDisk = new Set(intents.flatMap((r) => (r.i as number[]).map((i) => String(i + 1))));
      notOnDisk.push(...ids.filter((id) => !onDisk.has(id)));
      return real(ids, remark);
    };
    const started = await engine.start({
      action: { kind: 'set-remark', remark: 'r' },
      keys: keys(cos, 5),
    });
    jobId = started.id;
    expect(await engine.settled(jobId)).toMatchObject({ ok: 5 });
    expect(cos.calls.filter((c) => c.method === 'setRemark')).toHaveLength(3);
    expect(notOnDisk).toEqual([]);
  });

  it('marks only what really goes out for a create, whose result cannot be checked later', async () => {
    const ix = new FakeProvider('ix', 0, 'ixbrowser', {
      ...capabilities('ixbrowser'),
      maxConcurrency: 1,
    });
    const { engine } = setup([ix], { journal });
    const { id } = await engine.start({
      action: {
        kind: 'create',
        connectionId: 'ix',
        items: ['A', 'B', 'C'].map((name) => ({ name, tags: [], remark: '' })),
      },
      keys: [],
    });
    await engine.settled(id);
    const intents = (await records(id)).filter((r) => r.t === 'intent').map((r) => r.i);
    expect(intents).toEqual([[0], [1], [2]]);
  });

  it('replays a finished job as it was reported', async () => {
    const ix = new FakeProvider('ix', 6);
    ix.failures.set('4', vendorError(2003, 'Profile is being edited by another member'));
    const { engine } = setup([ix], { journal });
    const { id } = await engine.start({
      action: { kind: 'set-remark', remark: 'checked' },
      keys: [...keys(ix, 6), 'gone/1'],
      labels: { 'ix/1': 'Shop 1' },
    });
    const job = await engine.settled(id);
    expect(job).toMatchObject({ state: 'failures', ok: 5, failed: 2 });

    const replayed = replayJournal(await readFile(fileOf(id), 'utf8'));
    // Whether Undo is offered is the engine's to tell, from the values kept (below).
    expect(replayed.job).toEqual({ ...job, finishedAt: expect.any(Number), undoable: undefined });
    expect([...replayed.previous.keys()]).toEqual([0, 1, 2, 3, 4, 5]);
    expect(replayed.action).toEqual({ kind: 'set-remark', remark: 'checked' });
  });

  it('gives back a job cut off mid-way: applied, unknown and not started items', async () => {
    const ix = new FakeProvider('ix', 4);
    const { engine } = setup([ix], { journal, chunkSize: 2 });
    const { id } = await engine.start({
      action: { kind: 'move-group', groupIds: { ix: 'g2' } },
      keys: keys(ix, 4),
    });
    await engine.settled(id);
    const lines = (await readFile(fileOf(id), 'utf8')).split('\n').filter(Boolean);
    const types = lines.map((l) => (JSON.parse(l) as { t: string }).t);
    // Cut after the first request's two outcomes: a crash while the second was on the wire
    // (its intent, like every item's, was written ahead), with a last line torn mid-write.
    const cut = types.indexOf('outcome') + 2;
    expect(types.slice(0, cut)).toEqual(['job', 'prev', 'intent', 'outcome', 'outcome']);
    const text = `${lines.slice(0, cut).join('\n')}\n${lines[cut]!.slice(0, 12)}`;

    const { job, tasks } = replayJournal(text);
    expect(job).toMatchObject({ state: 'interrupted', ok: 2, interrupted: 2, total: 4 });
    expect(job.items.map((i) => i.state)).toEqual(['ok', 'ok', 'interrupted', 'interrupted']);
    expect(tasks.map((t) => t.vendorId)).toEqual(['1', '2', '3', '4']);
  });

  it('replays notes and names with their keys; an older line has only its English note', async () => {
    const ix = new FakeProvider('ix', 2);
    ix.profiles.get('1')!.tags = [{ id: 't', name: 'vip' }];
    const { engine } = setup([ix], { journal });
    const { id } = await engine.start({
      action: { kind: 'change-tags', add: ['vip'], remove: [] },
      keys: keys(ix, 2),
    });
    await engine.settled(id);
    const text = await readFile(fileOf(id), 'utf8');
    const { job } = replayJournal(text);
    expect(job.labelWords).toEqual({ key: 'changeTags', add: ['vip'], remove: [] });
    expect(job.items[0]).toMatchObject({
      note: 'already had these tags',
      noteWords: [{ key: 'alreadyHadTags' }],
    });

    // As a build from before the keys wrote it.
    const older = text
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const { noteWords: _noteWords, ...record } = JSON.parse(line) as Record<string, unknown>;
        return JSON.stringify(record);
      })
      .join('\n');
    const [item] = replayJournal(`${older}\n`).job.items;
    expect(item).toMatchObject({ state: 'ok', note: 'already had these tags' });
    expect(item!.noteWords).toBeUndefined();
  });

  it('calls an item with no intent "not started" when the job was cut off', async () => {
    const ix = new FakeProvider('ix', 3, 'ixbrowser', {
      ...capabilities('ixbrowser'),
      maxConcurrency: 1,
    });
    const { engine } = setup([ix], { journal });
    const { id } = await engine.start({ action: { kind: 'copy' }, keys: keys(ix, 3) });
    await engine.settled(id);
    const lines = (await readFile(fileOf(id), 'utf8')).split('\n').filter(Boolean);
    const { job } = replayJournal(`${lines.slice(0, 3).join('\n')}\n`);
    expect(job.items.map((i) => i.state)).toEqual(['ok', 'pending', 'pending']);
    expect(job.state).toBe('interrupted');
  });

  it('never writes a proxy password; the item read back cannot run without it', async () => {
    const ix = new FakeProvider('ix', 2);
    const { engine } = setup([ix], { journal });
    const set = await engine.start({
      action: { kind: 'set-proxy', proxy: proxy({ action: 'set', value: 'hunter2-secret' }) },
      keys: keys(ix, 2),
    });
    const assign = await engine.start({
      action: {
        kind: 'assign-proxies',
        assignments: [
          { key: 'ix/1', proxy: proxy({ action: 'set', value: 'other-secret-9' }) },
          { key: 'ix/2', proxy: proxy({ action: 'clear' }) },
        ],
      },
      keys: [],
    });
    const create = await engine.start({
      action: {
        kind: 'create',
        connectionId: 'ix',
        items: [
          {
            name: 'New',
            tags: [],
            remark: '',
            proxy: proxy({ action: 'set', value: 'create-secret-7' }),
          },
        ],
      },
      keys: [],
    });
    await engine.settled(set.id);
    await engine.settled(assign.id);
    await engine.settled(create.id);

    for (const name of await readdir(dir)) {
      const text = await readFile(join(dir, name), 'utf8');
      expect(text).toContain('198.51.100.4');
      expect(text).not.toContain('hunter2-secret');
      expect(text).not.toContain('other-secret-9');
      expect(text).not.toContain('create-secret-7');
    }
    const setBack = replayJournal(await readFile(fileOf(set.id), 'utf8'));
    expect(setBack.tasks.every((t) => t.withheld)).toBe(true);
    expect(setBack.action).toMatchObject({ proxy: { host: '198.51.100.4' } });
    const assignBack = replayJournal(await readFile(fileOf(assign.id), 'utf8'));
    expect(assignBack.tasks.map((t) => Boolean(t.withheld))).toEqual([true, false]);
    expect(assignBack.tasks[1]!.proxy).toMatchObject({ password: { action: 'clear' } });
    const createBack = replayJournal(await readFile(fileOf(create.id), 'utf8'));
    expect(createBack.tasks[0]).toMatchObject({ withheld: true, create: { name: 'New' } });
  });

  it('refuses a file that is not a journal, naming what is wrong', async () => {
    await writeFile(join(dir, 'x.jsonl'), '{"t":"job","v":99}\n');
    expect(() => replayJournal('{"t":"job","v":99}\n')).toThrow(/v/);
    expect(() => replayJournal('not json\n{}\n')).toThrow(/not JSON/);
    expect(await journal.load()).toEqual([]);
  });

  it('costs a few dozen syncs for 3,000 one-profile requests, not one each', async () => {
    const ix = new FakeProvider('ix', 3000, 'ixbrowser', {
      ...capabilities('ixbrowser'),
      batchRemark: false,
      maxConcurrency: 3,
    });
    let syncs = 0;
    const counting: JobJournal = {
      ...journal,
      start(header) {
        const log = journal.start(header);
        return {
          ...log,
          close: async () => {
            await log.close();
            syncs = log.stats.syncs;
          },
        };
      },
    };
    const { engine } = setup([ix], { journal: counting });
    const { id } = await engine.start({
      action: { kind: 'set-remark', remark: 'x' },
      keys: keys(ix, 3000),
    });
    expect(await engine.settled(id)).toMatchObject({ ok: 3000 });
    await engine.dispose();
    // Intents go to disk a window ahead of the requests, so syncs do not follow each call.
    expect(syncs).toBeGreaterThan(0);
    expect(syncs).toBeLessThanOrEqual(100);
  });
});
