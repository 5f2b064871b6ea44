import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from '../../../electron/sandbox';
import { chromiumArgs } from '../../../electron/sandbox/browsers';
import { launchProxyFor, startUrlFor } from '../../../electron/sandbox/ix-api';
import { median, repeat, skipped, verdict, type Scenario } from '../bench';
import { bareClient } from '../http';

type IxAnswer = { error: { code: number; message: string } };

/** Chromium started by hand with the sandbox's own arguments, until its DevTools port is up. */
async function bareChromiumStart(browserPath: string, args: string[], dir: string) {
  const portFile = join(dir, 'DevToolsActivePort');
  await rm(portFile, { force: true });
  const t0 = performance.now();
  const child = spawn(browserPath, args, { stdio: 'ignore' });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  try {
    for (;;) {
      const text = await readFile(portFile, 'utf8').catch(() => '');
      if (/^\d+\n\/devtools\//.test(text)) return performance.now() - t0;
      if (child.exitCode !== null) throw new Error('Chromium exited before its DevTools port');
      await new Promise((r) => setTimeout(r, 2));
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

/**
 * `sandbox.open.overhead.ms`: what the sandbox's `profile-open` adds to Chromium's own
 * start (same binary, same arguments, a reused user-data-dir, ready = DevTools port
 * written), alternated.
 */
export const sandboxOpenScenario: Scenario = {
  name: 'sandbox-open',
  async run() {
    const sb = await startSandbox({ profiles: 3 });
    if (sb.simulated || !sb.browserPath) {
      await sb.stop();
      return [skipped('sandbox.open.overhead.ms', 'no Chromium found: the sandbox is simulated')];
    }
    const http = bareClient(1);
    const dir = await mkdtemp(join(tmpdir(), 'deck-bench-chromium-'));
    try {
      const record = sb.ix.profiles()[0]!;
      const args = chromiumArgs(
        { key: 'bench', startUrl: startUrlFor(record.site_url), proxy: launchProxyFor(record) },
        dir,
        true,
      );
      const ixCall = async (action: string) => {
        const r = (await http.post(`${sb.ix.url}/api/v2/${action}`, {
          profile_id: record.profile_id,
        })) as IxAnswer;
        if (r.error.code !== 0) throw new Error(`${action}: ${r.error.message}`);
      };
      const sandboxOpen = async () => {
        const t0 = performance.now();
        await ixCall('profile-open');
        const ms = performance.now() - t0;
        await ixCall('profile-close');
        return ms;
      };
      const bare = () => bareChromiumStart(sb.browserPath!, args, dir);
      const pairs = await repeat(15, 1, async (i) => {
        if (i % 2) {
          const b = await bare();
          return { sandbox: await sandboxOpen(), bare: b };
        }
        const s = await sandboxOpen();
        return { sandbox: s, bare: await bare() };
      });
      // Chromium's start alone varies by hundreds of ms run to run, so the overhead is the
      // difference of the medians of many starts, not the median of noisy differences.
      const overhead = median(pairs.map((p) => p.sandbox)) - median(pairs.map((p) => p.bare));
      return [verdict('sandbox.open.overhead.ms', 'ms', '<', 50, [overhead])];
    } finally {
      http.close();
      await sb.stop();
      await rm(dir, { recursive: true, force: true });
    }
  },
};
