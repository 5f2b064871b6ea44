import type { Job, JobAction } from '../../../../shared/model/job';
import type { JobSummary } from '../../../../shared/model/job';
import { useStartJob } from '../jobs';
import { resultKeys, waitForJobEnd } from './job-outcome';

export interface StartedJob {
  summary: JobSummary;
  /** Resolves when the job ends, once `onCreated` has been told the new profiles. */
  done: Promise<Job>;
}

/**
 * Starts a create or copy job and hands what it made to `onCreated` once it ends (the
 * profiles table selects them, so the next bulk action applies to the new profiles). The
 * follow-up outlives the dialog that started it.
 */
export function useCreateJob(onCreated: (keys: readonly string[]) => void) {
  const start = useStartJob();
  const run = async (action: JobAction, keys: string[] = []): Promise<StartedJob> => {
    const summary = await start.mutateAsync({ action, keys });
    const done = waitForJobEnd(summary.id).then((job) => {
      onCreated(resultKeys(job));
      return job;
    });
    return { summary, done };
  };
  return { run, pending: start.isPending };
}
