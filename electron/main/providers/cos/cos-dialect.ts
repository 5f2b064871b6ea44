/**
 * CosLogin's dialect of the Bit-family Local API: `X-Cos-Local-Token` on every call,
 * envelope `{code, msg, data}` with codes 211/401/404/500, windows named by uuid for detail,
 * open and close, tags through /browserTag, Firefox windows, and a create that needs a
 * complete `config`.
 */
import { z } from 'zod';
import type { ErrorCode } from '../../../../shared/ipc/result';
import { DeckError } from '../../../../shared/ipc/result';
import { statusError, remoteParams } from '../../http/json-client';
import type { BitAnswer, BitDialect } from '../bit-family/bit-dialect';
import { envelopeKind, otherClient } from '../bit-family/envelopes';
import { EnvelopeCode, EnvelopeMessage } from '../common/wire';
import { COS_CAPABILITIES } from './cos-capabilities';
import { buildCreateBody } from './cos-create';

export const COS_TOKEN_HEADER = 'X-Cos-Local-Token';

const Envelope = z.looseObject({
  code: EnvelopeCode,
  msg: EnvelopeMessage,
  data: z.unknown().optional(),
});

const COS_CODES: Record<number, ErrorCode> = {
  211: 'invalid-input', // missing parameter or unsupported combination (also "UUID invalid")
  401: 'unauthorized', // not logged in, or wrong local token
  404: 'not-found',
  // "Local service execution failed": transient in practice, so retried where safe.
  500: 'busy',
};

export function cosError(code: number, msg: string, connectionId?: string): DeckError {
  const vendorMessage = msg || 'no message';
  return DeckError.of(
    COS_CODES[code] ?? 'vendor-error',
    `CosLogin: ${vendorMessage} (code ${code})`,
    {
      reason: 'vendor.said',
      params: { vendor: 'CosLogin' },
      details: { vendorCode: code, vendorMessage, ...(connectionId ? { connectionId } : {}) },
    },
  );
}

function readCos(a: BitAnswer): unknown {
  const details = { connectionId: a.connectionId };
  if (envelopeKind(a.json) === 'success') throw otherClient(a, 'CosLogin', 'BitBrowser');
  const unauthorized = (vendorCode: number | string, vendorMessage?: string) =>
    DeckError.of(
      'unauthorized',
      a.hasToken
        ? 'CosLogin refused the Local API token, or the client is logged out'
        : 'CosLogin needs its Local API token (shown in the client under System Settings / Local API)',
      {
        details: { ...details, vendorCode, ...(vendorMessage ? { vendorMessage } : {}) },
        reason: a.hasToken ? 'vendor.token-refused-cos' : 'vendor.token-missing-cos',
      },
    );
  const env = Envelope.safeParse(a.json);
  if (a.status === 401) {
    throw env.success ? unauthorized(env.data.code, env.data.msg) : unauthorized('HTTP 401');
  }
  if (!env.success) {
    throw (
      statusError(a.status, a.remote, details) ??
      DeckError.of(
        'vendor-error',
        `${a.remote.label} answered ${a.path} (HTTP ${a.status}) with something that is not a CosLogin response`,
        {
          retryable: a.status >= 500,
          details: { ...details, vendorCode: `HTTP ${a.status}` },
          reason: 'vendor.not-its-answer',
          params: { ...remoteParams(a.remote), path: a.path, status: a.status },
        },
      )
    );
  }
  const { code, msg } = env.data;
  if (code === 401) throw unauthorized(code, msg);
  if (code !== 0) throw cosError(code, msg, a.connectionId);
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

export const COS_DIALECT: BitDialect = {
  vendor: 'cos',
  label: 'CosLogin',
  engine: 'firefox',
  capabilities: COS_CAPABILITIES,
  authHeaders: (token): Record<string, string> => (token ? { [COS_TOKEN_HEADER]: token } : {}),
  read: readCos,
  batchIdsKey: 'ids',
  batchChunk: 500,
  refByUuid: true,
  pidsPath: '/browser/pids',
  tagApi: true,
  proxyBinding: true,
  proxyTypeOut: (type) => type,
  createBody: buildCreateBody,
};
