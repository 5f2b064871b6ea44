/**
 * BitBrowser's dialect of the Bit-family Local API: `{success, msg, data}` envelopes (a
 * failure is `success: false` with a message, no code), an optional API key, `browserIds`
 * on the group and remark batches, windows named by `id`, Chromium windows, and a create
 * that must carry a `browserFingerPrint` object.
 */
import { z } from 'zod';
import { DeckError, type ErrorCode } from '../../../../shared/ipc/result';
import { statusError, remoteParams } from '../../http/json-client';
import type { BitAnswer, BitDialect } from '../bit-family/bit-dialect';
import { envelopeKind, otherClient } from '../bit-family/envelopes';
import { IDENTITY_KEYS } from '../bit-family/window-keys';
import { EnvelopeMessage } from '../common/wire';
import { BIT_CAPABILITIES } from './bit-capabilities';
import { isRecord } from '../../../../shared/lib/is-record';

const Envelope = z.looseObject({
  success: z.boolean(),
  msg: EnvelopeMessage,
  data: z.unknown().optional(),
});

/**
 * A failure carries only a message, so it is classed by its words; anything else stays a
 * vendor-error with the vendor's message.
 */
const MESSAGE_CODES: Array<[RegExp, ErrorCode]> = [
  [/api.?key|token|unauthori[sz]ed|not logged in/i, 'unauthorized'],
  [/busy|try again|too many|too frequent/i, 'busy'],
  [/does not exist|not exist|not found/i, 'not-found'],
  [/is open|already open|opening|running|close it first/i, 'conflict'],
  [/required|invalid|must be|at most|too long/i, 'invalid-input'],
];

export function bitError(msg: string, status: number, connectionId: string): DeckError {
  const vendorMessage = msg || 'no message';
  const code =
    MESSAGE_CODES.find(([re]) => re.test(vendorMessage))?.[1] ??
    (status >= 500 ? 'busy' : 'vendor-error');
  return DeckError.of(code, `BitBrowser: ${vendorMessage}`, {
    reason: 'vendor.said',
    params: { vendor: 'BitBrowser' },
    details: { vendorCode: `HTTP ${status}`, vendorMessage, connectionId },
  });
}

function readBit(a: BitAnswer): unknown {
  const details = { connectionId: a.connectionId };
  if (envelopeKind(a.json) === 'code') throw otherClient(a, 'BitBrowser', 'CosLogin');
  const env = Envelope.safeParse(a.json);
  const unauthorized = (vendorMessage?: string) =>
    DeckError.of(
      'unauthorized',
      a.hasToken
        ? 'BitBrowser refused the API key'
        : 'BitBrowser asks for an API key (turned on in the client under Settings / Local API)',
      {
        reason: a.hasToken ? 'vendor.key-refused' : 'vendor.key-missing-bit',
        params: { vendor: 'BitBrowser' },
        details: {
          ...details,
          vendorCode: `HTTP ${a.status}`,
          ...(vendorMessage ? { vendorMessage } : {}),
        },
      },
    );
  if (a.status === 401 || a.status === 403)
    throw unauthorized(env.success ? env.data.msg : undefined);
  if (!env.success) {
    throw (
      statusError(a.status, a.remote, details) ??
      DeckError.of(
        'vendor-error',
        `${a.remote.label} answered ${a.path} (HTTP ${a.status}) with something that is not a BitBrowser response`,
        {
          retryable: a.status >= 500,
          details: { ...details, vendorCode: `HTTP ${a.status}` },
          reason: 'vendor.not-its-answer',
          params: {
            ...remoteParams(a.remote),
            path: a.path,
            status: a.status,
          },
        },
      )
    );
  }
  if (!env.data.success) {
    const e = bitError(env.data.msg, a.status, a.connectionId);
    if (e.code === 'unauthorized') throw unauthorized(env.data.msg);
    throw e;
  }
  if (a.status >= 400) {
    throw (
      statusError(a.status, a.remote, details) ??
      DeckError.of('vendor-error', `${a.remote.label} answered ${a.path} with HTTP ${a.status}`, {
        details: { ...details, vendorCode: `HTTP ${a.status}` },
        reason: 'vendor.http-status',
        params: { ...remoteParams(a.remote), path: a.path, status: a.status },
      })
    );
  }
  return env.data.data;
}

/**
 * No vendor page settles the key's header: the vendor's Postman collection sends a bearer
 * token, third-party integrations `X-API-KEY`. Both go, to the same loopback client.
 */
const authHeaders = (token: string | undefined): Record<string, string> =>
  token ? { Authorization: `Bearer ${token}`, 'X-API-KEY': token } : {};

export const BIT_DIALECT: BitDialect = {
  vendor: 'bitbrowser',
  label: 'BitBrowser',
  engine: 'chromium',
  capabilities: BIT_CAPABILITIES,
  authHeaders,
  read: readBit,
  batchIdsKey: 'browserIds',
  batchChunk: 100,
  refByUuid: false,
  pidsPath: '/browser/pids/all',
  tagApi: false,
  proxyBinding: false,
  proxyTypeOut: (type) => (type === 'direct' ? 'noproxy' : type),
  createBody(_item, fields, source) {
    // The fingerprint of the window to copy from, else the connection's template; an empty
    // one lets the client choose (the vendor's examples pin only a core version).
    const from = isRecord(source.like) ? source.like['browserFingerPrint'] : source.template;
    const browserFingerPrint = isRecord(from) ? structuredClone(from) : {};
    for (const key of IDENTITY_KEYS) delete browserFingerPrint[key];
    return { ...fields, browserFingerPrint };
  },
};
