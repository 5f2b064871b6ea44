/**
 * Which jobs have a toast, as pure transitions. A running job shows its progress; an ended
 * one shrinks to a one-line chip that opens Activity. More than MAX_JOB_TOASTS collapse into
 * one summary, so a burst of jobs never stacks up over the table.
 */
import i18next from 'i18next';
import type { JobSummary } from '../../../../shared/model/job';

export const MAX_JOB_TOASTS = 3;
/** How long the chip of a job that ended with nothing to look at stays. */
export const QUIET_END_MS = 8000;

export interface JobToastStack {
  /** The jobs on screen, oldest first. */
  shown: ReadonlyMap<string, JobSummary>;
  /** Closed by the user while running: nothing shows until the job ends. */
  quiet: ReadonlySet<string>;
  /** Ended and shown once: later events for them show nothing again. */
  ended: ReadonlySet<string>;
}

export const EMPTY_STACK: JobToastStack = { shown: new Map(), quiet: new Set(), ended: new Set() };

/** An ended job that needs no second look: its chip goes by itself. */
export const endsQuietly = (job: JobSummary): boolean =>
  job.state !== 'running' && job.failed === 0 && job.interrupted === 0;

export function onJobProgress(stack: JobToastStack, job: JobSummary): JobToastStack {
  if (stack.ended.has(job.id)) return stack;
  const shown = new Map(stack.shown);
  if (job.state === 'running') {
    if (stack.quiet.has(job.id)) return stack;
    shown.set(job.id, job);
    return { ...stack, shown };
  }
  // A job closed while it ran still says how it ended, once.
  shown.set(job.id, job);
  const quiet = new Set(stack.quiet);
  quiet.delete(job.id);
  return { shown, quiet, ended: new Set(stack.ended).add(job.id) };
}

export function dismissJob(stack: JobToastStack, id: string): JobToastStack {
  const job = stack.shown.get(id);
  if (!job) return stack;
  const shown = new Map(stack.shown);
  shown.delete(id);
  const quiet = job.state === 'running' ? new Set(stack.quiet).add(id) : stack.quiet;
  return { ...stack, shown, quiet };
}

export function dismissAllJobs(stack: JobToastStack): JobToastStack {
  let next = stack;
  for (const id of stack.shown.keys()) next = dismissJob(next, id);
  return next;
}

export type JobToastLayout =
  { kind: 'each'; jobs: JobSummary[] } | { kind: 'summary'; jobs: JobSummary[] };

export function layoutOf(stack: JobToastStack): JobToastLayout {
  const jobs = [...stack.shown.values()];
  return jobs.length > MAX_JOB_TOASTS ? { kind: 'summary', jobs } : { kind: 'each', jobs };
}

/** "5 jobs: 2 running, 3 ended, 7 failed". */
export function summaryText(jobs: readonly JobSummary[]): string {
  const running = jobs.filter((j) => j.state === 'running').length;
  const failed = jobs.reduce((n, j) => n + j.failed, 0);
  const parts = [];
  if (running) parts.push(i18next.t('activity.toasts.summaryRunning', { count: running }));
  if (jobs.length - running)
    parts.push(i18next.t('activity.toasts.summaryEnded', { count: jobs.length - running }));
  if (failed) parts.push(i18next.t('activity.toasts.summaryFailed', { count: failed }));
  return i18next.t('activity.toasts.summary', {
    count: jobs.length,
    parts: parts.join(i18next.t('activity.result.separator')),
  });
}
