/**
 * Builds `window.deck` from an invoke/subscribe pair. The Electron preload passes
 * ipcRenderer-backed functions; the browser harness passes Playwright bindings. Both get
 * exactly this API: one typed function per operation, no generic invoke.
 */
import type { Channel, EventName, EventOf, RequestOf, ResponseOf } from './contract';
import { DeckErrorSchema, type Result } from './result';

export type Invoke = (channel: Channel, request: unknown) => Promise<unknown>;
export type Subscribe = (event: EventName, listener: (payload: unknown) => void) => () => void;

/** Checks the envelope main sent back; a malformed one becomes an `internal` failure value. */
function checkEnvelope<T>(raw: unknown): Result<T> {
  if (raw && typeof raw === 'object' && 'ok' in raw) {
    const r = raw as { ok: unknown; data?: unknown; error?: unknown };
    if (r.ok === true) return { ok: true, data: r.data as T };
    const parsed = DeckErrorSchema.safeParse(r.error);
    if (r.ok === false && parsed.success) return { ok: false, error: parsed.data };
  }
  return {
    ok: false,
    error: {
      code: 'internal',
      message: 'Malformed response from the main process',
      retryable: false,
    },
  };
}

export function buildDeckApi(invoke: Invoke, subscribe: Subscribe) {
  const call =
    <C extends Channel>(channel: C) =>
    async (request: RequestOf<C>): Promise<Result<ResponseOf<C>>> => {
      try {
        return checkEnvelope<ResponseOf<C>>(await invoke(channel, request));
      } catch (e) {
        return {
          ok: false,
          error: {
            code: 'internal',
            message: `IPC failed: ${(e as Error)?.message ?? e}`,
            retryable: true,
          },
        };
      }
    };
  const none =
    <C extends Channel>(channel: C) =>
    () =>
      call(channel)({} as RequestOf<C>);
  const on =
    <E extends EventName>(event: E) =>
    (listener: (payload: EventOf<E>) => void): (() => void) =>
      subscribe(event, (payload) => listener(payload as EventOf<E>));

  return {
    app: { info: none('app:info') },
    settings: { get: none('settings:get'), update: call('settings:update') },
    connections: {
      list: none('connections:list'),
      add: call('connections:add'),
      update: call('connections:update'),
      remove: call('connections:remove'),
      test: call('connections:test'),
      detect: none('connections:detect'),
    },
    demo: { start: call('demo:start'), stop: none('demo:stop') },
    profiles: { list: call('profiles:list'), detail: call('profiles:detail') },
    groups: { list: call('groups:list'), create: call('groups:create') },
    tags: { list: call('tags:list') },
    jobs: {
      start: call('jobs:start'),
      list: none('jobs:list'),
      get: call('jobs:get'),
      cancel: call('jobs:cancel'),
      retryFailed: call('jobs:retry-failed'),
      undo: call('jobs:undo'),
      exportCsv: call('jobs:export-csv'),
    },
    sessions: { list: call('sessions:list') },
    devtools: { targets: call('devtools:targets'), open: call('devtools:open') },
    proxy: { check: call('proxy:check') },
    events: {
      onJobProgress: on('jobs:event:progress'),
      onProfilesChanged: on('profiles:event:changed'),
      onProfileStatus: on('profiles:event:status'),
      onConnectionsChanged: on('connections:event:changed'),
    },
  };
}

export type DeckApi = ReturnType<typeof buildDeckApi>;
