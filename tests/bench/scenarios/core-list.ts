import { COS_CONCURRENCY, IX_CONCURRENCY } from '../../../electron/main/providers/capabilities';
import { DEFAULT_PAGE_SIZE } from '../../../electron/main/providers/provider-options';
import { repeat, verdict, type Scenario } from '../bench';
import { addConnection, startBenchCore } from '../bench-core';
import { bareClient, inParallel } from '../http';
import { startSandboxProcess } from '../sandbox-process';

const PROFILES = 10_000;

/**
 * `core.list10k.ratio` / `core.list10k.cos.ratio`: profiles:list through the core over
 * 10,000 profiles, against the bare requests for the same pages as the provider makes them
 * (first page, then the rest at the vendor's concurrency). Alternated, median of the ratios.
 * The sandbox runs in a process of its own, as a vendor client does.
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
      const time = async (fn: () => Promise<void>) => {
        const t0 = performance.now();
        await fn();
        return performance.now() - t0;
      };
      // 15 pairs: one listing pair varies by half either way on a shared 2-core machine
      // (the vendor process's own GC lands in either side), so 7 left the median wandering.
      const ratio = (app: () => Promise<void>, bare: () => Promise<void>) =>
        repeat(15, 2, async (i) => {
          // Alternate which goes first so neither always meets a warmer server.
          if (i % 2) {
            const b = await time(bare);
            return (await time(app)) / b;
          }
          const a = await time(app);
          return a / (await time(bare));
        });
      return [
        verdict('core.list10k.ratio', await ratio(viaCore(ix.id), bareIx)),
        verdict('core.list10k.cos.ratio', await ratio(viaCore(cos.id), bareCos)),
      ];
    } finally {
      ixHttp.close();
      cosHttp.close();
      await bc.dispose();
      await sb.stop();
    }
  },
};
