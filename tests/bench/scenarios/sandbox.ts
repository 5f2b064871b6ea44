import { startSandbox } from '../../../electron/sandbox';
import { repeat, verdict, type Scenario } from '../bench';
import { bareClient } from '../http';

/** `sandbox.list10k.ms`: 10,000 profiles in pages of 100, one page after another, per vendor. */
export const sandboxScenario: Scenario = {
  name: 'sandbox',
  async run() {
    const sb = await startSandbox({
      profiles: 10_000,
      chromiumPath: null,
      faults: { ixConcurrencyLimit: 0 },
    });
    const http = bareClient(1);
    try {
      const listIx = async () => {
        for (let page = 1; page <= 100; page++)
          await http.post(`${sb.ix.url}/api/v2/profile-list`, { page, limit: 100 });
      };
      const listCos = async () => {
        for (let page = 0; page < 100; page++)
          await http.post(
            `${sb.cos.url}/browser/list`,
            { page, pageSize: 100 },
            { 'X-Cos-Local-Token': sb.cos.token },
          );
      };
      const time = async (fn: () => Promise<void>) => {
        const t0 = performance.now();
        await fn();
        return performance.now() - t0;
      };
      const ix = await repeat(5, 1, () => time(listIx));
      const cos = await repeat(5, 1, () => time(listCos));
      return [verdict('sandbox.list10k.ms', ix), verdict('sandbox.list10k.cos.ms', cos)];
    } finally {
      http.close();
      await sb.stop();
    }
  },
};
