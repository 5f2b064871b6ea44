import { chromium } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JobSummary } from '../../../shared/model/job';
import { startSandbox } from '../../../electron/sandbox';
import { cdpEndpoint } from '../../../electron/main/services/automation/cdp-endpoint';
import { runBuiltin } from '../../../electron/main/services/automation/builtin-tasks';
import { createJobFiles } from '../../../electron/main/services/automation/job-files';
import { repeat, skipped, verdict, type Scenario } from '../bench';
import { addConnection, startBenchCore, type BenchCore } from '../bench-core';
import { bareClient } from '../http';

/** jobs:start to the progress event that says the job finished. */
async function jobMs(bc: BenchCore, key: string): Promise<number> {
  let unsubscribe = () => {};
  const finished = new Promise<JobSummary>((resolve) => {
    unsubscribe = bc.core.events.subscribe((event, payload) => {
      const p = payload as JobSummary;
      if (event === 'jobs:event:progress' && p.state !== 'running') resolve(p);
    });
  });
  const t0 = performance.now();
  try {
    await bc.call('jobs:start', {
      action: { kind: 'automate', task: { type: 'screenshot' } },
      keys: [key],
      concurrency: 1,
    });
    const job = await finished;
    if (job.ok !== 1) throw new Error(`the screenshot job did not succeed: ${JSON.stringify(job)}`);
    return performance.now() - t0;
  } finally {
    unsubscribe();
  }
}

/**
 * `runner.overhead.ms`: what a run through the automate job adds per profile over doing the
 * same thing by hand. Both take a screenshot (the built-in task: PNG file and thumbnail) of
 * one open real-Chromium profile: by hand, a bare connectOverCDP and the task; through the
 * runner, a one-profile job from jobs:start to its end (the vendor's session list, the
 * connect, the task, the bookkeeping). Runs alternate so a machine's load hits both alike.
 */
export const runnerScenario: Scenario = {
  name: 'runner',
  async run() {
    const sb = await startSandbox({ profiles: 3, chromiumSandbox: false });
    if (sb.simulated || !sb.browserPath) {
      await sb.stop();
      return [skipped('runner.overhead.ms', 'no Chromium found: the sandbox is simulated')];
    }
    const bc = await startBenchCore();
    const filesDir = await mkdtemp(join(tmpdir(), 'deck-bench-runner-'));
    const http = bareClient(1);
    try {
      const conn = await addConnection(bc, { vendor: 'ixbrowser', baseUrl: sb.ix.url });
      const record = sb.ix.profiles()[0]!;
      const opened = (await http.post(`${sb.ix.url}/api/v2/profile-open`, {
        profile_id: record.profile_id,
      })) as { error: { code: number } };
      if (opened.error.code !== 0) throw new Error('profile-open failed');
      const key = `${conn.id}/${record.profile_id}`;
      // The endpoint the runner itself connects to (the ws URL the vendor reports).
      const { sessions } = await bc.call('sessions:list', {});
      const session = sessions.find((x) => x.profileKey === key);
      if (!session) throw new Error('the opened profile is not listed');
      const endpoint = cdpEndpoint(session);
      const files = createJobFiles(filesDir);

      const bare = async () => {
        const t0 = performance.now();
        const browser = await chromium.connectOverCDP(endpoint, { timeout: 30_000 });
        try {
          await runBuiltin(
            { type: 'screenshot' },
            {
              browser,
              jobId: 'bench',
              profileKey: key,
              timeoutMs: 30_000,
              files,
              ipEchoUrl: 'http://127.0.0.1:9/',
              log: () => {},
            },
          );
        } finally {
          await browser.close();
        }
        return performance.now() - t0;
      };
      // Warm both paths (Playwright's first connect loads code).
      await bare();
      await jobMs(bc, key);
      const overheads = await repeat(25, 0, async () => (await jobMs(bc, key)) - (await bare()));
      return [verdict('runner.overhead.ms', overheads)];
    } finally {
      http.close();
      await bc.dispose();
      await sb.stop();
      await rm(filesDir, { recursive: true, force: true });
    }
  },
};
