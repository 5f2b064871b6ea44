import { startSandbox } from '../../../electron/sandbox';
import { IX_CONCURRENCY } from '../../../electron/main/providers/ixbrowser/ix-capabilities';
import { repeat, verdict, type Scenario } from '../bench';
import { addConnection, runJob, startBenchCore, type BenchCore } from '../bench-core';
import { bareClient, inParallel } from '../http';

const PROFILES = 1_000;

const keysOf = async (bc: BenchCore, connectionId: string) => {
  const { profiles } = await bc.call('profiles:list', { connectionIds: [connectionId] });
  if (profiles.length !== PROFILES) throw new Error(`listed ${profiles.length} profiles`);
  return profiles.map((p) => p.key);
};

const allOk = (what: string, s: { ok: number; total: number; failed: number }) => {
  if (s.ok !== s.total) throw new Error(`${what}: ${s.failed} of ${s.total} items failed`);
};

/** Requests by path: those to `writes` and all others (the reads a job makes first). */
const split = (byPath: Record<string, number>, writes: string) => {
  let reads = 0;
  for (const [path, n] of Object.entries(byPath)) if (path !== writes) reads += n;
  return { writes: byPath[writes] ?? 0, reads };
};

/**
 * `bulk.proxy1000.cos.*`: a set-proxy job on 1,000 CosLogin windows through the core: the
 * edit requests (`/browser/proxy/update`) and the reads the job makes before them (the values
 * it overwrites, kept for Undo), to its "finished" event (the read-back of the changed rows
 * comes after), and the time to that event.
 * `bulk.group1000.ix.*`: a move-group job on 1,000 ixBrowser profiles, and what the job adds
 * to the bare vendor calls it needs (the same listing read and the same batch calls, made
 * directly): its plan, journal, progress and a result per item. An absolute figure, because
 * the sandbox moves 1,000 profiles in one call of about 1 ms, so a ratio would only restate that.
 */
export const bulkScenario: Scenario = {
  name: 'bulk',
  async run() {
    const sb = await startSandbox({
      ixProfiles: PROFILES,
      cosProfiles: PROFILES,
      chromiumPath: null,
    });
    const bc = await startBenchCore();
    const http = bareClient(IX_CONCURRENCY);
    try {
      const cos = await addConnection(bc, {
        vendor: 'cos',
        baseUrl: sb.cos.url,
        token: sb.cos.token,
      });
      const cosKeys = await keysOf(bc, cos.id);
      const proxy = await repeat(5, 1, async (i) => {
        sb.cos.resetRequestCount();
        const t = await runJob(
          bc,
          {
            // A different host each run, so every run really changes every window.
            action: {
              kind: 'set-proxy',
              // A new address takes its own password: "keep" would be refused for the
              // windows that have one (a stored password belongs to its host).
              proxy: {
                method: 'custom',
                type: 'http',
                host: `198.51.100.${20 + i}`,
                port: 8080,
                username: 'bench',
                password: { action: 'set', value: 'bench-password' },
              },
            },
            keys: cosKeys,
          },
          () => split(sb.cos.requestCountByPath(), '/browser/proxy/update'),
        );
        allOk('set-proxy', t.summary);
        return { ...t.atDone, ms: t.doneMs };
      });

      const ix = await addConnection(bc, { vendor: 'ixbrowser', baseUrl: sb.ix.url });
      const ixKeys = await keysOf(bc, ix.id);
      const vendorIds = ixKeys.map((k) => Number(k.slice(ix.id.length + 1)));
      const groups = await bc.call('groups:list', { connectionIds: [ix.id] });
      if (groups.length < 2) throw new Error('the sandbox has fewer than 2 ixBrowser groups');
      // The job moves everything to one group and the bare calls move it back to the
      // other, so every run really moves every profile.
      const [jobGroup, bareGroup] = [groups[0]!.id, Number(groups[1]!.id)];
      const moveGroup = '/api/v2/profile-update-groups-in-batches';
      const group = await repeat(9, 1, async () => {
        sb.ix.resetRequestCount();
        const t = await runJob(
          bc,
          { action: { kind: 'move-group', groupIds: { [ix.id]: jobGroup } }, keys: ixKeys },
          () => sb.ix.requestCountByPath(),
        );
        allOk('move-group', t.summary);
        const writes = t.atDone[moveGroup] ?? 0;
        const listPages = t.atDone['/api/v2/profile-list'] ?? 0;
        // The bare minimum: the same listing pages read at the vendor's concurrency, then
        // the same number of batch calls, chunked the same way, one after the other.
        const t0 = performance.now();
        await inParallel(
          Array.from({ length: listPages }, (_, p) => p + 1),
          IX_CONCURRENCY,
          async (page) => {
            await http.post(`${sb.ix.url}/api/v2/profile-list`, { page, limit: 100 });
          },
        );
        const chunk = Math.ceil(PROFILES / Math.max(1, writes));
        const chunks = Array.from({ length: writes }, (_, c) =>
          vendorIds.slice(c * chunk, (c + 1) * chunk),
        );
        await inParallel(chunks, chunk === 1 ? IX_CONCURRENCY : 1, async (ids) => {
          const r = (await http.post(`${sb.ix.url}${moveGroup}`, {
            group_id: bareGroup,
            profile_id: ids,
          })) as { error: { code: number; message: string } };
          if (r.error.code !== 0) throw new Error(`bare group move: ${r.error.message}`);
        });
        const bareMs = performance.now() - t0;
        return { ms: t.doneMs, overhead: t.doneMs - bareMs };
      });
      return [
        verdict(
          'bulk.proxy1000.cos.requests',
          proxy.map((r) => r.writes),
        ),
        verdict(
          'bulk.proxy1000.cos.reads',
          proxy.map((r) => r.reads),
        ),
        verdict(
          'bulk.proxy1000.cos.ms',
          proxy.map((r) => r.ms),
        ),
        verdict(
          'bulk.group1000.ix.ms',
          group.map((r) => r.ms),
        ),
        verdict(
          'bulk.group1000.ix.overhead.ms',
          group.map((r) => r.overhead),
        ),
      ];
    } finally {
      http.close();
      await bc.dispose();
      await sb.stop();
    }
  },
};
