/**
 * Check proxy: each profile's proxy tried from this machine, bounded across connections
 * (they share its network). A profile read for the check is fresh, so the table takes it
 * as it is; an interrupted check is simply run again.
 */
import { CheckProxyActionSchema, type ActionOf } from '../../../../../shared/model/job-actions';
import { DeckError } from '../../../../../shared/ipc/result';
import { refusal } from '../job-plan';
import { gone } from '../job-verify';
import { fetchProfiles } from '../profile-fetch';
import { proxyCheckError } from '../profile-proxy-check';
import { callOptions, eachTask } from '../send-tasks';
import type { JobKindSpec } from './spec';
import { noted } from '../job-notes';

export const checkProxyKind: JobKindSpec<ActionOf<'check-proxy'>> = {
  schema: CheckProxyActionSchema,
  label: 'Check proxy',
  affects: 'updates',
  refuse: (_action, _task, { canCheckProxy }) =>
    canCheckProxy
      ? undefined
      : refusal('unsupported', 'Proxy checks are not available in this build', {
          reason: 'proxy-check.unavailable',
        }),
  async run(_action, provider, tasks, ctx) {
    const check = ctx.checkProxy!;
    const opts = callOptions(ctx);
    let fetched: Awaited<ReturnType<typeof fetchProfiles>>;
    try {
      fetched = await fetchProfiles(
        provider,
        tasks.filter((t) => t.item.state === 'pending').map((t) => t.vendorId),
        opts,
      );
    } catch (e) {
      for (const task of await ctx.claim(tasks)) ctx.fail(task, e);
      return;
    }
    await eachTask(tasks, ctx.proxyCheckLimit, ctx, async (task) => {
      const profile = fetched.profiles.get(task.vendorId);
      if (!profile) throw fetched.errors.get(task.vendorId) ?? gone();
      const result = await check(profile, provider, opts);
      ctx.fresh({ ...profile, proxyCheck: result });
      if (!result.ok) throw new DeckError(proxyCheckError(result));
      const latency = result.latencyMs !== undefined ? `, ${result.latencyMs} ms` : '';
      return noted(
        `proxy works${result.exitIp ? `: exit IP ${result.exitIp}` : ''}${latency}`,
        'proxyWorks',
        {
          ...(result.exitIp ? { ip: result.exitIp } : {}),
          ...(result.latencyMs !== undefined ? { ms: result.latencyMs } : {}),
        },
      );
    });
  },
};
