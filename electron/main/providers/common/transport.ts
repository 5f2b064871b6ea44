/**
 * The request plumbing every provider has: one keep-alive HTTP client and one call gate
 * (concurrency limit and busy retries) per connection, the vendor's envelope client over
 * them, and the read / write / parse helpers the provider's methods are written with.
 */
import type { z } from 'zod';
import { createJsonClient, type JsonClient } from '../../http/json-client';
import { createCallGate, type CallGate } from './call-gate';
import { createRateLimiter } from './rate-limiter';
import type { CallOptions } from '../provider';
import { DEFAULT_TIMEOUT_MS, type ProviderOptions } from './provider-options';
import { parseWire } from './wire';

/** One call of a vendor's envelope client (the path or action, the body, retry safety). */
export interface VendorClient {
  call(
    path: string,
    body: Record<string, unknown>,
    opts: CallOptions & { idempotent: boolean; timeoutMs?: number },
  ): Promise<unknown>;
}

export function createTransport<C extends VendorClient>(
  o: ProviderOptions,
  vendor: {
    label: string;
    concurrency: number;
    /** Requests per second when the vendor limits them (read per request). */
    requestsPerSecond?: () => number;
    client(deps: { http: JsonClient; gate: CallGate; timeoutMs: number }): C;
  },
) {
  const { connectionId } = o;
  const http = createJsonClient(
    { label: `${vendor.label} at ${o.baseUrl}`, connectionId },
    { maxBytes: o.maxResponseBytes },
  );
  // One limiter per connection, inside its one gate: every request of the connection,
  // whoever sends it, takes a slot.
  const rate = vendor.requestsPerSecond;
  const gate = createCallGate({
    concurrency: o.concurrency ?? vendor.concurrency,
    retry: o.retry,
    clock: o.clock,
    ...(rate ? { limiter: createRateLimiter({ perSecond: rate, clock: o.clock }) } : {}),
  });
  const client = vendor.client({ http, gate, timeoutMs: o.timeoutMs ?? DEFAULT_TIMEOUT_MS });
  return {
    http,
    client,
    /** With the provider: nothing queued or retried goes out after it, sockets are closed. */
    close() {
      gate.close();
      http.close();
    },
    /** A vendor payload checked at the edge; a mismatch is a vendor-error naming the field. */
    parse: <T extends z.ZodType>(schema: T, value: unknown, what: string) =>
      parseWire(schema, value, what, { connectionId, vendorLabel: vendor.label }),
    /** Reads are safe to repeat: retried on busy answers. */
    read: (path: string, body: Record<string, unknown>, opts?: CallOptions) =>
      client.call(path, body, {
        idempotent: true,
        signal: opts?.signal,
        deadline: opts?.deadline,
        budget: opts?.budget,
      }),
    /** Sets of a value are safe to repeat; creates and deletes are not. */
    write: (
      path: string,
      body: Record<string, unknown>,
      opts: CallOptions | undefined,
      idempotent: boolean,
    ) => client.call(path, body, { idempotent, signal: opts?.signal }),
  };
}
