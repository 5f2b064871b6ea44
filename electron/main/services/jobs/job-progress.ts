import type { Job, JobItem, JobProgress, JobSummary } from '../../../../shared/model/job';

/**
 * Collects the items that changed and pushes them at most once per interval, plus once
 * at the end: a 5,000-profile job must not send 5,000 IPC messages.
 */
export function createProgressReporter(
  job: Job,
  emit: (progress: JobProgress) => void,
  intervalMs: number,
) {
  const changed = new Map<string, JobItem>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const items = [...changed.values()].map((item) => ({ ...item }));
    changed.clear();
    emit({ ...summarize(job), changed: items });
  };

  return {
    changed(item: JobItem): void {
      changed.set(item.key, item);
      timer ??= setTimeout(flush, intervalMs);
    },
    /** Push now (job started, job finished). */
    flush,
  };
}
export type ProgressReporter = ReturnType<typeof createProgressReporter>;

export function summarize(job: Job): JobSummary {
  const { items: _items, ...summary } = job;
  return summary;
}
