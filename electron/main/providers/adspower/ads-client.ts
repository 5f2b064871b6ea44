/**
 * AdsPower Local API transport: v2 calls (mostly POST JSON) and the v1 calls v2 lacks
 * (groups, regroup, the opened list; GET with a query where the vendor says so), with
 * `Authorization: Bearer <key>` when the connection has one. Envelope `{code, msg, data}`,
 * HTTP 200 on failure too. Every call goes through the connection's gate and rate limiter.
 */
import { z } from 'zod';
import { DeckError, type ErrorCode } from '../../../../shared/ipc/result';
import { statusError, type JsonClient, remoteParams } from '../../http/json-client';
import { NotExecutedError, type CallGate } from '../common/call-gate';
import type { CallOptions } from '../provider';
import { EnvelopeCode, EnvelopeMessage } from '../common/wire';

const Envelope = z.looseObject({
  code: EnvelopeCode,
  // `msg` on most endpoints, `message` on a few.
  msg: EnvelopeMessage,
  message: EnvelopeMessage,
  data: z.unknown().optional(),
});

/** Over the rate limit (independent clients handle exactly this answer). */
const TOO_MANY = /too many request/i;

/** AdsPower answers most failures with code -1: the message says which. */
const MESSAGE_CODES: Array<[RegExp, ErrorCode]> = [
  [/api.?key|unauthori[sz]ed|verification|authorization/i, 'unauthorized'],
  [/busy|try again/i, 'busy'],
  [/not exist|not found|no such/i, 'not-found'],
  [/already (?:open|start)|is opening|is running|is open/i, 'conflict'],
  [/required|invalid|must be|format|exceed|at most|too long/i, 'invalid-input'],
];

export function adsError(code: number, msg: string, connectionId?: string): DeckError {
  const vendorMessage = msg || 'no message';
  const details = { vendorCode: code, vendorMessage, ...(connectionId ? { connectionId } : {}) };
  if (TOO_MANY.test(vendorMessage))
    return new NotExecutedError({
      code: 'busy',
      message: `AdsPower: ${vendorMessage} (more requests per second than the client allows)`,
      retryable: true,
      details: { ...details, reason: 'vendor.said', params: { vendor: 'AdsPower' } },
    });
  const mapped = MESSAGE_CODES.find(([re]) => re.test(vendorMessage))?.[1] ?? 'vendor-error';
  return DeckError.of(mapped, `AdsPower: ${vendorMessage} (code ${code})`, {
    details,
    reason: 'vendor.said',
    params: { vendor: 'AdsPower' },
  });
}

export interface AdsCallOptions extends CallOptions {
  idempotent: boolean;
  timeoutMs?: number;
  /** GET with `query`, where the vendor reads a query string (v1 lists). */
  method?: 'GET' | 'POST';
  query?: Record<string, string | number>;
}

export interface AdsClient {
  call(path: string, body: Record<string, unknown>, opts: AdsCallOptions): Promise<unknown>;
}

export function createAdsClient(options: {
  baseUrl: string;
  connectionId: string;
  token: () => string | undefined;
  http: JsonClient;
  gate: CallGate;
  /** Read per call: the settings may change it. */
  timeoutMs: () => number;
}): AdsClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  const remote = { label: `AdsPower at ${options.baseUrl}`, connectionId: options.connectionId };
  const details = { connectionId: options.connectionId };

  const unauthorized = (hasKey: boolean, vendorCode: number | string, vendorMessage?: string) =>
    DeckError.of(
      'unauthorized',
      hasKey
        ? 'AdsPower refused the API key'
        : "AdsPower asks for an API key (its security verification is on): paste the key from AdsPower's Local API settings",
      {
        details: { ...details, vendorCode, ...(vendorMessage ? { vendorMessage } : {}) },
        reason: hasKey ? 'vendor.key-refused' : 'vendor.key-missing-ads',
        params: { vendor: 'AdsPower' },
      },
    );

  const once = async (path: string, body: unknown, opts: AdsCallOptions): Promise<unknown> => {
    const key = options.token();
    const query = opts.query
      ? `?${new URLSearchParams(Object.entries(opts.query).map(([k, v]): [string, string] => [k, String(v)]))}`
      : '';
    const { status, json } = await options.http.post({
      url: base + path + query,
      method: opts.method ?? 'POST',
      body,
      headers: key ? { Authorization: `Bearer ${key}` } : {},
      timeoutMs: opts.timeoutMs ?? options.timeoutMs(),
      signal: opts.signal,
      budget: opts.budget,
    });
    const env = Envelope.safeParse(json);
    if (status === 401 || status === 403)
      throw unauthorized(Boolean(key), env.success ? env.data.code : `HTTP ${status}`);
    if (!env.success) {
      throw (
        statusError(status, remote, details) ??
        DeckError.of(
          'vendor-error',
          `${remote.label} answered ${path} (HTTP ${status}) with something that is not an AdsPower response`,
          {
            retryable: status >= 500,
            details: { ...details, vendorCode: `HTTP ${status}` },
            reason: 'vendor.not-its-answer',
            params: { ...remoteParams(remote), path: path, status: status },
          },
        )
      );
    }
    const { code } = env.data;
    const msg = env.data.msg || env.data.message;
    if (code !== 0) {
      const e = adsError(code, msg, options.connectionId);
      throw e.code === 'unauthorized' ? unauthorized(Boolean(key), code, msg) : e;
    }
    if (status >= 400) {
      throw (
        statusError(status, remote, details) ??
        DeckError.of('vendor-error', `${remote.label} answered ${path} with HTTP ${status}`, {
          details: { ...details, vendorCode: `HTTP ${status}` },
          reason: 'vendor.http-status',
          params: { ...remoteParams(remote), path: path, status: status },
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
