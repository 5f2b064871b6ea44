import i18next from 'i18next';
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
      return i18next.t(
        jobRunning ? 'activity.items.states.waiting' : 'activity.items.states.notStarted',
      );
    case 'running':
      return i18next.t('activity.items.states.sending');
    case 'interrupted':
      return i18next.t('activity.items.states.unknown');
    default:
      return i18next.t(`activity.items.states.${state}`);
  }
}

/** Items the user should look at: refused, or cut off with an unknown outcome. */
export const needsAttention = (item: JobItem): boolean =>
  item.state === 'failed' || item.state === 'interrupted';

/** "850 ms", "12 s", "3 min 4 s". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return i18next.t('activity.duration.ms', { ms: Math.max(0, Math.round(ms)) });
  const s = Math.round(ms / 1000);
  if (s < 60) return i18next.t('activity.duration.s', { s });
  const m = Math.floor(s / 60);
  return s % 60
    ? i18next.t('activity.duration.minS', { m, s: s % 60 })
    : i18next.t('activity.duration.min', { m });
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
