/**
 * The one place a request from the renderer enters main. Every channel goes through
 * createChannelHandler(): parse with the contract's zod schema (bad input → `invalid-input`
 * naming the field), run, and turn every throw into a result value. handle() adds the
 * sender check for Electron's ipcMain; the browser harness calls the same dispatcher.
 */
import {
  contract,
  type Channel,
  type ParsedRequestOf,
  type ResponseOf,
} from '../../../shared/ipc/contract';
import { DeckError, describeZodError, fail, ok, type Result } from '../../../shared/ipc/result';
import type { Logger } from '../log';

export type Handler<C extends Channel> = (
  request: ParsedRequestOf<C>,
) => Promise<ResponseOf<C>> | ResponseOf<C>;
/** Every channel's handler: a channel without one does not compile. */
export type Handlers = { [C in Channel]: Handler<C> };
/** The channels one service owns, with their handlers. */
export type HandlerGroup<K extends Channel> = { [C in K]: Handler<C> };

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (
  i: infer I,
) => void
  ? I
  : never;

/**
 * The handlers of every service, in one table. Each service registers its own channels;
 * a channel registered twice throws at start (a spread would let the later one win
 * silently), and the result type has every channel only if together they cover the contract.
 */
export function mergeHandlers<G extends Array<Partial<Handlers>>>(
  ...groups: G
): UnionToIntersection<G[number]> {
  const table: Record<string, unknown> = {};
  for (const group of groups)
    for (const [channel, handler] of Object.entries(group)) {
      if (Object.hasOwn(table, channel))
        throw new Error(`IPC channel ${channel} is registered twice`);
      table[channel] = handler;
    }
  return table as UnionToIntersection<G[number]>;
}
export type Dispatch = (channel: string, raw: unknown) => Promise<Result<unknown>>;

export interface DispatchOptions {
  log: Logger;
  /** Tests turn this on so a response that drifts from the contract fails loudly. */
  validateResponses?: boolean;
}

const isChannel = (name: string): name is Channel => Object.hasOwn(contract, name);

export function createChannelHandler<C extends Channel>(
  channel: C,
  fn: Handler<C>,
  { log, validateResponses }: DispatchOptions,
): (raw: unknown) => Promise<Result<ResponseOf<C>>> {
  const { request, response } = contract[channel];
  return async (raw) => {
    const parsed = request.safeParse(raw ?? {});
    if (!parsed.success) {
      const { field, message, reason, params } = describeZodError(parsed.error);
      return fail('invalid-input', message, { details: { field }, reason, params });
    }
    try {
      const data = await fn(parsed.data as ParsedRequestOf<C>);
      if (validateResponses) {
        const check = response.safeParse(data);
        if (!check.success) {
          log.error(
            `response of ${channel} breaks the contract`,
            describeZodError(check.error).message,
          );
          return fail('internal', `Response of ${channel} does not match the contract`, {
            reason: 'internal.contract',
            params: { channel },
          });
        }
      }
      return ok(data);
    } catch (e) {
      if (e instanceof DeckError) return { ok: false, error: e.toValue() };
      // Stacks stay in the main log; the renderer gets a value.
      log.error(`${channel} failed`, e);
      return fail('internal', 'Unexpected error in the main process; see the log', {
        reason: 'internal.unexpected',
      });
    }
  };
}

/** One dispatcher over every contract channel. Unknown channels are refused. */
export function createDispatch(handlers: Handlers, options: DispatchOptions): Dispatch {
  const table = new Map<string, (raw: unknown) => Promise<Result<unknown>>>();
  for (const channel of Object.keys(contract) as Channel[]) {
    // The type requires every handler; this catches a table built around the type.
    if (typeof handlers[channel] !== 'function')
      throw new Error(`IPC channel ${channel} has no handler`);
    table.set(
      channel,
      createChannelHandler(channel, handlers[channel] as Handler<typeof channel>, options),
    );
  }
  return async (channel, raw) => {
    const run = isChannel(channel) ? table.get(channel) : undefined;
    if (!run)
      return fail('not-found', `Unknown channel ${String(channel).slice(0, 80)}`, {
        reason: 'request.unknown-channel',
        params: { channel: String(channel).slice(0, 80) },
      });
    return run(raw);
  };
}

/** The bits of Electron's IpcMainInvokeEvent the sender check reads. */
export interface InvokeEventLike {
  sender: { id: number };
  senderFrame: { url: string; parent?: unknown } | null;
}
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: InvokeEventLike, raw: unknown) => Promise<unknown>,
  ): void;
}

/**
 * Register one channel on ipcMain. `isTrustedSender` refuses messages from windows the
 * app did not create, from subframes and from foreign origins.
 */
export function handle(
  ipc: IpcMainLike,
  channel: Channel,
  dispatch: Dispatch,
  isTrustedSender: (event: InvokeEventLike) => boolean,
  log: Logger,
): void {
  ipc.handle(channel, async (event, raw) => {
    if (!isTrustedSender(event)) {
      log.warn(
        `refused ${channel} from untrusted sender ${event.senderFrame?.url ?? '(no frame)'}`,
      );
      return fail('forbidden', 'Request refused: not from the BrowserDeck window', {
        reason: 'request.foreign-sender',
      });
    }
    return dispatch(channel, raw);
  });
}

export function registerAllChannels(
  ipc: IpcMainLike,
  dispatch: Dispatch,
  isTrustedSender: (event: InvokeEventLike) => boolean,
  log: Logger,
): Channel[] {
  const channels = Object.keys(contract) as Channel[];
  for (const channel of channels) handle(ipc, channel, dispatch, isTrustedSender, log);
  return channels;
}

/**
 * Trusted = a webContents the app created, its main frame (no parent), on the app's own
 * origin (file:// in production, the dev server in development).
 */
export function createSenderCheck(
  trustedWebContentsIds: ReadonlySet<number>,
  isAppUrl: (url: string) => boolean,
) {
  return (event: InvokeEventLike): boolean => {
    const frame = event.senderFrame;
    if (!frame || frame.parent) return false;
    if (!trustedWebContentsIds.has(event.sender.id)) return false;
    return isAppUrl(frame.url);
  };
}
