/**
 * Errors cross IPC as a code, a reason and its values (issue #24): the renderer words them.
 * What main sends here is what the preload accepts (DeckErrorSchema), and a hostile or
 * oversized details value is refused or cut on the way.
 */
import { describe, expect, it } from 'vitest';
import { createDispatch } from '../../../electron/main/ipc/handle';
import { createLogger } from '../../../electron/main/log';
import { DEFAULT_SETTINGS } from '../../../electron/main/settings';
import { createIxProvider } from '../../../electron/main/providers/ixbrowser/ix-provider';
import { buildDeckApi } from '../../../shared/ipc/deck-api';
import { ERROR_REASONS, PARAM_TEXT_MAX } from '../../../shared/ipc/error-reasons';
import { DeckError, DeckErrorSchema, fail } from '../../../shared/ipc/result';
import { handlersFor } from '../../fixtures/handlers';
import {
  FAST_RETRY,
  closedPort,
  failure,
  fakeServerPerTest,
  ixFail,
  quietLog,
  sendJson,
} from '../providers/fake-server';

const dispatch = createDispatch(
  handlersFor({
    'settings:update': async () => DEFAULT_SETTINGS,
    'groups:create': async () => ({ id: 'g', connectionId: 'c', name: 'n' }),
    'connections:add': async () => {
      throw new Error('not reached: the request is refused first');
    },
    'jobs:start': async () => {
      throw new Error('not reached: the request is refused first');
    },
  }),
  { log: createLogger(() => undefined) },
);

/** The error as the preload hands it to the renderer (checked by the contract's schema). */
async function refusal(channel: string, request: unknown) {
  const result = await dispatch(channel, request);
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('unreachable');
  return DeckErrorSchema.parse(result.error);
}

describe('a request the contract refuses', () => {
  it('too short: the zod issue code, with the bound and what kind of value', async () => {
    const e = await refusal('groups:create', { connectionId: 'c', name: '' });
    expect(e.code).toBe('invalid-input');
    expect(e.details).toMatchObject({
      field: 'name',
      reason: 'invalid.too_small',
      params: { context: 'string', count: 1 },
    });
  });

  it('not one of an enum: the options it takes', async () => {
    const e = await refusal('connections:add', { vendor: 'nope', baseUrl: 'http://127.0.0.1:1' });
    expect(e.details).toMatchObject({ field: 'vendor', reason: 'invalid.invalid_value' });
    expect(String(e.details?.params?.options)).toContain('ixbrowser');
  });

  it('our schemas’ own messages cross as their keys, with their values', async () => {
    const port = await refusal('jobs:start', {
      action: {
        kind: 'set-proxy',
        proxy: { method: 'custom', type: 'http', host: 'h', port: 70000 },
      },
      keys: ['c/1'],
    });
    expect(port.details).toMatchObject({
      field: 'action.proxy.port',
      reason: 'invalid.port-range',
    });
    // The English sentence stays for the log.
    expect(port.message).toBe('action.proxy.port: must be 1-65535');

    const host = await refusal('jobs:start', {
      action: { kind: 'set-proxy', proxy: { method: 'custom', type: 'http', port: 80 } },
      keys: ['c/1'],
    });
    expect(host.details).toMatchObject({
      field: 'action.proxy.host',
      reason: 'proxy.host-required',
    });

    const range = await refusal('settings:update', { openConcurrency: 99 });
    expect(range.details).toMatchObject({
      field: 'openConcurrency',
      reason: 'invalid.whole-number',
      params: { min: 1, max: 16, unitName: 'windows' },
    });
    const theme = await refusal('settings:update', { theme: 'purple' });
    expect(theme.details).toMatchObject({ field: 'theme', reason: 'invalid.theme' });
  });
});

describe('a vendor failure', () => {
  const fake = fakeServerPerTest();

  it('an unreachable client: reason, the client, and that the connection was refused', async () => {
    const port = await closedPort();
    const ix = createIxProvider({
      connectionId: 'ix-gone',
      baseUrl: `http://127.0.0.1:${port}`,
      log: quietLog().log,
      retry: FAST_RETRY,
    });
    const e = DeckErrorSchema.parse((await failure(ix.listProfiles())).toValue());
    expect(e).toMatchObject({
      code: 'unreachable',
      details: {
        connectionId: 'ix-gone',
        reason: 'vendor.unreachable',
        params: {
          vendor: 'ixBrowser',
          baseUrl: `http://127.0.0.1:${port}`,
          cause: 'ECONNREFUSED',
          context: 'refused',
        },
      },
    });
  });

  it('the vendor’s own message and code cross as given', async () => {
    const server = await fake.serve((_req, res) =>
      sendJson(res, ixFail(101004, 'Profile name already exists')),
    );
    const ix = createIxProvider({
      connectionId: 'ix-test',
      baseUrl: server.url,
      log: quietLog().log,
      retry: FAST_RETRY,
    });
    const e = DeckErrorSchema.parse((await failure(ix.listGroups())).toValue());
    expect(e.details).toMatchObject({
      reason: 'vendor.said',
      params: { vendor: 'ixBrowser' },
      vendorCode: 101004,
      vendorMessage: 'Profile name already exists',
    });
  });
});

describe('the schema a failure crosses by', () => {
  const base = { code: 'vendor-error', message: 'x', retryable: false } as const;
  const accepts = (details: unknown) => DeckErrorSchema.safeParse({ ...base, details }).success;

  it('takes flat, short params and a known reason', () => {
    expect(accepts({ reason: 'vendor.said', params: { vendor: 'ixBrowser', count: 3 } })).toBe(
      true,
    );
    for (const reason of ERROR_REASONS) expect(accepts({ reason }), reason).toBe(true);
  });

  it('refuses an unknown reason, nested or long params, too many params', () => {
    expect(accepts({ reason: 'nope.whatever' })).toBe(false);
    expect(accepts({ reason: 'vendor.said', params: { vendor: { toString: 'x' } } })).toBe(false);
    expect(accepts({ params: { list: ['a'] } })).toBe(false);
    expect(accepts({ params: { long: 'x'.repeat(PARAM_TEXT_MAX + 1) } })).toBe(false);
    expect(accepts({ params: { ['k'.repeat(41)]: 1 } })).toBe(false);
    expect(
      accepts({ params: Object.fromEntries([...Array(13)].map((_, i) => [`p${i}`, i])) }),
    ).toBe(false);
    expect(accepts({ vendorMessage: 'x'.repeat(100_000) })).toBe(false);
  });

  it('the preload turns a hostile failure envelope into a plain internal error', async () => {
    const api = buildDeckApi(
      async () => ({
        ok: false,
        error: { ...base, details: { reason: 'vendor.said', params: { vendor: { deep: 1 } } } },
      }),
      () => () => undefined,
    );
    const result = await api.app.info();
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'internal', details: { reason: 'internal.malformed-response' } },
    });
  });

  it('main cuts what a vendor made long, so its own error still crosses', () => {
    const long = 'y'.repeat(50_000);
    const { error } = fail('vendor-error', long, {
      details: { vendorMessage: long },
      reason: 'vendor.said',
      params: { vendor: long, ...Object.fromEntries([...Array(20)].map((_, i) => [`p${i}`, i])) },
    });
    expect(DeckErrorSchema.safeParse(error).success).toBe(true);
    expect(error.details?.params?.vendor).toHaveLength(PARAM_TEXT_MAX);
    const thrown = new DeckError({ ...base, message: long, details: { vendorMessage: long } });
    expect(DeckErrorSchema.safeParse(thrown.toValue()).success).toBe(true);
  });
});
