import type { JobItem, JobItemState } from '../../../../shared/model/job';

const ITEM_ORDER: Record<JobItemState, number> = {
  failed: 0,
  interrupted: 1,
  cancelled: 2,
  skipped: 3,
  running: 4,
  pending: 5,
  ok: 6,
};

/** Failures first: they are what the user came to read. Otherwise the job's own order. */
export function itemsFailuresFirst(items: readonly JobItem[]): JobItem[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => ITEM_ORDER[a.item.state] - ITEM_ORDER[b.item.state] || a.index - b.index)
    .map((x) => x.item);
}

/** An item's result in words; pending means "waiting" while the job runs, "not started" after. */
export function itemStateText(state: JobItemState, jobRunning: boolean): string {
  switch (state) {
    case 'pending':
      return jobRunning ? 'waiting' : 'not started';
    case 'running':
      return 'sending';
    case 'interrupted':
      return 'unknown';
    default:
      return state;
  }
}

/** Items the user should look at: refused, or cut off with an unknown outcome. */
export const needsAttention = (item: JobItem): boolean =>
  item.state === 'failed' || item.state === 'interrupted';

/** "14:03:22" today, else "Mar 4, 14:03". */
export function formatStarted(epochMs: number, now = Date.now()): string {
  const d = new Date(epochMs);
  const sameDay = new Date(now).toDateString() === d.toDateString();
  return sameDay
    ? d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' })
    : d.toLocaleString(undefined, {
        month: 'short',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      });
}

/** "850 ms", "12 s", "3 min 4 s". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  return s % 60 ? `${m} min ${s % 60} s` : `${m} min`;
}

/** The vendor's own reason, when the message does not already say it. */
export function vendorReason(item: JobItem): string | undefined {
  const vendor = item.error?.details?.vendorMessage;
  return vendor && !item.error!.message.includes(vendor) ? vendor : undefined;
}

export const csvFileName = (jobId?: string, now = new Date()): string =>
  jobId
    ? `browserdeck-job-${jobId}.csv`
    : `browserdeck-activity-${now.toISOString().slice(0, 19).replaceAll(':', '-')}.csv`;
