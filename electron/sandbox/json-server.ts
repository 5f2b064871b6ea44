/**
 * The loopback HTTP server both emulated vendors share: it refuses what a web page could
 * send (request-guard.ts), reads the body, applies the injected faults, counts requests and
 * the highest concurrency seen, and hands the request to the vendor's router, which answers
 * in that vendor's own shapes.
 */
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Faults } from './faults';
import { refuseForeignRequest, type Refusal } from './request-guard';

export interface SandboxRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  /** The raw query string ("" when none): both vendors take parameters only as JSON. */
  query: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface JsonReply {
  status: number;
  body: unknown;
}

export interface VendorRouter {
  handle(req: SandboxRequest): Promise<JsonReply> | JsonReply;
  /** The vendor's "busy" answer for injected errors. */
  busy(): JsonReply;
  /** Over the concurrency limit; null when the vendor has none. */
  tooFast(): JsonReply | null;
  /** An unexpected exception in the emulation itself. */
  internalError(): JsonReply;
  /** A request refused before the vendor logic (request-guard.ts), in the vendor's envelope. */
  refused(refusal: Refusal): JsonReply;
}

export interface JsonServer {
  url: string;
  port: number;
  requestCount(): number;
  /** Answered requests by path since the last reset (benchmarks tell reads from writes). */
  requestCountByPath(): Record<string, number>;
  resetRequestCount(): void;
  maxConcurrentSeen(): number;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 5 * 1024 * 1024;

export interface JsonServerOptions {
  port: number;
  router: VendorRouter;
  faults: Faults;
  /** Whether the vendor enforces faults.concurrencyLimit() (ixBrowser only). */
  limitsConcurrency: boolean;
  log: (line: string) => void;
  name: string;
}

export async function startJsonServer(options: JsonServerOptions): Promise<JsonServer> {
  const { router, faults, log } = options;
  let answered = 0;
  let byPath = new Map<string, number>();
  let inFlight = 0;
  let maxSeen = 0;
  let port = 0;

  const reply = (res: ServerResponse, answer: JsonReply, path?: string) => {
    const text = JSON.stringify(answer.body);
    res.writeHead(answer.status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(text),
    });
    res.end(text);
    answered++;
    if (path !== undefined) byPath.set(path, (byPath.get(path) ?? 0) + 1);
  };

  /** Answered once the body is read, so the client sees the reason, not a reset socket. */
  const refuse = (req: IncomingMessage, res: ServerResponse, refusal: Refusal) => {
    log(`${options.name}: refused ${req.method} ${req.url}: ${refusal.message}`);
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) req.destroy();
    });
    req.on('end', () => reply(res, router.refused(refusal)));
    req.on('error', () => res.destroy());
  };

  const server: Server = createServer((req, res) => {
    const refusal = refuseForeignRequest(req.headers, port);
    if (refusal) return refuse(req, res, refusal);
    inFlight++;
    maxSeen = Math.max(maxSeen, inFlight);
    // Counted on arrival, so requests held by injected latency count as in flight.
    const limit = options.limitsConcurrency ? faults.concurrencyLimit() : 0;
    const overLimit = limit > 0 && inFlight > limit;
    // Done once the answer is written (or the socket is gone), so a client that waits for
    // each answer before its next request never counts as over the limit.
    let done = false;
    const finished = () => {
      if (!done) inFlight--;
      done = true;
    };
    res.once('finish', finished);
    res.once('close', finished);

    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) req.destroy();
      else chunks.push(chunk);
    });
    req.on('end', () => {
      const url = req.url ?? '/';
      const q = url.indexOf('?');
      const request: SandboxRequest = {
        method: req.method ?? 'GET',
        path: q < 0 ? url : url.slice(0, q),
        query: q < 0 ? '' : url.slice(q + 1),
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      void respond(request, overLimit).then(
        (answer) => {
          if (!answer) {
            req.socket.destroy();
            return;
          }
          reply(res, answer, request.path);
        },
        (error: unknown) => {
          log(`${options.name}: failed to answer ${request.path}: ${String(error)}`);
          res.destroy();
        },
      );
    });
    req.on('error', () => res.destroy());
  });

  async function respond(request: SandboxRequest, overLimit: boolean): Promise<JsonReply | null> {
    const latency = faults.latencyMs();
    if (latency > 0) await new Promise((r) => setTimeout(r, latency));
    if (faults.drop()) return null;
    if (overLimit) {
      const tooFast = router.tooFast();
      if (tooFast) return tooFast;
    }
    if (faults.busy()) return router.busy();
    try {
      return await router.handle(request);
    } catch (error) {
      log(
        `${options.name}: ${request.path} threw: ${error instanceof Error ? error.stack : String(error)}`,
      );
      return router.internalError();
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requestCount: () => answered,
    requestCountByPath: () => Object.fromEntries(byPath),
    resetRequestCount: () => {
      answered = 0;
      byPath = new Map();
    },
    maxConcurrentSeen: () => maxSeen,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
