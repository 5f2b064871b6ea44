/**
 * The real core over the real sandbox (simulated browsers), one fresh data dir each, for
 * the reliability tests. Everything is torn down by the returned close().
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { createCore, type Core, type CoreDeps } from '../../../electron/main/core';
import { createLogger } from '../../../electron/main/log';
import { createTestCipher } from '../../../electron/main/secrets/secret-store';
import { startSandbox, type Sandbox, type SandboxSetup } from '../../../electron/sandbox';
import { VENDORS, type Profile, type Vendor } from '../../../shared/model';

export interface SandboxedCore {
  core: Core;
  sandbox: Sandbox;
  logLines: string[];
  /** Adds a connection to the sandbox's vendor (its token and rate) and returns its id. */
  connect(vendor: Vendor): Promise<string>;
  listProfiles(connectionId: string): Promise<Profile[]>;
  close(): Promise<void>;
}

export async function startSandboxedCore(
  sandboxOptions: SandboxSetup,
  coreDeps: Partial<CoreDeps> = {},
): Promise<SandboxedCore> {
  const sandbox = await startSandbox({ chromiumPath: null, ...sandboxOptions });
  const dataDir = await mkdtemp(join(tmpdir(), 'browserdeck-reliability-'));
  const logLines: string[] = [];
  const core = createCore({
    dataDir,
    cipher: createTestCipher(),
    log: createLogger((l) => logLines.push(l)),
    app: { name: 'BrowserDeck', version: '0.0.0', platform: 'linux', electron: null },
    validateResponses: true,
    detectPorts: { ixbrowser: [], cos: [] },
    ...coreDeps,
  });
  return {
    core,
    sandbox,
    logLines,
    async connect(vendor) {
      const { url, token, requestsPerSecond: rate } = sandbox.endpoints[vendor];
      // A test rate the vendor does not offer stays the core's (providerDefaults) business.
      const requestsPerSecond = VENDORS[vendor].rateLimit?.choices.includes(rate ?? 0)
        ? rate
        : undefined;
      const added = await core.dispatch('connections:add', {
        vendor,
        baseUrl: url,
        ...(token ? { token } : {}),
        ...(requestsPerSecond ? { requestsPerSecond } : {}),
      });
      expect(added.ok).toBe(true);
      return (added as { data: { id: string } }).data.id;
    },
    async listProfiles(connectionId) {
      const listed = await core.dispatch('profiles:list', { connectionIds: [connectionId] });
      expect(listed).toMatchObject({ ok: true, data: { errors: [] } });
      return (listed as { data: { profiles: Profile[] } }).data.profiles;
    },
    async close() {
      await core.dispose();
      await sandbox.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
