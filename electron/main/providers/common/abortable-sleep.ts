/** A sleep that a cancelled call cuts short (rejecting with `cancelled`). */
import { DeckError } from '../../../../shared/ipc/result';

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted)
      return reject(DeckError.of('cancelled', 'Cancelled', { reason: 'cancelled' }));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(DeckError.of('cancelled', 'Cancelled', { reason: 'cancelled' }));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
