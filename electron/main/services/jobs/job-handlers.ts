import type { Handlers } from '../../ipc/handle';
import type { JobEngine } from './job-engine';

type JobChannel =
  | 'jobs:start'
  | 'jobs:list'
  | 'jobs:get'
  | 'jobs:cancel'
  | 'jobs:retry-failed'
  | 'jobs:undo'
  | 'jobs:export-csv';

/**
 * The `jobs:*` channels; core spreads these into its handler table. None answers before
 * the jobs of earlier runs are read back, or Activity would show a history without them.
 */
export function createJobHandlers(engine: JobEngine): Pick<Handlers, JobChannel> {
  const afterRestore = async <T>(read: () => T): Promise<T> => {
    await engine.ready;
    return read();
  };
  return {
    'jobs:start': (request) => engine.start(request),
    'jobs:list': () => afterRestore(() => engine.list()),
    'jobs:get': ({ id }) => afterRestore(() => engine.get(id)),
    'jobs:cancel': ({ id }) => afterRestore(() => engine.cancel(id)),
    'jobs:retry-failed': ({ id }) => engine.retryFailed(id),
    'jobs:undo': ({ id }) => engine.undo(id),
    'jobs:export-csv': ({ id }) => afterRestore(() => ({ csv: engine.exportCsv(id) })),
  };
}
