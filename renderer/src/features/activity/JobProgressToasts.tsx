import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import type { JobProgress, JobSummary } from '../../../../shared/model/job';
import { Button } from '../../components/Button';
import { deck } from '../../lib/deck';
import {
  applyJobProgress,
  endText,
  JobProgressBar,
  progressText,
  resultText,
  useCancelJob,
  useRetryFailed,
} from '../jobs';
import { showJobInActivity } from './activity-ui';

const toastId = (jobId: string) => `job:${jobId}`;
/** Closed while running: stays quiet until the job ends, then shows its result once. */
const closedWhileRunning = new Set<string>();
const resultShown = new Set<string>();

/**
 * Mounted once in App: the one subscription to job progress. It patches the job cache and
 * keeps one toast per job: live counts with Cancel, then the result with "Retry failed".
 */
export function JobProgressToasts() {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      deck().events.onJobsProgress((progress) => {
        applyJobProgress(queryClient, progress);
        showToast(progress);
      }),
    [queryClient],
  );
  return null;
}

function showToast(progress: JobProgress): void {
  const { changed: _changed, ...job } = progress;
  const id = toastId(job.id);
  if (job.state === 'running') {
    if (closedWhileRunning.has(job.id)) return;
    toast.custom(
      () => (
        <JobToast
          job={job}
          onClose={() => {
            closedWhileRunning.add(job.id);
            toast.dismiss(id);
          }}
        />
      ),
      { id, duration: Infinity },
    );
    return;
  }
  if (resultShown.has(job.id)) return;
  resultShown.add(job.id);
  // A partial failure stays on screen until the user has seen it.
  toast.custom(() => <JobToast job={job} onClose={() => toast.dismiss(id)} />, {
    id,
    duration: job.failed > 0 ? Infinity : 8000,
  });
}

function JobToast({ job, onClose }: { job: JobSummary; onClose(): void }) {
  const cancel = useCancelJob();
  const retry = useRetryFailed();
  const running = job.state === 'running';
  return (
    <div
      data-testid="job-toast"
      data-job-id={job.id}
      className="w-[356px] rounded-lg border border-zinc-200 bg-white p-3 text-[13px] text-zinc-900 shadow-lg dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <div className="flex items-start gap-2">
        <div className="min-w-0 flex-1" role="status">
          <p className="truncate font-medium">
            {running ? progressText(job) : `${job.label}: ${endText(job)}`}
          </p>
          {!running && (
            <p
              className={
                job.failed > 0
                  ? 'text-red-700 dark:text-red-400'
                  : 'text-zinc-600 dark:text-zinc-400'
              }
            >
              {resultText(job)}
            </p>
          )}
        </div>
        <button
          type="button"
          aria-label="Close"
          onClick={onClose}
          className="rounded px-1 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-blue-500 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
        >
          ×
        </button>
      </div>
      {running && <JobProgressBar job={job} className="mt-2" />}
      <div className="mt-2 flex flex-wrap gap-2">
        {running ? (
          <Button
            onClick={() => cancel.mutate(job.id)}
            disabled={cancel.isPending || cancel.isSuccess}
          >
            {cancel.isSuccess ? 'Cancelling…' : 'Cancel'}
          </Button>
        ) : (
          <>
            {job.failed > 0 && (
              <Button
                variant="primary"
                disabled={retry.isPending}
                onClick={() => retry.mutate(job.id, { onSuccess: onClose })}
              >
                Retry failed
              </Button>
            )}
            <Button
              variant="ghost"
              onClick={() => {
                showJobInActivity(job.id);
                onClose();
              }}
            >
              Show in Activity
            </Button>
          </>
        )}
      </div>
    </div>
  );
}
