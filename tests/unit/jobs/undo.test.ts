/**
 * Undo of a bulk edit: the values an edit overwrote are read just before it, and an undo
 * job puts them back on every profile that still holds what the edit set. A profile edited
 * since is left alone, with the reason.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../electron/main/log';
import { createJobJournal } from '../../../electron/main/services/jobs/job-journal';
import type { ProxyInput } from '../../../shared/model/proxy-input';
import type { JobAction } from '../../../shared/model/job';
import { capabilities } from '../../fixtures/profile';
import { FakeProvider, vendorError } from './fake-provider';
import { setup } from './setup';
import { planUndo } from '../../../electron/main/services/jobs/job-undo';
import { pendingItem } from '../../../electron/main/services/jobs/job-task';
import { JOB_KINDS } from '../../../electron/main/services/jobs/kinds';

const keys = (fake: FakeProvider, n: number) =>
  Array.from({ length: n }, (_, i) => fake.key(String(i + 1)));
const cosVendor = (n: number) => new FakeProvider('cos', n, 'cos', capabilities('cos'));

describe('Undo', () => {
  it('puts back each remark; one edited since is skipped, saying why', async () => {
    const cos = cosVendor(6);
    for (const [id, remark] of [
      ['1', 'old A'],
      ['2', 'old A'],
      ['3', 'old B'],
      ['4', ''],
      ['6', 'old C'],
    ] as const)
      cos.profiles.get(id)!.remark = remark;
    cos.failures.set('5', vendorError(2003, 'Profile is being edited by another member'));
    const { engine } = setup([cos]);
    const edit = await engine.settled(
      (await engine.start({ action: { kind: 'set-remark', remark: 'NEW' }, keys: keys(cos, 6) }))
        .id,
    );
    expect(edit).toMatchObject({ state: 'failures', ok: 5, undoable: true });
    cos.failures.clear();
    cos.profiles.get('3')!.remark = 'edited by hand';
    const callsBefore = cos.calls.length;

    const started = await engine.undo(edit.id);
    expect(started).toMatchObject({
      kind: 'undo',
      undoOf: edit.id,
      label: 'Undo set remark',
      labelWords: { key: 'undo', kind: 'set-remark' },
    });
    expect(engine.get(edit.id).undoneBy).toBe(started.id);
    const undo = await engine.settled(started.id);

    // The failed item never changed: nothing to undo there.
    expect(undo).toMatchObject({ state: 'done', total: 5, ok: 4, skipped: 1 });
    expect([...cos.profiles.values()].map((p) => p.remark)).toEqual([
      'old A',
      'old A',
      'edited by hand',
      '',
      '',
      'old C',
    ]);
    expect(undo.items.find((i) => i.key === 'cos/3')).toMatchObject({
      state: 'skipped',
      note: 'Left as it is: its remark was changed after the edit (now "edited by hand", the edit set "NEW")',
      noteWords: [
        {
          key: 'undoChangedSince',
          params: { field: 'remark' },
          values: {
            now: { key: 'text', params: { text: 'edited by hand' } },
            set: { key: 'text', params: { text: 'NEW' } },
          },
        },
      ],
    });
    // One batch request per value to put back: "old A" for two profiles, "" and "old C".
    const writes = cos.calls.slice(callsBefore).filter((c) => c.method === 'setRemark');
    expect(writes.map((c) => c.ids).sort()).toEqual([['1', '2'], ['4'], ['6']]);
  });

  it('puts back groups, names of a rename, and tags', async () => {
    const ix = new FakeProvider('ix', 3);
    ix.profiles.get('2')!.groupId = 'g-old';
    ix.profiles.get('1')!.tags = [{ id: 't', name: 'vip' }];
    const { engine } = setup([ix]);
    const run = async (action: Parameters<typeof engine.start>[0]['action']) => {
      const job = await engine.settled((await engine.start({ action, keys: keys(ix, 3) })).id);
      return engine.settled((await engine.undo(job.id)).id);
    };
    expect(await run({ kind: 'move-group', groupIds: { ix: 'g-new' } })).toMatchObject({ ok: 3 });
    expect([...ix.profiles.values()].map((p) => p.groupId)).toEqual(['1', 'g-old', '1']);
    expect(
      await run({ kind: 'rename', name: { template: 'Shop {n}', start: 1, pad: 0 } }),
    ).toMatchObject({ ok: 3 });
    expect([...ix.profiles.values()].map((p) => p.name)).toEqual([
      'Profile 1',
      'Profile 2',
      'Profile 3',
    ]);
    expect(await run({ kind: 'set-tags', tags: ['x', 'y'] })).toMatchObject({ ok: 3 });
    expect([...ix.profiles.values()].map((p) => p.tags.map((t) => t.name))).toEqual([
      ['vip'],
      [],
      [],
    ]);
  });

  it('puts back a proxy without a password, clearing the one the edit set; one with a password is skipped', async () => {
    const ix = new FakeProvider('ix', 2);
    const before = ix.profiles.get('1')!;
    before.proxy = { ...before.proxy, type: 'http', host: '10.0.0.1', port: 8080 };
    const other = ix.profiles.get('2')!;
    other.proxy = {
      ...other.proxy,
      type: 'socks5',
      host: '10.0.0.2',
      port: 1080,
      hasPassword: true,
    };
    const sent: ProxyInput[] = [];
    const real = ix.setProxy.bind(ix);
    ix.setProxy = (ids, proxy, opts) => {
      sent.push(proxy);
      return real(ids, proxy, opts);
    };
    const { engine } = setup([ix]);
    const edit = await engine.settled(
      (
        await engine.start({
          action: {
            kind: 'set-proxy',
            proxy: {
              method: 'custom',
              type: 'http',
              host: '198.51.100.4',
              port: 3128,
              username: 'new',
              password: { action: 'set', value: 'new-secret' },
              refreshUrl: '',
              extractionUrl: '',
              extractionChannel: '',
              checkService: '',
              socks5Udp: false,
            },
          },
          keys: keys(ix, 2),
        })
      ).id,
    );
    // The fake keeps what it is sent, as a vendor would: the edit's username came with it.
    for (const p of ix.profiles.values()) p.proxy.username = 'new';
    const undo = await engine.settled((await engine.undo(edit.id)).id);

    expect(undo).toMatchObject({ ok: 1, skipped: 1 });
    expect(ix.profiles.get('1')!.proxy).toMatchObject({ host: '10.0.0.1', port: 8080 });
    expect(sent.at(-1)).toMatchObject({ host: '10.0.0.1', password: { action: 'clear' } });
    expect(undo.items[1]!.note).toMatch(/had a password, which BrowserDeck does not keep/);
    expect(undo.items[1]!.noteWords).toEqual([{ key: 'undoProxyPassword' }]);
  });

  it('says why it left each profile alone, as a key the renderer words', async () => {
    const ix = new FakeProvider('ix', 4);
    ix.profiles.get('4')!.name = '';
    const { engine } = setup([ix]);
    const edit = await engine.settled(
      (
        await engine.start({
          action: { kind: 'rename', name: { template: 'Shop {n}', start: 1, pad: 0 } },
          keys: keys(ix, 4),
        })
      ).id,
    );
    ix.profiles.delete('1');
    ix.profiles.get('2')!.name = 'Profile 2';
    const undo = await engine.settled((await engine.undo(edit.id)).id);

    expect(undo).toMatchObject({ ok: 1, skipped: 3 });
    expect(undo.items.map((i) => [i.note, i.noteWords])).toEqual([
      ['Left as it is: the profile no longer exists', [{ key: 'undoGone' }]],
      [
        'Left as it is: it already has its name from before the edit',
        [{ key: 'undoAlreadyBack', params: { field: 'name' } }],
      ],
      [undefined, undefined],
      ['Left as it is: its name before the edit was empty', [{ key: 'undoNameEmpty' }]],
    ]);
  });

  it('skips at once a profile whose value before the edit was not read', () => {
    const task = { item: pendingItem('ix/1', 'ix', 'Profile 1'), vendorId: '1' };
    task.item.state = 'ok';
    const action: JobAction = { kind: 'set-remark', remark: 'x' };
    const planned = planUndo('j1', JOB_KINDS['set-remark']!, action, [task], new Map());
    expect(planned!.tasks[0]!.item).toMatchObject({
      state: 'skipped',
      note: 'Left as it is: its remark before the edit could not be read',
      noteWords: [{ key: 'undoNotRead', params: { field: 'remark' } }],
    });
  });

  it('is not offered for jobs that set no field, nor twice at once', async () => {
    const ix = new FakeProvider('ix', 2);
    const { engine } = setup([ix]);
    const open = await engine.settled(
      (await engine.start({ action: { kind: 'open' }, keys: keys(ix, 2) })).id,
    );
    expect(open.undoable).toBeUndefined();
    await expect(engine.undo(open.id)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('works after a restart, from the values in the journal', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'deck-undo-'));
    try {
      const journal = () => createJobJournal({ dir, log: createLogger(() => {}) });
      const cos = cosVendor(3);
      cos.profiles.get('2')!.remark = 'kept';
      const first = setup([cos], { journal: journal() });
      const { id } = await first.engine.start({
        action: { kind: 'set-remark', remark: 'oops' },
        keys: keys(cos, 3),
      });
      await first.engine.settled(id);
      await first.engine.dispose();

      const second = setup([cos], { journal: journal() });
      await second.engine.ready;
      expect(second.engine.get(id).undoable).toBe(true);
      const undo = await second.engine.settled((await second.engine.undo(id)).id);
      expect(undo).toMatchObject({ ok: 3 });
      expect([...cos.profiles.values()].map((p) => p.remark)).toEqual(['', 'kept', '']);

      // ...and the undo is remembered too: the next start knows the job was undone.
      await second.engine.dispose();
      const third = setup([cos], { journal: journal() });
      await third.engine.ready;
      expect(third.engine.get(id).undoneBy).toBe(undo.id);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
