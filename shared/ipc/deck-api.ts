/**
 * Builds `window.deck` from an invoke/subscribe pair. The Electron preload passes
 * ipcRenderer-backed functions; the browser harness passes Playwright bindings. Both get
 * exactly this API: one typed function per operation, no generic invoke.
 */
import type { EventOf, RequestOf, ResponseOf } from './contract';
import { CHANNELS, EVENT_NAMES, type Channel, type EventName } from './channels';
import { readDeckErrorValue, type Result } from './deck-error';

export type Invoke = (channel: Channel, request: unknown) => Promise<unknown>;
export type Subscribe = (event: EventName, listener: (payload: unknown) => void) => () => void;

/** Checks the envelope main sent back; a malformed one becomes an `internal` failure value. */
function checkEnvelope<T>(raw: unknown): Result<T> {
  if (raw && typeof raw === 'object' && 'ok' in raw) {
    const r = raw as { ok: unknown; data?: unknown; error?: unknown };
    if (r.ok === true) return { ok: true, data: r.data as T };
    const error = r.ok === false ? readDeckErrorValue(r.error) : undefined;
    if (error) return { ok: false, error };
  }
  return {
    ok: false,
    error: {
      code: 'internal',
      message: 'Malformed response from the main process',
      retryable: false,
      details: { reason: 'internal.malformed-response' },
    },
  };
}

type Camel<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<Camel<Tail>>}`
  : S;
type Namespace<C extends string> = C extends `${infer N}:${string}` ? N : never;
type Method<C extends string> = C extends `${string}:${infer M}` ? Camel<M> : never;
type EventMethod<E extends string> = E extends `${infer N}:event:${infer Name}`
  ? `on${Capitalize<Camel<N>>}${Capitalize<Camel<Name>>}`
  : never;

/** True when every field of T may be left out (an empty request is `Record<string, never>`). */
type AllOptional<T> = string extends keyof T
  ? true
  : { [K in keyof T]-?: undefined extends T[K] ? never : K }[keyof T] extends never
    ? true
    : false;

/** One channel as a function: a request whose fields are all optional may be left out. */
type CallOf<C extends Channel> =
  AllOptional<RequestOf<C>> extends true
    ? (request?: RequestOf<C>) => Promise<Result<ResponseOf<C>>>
    : (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>;

/**
 * `window.deck`, derived from the contract: channel `ns:some-method` is
 * `deck.ns.someMethod(request)`, event `ns:event:name` is `deck.events.onNsName(listener)`.
 * A new channel needs no edit here.
 */
export type DeckApi = {
  [N in Namespace<Channel>]: {
    [C in Channel as Namespace<C> extends N ? Method<C> : never]: CallOf<C>;
  };
} & {
  events: {
    [E in EventName as EventMethod<E>]: (listener: (payload: EventOf<E>) => void) => () => void;
  };
};

const camel = (s: string) => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function buildDeckApi(invoke: Invoke, subscribe: Subscribe): DeckApi {
  const call = (channel: Channel) => async (request?: unknown) => {
    try {
      return checkEnvelope(await invoke(channel, request ?? {}));
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
  const api: Record<string, Record<string, unknown>> = { events: {} };
  for (const channel of CHANNELS) {
    const [ns, method] = channel.split(':') as [string, string];
    (api[ns] ??= {})[camel(method)] = call(channel);
  }
  for (const event of EVENT_NAMES) {
    const [ns, , name] = event.split(':') as [string, string, string];
    api['events']![`on${capital(camel(ns))}${capital(camel(name))}`] = (
      listener: (payload: unknown) => void,
    ) => subscribe(event, listener);
  }
  return api as unknown as DeckApi;
}
