/**
 * Demo mode starts the sandbox on the user's desktop: it decides Chromium's own sandbox
 * explicitly (on, except as root on Linux), says so in the log, and passes the decision on.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/main/core';
import { createLogger } from '../../../electron/main/log';
import { createTestCipher } from '../../../electron/main/secrets/secret-store';
import {
  decideChromiumSandbox,
  startSandbox,
  type SandboxOptions,
} from '../../../electron/sandbox';

let core: Core | undefined;
let dataDir: string | undefined;
afterEach(async () => {
  await core?.dispose();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  core = dataDir = undefined;
});

/** Starts the demo through the core; the sandbox runs simulated, the options are kept. */
async function startDemo(
  demo: { chromiumSandbox?: boolean },
  request: { profiles?: number } = { profiles: 4 },
  before?: (core: Core) => Promise<unknown>,
) {
  const seen: SandboxOptions[] = [];
  const lines: string[] = [];
  dataDir = await mkdtemp(join(tmpdir(), 'browserdeck-demo-'));
  core = createCore({
    dataDir,
    cipher: createTestCipher(),
    log: createLogger((l) => lines.push(l)),
    app: { name: 'BrowserDeck', version: '0.0.0', platform: 'linux', electron: null },
    detectPorts: { ixbrowser: [], cos: [] },
    demo: {
      ...demo,
      startSandbox: (options) => {
        seen.push(options);
        return startSandbox({ ...options, chromiumPath: null });
      },
    },
  });
  await before?.(core);
  expect(await core.dispatch('demo:start', request)).toMatchObject({ ok: true });
  return { options: seen[0]!, lines };
}

describe('how many demo profiles', () => {
  it('a demo started without a count makes as many as the settings say, split between the vendors', async () => {
    const { options } = await startDemo({ chromiumSandbox: false }, {}, (c) =>
      c.dispatch('settings:update', { demoProfiles: 7 }),
    );
    // Shared out evenly over the four vendors, the first ones taking the remainder.
    expect([
      options.ixProfiles,
      options.cosProfiles,
      options.bitProfiles,
      options.adsProfiles,
    ]).toEqual([2, 2, 2, 1]);
  });
});

describe("demo mode and Chromium's own sandbox", () => {
  it('decides it for the user running BrowserDeck, and logs the decision with its reason', async () => {
    const { options, lines } = await startDemo({});
    const expected = decideChromiumSandbox();
    expect(options.chromiumSandbox).toBe(expected.chromiumSandbox);
    expect(lines.some((l) => l.includes(expected.reason))).toBe(true);
  });

  it('passes an explicit choice (tests running as root say off) and says it was given', async () => {
    for (const chromiumSandbox of [false, true]) {
      const { options, lines } = await startDemo({ chromiumSandbox });
      expect(options.chromiumSandbox).toBe(chromiumSandbox);
      expect(
        lines.some((l) => /Chromium's own sandbox (on|OFF) \(set by the caller\)/.test(l)),
      ).toBe(true);
      await core!.dispose();
      core = undefined;
    }
  });
});
