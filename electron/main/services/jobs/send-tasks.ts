/**
 * The ways a kind sends one connection's tasks: an edit in vendor requests (a chunk per
 * request where the vendor has a batch endpoint, one profile where it has not; see
 * request-shape.ts), with per-item results mapped back, or one call per profile with
 * bounded concurrency.
 */
import pLimit, { type LimitFunction } from 'p-limit';
import type { CallOptions, ItemResults, VendorProvider } from '../../providers/provider';
import { inRequests, noResult } from './in-requests';
import type { JobTask } from './job-task';
import { batchesEdit, requestShape, type BatchFlag } from './request-shape';
import type { RunContext, TaskSuccess } from './run-context';

export const callOptions = (ctx: RunContext): CallOptions => ({ signal: ctx.signal });

/** An edit whose vendor method takes many profiles: as many per request as the vendor allows. */
export function sendEdit(
  provider: VendorProvider,
  tasks: readonly JobTask[],
  ctx: RunContext,
  batchFlag: BatchFlag,
  call: (vendorIds: string[], opts: CallOptions) => Promise<ItemResults>,
): Promise<void> {
  const { capabilities } = provider;
  const shape = requestShape(batchesEdit(batchFlag, capabilities), capabilities, ctx.chunkSize);
  const opts = callOptions(ctx);
  return inRequests(tasks, ctx, shape, (ids) => call(ids, opts));
}

/** One call per profile, at most `limit` at once (the provider's own limit by default). */
export function eachProfile(
  provider: VendorProvider,
  tasks: readonly JobTask[],
  ctx: RunContext,
  work: (task: JobTask, opts: CallOptions) => Promise<TaskSuccess | void>,
  limit: LimitFunction = pLimit(provider.capabilities.maxConcurrency),
): Promise<void> {
  const opts = callOptions(ctx);
  return eachTask(tasks, limit, ctx, (task) => work(task, opts));
}

/** Throws the per-item error of a one-profile batch call, if it failed. */
export function single(results: ItemResults, vendorId: string): void {
  const r = results.get(vendorId);
  if (r === null) return;
  throw r ?? noResult();
}

export async function eachTask(
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
