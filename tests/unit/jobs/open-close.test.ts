import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../electron/main/settings';
import { FakeProvider, gate, vendorError } from './fake-provider';
import { setup } from './setup';

const keys = (fake: FakeProvider, n: number) =>
  Array.from({ length: n }, (_, i) => fake.key(String(i + 1)));

describe('bulk open and close', () => {
  it('opens 5 with concurrency 2: never more than 2 opening at once, attach counts as ok', async () => {
    const ix = new FakeProvider('ix', 5);
    ix.alreadyOpen.add('3');
    const { engine, statuses } = setup([ix]);
    const { id } = await engine.start({
      action: { kind: 'open' },
      keys: keys(ix, 5),
      concurrency: 2,
    });
    const job = await engine.settled(id);

    expect(ix.open_.maxInFlight).toBe(2);
    expect(job).toMatchObject({ state: 'done', ok: 5, failed: 0, label: 'Open' });
    expect(job.items.find((i) => i.key === 'ix/3')).toMatchObject({
      state: 'ok',
      note: 'already open: attached',
      noteWords: [{ key: 'alreadyOpen' }],
    });
    for (const key of keys(ix, 5)) expect(statuses().get(key)).toEqual(['opening', 'open']);
  });

  it('takes the open concurrency from settings when the request gives none', async () => {
    const ix = new FakeProvider('ix', 6);
    const { engine } = setup([ix], {
      settings: { get: async () => ({ ...DEFAULT_SETTINGS, openConcurrency: 3 }) },
    });
    const { id } = await engine.start({ action: { kind: 'open' }, keys: keys(ix, 6) });
    await engine.settled(id);
    expect(ix.open_.maxInFlight).toBe(3);
  });

  it('bounds a bulk open across connections, not per connection', async () => {
    const a = new FakeProvider('a', 4);
    const b = new FakeProvider('b', 4);
    b.open_ = a.open_;
    const { engine } = setup([a, b]);
    const { id } = await engine.start({
      action: { kind: 'open' },
      keys: [...keys(a, 4), ...keys(b, 4)],
      concurrency: 2,
    });
    expect(await engine.settled(id)).toMatchObject({ ok: 8 });
    expect(a.open_.maxInFlight).toBe(2);
  });

  it('reports a failed open with the vendor reason and an unknown status', async () => {
    const ix = new FakeProvider('ix', 2);
    ix.failures.set('2', vendorError(2012, 'Proxy check failed'));
    const { engine, statuses } = setup([ix]);
    const { id } = await engine.start({ action: { kind: 'open' }, keys: keys(ix, 2) });
    const job = await engine.settled(id);
    expect(job.items[1]).toMatchObject({
      state: 'failed',
      error: { details: { vendorCode: 2012 } },
    });
    expect(statuses().get('ix/2')).toEqual(['opening', 'unknown']);
  });

  it('counts a close whose process is gone as closed; statuses go closing → closed', async () => {
    const ix = new FakeProvider('ix', 3);
    ix.processGone.add('2');
    const { engine, statuses } = setup([ix]);
    const { id } = await engine.start({ action: { kind: 'close' }, keys: keys(ix, 3) });
    const job = await engine.settled(id);
    expect(job).toMatchObject({ ok: 3, failed: 0 });
    expect(job.items[1]).toMatchObject({
      state: 'ok',
      note: 'already closed',
      noteWords: [{ key: 'alreadyClosed' }],
    });
    for (const key of keys(ix, 3)) expect(statuses().get(key)).toEqual(['closing', 'closed']);
  });

  it("uses the vendor's batch close where it has one", async () => {
    const ix = new FakeProvider('ix', 3);
    ix.closeMany = async (ids) => {
      ix.calls.push({ method: 'closeMany', ids });
      return new Map(ids.map((id) => [id, null]));
    };
    const { engine, statuses } = setup([ix]);
    const { id } = await engine.start({ action: { kind: 'close' }, keys: keys(ix, 3) });
    expect(await engine.settled(id)).toMatchObject({ ok: 3 });
    expect(ix.calls.filter((c) => c.method === 'closeMany' || c.method === 'close')).toEqual([
      { method: 'closeMany', ids: ['1', '2', '3'] },
    ]);
    expect(statuses().get('ix/2')).toEqual(['closing', 'closed']);
  });
});

describe('check proxy before opening', () => {
  const withProxy = (fake: FakeProvider, id: string) => {
    const p = fake.profiles.get(id)!;
    p.proxy = { ...p.proxy, method: 'custom', type: 'http', host: '198.51.100.9', port: 8080 };
  };
  const failing = async (profile: { vendorId: string }) =>
    profile.vendorId === '2'
      ? {
          ok: false as const,
          checkedAt: 1,
          reason: 'refused' as const,
          message: 'connection refused',
        }
      : { ok: true as const, checkedAt: 1, exitIp: '203.0.113.5' };

  it('blocks the open of a profile whose proxy fails, says why, and opens the others', async () => {
    const ix = new FakeProvider('ix', 3);
    for (const id of ['1', '2', '3']) withProxy(ix, id);
    const { engine, statuses } = setup([ix], {
      checkProxy: failing,
      checkProxyBeforeOpen: async () => true,
    });
    const { id } = await engine.start({ action: { kind: 'open' }, keys: keys(ix, 3) });
    const job = await engine.settled(id);
    expect(job).toMatchObject({ ok: 2, failed: 1 });
    expect(job.items[1]).toMatchObject({
      state: 'failed',
      error: { code: 'unreachable', message: 'Not opened: Proxy check failed: connection refused' },
    });
    expect(job.items[0]).toMatchObject({
      note: 'proxy checked: exit IP 203.0.113.5',
      noteWords: [{ key: 'proxyChecked', params: { ip: '203.0.113.5' } }],
    });
    const opened = ix.calls.filter((c) => c.method === 'open').flatMap((c) => c.ids);
    expect(opened.sort()).toEqual(['1', '3']);
    expect(statuses().get(ix.key('2'))).toBeUndefined();
  });

  it('does not check when the connection has the option off', async () => {
    const ix = new FakeProvider('ix', 2);
    withProxy(ix, '2');
    const { engine } = setup([ix], {
      checkProxy: failing,
      checkProxyBeforeOpen: async () => false,
    });
    const { id } = await engine.start({ action: { kind: 'open' }, keys: keys(ix, 2) });
    expect(await engine.settled(id)).toMatchObject({ ok: 2, failed: 0 });
  });
});

describe('cancel', () => {
  it('cancels pending opens; the ones in flight finish', async () => {
    const ix = new FakeProvider('ix', 5);
    const hold = gate();
    ix.hold = hold.opened;
    const { engine, statuses } = setup([ix]);
    const twoOpening = ix.whenOpening(2);
    const { id } = await engine.start({
      action: { kind: 'open' },
      keys: keys(ix, 5),
      concurrency: 2,
    });
    await twoOpening;

    const cancelled = engine.cancel(id);
    expect(cancelled).toMatchObject({ state: 'running', cancelled: 3 });
    hold.open();
    const job = await engine.settled(id);

    expect(job).toMatchObject({ state: 'cancelled', ok: 2, cancelled: 3, failed: 0 });
    expect(ix.calls.filter((c) => c.method === 'open')).toHaveLength(2);
    expect(job.items.map((i) => i.state)).toEqual([
      'ok',
      'ok',
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
    expect(statuses().has('ix/3')).toBe(false);
  });

  it('cancels the chunks not yet sent of a batch edit', async () => {
    const ix = new FakeProvider('ix', 25);
    const hold = gate();
    ix.hold = hold.opened;
    const { engine } = setup([ix], { chunkSize: 10 });
    const firstCall = ix.whenCalled('setRemark');
    const { id } = await engine.start({
      action: { kind: 'set-remark', remark: 'x' },
      keys: keys(ix, 25),
    });
    await firstCall;
    engine.cancel(id);
    hold.open();
    const job = await engine.settled(id);
    expect(job).toMatchObject({ state: 'cancelled', ok: 10, cancelled: 15 });
    expect(ix.calls.filter((c) => c.method === 'setRemark')).toHaveLength(1);
    expect(ix.profiles.get('11')!.remark).toBe('');
  });

  it('leaves a finished job as it was', async () => {
    const ix = new FakeProvider('ix', 1);
    const { engine } = setup([ix]);
    const { id } = await engine.start({ action: { kind: 'close' }, keys: keys(ix, 1) });
    await engine.settled(id);
    expect(engine.cancel(id)).toMatchObject({ state: 'done', ok: 1, cancelled: 0 });
  });
});
