/**
 * The gate every request of one connection passes: a concurrency limit (vendors such as
 * ixBrowser tolerate only ~3 requests at once) and retries with backoff for busy answers
 * when the call is safe to repeat. Each attempt takes a slot on its own, so a call waiting
 * out its backoff does not hold a slot others could use.
 */
import pLimit from 'p-limit';
import { DeckError } from '../../../../shared/ipc/result';
import { DroppedConnectionError } from '../../http/json-client';
import { abortableSleep } from './abortable-sleep';
import type { RateLimiter } from './rate-limiter';

export { abortableSleep } from './abortable-sleep';

export interface RetryPolicy {
  /** Attempts after the first. */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 4, baseDelayMs: 200, maxDelayMs: 3000 };

export interface GateOptions {
  /** Read before each attempt: a changed limit applies to the next request. */
  concurrency: number | (() => number);
  retry?: RetryPolicy;
  /** Injected for tests; defaults to setTimeout. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  clock?: () => number;
  /** A vendor that limits requests per second: every attempt, retries too, takes a slot. */
  limiter?: RateLimiter;
}

export interface CallGate {
  /**
   * Runs `attempt` within the connection's limit. `idempotent` calls (reads, sets of a
   * value) are retried on busy answers and dropped connections; others run once.
   */
  run<T>(
    attempt: () => Promise<T>,
    opts: {
      idempotent: boolean;
      signal?: AbortSignal;
      /** Retry until this time (epoch ms) rather than `retry.retries` times. */
      deadline?: number;
    },
  ): Promise<T>;
  /** The limit now. */
  readonly concurrency: number;
  /**
   * Ends the gate with its provider: calls waiting for a slot, a rate slot or a backoff are
   * cancelled and none is retried, so a disposed connection never talks to its client again.
   */
  close(): void;
}

export function createCallGate(options: GateOptions): CallGate {
  const wanted = options.concurrency;
  const current = typeof wanted === 'number' ? () => wanted : wanted;
  const limit = pLimit(current());
  const retry = options.retry ?? DEFAULT_RETRY;
  const sleep = options.sleep ?? abortableSleep;
  const clock = options.clock ?? Date.now;
  const closed = new AbortController();
  // p-limit starts queued calls as soon as a raised limit allows; a lowered one lets the
  // calls in flight finish and starts no more until they are under it.
  const sync = () => {
    const n = current();
    if (limit.concurrency !== n) limit.concurrency = n;
  };

  return {
    get concurrency() {
      sync();
      return limit.concurrency;
    },
    close: () => closed.abort(),
    async run(attempt, { idempotent, signal: callerSignal, deadline }) {
      const signal = callerSignal ? AbortSignal.any([callerSignal, closed.signal]) : closed.signal;
      for (let n = 0; ; n++) {
        try {
          sync();
          return await limit(async () => {
            if (signal.aborted)
              throw DeckError.of('cancelled', 'Cancelled', { reason: 'cancelled' });
            await options.limiter?.take(signal);
            return attempt();
          });
        } catch (e) {
          if (!isRepeatable(e, idempotent) || closed.signal.aborted) throw e;
          // Jitter: many items (or pages) that hit "too fast" together spread out.
          const cap = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** Math.min(n, 30));
          const delay = cap / 2 + Math.random() * (cap / 2);
          const more = deadline === undefined ? n < retry.retries : clock() + delay < deadline;
          if (!more) throw e;
          await sleep(delay, signal);
        }
      }
    },
  };
}

/**
 * A request the vendor refused before acting on it (AdsPower's "too many requests"): safe to
 * send again even when it creates or deletes.
 */
export class NotExecutedError extends DeckError {}

function isRepeatable(e: unknown, idempotent: boolean): boolean {
  if (e instanceof NotExecutedError) return true;
  if (!idempotent) return false;
  return e instanceof DroppedConnectionError || (e instanceof DeckError && e.code === 'busy');
}
