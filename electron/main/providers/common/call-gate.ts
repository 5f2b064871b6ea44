/**
 * The gate every request of one connection passes: a concurrency limit (vendors such as
 * ixBrowser tolerate only ~3 requests at once) and retries with backoff for busy answers
 * when the call is safe to repeat. Each attempt takes a slot on its own, so a call waiting
 * out its backoff does not hold a slot others could use.
 */
import pLimit from 'p-limit';
import { DeckError } from '../../../../shared/ipc/result';
import { DroppedConnectionError } from '../../http/json-client';

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
}

export function createCallGate(options: GateOptions): CallGate {
  const wanted = options.concurrency;
  const current = typeof wanted === 'number' ? () => wanted : wanted;
  const limit = pLimit(current());
  const retry = options.retry ?? DEFAULT_RETRY;
  const sleep = options.sleep ?? abortableSleep;
  const clock = options.clock ?? Date.now;
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
    async run(attempt, { idempotent, signal, deadline }) {
      for (let n = 0; ; n++) {
        try {
          sync();
          return await limit(() => {
            if (signal?.aborted) throw DeckError.of('cancelled', 'Cancelled');
            return attempt();
          });
        } catch (e) {
          if (!idempotent || !isRepeatable(e)) throw e;
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

function isRepeatable(e: unknown): boolean {
  return e instanceof DroppedConnectionError || (e instanceof DeckError && e.code === 'busy');
}

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(DeckError.of('cancelled', 'Cancelled'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(DeckError.of('cancelled', 'Cancelled'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
