/**
 * Runs in the page, before the app: builds `window.deck` with the preload's own builder,
 * over Playwright bindings instead of ipcRenderer. Bundled by esbuild in the harness.
 */
import { buildDeckApi } from '../../../shared/ipc/deck-api';
import type { EventName } from '../../../shared/ipc/contract';

type Listener = (payload: unknown) => void;
const w = window as unknown as {
  deck: unknown;
  __deckInvoke(channel: string, request: unknown): Promise<unknown>;
  __deckEmit(event: EventName, payload: unknown): void;
};
const listeners = new Map<EventName, Set<Listener>>();

w.__deckEmit = (event, payload) => {
  for (const l of listeners.get(event) ?? []) l(payload);
};
w.deck = buildDeckApi(
  (channel, request) => w.__deckInvoke(channel, request),
  (event, listener) => {
    const set = listeners.get(event) ?? new Set<Listener>();
    listeners.set(event, set);
    set.add(listener);
    return () => set.delete(listener);
  },
);
