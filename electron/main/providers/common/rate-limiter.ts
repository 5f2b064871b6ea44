/**
 * One connection's request rate: every request start takes the next free slot, slots a
 * fixed interval apart, so no burst (a listing, a job, a Sessions refresh, all at once)
 * sends two requests closer than the rate allows. Slots are handed out in call order.
 *
 * The interval has a margin over 1/rate: the vendor counts requests as they reach it, and
 * one request held up on its way (a busy event loop on either side) must not land within
 * the next one's second.
 */
import { abortableSleep } from './abortable-sleep';

export interface RateLimiter {
  /** Resolves when a request may start; rejects with `cancelled` if `signal` aborts first. */
  take(signal?: AbortSignal): Promise<void>;
}

export interface RateLimiterOptions {
  /** Read at every request, so a changed setting applies to the next one. */
  perSecond: () => number;
  clock?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/**
 * Milliseconds between request starts at `perSecond`: 1/rate, plus 10 % and 20 ms. A request
 * the vendor refuses for its rate costs a retry after a backoff of a second or more; the
 * margin costs a tenth of the rate. With 2.5 % and 5 ms, AdsPower's limit was still hit on a
 * loaded 2-core machine, where a request can reach the client 80 ms after it was sent.
 */
export const rateInterval = (perSecond: number): number => (1000 / perSecond) * 1.1 + 20;

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const clock = options.clock ?? Date.now;
  const sleep = options.sleep ?? abortableSleep;
  let nextFree = -Infinity;
  /** When the last request really started (a wake-up can be late; the vendor sees that). */
  let lastStart = -Infinity;
  return {
    async take(signal) {
      const now = clock();
      const at = Math.max(now, nextFree);
      // Reserved before waiting, so callers queue in order; a cancelled wait leaves its slot
      // unused (a request fewer, never one more).
      nextFree = at + rateInterval(options.perSecond());
      if (at > now) await sleep(at - now, signal);
      // The one before may have woken late (a busy event loop): keep the interval from when
      // it really started, not from its planned slot. Slots are in order, so it started first.
      for (let wait = lastStart + rateInterval(options.perSecond()) - clock(); wait > 0;) {
        await sleep(wait, signal);
        wait = lastStart + rateInterval(options.perSecond()) - clock();
      }
      lastStart = clock();
      nextFree = Math.max(nextFree, lastStart + rateInterval(options.perSecond()));
    },
  };
}
