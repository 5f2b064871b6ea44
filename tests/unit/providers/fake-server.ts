/**
 * A tiny loopback HTTP server for misbehaviour the sandbox does not produce: HTML pages,
 * truncated JSON, slow drips, huge bodies, unknown codes, hangs. Each test routes requests
 * itself; the server records what it got and the most requests it had in flight at once.
 */
import { afterEach, expect } from 'vitest';
import { DeckError } from '../../../shared/ipc/result';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

export type FakeHandler = (req: FakeRequest, res: ServerResponse) => void | Promise<void>;

export interface FakeServer {
  url: string;
  requests: FakeRequest[];
  maxInFlight(): number;
  close(): Promise<void>;
}

export async function startFakeServer(handler: FakeHandler): Promise<FakeServer> {
  const requests: FakeRequest[] = [];
  let inFlight = 0;
  let max = 0;
  const server = createServer((req, res) => {
    inFlight++;
    max = Math.max(max, inFlight);
    res.on('close', () => inFlight--);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      } catch {
        body = {};
      }
      const r = { path: req.url ?? '/', headers: req.headers, body };
      requests.push(r);
      void Promise.resolve(handler(r, res)).catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    maxInFlight: () => max,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * One fake server per test, closed after it: `serve(handler)` starts it, `server` is the
 * one running (its requests, its peak concurrency).
 */
export function fakeServerPerTest() {
  let current: FakeServer | undefined;
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return {
    serve: async (handler: FakeHandler) => (current = await startFakeServer(handler)),
    get server(): FakeServer {
      if (!current) throw new Error('no fake server is running');
      return current;
    },
  };
}

export function sendJson(res: ServerResponse, body: unknown, status = 200): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

export const ixOk = (data: unknown) => ({ error: { code: 0, message: 'success' }, data });
export const ixFail = (code: number, message: string) => ({ error: { code, message }, data: null });
export const cosOk = (data: unknown) => ({ code: 0, msg: 'success', data });
export const bitOk = (data?: unknown) => ({ success: true, data });
export const bitFail = (msg: string) => ({ success: false, msg });

/** A port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export const quietLog = () => {
  const secrets: string[] = [];
  const lines: string[] = [];
  return {
    secrets,
    lines,
    log: {
      info: (m: string) => void lines.push(m),
      warn: (m: string) => void lines.push(m),
      error: (m: string) => void lines.push(m),
      addSecret: (s: string) => void secrets.push(s),
    },
  };
};

/** Fast backoff so retry tests do not wait. */
export const FAST_RETRY = { retries: 3, baseDelayMs: 5, maxDelayMs: 20 };

/** The DeckError `p` rejects with; fails the test if it resolves or throws anything else. */
export async function failure(p: Promise<unknown>): Promise<DeckError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(DeckError);
    return e as DeckError;
  }
  throw new Error('expected the call to fail');
}
