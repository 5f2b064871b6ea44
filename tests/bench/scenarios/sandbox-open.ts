import { spawn as nodeSpawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startSandbox } from '../../../electron/sandbox';
import { repeat, skipped, verdict, type Scenario } from '../bench';
import { bareClient } from '../http';

type IxAnswer = { error: { code: number; message: string } };

/** Resolves when Chromium has written its DevTools port (polled every 2 ms). */
async function devtoolsPortWritten(userDataDir: string, child: ChildProcess): Promise<void> {
  const portFile = join(userDataDir, 'DevToolsActivePort');
  for (;;) {
    const text = await readFile(portFile, 'utf8').catch(() => '');
    if (/^\d+\n\/devtools\//.test(text)) return;
    if (child.exitCode !== null) throw new Error('Chromium exited before its DevTools port');
    await new Promise((r) => setTimeout(r, 2));
  }
}

/**
 * `sandbox.open.overhead.ms`: what the sandbox's `profile-open` adds to Chromium's own
 * start. Both are taken from the same open: the sandbox starts Chromium through a spawn
 * that notes the moment, and Chromium's own start runs from there until its DevTools port
 * is written (seen the way the sandbox sees it). Chromium's start varies by hundreds of ms
 * from one run to the next; comparing it with starts of its own, as this did before, left
 * the figure wandering between -30 and +75 ms from run to run.
 */
export const sandboxOpenScenario: Scenario = {
  name: 'sandbox-open',
  async run() {
    let chromiumStart: Promise<number> | undefined;
    const spawn = ((command: string, args: readonly string[], options: object) => {
      const t0 = performance.now();
      const child = nodeSpawn(command, args, options);
      const dir = args.find((a) => a.startsWith('--user-data-dir='))?.slice(16);
      chromiumStart = dir
        ? devtoolsPortWritten(dir, child).then(() => performance.now() - t0)
        : Promise.reject(new Error('Chromium started without --user-data-dir'));
      chromiumStart.catch(() => undefined);
      return child;
    }) as typeof nodeSpawn;
    // Chromium refuses to start sandboxed as root, as bench machines may run: off, explicitly.
    const sb = await startSandbox({ profiles: 3, spawn, chromiumSandbox: false });
    if (sb.simulated || !sb.browserPath) {
      await sb.stop();
      return [skipped('sandbox.open.overhead.ms', 'no Chromium found: the sandbox is simulated')];
    }
    const http = bareClient(1);
    try {
      const record = sb.ix.profiles()[0]!;
      const ixCall = async (action: string) => {
        const r = (await http.post(`${sb.ix.url}/api/v2/${action}`, {
          profile_id: record.profile_id,
        })) as IxAnswer;
        if (r.error.code !== 0) throw new Error(`${action}: ${r.error.message}`);
      };
      const overheads = await repeat(15, 1, async () => {
        chromiumStart = undefined;
        const t0 = performance.now();
        await ixCall('profile-open');
        const open = performance.now() - t0;
        if (!chromiumStart) throw new Error('profile-open did not start Chromium');
        const own = await chromiumStart;
        await ixCall('profile-close');
        return open - own;
      });
      return [verdict('sandbox.open.overhead.ms', overheads)];
    } finally {
      http.close();
      await sb.stop();
    }
  },
};
