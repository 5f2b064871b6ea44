import type { JobSummary } from '../../../../shared/model/job';
import { useTranslation } from '../../i18n';
import { doneCount, jobTitle } from './job-cache';

/** How far a running job is; amber once something failed, so a partial failure shows early. */
export function JobProgressBar({ job, className = '' }: { job: JobSummary; className?: string }) {
  const { t } = useTranslation();
  const done = doneCount(job);
  return (
    <div
      role="progressbar"
      aria-label={t('activity.progressBar', { job: jobTitle(job) })}
      aria-valuemin={0}
      aria-valuemax={job.total}
      aria-valuenow={done}
      className={`h-1.5 overflow-hidden rounded bg-zinc-200 dark:bg-zinc-800 ${className}`}
    >
      <div
        className={`h-full ${job.failed > 0 ? 'bg-amber-500' : 'bg-blue-600 dark:bg-blue-500'}`}
        style={{ width: `${job.total ? (done / job.total) * 100 : 100}%` }}
      />
    </div>
  );
}
