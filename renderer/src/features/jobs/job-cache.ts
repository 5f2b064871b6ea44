/**
 * Jobs in the react-query cache: the list (`keys.jobs`) and each job's items
 * (`keys.job(id)`), patched in place by `jobs:event:progress` so nothing polls.
 */
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { Job, JobItem, JobProgress, JobSummary } from '../../../../shared/model/job';
import { deck, unwrap } from '../../lib/deck';
import { keys } from '../../lib/queries';

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

/** "Move to group: 120/500, 3 failed". */
export function progressText(j: JobSummary): string {
  const failed = j.failed > 0 ? `, ${j.failed.toLocaleString()} failed` : '';
  return `${j.label}: ${doneCount(j).toLocaleString()}/${j.total.toLocaleString()}${failed}`;
}

/** How a job ended, after its label: never "done" while any item failed. */
export function endText(j: JobSummary): string {
  switch (j.state) {
    case 'running':
      return 'running';
    case 'done':
      return 'done';
    case 'failures':
      return `finished with ${j.failed.toLocaleString()} failed`;
    case 'cancelled':
      return 'cancelled';
    case 'interrupted':
      return 'interrupted when BrowserDeck stopped';
  }
}

/** "497 ok, 3 failed, 0 cancelled", leaving out zero counts except ok. */
export function resultText(j: JobSummary): string {
  const parts = [`${j.ok.toLocaleString()} ok`];
  if (j.failed) parts.push(`${j.failed.toLocaleString()} failed`);
  if (j.interrupted) parts.push(`${j.interrupted.toLocaleString()} unknown`);
  if (j.skipped) parts.push(`${j.skipped.toLocaleString()} skipped`);
  if (j.cancelled) parts.push(`${j.cancelled.toLocaleString()} cancelled`);
  return parts.join(', ');
}
