/**
 * CosLogin Local API transport: `POST {baseUrl}/<path>` with `X-Cos-Local-Token`,
 * envelope `{code,msg,data}`. Every call goes through the connection's gate.
 */
import { z } from 'zod';
import type { ErrorCode } from '../../../../shared/ipc/result';
import { DeckError } from '../../../../shared/ipc/result';
import { statusError, type JsonClient } from '../../http/json-client';
import type { CallGate } from '../common/call-gate';
import type { CallOptions } from '../provider';
import { EnvelopeCode, EnvelopeMessage } from '../common/wire';

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
      details: { vendorCode: code, vendorMessage, ...(connectionId ? { connectionId } : {}) },
    },
  );
}

export interface CosCallOptions extends CallOptions {
  idempotent: boolean;
  timeoutMs?: number;
}

export interface CosClient {
  call(path: string, body: Record<string, unknown>, opts: CosCallOptions): Promise<unknown>;
}

export function createCosClient(options: {
  baseUrl: string;
  connectionId: string;
  token: () => string | undefined;
  http: JsonClient;
  gate: CallGate;
  /** Read per call: the settings may change it. */
  timeoutMs: () => number;
}): CosClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  const remote = { label: `CosLogin at ${options.baseUrl}`, connectionId: options.connectionId };
  const details = { connectionId: options.connectionId };

  const unauthorized = (vendorCode: number | string, vendorMessage?: string) => {
    const hasToken = Boolean(options.token());
    return DeckError.of(
      'unauthorized',
      hasToken
        ? 'CosLogin refused the Local API token, or the client is logged out'
        : 'CosLogin needs its Local API token (shown in the client under System Settings / Local API)',
      { details: { ...details, vendorCode, ...(vendorMessage ? { vendorMessage } : {}) } },
    );
  };

  const once = async (path: string, body: unknown, opts: CosCallOptions): Promise<unknown> => {
    const token = options.token();
    const { status, json } = await options.http.post({
      url: base + path,
      body,
      headers: token ? { [COS_TOKEN_HEADER]: token } : {},
      timeoutMs: opts.timeoutMs ?? options.timeoutMs(),
      signal: opts.signal,
      budget: opts.budget,
    });
    const env = Envelope.safeParse(json);
    if (status === 401) {
      throw env.success ? unauthorized(env.data.code, env.data.msg) : unauthorized('HTTP 401');
    }
    if (!env.success) {
      throw (
        statusError(status, remote, details) ??
        DeckError.of(
          'vendor-error',
          `${remote.label} answered ${path} (HTTP ${status}) with something that is not a CosLogin response`,
          { retryable: status >= 500, details: { ...details, vendorCode: `HTTP ${status}` } },
        )
      );
    }
    const { code, msg } = env.data;
    if (code === 401) throw unauthorized(code, msg);
    if (code !== 0) throw cosError(code, msg, options.connectionId);
    if (status >= 400) {
      throw (
        statusError(status, remote, details) ??
        DeckError.of('vendor-error', `${remote.label} answered ${path} with HTTP ${status}`, {
          details: { ...details, vendorCode: `HTTP ${status}` },
        })
      );
    }
    return env.data.data;
  };

  return {
    call: (path, body, opts) =>
      options.gate.run(() => once(path, body, opts), {
        idempotent: opts.idempotent,
        signal: opts.signal,
        deadline: opts.deadline,
      }),
  };
}
