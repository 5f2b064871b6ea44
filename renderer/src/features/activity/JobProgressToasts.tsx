import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import type { JobSummary } from '../../../../shared/model/job';
import { Button } from '../../components/Button';
import { useTranslation } from '../../i18n';
import { deck } from '../../lib/deck';
import { useUi } from '../../store';
import {
  applyJobProgress,
  endText,
  JobProgressBar,
  jobTitle,
  progressText,
  resultText,
  useCancelJob,
} from '../jobs';
import { showJobInActivity } from './activity-ui';
import {
  dismissAllJobs,
  dismissJob,
  EMPTY_STACK,
  endsQuietly,
  layoutOf,
  onJobProgress,
  QUIET_END_MS,
  summaryText,
  type JobToastLayout,
  type JobToastStack,
} from './job-toast-stack';

const SUMMARY_ID = 'jobs:summary';
const toastId = (jobId: string) => `job:${jobId}`;

// One stack for the app: it outlives view switches, as the jobs do.
let stack: JobToastStack = EMPTY_STACK;
const listeners = new Set<() => void>();
function update(next: JobToastStack): void {
  if (next === stack) return;
  stack = next;
  for (const l of listeners) l();
}
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => void listeners.delete(l);
};
const dismiss = (id: string) => update(dismissJob(stack, id));

/**
 * Mounted once in App: the one subscription to job progress. It patches the job cache and
 * keeps the job toasts: live counts with Cancel while a job runs, then a chip that opens
 * Activity; more than three at once become one summary.
 */
export function JobProgressToasts() {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      deck().events.onJobsProgress((progress) => {
        applyJobProgress(queryClient, progress);
        const { changed: _changed, ...job } = progress;
        const before = stack;
        update(onJobProgress(stack, job));
        if (stack !== before && endsQuietly(job)) setTimeout(() => dismiss(job.id), QUIET_END_MS);
      }),
    [queryClient],
  );
  const current = useSyncExternalStore(subscribe, () => stack);
  const onScreen = useRef(new Set<string>());
  useEffect(() => {
    onScreen.current = showLayout(layoutOf(current), onScreen.current);
  }, [current]);
  return null;
}

/** Puts the layout's toasts up (or updates them in place) and takes the others down. */
function showLayout(layout: JobToastLayout, before: ReadonlySet<string>): Set<string> {
  const now = new Set<string>();
  // Closed only by their own buttons: sonner tells of its own dismissals late (after ours
  // too), which would take the jobs off the stack a second time.
  const options = (id: string) => ({ id, duration: Infinity, dismissible: false });
  if (layout.kind === 'summary') {
    now.add(SUMMARY_ID);
    toast.custom(() => <JobsSummaryToast jobs={layout.jobs} />, options(SUMMARY_ID));
  } else {
    for (const job of layout.jobs) {
      const id = toastId(job.id);
      now.add(id);
      toast.custom(
        () =>
          job.state === 'running' ? <RunningJobToast job={job} /> : <EndedJobChip job={job} />,
        options(id),
      );
    }
  }
  for (const id of before) if (!now.has(id)) toast.dismiss(id);
  return now;
}

// Signs, not words: the same in every language.
const MARK = { bad: '✕', good: '✓' };

const closeClass =
  'rounded px-1 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-blue-500 dark:hover:bg-zinc-800 dark:hover:text-zinc-100';
const cardClass =
  'w-[356px] rounded-lg border border-zinc-200 bg-white p-3 text-[13px] text-zinc-900 shadow-lg dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100';

function RunningJobToast({ job }: { job: JobSummary }) {
  const { t } = useTranslation();
  const cancel = useCancelJob();
  return (
    <div data-testid="job-toast" data-job-id={job.id} className={cardClass}>
      <div className="flex items-start gap-2">
        <p role="status" className="min-w-0 flex-1 truncate font-medium">
          {progressText(job)}
        </p>
        <button
          type="button"
          aria-label={t('activity.toasts.close')}
          title={t('activity.toasts.hide')}
          onClick={() => dismiss(job.id)}
          className={closeClass}
        >
          ×
        </button>
      </div>
      <JobProgressBar job={job} className="mt-2" />
      <div className="mt-2 flex gap-2">
        <Button
          onClick={() => cancel.mutate(job.id)}
          disabled={cancel.isPending || cancel.isSuccess}
        >
          {cancel.isSuccess ? t('activity.cancelling') : t('common.cancel')}
        </Button>
      </div>
    </div>
  );
}

/** An ended job in one line; failures in red. Retry and the reasons are in Activity. */
function EndedJobChip({ job }: { job: JobSummary }) {
  const { t } = useTranslation();
  const bad = !endsQuietly(job);
  const said = t('activity.toasts.said', { job: jobTitle(job), end: endText(job) });
  return (
    <div
      data-testid="job-toast"
      data-job-id={job.id}
      data-state={job.state}
      className={`flex max-w-[28rem] items-center rounded-full whitespace-nowrap border bg-white py-0.5 pr-1 pl-1 text-[12px] shadow-md dark:bg-zinc-900 ${
        bad ? 'border-red-300 dark:border-red-800' : 'border-zinc-200 dark:border-zinc-700'
      }`}
    >
      <button
        type="button"
        aria-label={t('activity.toasts.showLabel', { said })}
        title={t('activity.toasts.showInActivity')}
        onClick={() => {
          showJobInActivity(job.id);
          dismiss(job.id);
        }}
        className="flex min-w-0 items-center gap-1.5 rounded-full px-2 py-0.5 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-blue-500 dark:hover:bg-zinc-800"
      >
        <span
          aria-hidden
          className={
            bad ? 'text-red-600 dark:text-red-400' : 'text-emerald-600 dark:text-emerald-400'
          }
        >
          {bad ? MARK.bad : MARK.good}
        </span>
        <span role="status" className="truncate">
          <span className="font-medium">{said}</span>
          <span className={bad ? 'text-red-700 dark:text-red-400' : 'text-zinc-500'}>
            {' · '}
            {resultText(job)}
          </span>
        </span>
      </button>
      <button
        type="button"
        aria-label={t('activity.toasts.dismiss')}
        onClick={() => dismiss(job.id)}
        className={`${closeClass} rounded-full`}
      >
        ×
      </button>
    </div>
  );
}

/** Every job on screen at once, counted in one toast. */
function JobsSummaryToast({ jobs }: { jobs: JobSummary[] }) {
  const { t } = useTranslation();
  const running = jobs.filter((j) => j.state === 'running');
  const sum = (k: 'total' | 'ok' | 'failed' | 'cancelled' | 'skipped' | 'interrupted') =>
    running.reduce((n, j) => n + j[k], 0);
  // The running jobs' bar as one: its counts are theirs added up.
  const overall: JobSummary | undefined = running[0] && {
    ...running[0],
    kind: 'running-jobs',
    label: t('activity.toasts.runningJobs'),
    total: sum('total'),
    ok: sum('ok'),
    failed: sum('failed'),
    cancelled: sum('cancelled'),
    skipped: sum('skipped'),
    interrupted: sum('interrupted'),
  };
  const failed = jobs.some((j) => j.failed > 0);
  return (
    <div data-testid="job-toasts-summary" className={cardClass}>
      <div className="flex items-start gap-2">
        <p
          role="status"
          className={`min-w-0 flex-1 truncate font-medium ${failed ? 'text-red-700 dark:text-red-400' : ''}`}
        >
          {summaryText(jobs)}
        </p>
        <button
          type="button"
          aria-label={t('activity.toasts.close')}
          onClick={() => update(dismissAllJobs(stack))}
          className={closeClass}
        >
          ×
        </button>
      </div>
      {overall && <JobProgressBar job={overall} className="mt-2" />}
      <div className="mt-2 flex gap-2">
        <Button
          variant="ghost"
          onClick={() => {
            useUi.getState().setView('activity');
            update(dismissAllJobs(stack));
          }}
        >
          {t('activity.toasts.showInActivity')}
        </Button>
      </div>
    </div>
  );
}
