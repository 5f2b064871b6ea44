/**
 * The real core over the sandbox with real Chromium, for the automation tests: both
 * connections added, a counter of browsers alive (spawned and not yet exited), and helpers
 * to open a profile behind the app's back and to run a job to its end.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { createCore, type Core, type CoreDeps } from '../../../electron/main/core';
import { createLogger } from '../../../electron/main/log';
import { createTestCipher } from '../../../electron/main/secrets/secret-store';
import {
  findChromium,
  startSandbox,
  type Sandbox,
  type SandboxSetup,
} from '../../../electron/sandbox';
import type { RequestOf } from '../../../shared/ipc/contract';
import type { Job } from '../../../shared/model/job';
import { ix } from '../sandbox/support';

export const chromiumPath = findChromium();

export interface AutomationCore {
  core: Core;
  sandbox: Sandbox;
  dataDir: string;
  ixId: string;
  cosId: string;
  logLines: string[];
  browsers: {
    alive: number;
    /** The most alive at once since the last reset. */
    peak: number;
    resetPeak(): void;
  };
  /** Opens an ixBrowser profile through the vendor API, as if the user had, without a proxy. */
  openBehind(vendorId: number): Promise<{ pid: number; port: number }>;
  /** Starts a job and waits for its end (through the contract, as the renderer does). */
  runJob(request: RequestOf<'jobs:start'>): Promise<Job>;
  /** "Retry failed" on a finished job, and waits for the retry's end. */
  retryFailed(id: string): Promise<Job>;
  /** Quits the core and starts a new one over the same data dir, as a restart of the app. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startAutomationCore(
  sandboxSetup: SandboxSetup = {},
  coreDeps: Partial<CoreDeps> = {},
): Promise<AutomationCore> {
  if (!chromiumPath) throw new Error('these tests need a Chromium');
  const browsers = {
    alive: 0,
    peak: 0,
    resetPeak() {
      browsers.peak = browsers.alive;
    },
  };
  const counting = ((...args: Parameters<typeof spawn>) => {
    const child = (spawn as (...a: unknown[]) => ChildProcess)(...args);
    browsers.alive++;
    browsers.peak = Math.max(browsers.peak, browsers.alive);
    child.once('exit', () => browsers.alive--);
    return child;
  }) as typeof spawn;
  const sandbox = await startSandbox({
    ixProfiles: 10,
    cosProfiles: 3,
    ...sandboxSetup,
    chromiumPath,
    // Chromium refuses to start sandboxed as root, as these tests run here: off, explicitly.
    chromiumSandbox: false,
    spawn: counting,
  });
  const dataDir = await mkdtemp(join(tmpdir(), 'deck-automation-'));
  const logLines: string[] = [];
  const cipher = createTestCipher();
  const newCore = () =>
    createCore({
      dataDir,
      cipher,
      log: createLogger((l) => logLines.push(l)),
      app: { name: 'BrowserDeck', version: '0.0.0', platform: 'linux', electron: null },
      validateResponses: true,
      detectPorts: { ixbrowser: [], cos: [] },
      ...coreDeps,
    });
  const core = newCore();
  const add = async (body: RequestOf<'connections:add'>) => {
    const added = await core.dispatch('connections:add', body);
    expect(added.ok).toBe(true);
    return (added as { data: { id: string } }).data.id;
  };
  const ixId = await add({ vendor: 'ixbrowser', baseUrl: sandbox.ix.url });
  const cosId = await add({ vendor: 'cos', baseUrl: sandbox.cos.url, token: sandbox.cos.token });

  const env: AutomationCore = {
    core,
    sandbox,
    dataDir,
    ixId,
    cosId,
    logLines,
    browsers,
    async openBehind(vendorId) {
      // Seeded proxies point at documentation addresses: pages load only without one.
      await direct(sandbox, vendorId);
      const opened = await ix(sandbox, 'profile-open', { profile_id: vendorId });
      expect(opened.json.error.code).toBe(0);
      return { pid: opened.json.data.pid, port: Number(opened.json.data.debugging_port) };
    },
    runJob: (request) => untilEnded(() => env.core.dispatch('jobs:start', request)),
    retryFailed: (id) => untilEnded(() => env.core.dispatch('jobs:retry-failed', { id })),
    async restart() {
      await env.core.dispose();
      env.core = newCore();
    },
    async close() {
      await env.core.dispose();
      await sandbox.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  /** Starts a job with `start` and waits for its end (through the contract, as the renderer does). */
  async function untilEnded(start: () => Promise<unknown>): Promise<Job> {
    // Listening before the start, so a job that ends at once is not missed.
    const ended = new Set<string>();
    let wanted: { id: string; resolve(): void } | undefined;
    const off = env.core.events.subscribe((event, payload) => {
      const p = payload as { id?: string; state?: string };
      if (event !== 'jobs:event:progress' || p.state === 'running' || !p.id) return;
      ended.add(p.id);
      if (wanted?.id === p.id) wanted.resolve();
    });
    try {
      const started = await start();
      expect(started).toMatchObject({ ok: true });
      const { id } = (started as { data: { id: string } }).data;
      if (!ended.has(id)) await new Promise<void>((resolve) => (wanted = { id, resolve }));
      return ((await env.core.dispatch('jobs:get', { id })) as { data: Job }).data;
    } finally {
      off();
    }
  }
  return env;
}

/** Takes an ixBrowser profile's proxy off, so its pages reach the test's loopback servers. */
export async function direct(sandbox: Sandbox, vendorId: number): Promise<void> {
  const set = await ix(sandbox, 'profile-update-proxy-for-custom-proxy', {
    profile_id: vendorId,
    proxy_info: { proxy_mode: 2, proxy_type: 'direct' },
  });
  expect(set.json.error.code).toBe(0);
}
