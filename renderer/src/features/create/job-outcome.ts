/**
 * Following a create or copy job to its end, and wording what it did. Progress itself is
 * the job toasts' (activity); these dialogs only need the end: the new keys and any refusals.
 */
import { DeckError } from '../../../../shared/ipc/result';
import type { Job, JobItem } from '../../../../shared/model/job';
import { deck, errorText, unwrap } from '../../lib/deck';

/** Resolves with the whole job once it has stopped running (done or cancelled). */
export function waitForJobEnd(jobId: string): Promise<Job> {
  return new Promise<Job>((resolve, reject) => {
    let settled = false;
    const settle = (job: Job) => {
      if (settled) return;
      settled = true;
      off();
      resolve(job);
    };
    const fail = (e: unknown) => {
      if (settled) return;
      settled = true;
      off();
      reject(e instanceof Error ? e : new Error(String(e)));
    };
    const fetchJob = () => unwrap(deck().jobs.get({ id: jobId }));
    // Progress events carry only the changed items; the end needs all of them, so fetch.
    const off = deck().events.onJobsProgress((p) => {
      if (p.id === jobId && p.state !== 'running') fetchJob().then(settle, fail);
    });
    // A short job may have ended before the subscription existed. If this look fails,
    // the end event still settles it.
    fetchJob().then(
      (job) => {
        if (job.state !== 'running') settle(job);
      },
      () => {},
    );
  });
}

/** The profiles a job made, in item order. */
export function resultKeys(job: Pick<Job, 'items'>): string[] {
  return job.items.flatMap((i) => (i.state === 'ok' && i.resultKey ? [i.resultKey] : []));
}

/** The vendor's own reason for a refused item, with its code: "Name exists (vendor code 101004)". */
export function itemFailure(item: JobItem | undefined): string | undefined {
  if (!item?.error) return undefined;
  const e = item.error;
  const vendorMessage = e.details?.vendorMessage;
  const text = errorText(new DeckError(e));
  // Main's message usually embeds the vendor's; add it only when it does not.
  return vendorMessage && !text.includes(vendorMessage) ? `${text}: ${vendorMessage}` : text;
}
