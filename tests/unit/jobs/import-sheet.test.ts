/**
 * An imported spreadsheet runs as one job: each profile gets exactly the fields its row
 * changes, the others are never written, a failed field says which one and what was set
 * before it, and a proxy password never reaches the journal.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../electron/main/log';
import { createJobJournal } from '../../../electron/main/services/jobs/job-journal';
import { contract } from '../../../shared/ipc/contract';
import { DeckError, describeZodError } from '../../../shared/ipc/result';
import type { ProxyInput } from '../../../shared/model/proxy-input';
import { capabilities } from '../../fixtures/profile';
import { FakeProvider, gate } from './fake-provider';
import { setup } from './setup';

const proxy = (password: ProxyInput['password']): ProxyInput => ({
  method: 'custom',
  type: 'socks5',
  host: '198.51.100.9',
  port: 1080,
  username: 'u',
  password,
  refreshUrl: '',
  extractionUrl: '',
  extractionChannel: '',
  checkService: '',
  socks5Udp: false,
});

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'deck-import-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('import-sheet jobs', () => {
  it('sets on each profile only the fields of its row, and nothing on the others', async () => {
    const ix = new FakeProvider('ix', 6);
    const { engine } = setup([ix]);
    const started = await engine.start({
      action: {
        kind: 'import-sheet',
        edits: [
          { key: ix.key('1'), name: 'Shop A' },
          { key: ix.key('2'), remark: 'VIP', tags: ['vip', 'new'] },
          { key: ix.key('4'), groupId: 'g9', proxy: proxy({ action: 'set', value: 'p@x' }) },
        ],
      },
      keys: [],
    });
    const job = await engine.settled(started.id);
    expect(job).toMatchObject({ label: 'Import spreadsheet', state: 'done', total: 3, ok: 3 });
    expect(job.items.map((i) => [i.note, i.noteWords])).toEqual([
      ['name set', [{ key: 'fieldsSet', params: { fields: ['name'] } }]],
      ['remark and tags set', [{ key: 'fieldsSet', params: { fields: ['remark', 'tags'] } }]],
      ['group and proxy set', [{ key: 'fieldsSet', params: { fields: ['group', 'proxy'] } }]],
    ]);
    const edits = ix.calls.filter((c) => c.method.startsWith('set') || c.method === 'moveToGroup');
    expect(edits.map((c) => `${c.method} ${c.ids.join(',')}`).sort()).toEqual(
      ['setName 1', 'setRemark 2', 'setTags 2', 'moveToGroup 4', 'setProxy 4'].sort(),
    );
    expect(ix.profiles.get('1')!.name).toBe('Shop A');
    expect(ix.profiles.get('2')!.tags.map((t) => t.name)).toEqual(['vip', 'new']);
    expect(ix.passwords.get('4')).toBe('p@x');
  });

  it('a field the vendor refuses fails the profile, naming the field and what was set before it', async () => {
    const ix = new FakeProvider('ix', 2);
    const { engine } = setup([ix]);
    ix.setRemark = async () => new Map([['1', DeckError.of('vendor-error', 'remark too long')]]);
    const started = await engine.start({
      action: { kind: 'import-sheet', edits: [{ key: ix.key('1'), name: 'N', remark: 'R' }] },
      keys: [],
    });
    const job = await engine.settled(started.id);
    expect(job).toMatchObject({ failed: 1 });
    expect(job.items[0]!.error).toMatchObject({
      code: 'vendor-error',
      message: 'remark: remark too long (name had been set)',
    });
  });

  it('keeps no proxy password on disk; after a restart the row that needs one cannot run again', async () => {
    const ix = new FakeProvider('ix', 4, 'ixbrowser', {
      ...capabilities('ixbrowser'),
      maxConcurrency: 1,
    });
    const journal = () => createJobJournal({ dir, log: createLogger(() => {}) });
    const hold = gate();
    ix.hold = hold.opened;
    const first = setup([ix], { journal: journal() });
    const out = ix.whenCalls('setName', 1);
    const { id } = await first.engine.start({
      action: {
        kind: 'import-sheet',
        edits: [
          { key: ix.key('1'), name: 'One' },
          {
            key: ix.key('2'),
            name: 'Two',
            proxy: proxy({ action: 'set', value: 'never-on-disk' }),
          },
          { key: ix.key('3'), remark: 'Three' },
        ],
      },
      keys: [],
    });
    await out;
    await first.engine.dispose();
    ix.hold = undefined;
    const files = await readdir(dir);
    const text = await Promise.all(files.map((f) => readFile(join(dir, f), 'utf8')));
    expect(text.join('')).not.toContain('never-on-disk');

    const second = setup([ix], { journal: journal() });
    await second.engine.ready;
    expect(second.engine.get(id)).toMatchObject({ state: 'interrupted' });
    const retry = await second.engine.settled((await second.engine.retryFailed(id)).id);
    const byKey = new Map(retry.items.map((i) => [i.key, i]));
    expect(byKey.get(ix.key('2'))!.error!.message).toMatch(/password .* not kept/);
    expect(byKey.get(ix.key('3'))).toMatchObject({ state: 'ok' });
    expect(ix.profiles.get('3')!.remark).toBe('Three');
    expect(ix.profiles.get('1')!.name).toBe('One');
  });

  it('a row that changes nothing is refused at the door, by its place in the list', () => {
    const parsed = contract['jobs:start'].request.safeParse({
      action: { kind: 'import-sheet', edits: [{ key: 'ix/1', name: 'A' }, { key: 'ix/2' }] },
      keys: [],
    });
    expect(parsed.success).toBe(false);
    expect(describeZodError(parsed.error!)).toMatchObject({
      field: 'action.edits.1',
      message: expect.stringContaining('changes nothing'),
    });
  });
});
