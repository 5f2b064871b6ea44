import type { Handlers } from '../../ipc/handle';
import type { JobEngine } from './job-engine';

type JobChannel =
  'jobs:start' | 'jobs:list' | 'jobs:get' | 'jobs:cancel' | 'jobs:retry-failed' | 'jobs:export-csv';

/** The `jobs:*` channels; core spreads these into its handler table. */
export function createJobHandlers(engine: JobEngine): Pick<Handlers, JobChannel> {
  return {
    'jobs:start': (request) => engine.start(request),
    'jobs:list': () => engine.list(),
    'jobs:get': ({ id }) => engine.get(id),
    'jobs:cancel': ({ id }) => engine.cancel(id),
    'jobs:retry-failed': ({ id }) => engine.retryFailed(id),
    'jobs:export-csv': ({ id }) => ({ csv: engine.exportCsv(id) }),
  };
}
