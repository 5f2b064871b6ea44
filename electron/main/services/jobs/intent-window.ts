/**
 * Which items of a running job have their intent on disk. The intent of a request's items
 * must be synced before it goes out; writing it for a window of the next items in job
 * order as well lets one sync cover many requests, mostly written while earlier requests
 * are on the wire. (A per-profile vendor otherwise pays a sync per profile, in series with
 * its calls.) After a crash, an item whose intent was written ahead reads as unknown, and a
 * retry checks the vendor before sending it. Kinds whose result cannot be checked afterwards
 * (create, copy) get no window: only what really goes out is marked.
 */
import type { JobLog } from './job-journal';
import type { JobTask } from './job-task';

export interface IntentWindow {
  /** Resolves once the intent of every one of these items is on disk. */
  cover(indexes: readonly number[]): Promise<void>;
}

export function createIntentWindow(
  tasks: readonly JobTask[],
  log: JobLog,
  { ahead, clock }: { ahead: number; clock: () => number },
): IntentWindow {
  const written = new Map<number, Promise<void>>();
  let cursor = 0;

  const write = (indexes: number[]): Promise<void> => {
    const durable = log.intent(indexes, clock());
    for (const i of indexes) written.set(i, durable);
    return durable;
  };
  /** The next `n` items in job order still waiting for a request, without an intent yet. */
  const upcoming = (n: number): number[] => {
    const out: number[] = [];
    while (cursor < tasks.length && out.length < n) {
      const i = cursor++;
      if (tasks[i]!.item.state === 'pending' && !written.has(i)) out.push(i);
    }
    return out;
  };

  return {
    async cover(indexes) {
      const waits = new Set<Promise<void>>();
      const missing: number[] = [];
      for (const i of indexes) {
        const durable = written.get(i);
        if (durable) waits.add(durable);
        else missing.push(i);
      }
      if (missing.length > 0) waits.add(write([...missing, ...upcoming(ahead)]));
      // Top the window up before the requests reach its end, so they find it written.
      const furthest = Math.max(...indexes);
      if (ahead > 0 && cursor - furthest < ahead / 2) {
        const more = upcoming(ahead);
        if (more.length > 0) void write(more);
      }
      await Promise.all(waits);
    },
  };
}
