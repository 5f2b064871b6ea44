import type { EventName, EventOf } from '../../shared/ipc/contract';

type Listener = (event: EventName, payload: unknown) => void;

/** Push events from services to whoever forwards them (webContents.send, or the harness). */
export function createEventBus() {
  const listeners = new Set<Listener>();
  return {
    emit<E extends EventName>(event: E, payload: EventOf<E>): void {
      for (const l of listeners) {
        try {
          l(event, payload);
        } catch {
          // A broken forwarder must not break the service that emitted.
        }
      }
    },
    subscribe(listener: Listener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
export type EventBus = ReturnType<typeof createEventBus>;
