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

/** Milliseconds between request starts at `perSecond`: 1/rate, plus 2.5 % and 5 ms. */
export const rateInterval = (perSecond: number): number => (1000 / perSecond) * 1.025 + 5;

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const clock = options.clock ?? Date.now;
  const sleep = options.sleep ?? abortableSleep;
  let nextFree = -Infinity;
  return {
    async take(signal) {
      const now = clock();
      const at = Math.max(now, nextFree);
      // Reserved before waiting, so callers queue in order; a cancelled wait leaves its slot
      // unused (a request fewer, never one more).
      nextFree = at + rateInterval(options.perSecond());
      if (at > now) await sleep(at - now, signal);
    },
  };
}
