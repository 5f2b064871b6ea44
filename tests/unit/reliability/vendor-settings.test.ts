/**
 * The settings' request timeout and requests at once reach every vendor's connections, the
 * Bit-family (BitBrowser) and AdsPower ones too, already in use. (ixBrowser in full:
 * ix-concurrency.test.ts.)
 */
import { afterEach, expect, it } from 'vitest';
import type { Vendor } from '../../../shared/model';
import { startSandboxedCore, type SandboxedCore } from './sandboxed-core';

let env: SandboxedCore | undefined;
afterEach(async () => {
  await env?.close();
  env = undefined;
});

it.each<Vendor>(['bitbrowser', 'adspower'])(
  "%s: the settings' request timeout cuts a client that does not answer in time",
  async (vendor) => {
    env = await startSandboxedCore({
      ixProfiles: 0,
      cosProfiles: 0,
      bitProfiles: vendor === 'bitbrowser' ? 2 : 0,
      adsProfiles: vendor === 'adspower' ? 2 : 0,
    });
    const connectionId = await env.connect(vendor);
    const [profile] = await env.listProfiles(connectionId);
    await env.core.dispatch('settings:update', { requestTimeoutMs: 1_000 });
    env.sandbox.setFaults({ latencyMs: 6_000 });
    const started = Date.now();
    const detail = await env.core.dispatch('profiles:detail', { key: profile!.key });
    expect(detail).toMatchObject({ ok: false, error: { code: 'timeout' } });
    // Well under the default 15 s; AdsPower may first wait out its one request a second.
    expect(Date.now() - started).toBeLessThan(4_500);
  },
  20_000,
);

it.each<Vendor>(['bitbrowser', 'adspower'])(
  '%s: a changed limit of requests at once is what its jobs pace themselves by',
  async (vendor) => {
    env = await startSandboxedCore({
      ixProfiles: 0,
      cosProfiles: 0,
      bitProfiles: vendor === 'bitbrowser' ? 1 : 0,
      adsProfiles: vendor === 'adspower' ? 1 : 0,
    });
    const connectionId = await env.connect(vendor);
    await env.core.dispatch('settings:update', { vendorConcurrency: { [vendor]: 1 } });
    const connections = await env.core.dispatch('connections:list', {});
    expect(connections).toMatchObject({
      ok: true,
      data: [{ id: connectionId, capabilities: { maxConcurrency: 1 } }],
    });
    const provider = env.core.services.connections.providerFor(connectionId);
    expect(provider.capabilities.maxConcurrency).toBe(1);
    await env.core.dispatch('settings:update', { vendorConcurrency: { [vendor]: 7 } });
    expect(provider.capabilities.maxConcurrency).toBe(7);
  },
);
