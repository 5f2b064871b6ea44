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
import { joinNotes, noted, type Noted } from '../job-notes';

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
        const checked = precheck
          ? await proxyBeforeOpen(precheck, provider, task, opts)
          : undefined;
        ctx.status([{ key: task.item.key, status: 'opening' }]);
        try {
          const { session, attached } = await provider.open(task.vendorId, opts);
          ctx.status([{ key: task.item.key, status: 'open', debugPort: session.debugPort }]);
          return joinNotes([
            ...(attached ? [noted('already open: attached', 'alreadyOpen')] : []),
            ...(checked ? [checked] : []),
          ]);
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
): Promise<Noted | undefined> {
  const profile = await provider.getProfile(task.vendorId, opts);
  if (profile.proxy.type === 'direct' && profile.proxy.method === 'custom') return undefined;
  const result = await check(profile, provider, opts);
  if (result.ok)
    return noted(
      `proxy checked${result.exitIp ? `: exit IP ${result.exitIp}` : ''}`,
      'proxyChecked',
      result.exitIp ? { ip: result.exitIp } : undefined,
    );
  if (result.reason === 'unsupported') {
    const reason = result.message ?? 'unsupported';
    return noted(`proxy not checked: ${reason}`, 'proxyNotChecked', {
      reason: reason.slice(0, 300),
    });
  }
  const error = proxyCheckError(result);
  throw new DeckError({ ...error, message: `Not opened: ${error.message}` });
}
