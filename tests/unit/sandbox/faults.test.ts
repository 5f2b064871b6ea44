import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../electron/sandbox';
import { cos, ix } from './support';

let sb: Sandbox | undefined;
afterEach(async () => {
  await sb?.stop();
  sb = undefined;
});

const start = (faults: Parameters<Sandbox['setFaults']>[0] = {}) =>
  startSandbox({ profiles: 20, chromiumPath: null, faults }).then((s) => (sb = s));

describe('injected faults', () => {
  it('with errorRate 1 answers every call busy in each vendor’s way', async () => {
    const s = await start({ errorRate: 1 });
    const codes = new Set<number>();
    for (let i = 0; i < 12; i++) {
      const { status, json } = await ix(s, 'profile-list', {});
      expect(status).toBe(200);
      expect(json.data).toBeNull();
      codes.add(json.error.code);
    }
    expect([...codes].sort()).toEqual([1008, 1010]);
    const { status, json } = await cos(s, '/browser/list', {});
    expect(status).toBe(500);
    expect(json).toEqual({ code: 500, msg: 'Local service execution failed', data: {} });
  });

  it('answers ixBrowser 1010 beyond 3 requests in flight, and counts the peak', async () => {
    const s = await start({ latencyMs: 300 });
    const answers = await Promise.all(Array.from({ length: 5 }, () => ix(s, 'group-list', {})));
    const codes = answers.map((a) => a.json.error.code).sort();
    expect(codes).toEqual([0, 0, 0, 1010, 1010]);
    expect(s.ix.maxConcurrentSeen()).toBe(5);

    s.setFaults({ latencyMs: 300, ixConcurrencyLimit: 0 });
    const unlimited = await Promise.all(Array.from({ length: 5 }, () => ix(s, 'group-list', {})));
    expect(unlimited.map((a) => a.json.error.code)).toEqual([0, 0, 0, 0, 0]);
  });

  it('never refuses a client that keeps to 3 requests at a time', async () => {
    const s = await start({ latencyMs: 5 });
    const worker = async () => {
      const codes: number[] = [];
      for (let i = 0; i < 15; i++)
        codes.push((await ix(s, 'profile-list', { page: i + 1 })).json.error.code);
      return codes;
    };
    const codes = (await Promise.all([worker(), worker(), worker()])).flat();
    expect(codes.filter((c) => c !== 0)).toEqual([]);
    expect(s.ix.maxConcurrentSeen()).toBe(3);
  });

  it('does not limit CosLogin’s concurrency', async () => {
    const s = await start({ latencyMs: 200 });
    const answers = await Promise.all(Array.from({ length: 6 }, () => cos(s, '/browser/list', {})));
    expect(answers.map((a) => a.json.code)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(s.cos.maxConcurrentSeen()).toBe(6);
  });

  it('drops connections without answering, and counts only answered requests', async () => {
    const s = await start();
    await ix(s, 'profile-list', {});
    expect(s.ix.requestCount()).toBe(1);
    s.setFaults({ dropRate: 1 });
    await expect(ix(s, 'profile-list', {})).rejects.toThrow();
    await expect(cos(s, '/browser/list', {})).rejects.toThrow();
    expect(s.ix.requestCount()).toBe(1);
    s.setFaults({});
    s.ix.resetRequestCount();
    await ix(s, 'profile-list', {});
    expect(s.ix.requestCount()).toBe(1);
  });

  it('fails edits of failIds deterministically and lets the rest through', async () => {
    const s = await start();
    const [a, b] = s.ix.profiles().map((p) => p.profile_id);
    const [w1, w2] = s.cos.profiles().map((w) => w.id);
    s.setFaults({ failIds: [String(a), String(w1)] });

    expect((await ix(s, 'profile-update', { profile_id: a, note: 'x' })).json.error.code).toBe(
      1011,
    );
    expect((await ix(s, 'profile-update', { profile_id: b, note: 'x' })).json.error.code).toBe(0);
    const custom = { proxy_mode: 2, proxy_type: 'direct' };
    expect(
      (await ix(s, 'profile-update-proxy-for-custom-proxy', { profile_id: a, proxy_info: custom }))
        .json.error.code,
    ).toBe(1011);
    expect(
      (await ix(s, 'profile-update-groups-in-batches', { group_id: 1, profile_id: [b, a] })).json
        .error.code,
    ).toBe(1011);
    expect(s.ix.profiles().find((p) => p.profile_id === a)!.note).not.toBe('x');

    const failed = await cos(s, '/browser/remark/update', { ids: [w1], remark: 'x' });
    expect(failed.status).toBe(500);
    expect(failed.json.code).toBe(500);
    expect((await cos(s, '/browser/remark/update', { ids: [w2], remark: 'x' })).json.code).toBe(0);
    // Reads still work for the failing ids.
    expect((await ix(s, 'profile-list', { profile_id: a })).json.data.total).toBe(1);
  });

  it('adds latency to every response', async () => {
    const s = await start({ latencyMs: 250 });
    const started = performance.now();
    await cos(s, '/browserTag/list', {});
    // A lower bound only: it proves the delay is applied, not how fast the machine is.
    expect(performance.now() - started).toBeGreaterThanOrEqual(240);
  });
});
