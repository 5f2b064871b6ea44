/**
 * Open: one window per profile, bounded across all connections (windows cost the whole
 * machine), with the connection's "check proxy before opening" gate.
 */
import { OpenActionSchema, type ActionOf } from '../../../../../shared/model/job-actions';
import { DeckError } from '../../../../../shared/ipc/result';
import type { CallOptions, VendorProvider } from '../../../providers/provider';
import type { JobTask } from '../job-task';
import { gone } from '../job-verify';
import { proxyCheckError } from '../profile-proxy-check';
import type { ProfileProxyCheck } from '../run-context';
import { eachProfile } from '../send-tasks';
import type { JobKindSpec } from './spec';

export const openKind: JobKindSpec<ActionOf<'open'>> = {
  schema: OpenActionSchema,
  label: 'Open',
  affects: 'updates',
  applied: (_action, _task, profile) =>
    !profile ? gone() : profile.status === 'open' ? 'applied' : 'not-applied',
  async run(_action, provider, tasks, ctx) {
    const precheck =
      ctx.checkProxy && (await ctx.checkBeforeOpen?.(provider.connectionId))
        ? ctx.checkProxy
        : undefined;
    return eachProfile(
      provider,
      tasks,
      ctx,
      async (task, opts) => {
        const checked = precheck ? await proxyBeforeOpen(precheck, provider, task, opts) : '';
        ctx.status([{ key: task.item.key, status: 'opening' }]);
        try {
          const { session, attached } = await provider.open(task.vendorId, opts);
          ctx.status([{ key: task.item.key, status: 'open', debugPort: session.debugPort }]);
          const note = [attached ? 'already open: attached' : '', checked]
            .filter(Boolean)
            .join('; ');
          return note ? { note } : {};
        } catch (e) {
          // Whether a window half-opened is unknown; the refresh after the job tells.
          ctx.status([{ key: task.item.key, status: 'unknown' }]);
          throw e;
        }
      },
      ctx.openLimit,
    );
  },
};

/**
 * The "check proxy before opening" gate: a proxy that fails its check blocks the open with
 * the reason. One BrowserDeck cannot check from here (API-extracted, vendor-managed, or a
 * password the vendor does not hand out) opens, and the item says it was not checked.
 */
async function proxyBeforeOpen(
  check: ProfileProxyCheck,
  provider: VendorProvider,
  task: JobTask,
  opts: CallOptions,
): Promise<string> {
  const profile = await provider.getProfile(task.vendorId, opts);
  if (profile.proxy.type === 'direct' && profile.proxy.method === 'custom') return '';
  const result = await check(profile, provider, opts);
  if (result.ok) return `proxy checked${result.exitIp ? `: exit IP ${result.exitIp}` : ''}`;
  if (result.reason === 'unsupported')
    return `proxy not checked: ${result.message ?? 'unsupported'}`;
  const error = proxyCheckError(result);
  throw new DeckError({ ...error, message: `Not opened: ${error.message}` });
}
