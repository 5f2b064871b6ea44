/**
 * Sending a job's tasks as vendor requests: grouped, chunked to what one request carries,
 * claimed just before each goes out, with the per-item results mapped back.
 */
import { DeckError } from '../../../../shared/ipc/result';
import type { ItemResults } from '../../providers/provider';
import type { RunContext } from './run-context';
import type { JobTask } from './job-task';
import type { RequestShape } from './request-shape';

export const noResult = () =>
  DeckError.of('internal', 'The vendor client returned no result for this profile', {
    reason: 'vendor.no-result',
  });

/**
 * One vendor request per `shape.size` tasks (never mixing two `groupOf` groups, which need
 * different values), `shape.concurrency` requests at a time. Each request's tasks are
 * claimed just before it goes out, never earlier.
 */
export async function inRequests(
  tasks: readonly JobTask[],
  ctx: RunContext,
  shape: RequestShape,
  call: (vendorIds: string[], claimed: JobTask[]) => Promise<ItemResults>,
  hooks: {
    groupOf?(task: JobTask): string;
    before?(claimed: JobTask[]): void;
    after?(task: JobTask, ok: boolean): void;
  } = {},
): Promise<void> {
  const units = requestUnits(tasks, shape.size, hooks.groupOf);
  let next = 0;
  const sendNext = async (): Promise<void> => {
    while (next < units.length) {
      const claimed = await ctx.claim(units[next++]!);
      if (claimed.length === 0) continue;
      hooks.before?.(claimed);
      let results: ItemResults;
      try {
        results = await call(
          claimed.map((t) => t.vendorId),
          claimed,
        );
      } catch (e) {
        for (const task of claimed) {
          ctx.fail(task, e);
          hooks.after?.(task, false);
        }
        continue;
      }
      for (const task of claimed) {
        const r = results.get(task.vendorId);
        if (r === null) ctx.succeed(task);
        else ctx.fail(task, r ?? noResult());
        hooks.after?.(task, r === null);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(shape.concurrency, units.length) }, sendNext));
}

function requestUnits(
  tasks: readonly JobTask[],
  size: number,
  groupOf?: (task: JobTask) => string,
): JobTask[][] {
  const groups = new Map<string, JobTask[]>();
  for (const task of tasks) {
    const key = groupOf?.(task) ?? '';
    const group = groups.get(key) ?? [];
    group.push(task);
    groups.set(key, group);
  }
  const units: JobTask[][] = [];
  for (const group of groups.values())
    for (let i = 0; i < group.length; i += size) units.push(group.slice(i, i + size));
  return units;
}
