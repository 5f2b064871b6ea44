/**
 * How each action runs on one connection's tasks. Edits go through the provider's array
 * methods one vendor request at a time (a chunk where the vendor has a batch endpoint, one
 * profile where it has not; see request-shape.ts), with per-item results mapped back;
 * everything else runs one call per profile with bounded concurrency.
 */
import pLimit, { type LimitFunction } from 'p-limit';
import type { EventOf } from '../../../../shared/ipc/contract';
import {
  profileKey,
  splitProfileKey,
  type Profile,
  type ProxyCheckResult,
} from '../../../../shared/model';
import { DeckError, type DeckErrorValue } from '../../../../shared/ipc/result';
import type { CallOptions, ItemResults, VendorProvider } from '../../providers/provider';
import type { EngineAction, JobTask } from './job-plan';
import { restoreOnConnection } from './job-undo';
import { fetchProfiles } from './profile-fetch';
import { batchesEdit, requestShape } from './request-shape';
import { inRequests, noResult } from './in-requests';

export type StatusChange = EventOf<'profiles:event:status'>['changes'][number];

/**
 * Checks one profile's proxy from this machine. Supplied by core, which knows where the
 * proxy's password lives; the engine never sees it.
 */
export type ProfileProxyCheck = (
  profile: Profile,
  provider: VendorProvider,
  opts: CallOptions,
) => Promise<ProxyCheckResult>;

export interface TaskSuccess {
  note?: string;
  resultKey?: string;
}

export interface RunContext {
  /**
   * Marks the still-pending tasks running and returns them once their intent is on disk;
   * cancelled ones drop out. Call it right before the request that carries them.
   */
  claim(tasks: readonly JobTask[]): Promise<JobTask[]>;
  succeed(task: JobTask, extra?: TaskSuccess): void;
  fail(task: JobTask, error: unknown): void;
  /** Left alone on purpose (an undo whose profile changed since), with the reason. */
  skip(task: JobTask, reason: string): void;
  status(changes: StatusChange[]): void;
  /** A profile this run already knows fresh (the refresh after the job skips it). */
  fresh(profile: Profile): void;
  /** Aborted only on shutdown: a cancel lets in-flight calls finish. */
  signal: AbortSignal;
  /** Profiles per request where the vendor has a batch endpoint for the edit. */
  chunkSize: number;
  /** Bounds a bulk open across all connections: windows cost the whole machine. */
  openLimit: LimitFunction;
  /** Bounds proxy checks across all connections: they share this machine's network. */
  proxyCheckLimit: LimitFunction;
  checkProxy?: ProfileProxyCheck;
  /** The connection's "check proxy before opening" option. */
  checkBeforeOpen?: (connectionId: string) => Promise<boolean>;
}

export async function runOnConnection(
  action: EngineAction,
  provider: VendorProvider,
  tasks: JobTask[],
  ctx: RunContext,
): Promise<void> {
  const opts: CallOptions = { signal: ctx.signal };
  const shapeOf = (batched: boolean) => requestShape(batched, provider.capabilities, ctx.chunkSize);
  const batch = (call: (ids: string[]) => Promise<ItemResults>) =>
    inRequests(tasks, ctx, shapeOf(batchesEdit(action.kind, provider.capabilities)), call);
  const each = (work: (task: JobTask) => Promise<TaskSuccess | void>, limit?: LimitFunction) =>
    eachTask(tasks, limit ?? pLimit(provider.capabilities.maxConcurrency), ctx, work);
  const keyOf = (vendorId: string) => profileKey(provider.connectionId, vendorId);

  switch (action.kind) {
    case 'move-group': {
      const groupId = action.groupIds[provider.connectionId]!;
      return batch((ids) => provider.moveToGroup(ids, groupId, opts));
    }
    case 'set-remark':
      return batch((ids) => provider.setRemark(ids, action.remark, opts));
    case 'set-name':
      return batch((ids) => provider.setName(ids, action.name, opts));
    case 'set-tags':
      return batch((ids) => provider.setTags(ids, action.tags, opts));
    case 'set-proxy':
      return batch((ids) => provider.setProxy(ids, action.proxy, opts));
    case 'delete':
      return batch((ids) => provider.deleteProfiles(ids, opts));
    case 'rename':
      return each(async (task) => {
        single(await provider.setName([task.vendorId], task.name!, opts), task.vendorId);
        return { note: `renamed to "${task.name}"` };
      });
    case 'assign-proxies':
      return each(async (task) => {
        single(await provider.setProxy([task.vendorId], task.proxy!, opts), task.vendorId);
      });
    case 'copy': {
      const groupId = action.groupIds?.[provider.connectionId];
      return each(async (task) => {
        const id = await provider.copyProfile(task.vendorId, { name: task.name, groupId }, opts);
        return { resultKey: keyOf(id) };
      });
    }
    case 'create':
      return each(async (task) => {
        const like = task.create!.likeProfileKey;
        const id = await provider.createProfile(task.create!, {
          ...opts,
          likeVendorId: like ? splitProfileKey(like).vendorId : undefined,
        });
        return { resultKey: keyOf(id) };
      });
    case 'open': {
      const precheck =
        ctx.checkProxy && (await ctx.checkBeforeOpen?.(provider.connectionId))
          ? ctx.checkProxy
          : undefined;
      return each(async (task) => {
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
      }, ctx.openLimit);
    }
    case 'close':
      if (provider.closeMany) {
        const closeMany = provider.closeMany.bind(provider);
        return inRequests(tasks, ctx, shapeOf(true), (ids) => closeMany(ids, opts), {
          before: (claimed) => ctx.status(claimed.map((t) => closing(t))),
          after: (task, ok) =>
            ctx.status([{ key: task.item.key, status: ok ? 'closed' : 'unknown' }]),
        });
      }
      return each(async (task) => {
        ctx.status([closing(task)]);
        try {
          const { alreadyClosed } = await provider.close(task.vendorId, opts);
          ctx.status([{ key: task.item.key, status: 'closed' }]);
          return alreadyClosed ? { note: 'already closed' } : {};
        } catch (e) {
          ctx.status([{ key: task.item.key, status: 'unknown' }]);
          throw e;
        }
      });
    case 'check-proxy':
      return checkProxies(provider, tasks, ctx, opts);
    case 'undo':
      return restoreOnConnection(action, provider, tasks, ctx, opts);
  }
}

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

const closing = (task: JobTask): StatusChange => ({ key: task.item.key, status: 'closing' });

async function checkProxies(
  provider: VendorProvider,
  tasks: JobTask[],
  ctx: RunContext,
  opts: CallOptions,
): Promise<void> {
  const check = ctx.checkProxy!;
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
    if (!profile)
      throw (
        fetched.errors.get(task.vendorId) ??
        DeckError.of('not-found', 'The profile no longer exists in its connection')
      );
    const result = await check(profile, provider, opts);
    ctx.fresh({ ...profile, proxyCheck: result });
    if (!result.ok) throw new DeckError(proxyCheckError(result));
    const latency = result.latencyMs !== undefined ? `, ${result.latencyMs} ms` : '';
    return { note: `proxy works${result.exitIp ? `: exit IP ${result.exitIp}` : ''}${latency}` };
  });
}

function proxyCheckError(result: ProxyCheckResult): DeckErrorValue {
  const code: DeckErrorValue['code'] =
    result.reason === 'auth'
      ? 'unauthorized'
      : result.reason === 'timeout'
        ? 'timeout'
        : result.reason === 'unsupported'
          ? 'unsupported'
          : 'unreachable';
  const why = result.message ?? result.reason ?? 'no answer';
  return { code, message: `Proxy check failed: ${why}`, retryable: code !== 'unsupported' };
}

/** Throws the per-item error of a one-profile batch call, if it failed. */
function single(results: ItemResults, vendorId: string): void {
  const r = results.get(vendorId);
  if (r === null) return;
  throw r ?? noResult();
}

async function eachTask(
  tasks: readonly JobTask[],
  limit: LimitFunction,
  ctx: RunContext,
  work: (task: JobTask) => Promise<TaskSuccess | void>,
): Promise<void> {
  await Promise.all(
    tasks.map((task) =>
      limit(async () => {
        const [claimed] = await ctx.claim([task]);
        if (!claimed) return;
        try {
          ctx.succeed(claimed, (await work(claimed)) ?? {});
        } catch (e) {
          ctx.fail(claimed, e);
        }
      }),
    ),
  );
}
