/**
 * Cancel means cancel: the engine claims only what one vendor request carries, just before
 * it goes out, and never runs more requests at once than the connection allows. So Cancel
 * leaves at most the requests in flight to finish, and progress moves per answered request.
 */
import { describe, expect, it } from 'vitest';
import type { JobAction } from '../../../shared/model/job';
import { capabilities } from '../../fixtures/profile';
import { FakeProvider, gate } from './fake-provider';
import { setup } from './setup';

const keys = (fake: FakeProvider, n: number) =>
  Array.from({ length: n }, (_, i) => fake.key(String(i + 1)));

/** ixBrowser as it is: no batch endpoint for remarks, names, tags, proxies or deletes. */
const perProfileVendor = (n: number) =>
  new FakeProvider('ix', n, 'ixbrowser', {
    ...capabilities('ixbrowser'),
    batchRemark: false,
    batchName: false,
    batchTags: false,
    batchProxy: false,
    batchDelete: false,
    maxConcurrency: 3,
  });

describe('cancel on a vendor without a batch endpoint', () => {
  it('sends one profile per request, 3 at a time; Cancel leaves only those 3 to finish', async () => {
    const ix = perProfileVendor(40);
    const hold = gate();
    ix.hold = hold.opened;
    const { engine, progress } = setup([ix], { chunkSize: 200 });
    const threeSent = ix.whenCalls('setRemark', 3);
    const { id } = await engine.start({
      action: { kind: 'set-remark', remark: 'x' },
      keys: keys(ix, 40),
    });
    await threeSent;

    expect(engine.cancel(id)).toMatchObject({ cancelled: 37 });
    hold.open();
    const job = await engine.settled(id);

    expect(job).toMatchObject({ state: 'cancelled', ok: 3, cancelled: 37 });
    expect(ix.calls.filter((c) => c.method === 'setRemark').map((c) => c.ids.length)).toEqual([
      1, 1, 1,
    ]);
    expect([...ix.profiles.values()].filter((p) => p.remark === 'x')).toHaveLength(3);
    // The engine never showed more items running than requests in flight.
    const running = new Map<string, string>();
    for (const event of progress().filter((p) => p.id === id)) {
      for (const item of event.changed) running.set(item.key, item.state);
      expect([...running.values()].filter((s) => s === 'running').length).toBeLessThanOrEqual(3);
    }
  });

  it('moves progress per answered request, not per chunk of 200', async () => {
    const ix = perProfileVendor(12);
    ix.delayMs = 5;
    const { engine, progress } = setup([ix], { chunkSize: 200, progressIntervalMs: 1 });
    const { id } = await engine.start({
      action: { kind: 'set-name', name: 'Same' },
      keys: keys(ix, 12),
    });
    await engine.settled(id);
    const okCounts = progress()
      .filter((p) => p.id === id)
      .map((p) => p.ok);
    // Twelve answers reach the user in several steps, never all at once at the end.
    expect(new Set(okCounts).size).toBeGreaterThanOrEqual(4);
    expect(okCounts.at(-1)).toBe(12);
  });

  it('still sends one request per chunk where the vendor has a batch endpoint', async () => {
    const cos = new FakeProvider('cos', 25, 'cos', capabilities('cos'));
    const { engine } = setup([cos], { chunkSize: 10 });
    const { id } = await engine.start({
      action: { kind: 'set-remark', remark: 'VIP' },
      keys: keys(cos, 25),
    });
    expect(await engine.settled(id)).toMatchObject({ ok: 25 });
    expect(cos.calls.filter((c) => c.method === 'setRemark').map((c) => c.ids.length)).toEqual([
      10, 10, 5,
    ]);
  });
});

describe('per-profile jobs run no more at once than their limit', () => {
  const cases: Array<{ name: string; action: JobAction; method: string; useKeys: boolean }> = [
    {
      name: 'rename',
      action: { kind: 'rename', name: { template: 'Shop {n}', start: 1, pad: 0 } },
      method: 'setName',
      useKeys: true,
    },
    { name: 'copy', action: { kind: 'copy' }, method: 'copyProfile', useKeys: true },
    {
      name: 'create',
      action: {
        kind: 'create',
        connectionId: 'ix',
        items: Array.from({ length: 10 }, (_, i) => ({ name: `New ${i}`, tags: [], remark: '' })),
      },
      method: 'createProfile',
      useKeys: false,
    },
  ];

  it.each(cases)(
    '$name: 3 in flight at most, and Cancel stops the other 7',
    async ({ action, method, useKeys }) => {
      const ix = perProfileVendor(10);
      const hold = gate();
      ix.hold = hold.opened;
      const { engine } = setup([ix]);
      const threeSent = ix.whenCalls(method, 3);
      const { id } = await engine.start({ action, keys: useKeys ? keys(ix, 10) : [] });
      await threeSent;
      // Let anything the engine wrongly started reach the vendor before counting.
      await new Promise((r) => setImmediate(r));

      engine.cancel(id);
      hold.open();
      const job = await engine.settled(id);

      expect(ix.maxActive).toBe(3);
      expect(ix.calls.filter((c) => c.method === method)).toHaveLength(3);
      expect(job).toMatchObject({ state: 'cancelled', ok: 3, cancelled: 7 });
    },
  );
});

describe('per-item results of a batch call', () => {
  it('fails an item the vendor client returned no result for; never counts it as ok', async () => {
    const cos = new FakeProvider('cos', 3, 'cos', capabilities('cos'));
    const real = cos.setRemark.bind(cos);
    cos.setRemark = async (ids, remark) => {
      const results = await real(ids, remark);
      results.delete('2');
      return results;
    };
    const { engine } = setup([cos]);
    const { id } = await engine.start({
      action: { kind: 'set-remark', remark: 'r' },
      keys: keys(cos, 3),
    });
    const job = await engine.settled(id);
    expect(job).toMatchObject({ state: 'failures', ok: 2, failed: 1 });
    expect(job.items[1]).toMatchObject({
      key: 'cos/2',
      state: 'failed',
      error: { code: 'internal', message: 'The vendor client returned no result for this profile' },
    });
  });
});
