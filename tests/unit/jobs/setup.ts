import { events as eventSchemas, type EventName, type EventOf } from '../../../shared/ipc/contract';
import type { JobAction } from '../../../shared/model/job';
import { createLogger } from '../../../electron/main/log';
import { DEFAULT_SETTINGS } from '../../../electron/main/settings';
import {
  createJobEngine,
  type JobEngineDeps,
} from '../../../electron/main/services/jobs/job-engine';
import type { KindAction } from '../../../electron/main/services/jobs/kinds/spec';
import { providersOf, type FakeProvider } from './fake-provider';

/**
 * An engine over fake providers that records every push event, each checked against the
 * contract's event schema (a payload the renderer would reject fails the test). `A`: the
 * actions it starts, for a test that gives it a kinds table of its own.
 */
export function setup<A extends KindAction = JobAction>(
  fakes: FakeProvider[],
  deps: Partial<JobEngineDeps> = {},
) {
  const emitted: Array<{ event: EventName; payload: unknown }> = [];
  const logLines: string[] = [];
  let now = 1_700_000_000_000;
  const engine = createJobEngine<A>({
    getProvider: providersOf(...fakes),
    events: {
      emit: (event: EventName, payload: unknown) => {
        emitted.push({ event, payload: eventSchemas[event].parse(payload) });
      },
    },
    log: createLogger((l) => logLines.push(l)),
    settings: { get: async () => DEFAULT_SETTINGS },
    clock: () => (now += 1000),
    ...deps,
  });
  const of = <E extends EventName>(event: E) =>
    emitted.filter((e) => e.event === event).map((e) => e.payload as EventOf<E>);
  return {
    engine,
    emitted,
    logLines,
    progress: () => of('jobs:event:progress'),
    changed: () => of('profiles:event:changed'),
    /** Status moves per profile key, in the order they were pushed. */
    statuses: () => {
      const by = new Map<string, string[]>();
      for (const e of of('profiles:event:status'))
        for (const c of e.changes) by.set(c.key, [...(by.get(c.key) ?? []), c.status]);
      return by;
    },
  };
}
