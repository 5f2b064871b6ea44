/**
 * Jobs in the react-query cache: the list (`keys.jobs`) and each job's items
 * (`keys.job(id)`), patched in place by `jobs:event:progress` so nothing polls; and how a
 * job reads, worded with i18next when called (a component calling these re-renders on a
 * language switch through its own useTranslation).
 */
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import i18next from 'i18next';
import { en } from '../../i18n/catalogs/en';
import type { Job, JobItem, JobProgress, JobSummary } from '../../../../shared/model/job';
import { deck, unwrap } from '../../lib/deck';
import { keys } from '../../lib/queries';
import { labelText } from './job-words';

/** Main keeps this many; the cached list never grows past it either. */
export const MAX_JOBS = 200;

export const jobsQuery = queryOptions({
  queryKey: keys.jobs,
  queryFn: () => unwrap(deck().jobs.list()),
  // Progress events keep it current; a refetch would only repeat them.
  staleTime: Infinity,
});

export const jobQuery = (id: string) =>
  queryOptions({
    queryKey: keys.job(id),
    queryFn: () => unwrap(deck().jobs.get({ id })),
    staleTime: Infinity,
  });

/** Newest first; a known job is replaced where it is, a new one goes on top. */
export function upsertSummary(list: readonly JobSummary[], summary: JobSummary): JobSummary[] {
  const at = list.findIndex((j) => j.id === summary.id);
  if (at >= 0) return list.map((j, i) => (i === at ? summary : j));
  return [summary, ...list].slice(0, MAX_JOBS);
}

/** The job with the progress's counts and its changed items swapped in. */
export function mergeProgress(job: Job, progress: JobProgress): Job {
  const { changed, ...summary } = progress;
  if (changed.length === 0) return { ...job, ...summary };
  const byKey = new Map<string, JobItem>(changed.map((item) => [item.key, item]));
  return { ...summary, items: job.items.map((item) => byKey.get(item.key) ?? item) };
}

export function applyJobProgress(queryClient: QueryClient, progress: JobProgress): void {
  const { changed: _changed, ...summary } = progress;
  queryClient.setQueryData<JobSummary[]>(keys.jobs, (list) =>
    list ? upsertSummary(list, summary) : list,
  );
  // Only a job someone has opened has its items cached; the others load when opened.
  queryClient.setQueryData<Job>(keys.job(progress.id), (job) =>
    job ? mergeProgress(job, progress) : job,
  );
}

export function applyJobStarted(queryClient: QueryClient, summary: JobSummary): void {
  queryClient.setQueryData<JobSummary[]>(keys.jobs, (list) =>
    list ? upsertSummary(list, summary) : list,
  );
}

/** Finished items, for "120/500". */
export const doneCount = (j: JobSummary): number =>
  j.ok + j.failed + j.cancelled + j.skipped + j.interrupted;

/**
 * What Activity calls the job, in the chosen language: worded from its kind, or from the
 * words main sent for a kind whose name depends on its action (tags added, script run, edit
 * undone). A job from before those words, or of a kind without any, reads as main wrote it.
 */
export function jobTitle(j: JobSummary): string {
  const name = j.labelWords
    ? labelText(j.labelWords)
    : isWordedKind(j.kind)
      ? i18next.t(`activity.kinds.${j.kind}`)
      : undefined;
  if (name === undefined) return j.label;
  return j.retryOf ? i18next.t('activity.retryOf', { job: name }) : name;
}

const isWordedKind = (kind: string): kind is keyof typeof en.activity.kinds =>
  Object.hasOwn(en.activity.kinds, kind);

/** "Move to group: 120/500, 3 failed". */
export function progressText(j: JobSummary): string {
  const counts = { job: jobTitle(j), done: doneCount(j), total: j.total, failed: j.failed };
  return j.failed > 0
    ? i18next.t('activity.progressFailed', counts)
    : i18next.t('activity.progress', counts);
}

/** How a job ended, after its label: never "done" while any item failed. */
export function endText(j: JobSummary): string {
  switch (j.state) {
    case 'running':
      return i18next.t('activity.end.running');
    // Told from the counts too: a job with a failure is never "done" on screen.
    case 'done':
    case 'failures':
      return j.failed > 0
        ? i18next.t('activity.end.failed', { count: j.failed })
        : i18next.t('activity.end.done');
    case 'cancelled':
      return i18next.t('activity.end.cancelled');
    case 'interrupted':
      return i18next.t('activity.end.interrupted');
  }
}

/** Items of a job that has stopped which never went out (a quit or a crash came first). */
export const notStarted = (j: JobSummary): number =>
  j.state === 'running' ? 0 : Math.max(0, j.total - doneCount(j));

/** "497 ok, 3 failed", "120 ok, 3 unknown, 377 not started": zero counts left out, except ok. */
export function resultText(j: JobSummary): string {
  const parts = [i18next.t('activity.result.ok', { count: j.ok })];
  const add = (count: number, what: Exclude<keyof typeof en.activity.result, 'ok' | 'separator'>) =>
    count && parts.push(i18next.t(`activity.result.${what}`, { count }));
  add(j.failed, 'failed');
  add(j.interrupted, 'unknown');
  add(notStarted(j), 'notStarted');
  add(j.skipped, 'skipped');
  add(j.cancelled, 'cancelled');
  return parts.join(i18next.t('activity.result.separator'));
}

/** What "Retry" would run again: the failed items, and of an interrupted job all the rest. */
export function retryCount(j: JobSummary): number {
  if (j.state === 'running') return 0;
  return j.failed + (j.state === 'interrupted' ? j.interrupted + notStarted(j) : 0);
}

/** "Retry" finishes an interrupted job; elsewhere it is about the failures. */
export const retryLabel = (j: JobSummary): string =>
  j.state === 'interrupted' ? i18next.t('activity.retry') : i18next.t('activity.retryFailed');
