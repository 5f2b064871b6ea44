/**
 * Bit-family Local API transport: `POST {baseUrl}/<path>` with a JSON body and the dialect's
 * auth header; the dialect reads the envelope. Every call goes through the connection's gate.
 */
import type { JsonClient } from '../../http/json-client';
import type { CallGate } from '../common/call-gate';
import type { CallOptions } from '../provider';
import type { BitDialect } from './bit-dialect';

export interface BitCallOptions extends CallOptions {
  idempotent: boolean;
  timeoutMs?: number;
}

export interface BitClient {
  call(path: string, body: Record<string, unknown>, opts: BitCallOptions): Promise<unknown>;
}

export function createBitClient(
  dialect: BitDialect,
  options: {
    baseUrl: string;
    connectionId: string;
    token: () => string | undefined;
    http: JsonClient;
    gate: CallGate;
    timeoutMs: number;
  },
): BitClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  const remote = {
    label: `${dialect.label} at ${options.baseUrl}`,
    connectionId: options.connectionId,
  };

  const once = async (path: string, body: unknown, opts: BitCallOptions): Promise<unknown> => {
    const token = options.token();
    const { status, json } = await options.http.post({
      url: base + path,
      body,
      headers: dialect.authHeaders(token),
      timeoutMs: opts.timeoutMs ?? options.timeoutMs,
      signal: opts.signal,
      budget: opts.budget,
    });
    return dialect.read({
      status,
      json,
      path,
      hasToken: Boolean(token),
      remote,
      connectionId: options.connectionId,
    });
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
