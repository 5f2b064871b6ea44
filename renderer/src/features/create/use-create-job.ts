import { useQueryClient } from '@tanstack/react-query';
import type { Job, JobAction } from '../../../../shared/model/job';
import type { JobSummary } from '../../../../shared/model/job';
import { useStartJob } from '../jobs/use-start-job';
import { resultKeys, waitForJobEnd } from './job-outcome';
import { selectWhenListed } from './select-created';

export interface StartedJob {
  summary: JobSummary;
  /** Resolves when the job ends; by then its new profiles are being selected in the table. */
  done: Promise<Job>;
}

/**
 * Starts a create or copy job and selects what it made once it ends, so the next bulk
 * action applies to the new profiles. The follow-up outlives the dialog that started it.
 */
export function useCreateJob() {
  const start = useStartJob();
  const queryClient = useQueryClient();
  const run = async (action: JobAction, keys: string[] = []): Promise<StartedJob> => {
    const summary = await start.mutateAsync({ action, keys });
    const done = waitForJobEnd(summary.id).then((job) => {
      selectWhenListed(resultKeys(job), queryClient);
      return job;
    });
    return { summary, done };
  };
  return { run, pending: start.isPending };
}
