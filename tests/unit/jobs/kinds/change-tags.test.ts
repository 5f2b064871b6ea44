/**
 * Issue 23, point 5: tags are added or removed in bulk, keeping each profile's other tags.
 * The vendors only replace, so main computes each profile's new set from its tags as the
 * vendor has them when the job runs; Undo puts each profile's own set back.
 */
import { describe, expect, it } from 'vitest';
import { JobActionSchema } from '../../../../shared/model/job';
import { FakeProvider } from '../fake-provider';
import { setup } from '../setup';

const tagged = (fake: FakeProvider, sets: Record<string, string[]>) => {
  for (const [id, names] of Object.entries(sets))
    fake.profiles.get(id)!.tags = names.map((name) => ({ id: `t-${name}`, name }));
};
const tagsOf = (fake: FakeProvider) =>
  Object.fromEntries(
    [...fake.profiles.values()].map((p) => [p.vendorId, p.tags.map((t) => t.name).sort()]),
  );
const keys = (fake: FakeProvider, n: number) =>
  Array.from({ length: n }, (_, i) => fake.key(String(i + 1)));

describe('change-tags (add or remove tags)', () => {
  it('adds tags to each profile’s own set, one request per resulting set, none where nothing changes', async () => {
    const ix = new FakeProvider('ix', 4);
    tagged(ix, { '1': ['old'], '2': ['old'], '3': ['vip', 'x'], '4': [] });
    const { engine } = setup([ix]);
    const callsBefore = ix.calls.length;
    const job = await engine.settled(
      (
        await engine.start({
          action: { kind: 'change-tags', add: ['vip'], remove: [] },
          keys: keys(ix, 4),
        })
      ).id,
    );

    expect(job).toMatchObject({ state: 'done', ok: 4, label: 'Add tags "vip"', undoable: true });
    expect(tagsOf(ix)).toEqual({
      '1': ['old', 'vip'],
      '2': ['old', 'vip'],
      '3': ['vip', 'x'],
      '4': ['vip'],
    });
    const writes = ix.calls.slice(callsBefore).filter((c) => c.method === 'setTags');
    expect(writes.map((c) => c.ids).sort()).toEqual([['1', '2'], ['4']]);
    expect(job.items.find((i) => i.key === 'ix/3')).toMatchObject({
      note: 'already had these tags',
      noteWords: [{ key: 'alreadyHadTags' }],
    });
  });

  it('removes tags and keeps the others', async () => {
    const cos = new FakeProvider('cos', 3, 'cos');
    tagged(cos, { '1': ['a', 'b', 'c'], '2': ['b'], '3': ['c'] });
    const { engine } = setup([cos]);
    const job = await engine.settled(
      (
        await engine.start({
          action: { kind: 'change-tags', remove: ['b'], add: [] },
          keys: keys(cos, 3),
        })
      ).id,
    );
    expect(job).toMatchObject({
      ok: 3,
      label: 'Remove tags "b"',
      labelWords: { key: 'changeTags', add: [], remove: ['b'] },
    });
    expect(tagsOf(cos)).toEqual({ '1': ['a', 'c'], '2': [], '3': ['c'] });
    expect(job.items.find((i) => i.key === 'cos/3')).toMatchObject({
      note: 'had none of these tags',
      noteWords: [{ key: 'hadNoneOfTags' }],
    });
  });

  it('computes from the tags the vendor has when the job runs, not what the table showed', async () => {
    const ix = new FakeProvider('ix', 1);
    tagged(ix, { '1': ['shown-in-table'] });
    const { engine } = setup([ix]);
    // Changed in the vendor client after the table was listed.
    tagged(ix, { '1': ['set-elsewhere'] });
    await engine.settled(
      (
        await engine.start({
          action: { kind: 'change-tags', add: ['new'], remove: ['gone'] },
          keys: keys(ix, 1),
        })
      ).id,
    );
    expect(tagsOf(ix)).toEqual({ '1': ['new', 'set-elsewhere'] });
  });

  it('Undo puts back each profile’s own set; one edited since is left alone', async () => {
    const ix = new FakeProvider('ix', 3);
    tagged(ix, { '1': ['a'], '2': ['b'], '3': [] });
    const { engine } = setup([ix]);
    const edit = await engine.settled(
      (
        await engine.start({
          action: { kind: 'change-tags', add: ['vip'], remove: [] },
          keys: keys(ix, 3),
        })
      ).id,
    );
    tagged(ix, { '3': ['by hand'] });
    const undo = await engine.settled((await engine.undo(edit.id)).id);

    expect(undo).toMatchObject({
      label: 'Undo change tags',
      labelWords: { key: 'undo', kind: 'change-tags' },
      ok: 2,
      skipped: 1,
    });
    expect(tagsOf(ix)).toEqual({ '1': ['a'], '2': ['b'], '3': ['by hand'] });
    expect(undo.items.find((i) => i.key === 'ix/3')).toMatchObject({
      note: 'Left as it is: its tags was changed after the edit (now "by hand", the edit set "vip")',
      noteWords: [
        {
          key: 'undoChangedSince',
          params: { field: 'tags' },
          values: {
            now: { key: 'tags', params: { tags: ['by hand'] } },
            set: { key: 'tags', params: { tags: ['vip'] } },
          },
        },
      ],
    });
  });

  it('reads the tags itself when the read before the run failed, and fails a profile that is gone', async () => {
    const ix = new FakeProvider('ix', 2);
    tagged(ix, { '1': ['a'] });
    const listed = ix.listProfiles.bind(ix);
    const got = ix.getProfile.bind(ix);
    let reads = 0;
    // The first read (the values kept for Undo) fails; the kind's own read works.
    ix.getProfile = async (id) => {
      if (++reads <= 2) throw new Error('read failed');
      return got(id);
    };
    ix.listProfiles = listed;
    const { engine } = setup([ix]);
    ix.profiles.delete('2');
    const job = await engine.settled(
      (
        await engine.start({
          action: { kind: 'change-tags', add: ['b'], remove: [] },
          keys: keys(ix, 2),
        })
      ).id,
    );
    expect(tagsOf(ix)).toEqual({ '1': ['a', 'b'] });
    expect(job.items.map((i) => [i.key, i.state])).toEqual([
      ['ix/1', 'ok'],
      ['ix/2', 'failed'],
    ]);
    expect(job.items[1]!.error?.code).toBe('not-found');
    // Nothing was read before the edit, so Undo has nothing to put back.
    expect(job.undoable).toBeUndefined();
  });

  it('refuses a request naming no tag, or one tag both added and removed, saying which field', () => {
    const none = JobActionSchema.safeParse({ kind: 'change-tags', add: [], remove: [] });
    expect(none.success).toBe(false);
    expect(none.error?.issues[0]).toMatchObject({
      path: ['add'],
      message: 'name a tag to add or remove',
    });
    const both = JobActionSchema.safeParse({ kind: 'change-tags', add: ['a'], remove: [' a '] });
    expect(both.error?.issues[0]).toMatchObject({
      path: ['remove'],
      message: '"a" cannot be both added and removed',
    });
  });
});
