/**
 * 50 renderer requests at once against one ixBrowser connection: the vendor tolerates 3
 * requests in flight, and BrowserDeck's own limiter (not the sandbox's) keeps to it. The
 * settings' per-vendor limit and request timeout apply to connections already in use.
 */
import { afterEach, expect, it } from 'vitest';
import { startSandboxedCore, type SandboxedCore } from './sandboxed-core';

let env: SandboxedCore | undefined;
afterEach(async () => {
  await env?.close();
  env = undefined;
});

it('50 concurrent profile details never put more than 3 requests in flight, and all succeed', async () => {
  // The sandbox's limit is off, so only the client can keep the count down; latency makes
  // the requests overlap.
  env = await startSandboxedCore({
    ixProfiles: 50,
    cosProfiles: 1,
    faults: { ixConcurrencyLimit: 0, latencyMs: 20 },
  });
  const connectionId = await env.connect('ixbrowser');
  const keys = (await env.listProfiles(connectionId)).map((p) => p.key);
  expect(keys).toHaveLength(50);

  const results = await Promise.all(
    keys.map((key) => env!.core.dispatch('profiles:detail', { key })),
  );

  expect(results.map((r) => r.ok)).toEqual(keys.map(() => true));
  expect(results.map((r) => (r as { data: { key: string } }).data.key)).toEqual(keys);
  expect(env.sandbox.ix.maxConcurrentSeen()).toBeLessThanOrEqual(3);
  // They did run side by side (a limiter of 1 would also pass the line above).
  expect(env.sandbox.ix.maxConcurrentSeen()).toBeGreaterThan(1);
});

it('the settings change the limit of a connection already in use, for its next requests', async () => {
  env = await startSandboxedCore({
    ixProfiles: 30,
    cosProfiles: 1,
    faults: { ixConcurrencyLimit: 0, latencyMs: 20 },
  });
  // Its provider exists from here on: the connection test went through it.
  const connectionId = await env.connect('ixbrowser');
  const keys = env.sandbox.ix.profiles().map((r) => `${connectionId}/${r.profile_id}`);
  expect(
    await env.core.dispatch('settings:update', { vendorConcurrency: { ixbrowser: 1 } }),
  ).toMatchObject({ ok: true });
  expect(await env.core.dispatch('connections:list', {})).toMatchObject({
    ok: true,
    data: [{ id: connectionId, capabilities: { maxConcurrency: 1 } }],
  });

  const results = await Promise.all(
    keys.map((key) => env!.core.dispatch('profiles:detail', { key })),
  );
  expect(results.every((r) => r.ok)).toBe(true);
  expect(env.sandbox.ix.maxConcurrentSeen()).toBe(1);

  // A job paces itself by the same limit, raised now past the vendor's default of 3.
  await env.core.dispatch('settings:update', { vendorConcurrency: { ixbrowser: 5 } });
  const started = await env.core.dispatch('jobs:start', {
    action: { kind: 'set-remark', remark: 'five at once' },
    keys,
  });
  expect(started.ok).toBe(true);
  const state = async () =>
    ((await env!.core.dispatch('jobs:list', {})) as { data: { state: string }[] }).data[0]!.state;
  await expect.poll(state).toBe('done');
  expect(env.sandbox.ix.maxConcurrentSeen()).toBeGreaterThan(3);
  expect(env.sandbox.ix.maxConcurrentSeen()).toBeLessThanOrEqual(5);
});

it("the settings' request timeout cuts a vendor that does not answer in time", async () => {
  env = await startSandboxedCore({ ixProfiles: 2, cosProfiles: 1 });
  const connectionId = await env.connect('ixbrowser');
  const [profile] = await env.listProfiles(connectionId);
  await env.core.dispatch('settings:update', { requestTimeoutMs: 1_000 });
  env.sandbox.setFaults({ latencyMs: 3_000 });
  const started = Date.now();
  const detail = await env.core.dispatch('profiles:detail', { key: profile!.key });
  expect(detail).toMatchObject({ ok: false, error: { code: 'timeout' } });
  expect(Date.now() - started).toBeLessThan(2_500);
});
