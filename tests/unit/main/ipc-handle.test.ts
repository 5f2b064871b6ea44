import { describe, expect, it } from 'vitest';
import {
  createDispatch,
  mergeHandlers,
  type Handlers,
  createSenderCheck,
  registerAllChannels,
  type InvokeEventLike,
} from '../../../electron/main/ipc/handle';
import { createLogger } from '../../../electron/main/log';
import { DEFAULT_SETTINGS } from '../../../electron/main/settings';
import { contract } from '../../../shared/ipc/contract';
import { DeckError } from '../../../shared/ipc/result';
import { handlersFor } from '../../fixtures/handlers';

const quietLog = () => {
  const lines: string[] = [];
  return { log: createLogger((l) => lines.push(l)), lines };
};

describe('createDispatch', () => {
  it('answers invalid-input naming the field, and keeps serving', async () => {
    const { log } = quietLog();
    const dispatch = createDispatch(
      handlersFor({
        'settings:update': async (p) => ({
          ...DEFAULT_SETTINGS,
          ipEchoUrl: 'x',
          openConcurrency: p.openConcurrency ?? 2,
        }),
      }),
      { log },
    );
    const bad = await dispatch('settings:update', { openConcurrency: 'lots' });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', details: { field: 'openConcurrency' } },
    });
    const unknownKey = await dispatch('settings:update', {
      __proto__: { polluted: true },
      extra: 1,
    });
    expect(unknownKey).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    const good = await dispatch('settings:update', { openConcurrency: 4 });
    expect(good).toMatchObject({ ok: true, data: { openConcurrency: 4 } });
  });

  it('turns a throw into a value: DeckError keeps its code, anything else is internal without a stack', async () => {
    const { log, lines } = quietLog();
    const dispatch = createDispatch(
      handlersFor({
        'app:info': () => {
          throw new Error('boom at /secret/path');
        },
        'connections:list': () => {
          throw DeckError.of('unreachable', 'No answer on 127.0.0.1:53200');
        },
      }),
      { log },
    );
    const internal = await dispatch('app:info', {});
    expect(internal).toEqual({
      ok: false,
      error: {
        code: 'internal',
        message: expect.any(String),
        retryable: false,
        details: { reason: 'internal.unexpected' },
      },
    });
    expect(JSON.stringify(internal)).not.toContain('/secret/path');
    expect(lines.join('\n')).toContain('boom');
    expect(await dispatch('connections:list', {})).toMatchObject({
      ok: false,
      error: { code: 'unreachable', retryable: true },
    });
  });

  it('refuses unknown channels as values', async () => {
    const dispatch = createDispatch(handlersFor({}), quietLog());
    expect(await dispatch('fs:read', {})).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await dispatch('__proto__', {})).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('a channel without a handler, or registered twice, fails at start', () => {
    const { 'app:info': _missing, ...rest } = handlersFor({});
    expect(() => createDispatch(rest as Handlers, quietLog())).toThrow(/app:info has no handler/);
    const remove = { 'connections:remove': async () => ({ removed: true }) };
    expect(() =>
      mergeHandlers(remove, { 'app:info': handlersFor({})['app:info'] }, remove),
    ).toThrow(/connections:remove is registered twice/);
  });

  it('with validateResponses, a response that breaks the contract fails loudly', async () => {
    const dispatch = createDispatch(
      handlersFor({ 'connections:list': () => [{ id: 1 }] as never }),
      { ...quietLog(), validateResponses: true },
    );
    expect(await dispatch('connections:list', {})).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });
});

describe('handle / sender check', () => {
  const appUrl = 'file:///opt/BrowserDeck/resources/app/out/renderer/index.html';
  const check = createSenderCheck(new Set([7]), (u) => u === appUrl);
  const event = (id: number, url: string, parent?: unknown): InvokeEventLike => ({
    sender: { id },
    senderFrame: { url, parent },
  });

  it('trusts only the app window, main frame, app page', () => {
    expect(check(event(7, appUrl))).toBe(true);
    expect(check(event(8, appUrl))).toBe(false); // a window the app did not create
    expect(check(event(7, 'https://evil.example/'))).toBe(false); // navigated away
    expect(check(event(7, appUrl, {}))).toBe(false); // a subframe
    expect(check({ sender: { id: 7 }, senderFrame: null })).toBe(false);
  });

  it('registers every contract channel and refuses a foreign sender with a value', async () => {
    const registered = new Map<string, (e: InvokeEventLike, raw: unknown) => Promise<unknown>>();
    const ipc = {
      handle: (c: string, fn: (e: InvokeEventLike, raw: unknown) => Promise<unknown>) =>
        void registered.set(c, fn),
    };
    const { log } = quietLog();
    const dispatch = createDispatch(
      handlersFor({ 'app:info': async () => ({ name: 'x' }) as never }),
      { log },
    );
    registerAllChannels(ipc, dispatch, check, log);
    expect([...registered.keys()].sort()).toEqual(Object.keys(contract).sort());
    const fn = registered.get('app:info')!;
    expect(await fn(event(9, appUrl), {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await fn(event(7, appUrl), {})).toMatchObject({ ok: true });
  });
});
