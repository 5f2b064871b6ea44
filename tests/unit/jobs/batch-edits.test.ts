import { describe, expect, it } from 'vitest';
import { CAPS, FakeProvider, vendorError } from './fake-provider';
import { setup } from './setup';

const keysOf = (fake: FakeProvider, ids: number[]) => ids.map((i) => fake.key(String(i)));
const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('bulk edits through vendor batch endpoints', () => {
  it('moves 25 profiles with one batch request and reports 25 ok', async () => {
    const ix = new FakeProvider('ix', 40);
    const { engine, changed } = setup([ix]);
    const keys = keysOf(ix, range(1, 25));
    const started = await engine.start({
      action: { kind: 'move-group', groupIds: { ix: 'g7' } },
      keys,
    });
    const job = await engine.settled(started.id);

    expect(job).toMatchObject({
      state: 'done',
      total: 25,
      ok: 25,
      failed: 0,
      label: 'Move to group',
    });
    expect(ix.calls.filter((c) => c.method === 'moveToGroup')).toEqual([
      { method: 'moveToGroup', ids: range(1, 25).map(String) },
    ]);
    expect(range(1, 25).every((i) => ix.profiles.get(String(i))!.groupId === 'g7')).toBe(true);
    expect(ix.profiles.get('26')!.groupId).toBe('1');
    // Only the affected rows are pushed back, read from the vendor after the move.
    const rows = changed().flatMap((c) => c.updated);
    expect(rows.map((r) => r.key).sort()).toEqual([...keys].sort());
    expect(rows.every((r) => r.groupId === 'g7')).toBe(true);
  });

  it('sends one request per chunk of a large selection', async () => {
    const ix = new FakeProvider('ix', 25);
    const { engine } = setup([ix], { chunkSize: 10 });
    const { id } = await engine.start({
      action: { kind: 'set-remark', remark: 'VIP' },
      keys: keysOf(ix, range(1, 25)),
    });
    expect(await engine.settled(id)).toMatchObject({ ok: 25 });
    expect(ix.calls.filter((c) => c.method === 'setRemark').map((c) => c.ids.length)).toEqual([
      10, 10, 5,
    ]);
  });

  it('splits a selection spanning two connections, each with its own target group', async () => {
    const ix = new FakeProvider('ix', 30);
    const cos = new FakeProvider('cos', 30, 'cos', { ...CAPS, copy: false });
    const { engine } = setup([ix, cos]);
    const keys = [...keysOf(ix, range(1, 10)), ...keysOf(cos, range(5, 19))];
    const { id } = await engine.start({
      action: { kind: 'move-group', groupIds: { ix: 'ix-shop', cos: 'cos-shop' } },
      keys,
    });
    expect(await engine.settled(id)).toMatchObject({ total: 25, ok: 25 });
    expect(ix.calls.filter((c) => c.method === 'moveToGroup')).toEqual([
      { method: 'moveToGroup', ids: range(1, 10).map(String) },
    ]);
    expect(cos.calls.filter((c) => c.method === 'moveToGroup')).toEqual([
      { method: 'moveToGroup', ids: range(5, 19).map(String) },
    ]);
    expect(cos.profiles.get('5')!.groupId).toBe('cos-shop');
    expect(ix.profiles.get('5')!.groupId).toBe('ix-shop');
  });

  it("fails only the items the vendor refused, with the vendor's reason; retry completes them once", async () => {
    const ix = new FakeProvider('ix', 25);
    ix.failures.set('3', vendorError(2003, 'Profile is being edited by another member'));
    ix.failures.set('17', vendorError(1008, 'Too many requests'));
    const { engine } = setup([ix]);
    const { id } = await engine.start({
      action: { kind: 'set-remark', remark: 'checked' },
      keys: keysOf(ix, range(1, 25)),
    });
    const first = await engine.settled(id);
    expect(first).toMatchObject({ ok: 23, failed: 2, state: 'failures' });
    const failedItem = first.items.find((i) => i.key === 'ix/3')!;
    expect(failedItem).toMatchObject({
      state: 'failed',
      error: {
        code: 'vendor-error',
        details: { vendorCode: 2003, vendorMessage: 'Profile is being edited by another member' },
      },
    });
    expect(ix.profiles.get('3')!.remark).toBe('');

    ix.failures.clear();
    const retry = await engine.retryFailed(id);
    expect(retry).toMatchObject({ retryOf: id, total: 2, label: 'Set remark (retry)' });
    const second = await engine.settled(retry.id);
    expect(second).toMatchObject({ ok: 2, failed: 0 });
    expect(second.items.map((i) => i.key)).toEqual(['ix/3', 'ix/17']);
    expect(ix.profiles.get('3')!.remark).toBe('checked');
    // Nothing applied twice: every profile saw one successful call, the refused ones one more.
    for (const i of range(1, 25)) {
      const expected = i === 3 || i === 17 ? 2 : 1;
      expect(ix.callsFor('setRemark', String(i)), `profile ${i}`).toBe(expected);
    }
  });

  it('fails the items of a chunk whose request failed as a whole, and goes on', async () => {
    const ix = new FakeProvider('ix', 4);
    const { engine } = setup([ix], { chunkSize: 2 });
    const broken = ix.setTags.bind(ix);
    let calls = 0;
    ix.setTags = async (ids, tags) => {
      if (++calls === 1) throw vendorError(-1, 'Local API is not enabled');
      return broken(ids, tags);
    };
    const { id } = await engine.start({
      action: { kind: 'set-tags', tags: ['a'] },
      keys: keysOf(ix, [1, 2, 3, 4]),
    });
    const job = await engine.settled(id);
    expect(job.items.map((i) => i.state)).toEqual(['failed', 'failed', 'ok', 'ok']);
    expect(job.items[0]!.error?.details?.vendorMessage).toBe('Local API is not enabled');
  });

  it('fails keys of an unknown connection or a vendor without the action, not the whole job', async () => {
    const ix = new FakeProvider('ix', 3);
    const cos = new FakeProvider('cos', 3, 'cos', { ...CAPS, copy: false });
    const { engine } = setup([ix, cos]);
    const { id } = await engine.start({
      action: { kind: 'copy' },
      keys: ['ix/1', 'cos/1', 'gone/9', 'not-a-key'],
    });
    const job = await engine.settled(id);
    const byKey = new Map(job.items.map((i) => [i.key, i]));
    expect(byKey.get('ix/1')).toMatchObject({ state: 'ok', resultKey: 'ix/1000' });
    expect(byKey.get('cos/1')!.error).toMatchObject({ code: 'unsupported' });
    expect(byKey.get('cos/1')!.error!.message).toMatch(/ixBrowser profiles only/);
    expect(byKey.get('gone/9')!.error).toMatchObject({
      code: 'not-found',
      message: 'Connection gone no longer exists',
    });
    expect(byKey.get('not-a-key')!.error).toMatchObject({ code: 'invalid-input' });
    expect(cos.calls.filter((c) => c.method === 'copyProfile')).toEqual([]);
    expect(job).toMatchObject({ ok: 1, failed: 3, state: 'failures' });
  });

  it('refuses a move into no chosen group for one connection, per item', async () => {
    const ix = new FakeProvider('ix', 2);
    const cos = new FakeProvider('cos', 2, 'cos');
    const { engine } = setup([ix, cos]);
    const { id } = await engine.start({
      action: { kind: 'move-group', groupIds: { ix: 'g' } },
      keys: ['ix/1', 'cos/1'],
    });
    const job = await engine.settled(id);
    expect(job.items.map((i) => i.state)).toEqual(['ok', 'failed']);
    expect(job.items[1]!.error!.message).toMatch(/No target group chosen for connection cos/);
  });

  it('pushes progress a few times for a large job, ending with the final counts', async () => {
    const ix = new FakeProvider('ix', 1000);
    const { engine, progress } = setup([ix]);
    const { id } = await engine.start({
      action: { kind: 'set-name', name: 'Same' },
      keys: keysOf(ix, range(1, 1000)),
    });
    await engine.settled(id);
    const events = progress().filter((p) => p.id === id);
    expect(events.length).toBeLessThan(30);
    expect(events.at(-1)).toMatchObject({ state: 'done', ok: 1000, total: 1000 });
    const reported = new Set(
      events.flatMap((e) => e.changed.filter((c) => c.state === 'ok').map((c) => c.key)),
    );
    expect(reported.size).toBe(1000);
  });
});
