/**
 * 50 renderer requests at once against one ixBrowser connection: the vendor tolerates 3
 * requests in flight, and BrowserDeck's own limiter (not the sandbox's) keeps to it.
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
