/**
 * ixBrowser Local API v2 transport: `POST {baseUrl}/api/v2/<action>`, envelope
 * `{error:{code,message},data}`. Every call goes through the connection's gate.
 */
import { z } from 'zod';
import { DeckError } from '../../../../shared/ipc/result';
import { statusError, type JsonClient, remoteParams } from '../../http/json-client';
import type { CallGate } from '../common/call-gate';
import type { CallOptions } from '../provider';
import { EnvelopeCode, EnvelopeMessage } from '../common/wire';
import { ixError } from './ix-errors';

const Envelope = z.looseObject({
  error: z.looseObject({ code: EnvelopeCode, message: EnvelopeMessage }),
  data: z.unknown().optional(),
});

export interface IxCallOptions extends CallOptions {
  /** Safe to repeat (reads, sets of a value): retried on busy answers. */
  idempotent: boolean;
  timeoutMs?: number;
}

export interface IxClient {
  call(action: string, body: Record<string, unknown>, opts: IxCallOptions): Promise<unknown>;
}

export function createIxClient(options: {
  baseUrl: string;
  connectionId: string;
  http: JsonClient;
  gate: CallGate;
  /** Read per call: the settings may change it. */
  timeoutMs: () => number;
}): IxClient {
  const base = `${options.baseUrl.replace(/\/+$/, '')}/api/v2/`;
  const remote = { label: `ixBrowser at ${options.baseUrl}`, connectionId: options.connectionId };
  const details = { connectionId: options.connectionId };

  const once = async (action: string, body: unknown, opts: IxCallOptions): Promise<unknown> => {
    const { status, json } = await options.http.post({
      url: base + action,
      body,
      timeoutMs: opts.timeoutMs ?? options.timeoutMs(),
      signal: opts.signal,
      budget: opts.budget,
    });
    const env = Envelope.safeParse(json);
    if (!env.success) {
      throw (
        statusError(status, remote, details) ??
        DeckError.of(
          'vendor-error',
          `${remote.label} answered ${action} (HTTP ${status}) with something that is not an ixBrowser response`,
          {
            details: { ...details, vendorCode: `HTTP ${status}` },
            reason: 'vendor.not-its-answer',
            params: { ...remoteParams(remote), path: action, status: status },
          },
        )
      );
    }
    const { code, message } = env.data.error;
    if (code !== 0) throw ixError(code, message, options.connectionId);
    if (status >= 400) {
      throw (
        statusError(status, remote, details) ??
        DeckError.of('vendor-error', `${remote.label} answered ${action} with HTTP ${status}`, {
          details: { ...details, vendorCode: `HTTP ${status}` },
          reason: 'vendor.http-status',
          params: { ...remoteParams(remote), path: action, status: status },
        })
      );
    }
    return env.data.data;
  };

  return {
    call: (action, body, opts) =>
      options.gate.run(() => once(action, body, opts), {
        idempotent: opts.idempotent,
        signal: opts.signal,
        deadline: opts.deadline,
      }),
  };
}
