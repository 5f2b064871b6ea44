import { startSandbox } from '../../../electron/sandbox';
import { repeat, skipped, verdict, type Scenario } from '../bench';
import { addConnection, runJob, startBenchCore } from '../bench-core';
import { bareClient } from '../http';

type IxAnswer = { error: { code: number; message: string } };

/**
 * `open.overhead.ratio`: opening one profile in real (headless) Chromium as the app does
 * it (an `open` job through the core, until it settled) against a bare `profile-open`
 * POST to the sandbox. Each is closed before the next; the two alternate.
 */
export const openScenario: Scenario = {
  name: 'open',
  async run() {
    // Chromium refuses to start sandboxed as root, as bench machines may run: off, explicitly.
    const sb = await startSandbox({ profiles: 5, chromiumSandbox: false });
    if (sb.simulated) {
      await sb.stop();
      return [skipped('open.overhead.ratio', 'no Chromium found: the sandbox is simulated')];
    }
    const bc = await startBenchCore();
    const http = bareClient(1);
    const ixCall = async (action: string, body: object) => {
      const r = (await http.post(`${sb.ix.url}/api/v2/${action}`, body)) as IxAnswer;
      if (r.error.code !== 0) throw new Error(`${action}: ${r.error.message}`);
    };
    try {
      const ix = await addConnection(bc, { vendor: 'ixbrowser', baseUrl: sb.ix.url });
      const { profiles } = await bc.call('profiles:list', { connectionIds: [ix.id] });
      const profile = profiles[0]!;
      const appOpen = async () => {
        const t = await runJob(bc, { action: { kind: 'open' }, keys: [profile.key] });
        if (t.summary.ok !== 1) throw new Error('the open job failed');
        const closed = await runJob(bc, { action: { kind: 'close' }, keys: [profile.key] });
        if (closed.summary.ok !== 1) throw new Error('the close job failed');
        return t.settledMs;
      };
      const bareOpen = async () => {
        const t0 = performance.now();
        await ixCall('profile-open', { profile_id: Number(profile.vendorId) });
        const ms = performance.now() - t0;
        await ixCall('profile-close', { profile_id: Number(profile.vendorId) });
        return ms;
      };
      const ratios = await repeat(5, 1, async (i) => {
        // Alternate which goes first, so neither always follows the other's close.
        if (i % 2) {
          const bare = await bareOpen();
          return (await appOpen()) / bare;
        }
        const app = await appOpen();
        return app / (await bareOpen());
      });
      return [verdict('open.overhead.ratio', ratios)];
    } finally {
      http.close();
      await bc.dispose();
      await sb.stop();
    }
  },
};
