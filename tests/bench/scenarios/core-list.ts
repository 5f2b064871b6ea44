import { COS_CONCURRENCY } from '../../../electron/main/providers/cos/cos-capabilities';
import { IX_CONCURRENCY } from '../../../electron/main/providers/ixbrowser/ix-capabilities';
import { DEFAULT_PAGE_SIZE } from '../../../electron/main/providers/common/provider-options';
import { repeat, skipped, verdict, type Scenario } from '../bench';
import { addConnection, startBenchCore } from '../bench-core';
import { ownCpuMs, processCpuMs } from '../cpu-time';
import { bareClient, inParallel } from '../http';
import { startSandboxProcess } from '../sandbox-process';

const PROFILES = 10_000;
/**
 * Pairs per vendor. One listing's wall time varies by half either way on a shared 2-core
 * machine (the vendor process's own GC lands on either side): with 15 pairs the median
 * ratio moved by ±0.15 from run to run. With 25 at load 10, four runs' medians spread by
 * 0.23 (wall) and 0.08 (CPU) for ixBrowser; 31 narrows that by a tenth more.
 */
const PAIRS = 31;

/**
 * `core.list10k.ratio` / `core.list10k.cos.ratio`: profiles:list through the core over
 * 10,000 profiles, against the bare requests for the same pages as the provider makes them
 * (first page, then the rest at the vendor's concurrency). Alternated, median of the ratios.
 * The sandbox runs in a process of its own, as a vendor client does.
 * `core.list10k.cpu.ratio` / `core.list10k.cos.cpu.ratio`: the same pairs in CPU time, of
 * this process and the sandbox's together: the work both sides cause, without the time
 * spent waiting for a core while other work shares the machine.
 */
export const coreListScenario: Scenario = {
  name: 'core-list',
  async run() {
    const sb = await startSandboxProcess(PROFILES);
    const bc = await startBenchCore();
    const ixHttp = bareClient(IX_CONCURRENCY);
    const cosHttp = bareClient(COS_CONCURRENCY);
    try {
      const ix = await addConnection(bc, { vendor: 'ixbrowser', baseUrl: sb.ixUrl });
      const cos = await addConnection(bc, {
        vendor: 'cos',
        baseUrl: sb.cosUrl,
        token: sb.cosToken,
      });
      const pages = Math.ceil(PROFILES / DEFAULT_PAGE_SIZE);
      const rest = Array.from({ length: pages - 1 }, (_, i) => i + 1);

      const bareIx = async () => {
        const page = (n: number) =>
          ixHttp.post(`${sb.ixUrl}/api/v2/profile-list`, {
            page: n + 1,
            limit: DEFAULT_PAGE_SIZE,
          });
        await page(0);
        await inParallel(rest, IX_CONCURRENCY, page);
      };
      const bareCos = async () => {
        const page = (n: number) =>
          cosHttp.post(
            `${sb.cosUrl}/browser/list`,
            { page: n, pageSize: DEFAULT_PAGE_SIZE },
            { 'X-Cos-Local-Token': sb.cosToken },
          );
        await page(0);
        await inParallel(rest, COS_CONCURRENCY, page);
      };
      const viaCore = (connectionId: string) => async () => {
        const { profiles, errors } = await bc.call('profiles:list', {
          connectionIds: [connectionId],
        });
        if (errors.length || profiles.length !== PROFILES)
          throw new Error(
            `profiles:list gave ${profiles.length} profiles, ${errors.length} errors`,
          );
      };
      const sandboxCpu = () => processCpuMs(sb.pid);
      const cpuMs = () => ownCpuMs() + (sandboxCpu() ?? 0);
      const measure = async (fn: () => Promise<void>) => {
        const c0 = cpuMs();
        const t0 = performance.now();
        await fn();
        return { wall: performance.now() - t0, cpu: cpuMs() - c0 };
      };
      const pair = async (i: number, app: () => Promise<void>, bare: () => Promise<void>) => {
        // Alternate which goes first so neither always meets a warmer server.
        const appFirst = i % 2 === 0;
        const x = await measure(appFirst ? app : bare);
        const y = await measure(appFirst ? bare : app);
        const [a, b] = appFirst ? [x, y] : [y, x];
        return { wall: a.wall / b.wall, cpu: a.cpu / b.cpu };
      };
      // Interleaved: an ixBrowser pair, then a CosLogin pair, so a busy spell on the
      // machine falls on both alike rather than on one vendor's whole series.
      const pairs = await repeat(PAIRS, 2, async (i) => ({
        ix: await pair(i, viaCore(ix.id), bareIx),
        cos: await pair(i, viaCore(cos.id), bareCos),
      }));
      const results = [
        verdict(
          'core.list10k.ratio',
          pairs.map((p) => p.ix.wall),
        ),
        verdict(
          'core.list10k.cos.ratio',
          pairs.map((p) => p.cos.wall),
        ),
      ];
      if (sandboxCpu() === undefined) {
        const why = 'no per-thread CPU time of the sandbox process (Linux /proc only)';
        return [
          ...results,
          skipped('core.list10k.cpu.ratio', why),
          skipped('core.list10k.cos.cpu.ratio', why),
        ];
      }
      return [
        ...results,
        verdict(
          'core.list10k.cpu.ratio',
          pairs.map((p) => p.ix.cpu),
        ),
        verdict(
          'core.list10k.cos.cpu.ratio',
          pairs.map((p) => p.cos.cpu),
        ),
      ];
    } finally {
      ixHttp.close();
      cosHttp.close();
      await bc.dispose();
      await sb.stop();
    }
  },
};
