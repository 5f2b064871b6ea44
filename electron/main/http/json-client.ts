/**
 * The one HTTP client main uses to talk to vendor Local APIs: JSON over POST (or a GET where
 * a vendor reads only a query string, as some of AdsPower's calls do) on a keep-alive agent, with a deadline for the whole exchange (a slowly dripping body counts),
 * an abort signal, and a size cap. Transport failures become DeckErrors here; what the
 * body means (envelopes, vendor codes) is each provider's business.
 */
import { Agent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { DeckError } from '../../../shared/ipc/result';

export const DEFAULT_MAX_RESPONSE_BYTES = 20 * 1024 * 1024;

export interface JsonRequest {
  url: string;
  /** Default POST. A GET sends no body (its parameters are in `url`). */
  method?: 'GET' | 'POST';
  body: unknown;
  headers?: Record<string, string>;
  timeoutMs: number;
  maxBytes?: number;
  signal?: AbortSignal;
  /** Shared by the requests of one listing: bounds their bytes together. */
  budget?: { take(bytes: number): void };
}

export interface JsonResponse {
  status: number;
  /** The parsed body; undefined when the body was empty. */
  json: unknown;
}

/** Names the remote in messages: "ixBrowser at http://127.0.0.1:53200". */
export interface RemoteContext {
  label: string;
  connectionId?: string;
}

/**
 * A remote's label (`<vendor> at <baseUrl>`, as the clients build it) as the values an
 * error's sentence names, so each language places them in its own word order.
 */
export function remoteParams(remote: RemoteContext): { vendor: string; baseUrl: string } {
  const at = remote.label.lastIndexOf(' at ');
  return at < 0
    ? { vendor: remote.label, baseUrl: '' }
    : { vendor: remote.label.slice(0, at), baseUrl: remote.label.slice(at + 4) };
}

/**
 * A connection that dropped after it was established (reset, hang-up): the request may or
 * may not have reached the vendor, so only calls that are safe to repeat retry it.
 */
export class DroppedConnectionError extends DeckError {}

export interface JsonClient {
  /** Sends `req`: a POST, unless `req.method` says GET. */
  post(req: JsonRequest): Promise<JsonResponse>;
  /** Closes idle keep-alive sockets. */
  close(): void;
}

export function createJsonClient(
  remote: RemoteContext,
  defaults: { maxBytes?: number } = {},
): JsonClient {
  // One agent per client (= per connection): sockets are reused across the many small
  // page requests of a listing, which is most of the cost on loopback.
  const agent = new Agent({ keepAlive: true, maxSockets: 64, keepAliveMsecs: 1000 });
  const httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: 64 });
  const details = (extra: Record<string, string | number> = {}) => ({
    ...(remote.connectionId ? { connectionId: remote.connectionId } : {}),
    ...extra,
  });

  const send = (req: JsonRequest): Promise<JsonResponse> =>
    new Promise<JsonResponse>((resolve, reject) => {
      const maxBytes = req.maxBytes ?? defaults.maxBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
      if (req.signal?.aborted) {
        reject(DeckError.of('cancelled', 'Cancelled', { details: details(), reason: 'cancelled' }));
        return;
      }
      let url: URL;
      try {
        url = new URL(req.url);
      } catch {
        reject(
          DeckError.of('invalid-input', `Not a valid URL: ${req.url}`, {
            details: details(),
            reason: 'request.invalid-url',
            params: { url: req.url },
          }),
        );
        return;
      }
      const get = req.method === 'GET';
      const payload = get ? Buffer.alloc(0) : Buffer.from(JSON.stringify(req.body ?? {}), 'utf8');
      const isHttps = url.protocol === 'https:';
      let settled = false;
      let gotResponse = false;
      const finish = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        req.signal?.removeEventListener('abort', onAbort);
        fn();
      };
      const fail = (e: DeckError) => finish(() => reject(e));

      const outgoing = (isHttps ? httpsRequest : httpRequest)(
        url,
        {
          method: get ? 'GET' : 'POST',
          agent: isHttps ? httpsAgent : agent,
          headers: {
            // On a GET too: a JSON content type is what tells a program from a web page's
            // simple request (the sandbox's request guard, for one, refuses the rest).
            'content-type': 'application/json',
            accept: 'application/json',
            ...(get ? {} : { 'content-length': String(payload.length) }),
            ...req.headers,
          },
        },
        (res) => {
          gotResponse = true;
          const tooLarge = () => {
            outgoing.destroy();
            fail(
              DeckError.of(
                'vendor-error',
                `${remote.label} sent a response larger than ${Math.round(maxBytes / 1024 / 1024)} MB; refused`,
                {
                  details: details(),
                  reason: 'vendor.too-large',
                  params: {
                    ...remoteParams(remote),
                    megabytes: Math.round(maxBytes / 1024 / 1024),
                  },
                },
              ),
            );
          };
          const declared = Number(res.headers['content-length']);
          if (Number.isFinite(declared) && declared > maxBytes) return tooLarge();
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            // Decided here, before the socket is torn down, so the reason is the size.
            if (size > maxBytes) return tooLarge();
            try {
              req.budget?.take(chunk.length);
            } catch (e) {
              outgoing.destroy();
              return fail(e instanceof DeckError ? e : DeckError.of('internal', String(e)));
            }
            chunks.push(chunk);
          });
          res.on('end', () => {
            try {
              const buf = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
              const parsed = parseBody(res.statusCode ?? 0, res.headers['content-type'], buf);
              finish(() => resolve(parsed));
            } catch (e) {
              fail(describeBadBody(e, res.statusCode ?? 0, remote, details()));
            }
          });
          res.on('error', (e) => fail(transportError(e, true, remote, details())));
          res.on('aborted', () =>
            fail(
              transportError(
                Object.assign(new Error('response aborted'), { code: 'ECONNRESET' }),
                true,
                remote,
                details(),
              ),
            ),
          );
        },
      );

      const timer = setTimeout(() => {
        outgoing.destroy();
        fail(
          DeckError.of(
            'timeout',
            `${remote.label} did not answer within ${formatMs(req.timeoutMs)}`,
            {
              details: details(),
              reason: 'vendor.timeout',
              params: { ...remoteParams(remote), ms: req.timeoutMs },
            },
          ),
        );
      }, req.timeoutMs);
      const onAbort = () => {
        outgoing.destroy();
        fail(DeckError.of('cancelled', 'Cancelled', { details: details(), reason: 'cancelled' }));
      };
      req.signal?.addEventListener('abort', onAbort, { once: true });
      outgoing.on('error', (e) => fail(transportError(e, gotResponse, remote, details())));
      outgoing.end(payload);
    });

  return {
    post: send,
    close() {
      agent.destroy();
      httpsAgent.destroy();
    },
  };
}

class BadBody extends Error {
  constructor(
    readonly kind: 'html' | 'malformed',
    readonly snippet: string,
  ) {
    super(kind);
  }
}

function parseBody(status: number, contentType: string | undefined, buf: Buffer): JsonResponse {
  const text = buf.toString('utf8');
  if (!text.trim()) return { status, json: undefined };
  try {
    return { status, json: JSON.parse(text) };
  } catch {
    const html = /^\s*</.test(text) || /text\/html/i.test(contentType ?? '');
    throw new BadBody(html ? 'html' : 'malformed', text.slice(0, 120).replace(/\s+/g, ' ').trim());
  }
}

/** A body that is not JSON: the HTTP status still says what happened when it is telling. */
function describeBadBody(
  e: unknown,
  status: number,
  remote: RemoteContext,
  details: Record<string, string | number>,
): DeckError {
  const byStatus = statusError(status, remote, details);
  if (byStatus) return byStatus;
  const what =
    e instanceof BadBody && e.kind === 'html'
      ? 'an HTML page instead of JSON'
      : 'malformed or truncated JSON';
  return DeckError.of('vendor-error', `${remote.label} answered HTTP ${status} with ${what}`, {
    retryable: status >= 500,
    details: { ...details, vendorCode: `HTTP ${status}` },
    reason: 'vendor.not-json',
    params: {
      ...remoteParams(remote),
      status,
      context: e instanceof BadBody && e.kind === 'html' ? 'html' : undefined,
    },
  });
}

/** HTTP statuses that mean the same thing whatever the body says. */
export function statusError(
  status: number,
  remote: RemoteContext,
  details: Record<string, string | number> = {},
): DeckError | undefined {
  const d = { ...details, vendorCode: `HTTP ${status}` };
  if (status === 401 || status === 403)
    return DeckError.of('unauthorized', `${remote.label} refused the token (HTTP ${status})`, {
      details: d,
      reason: 'vendor.token-refused',
      params: { ...remoteParams(remote) },
    });
  if (status === 429)
    return DeckError.of('busy', `${remote.label} is busy (HTTP 429, too many requests)`, {
      details: d,
      reason: 'vendor.busy',
      params: { ...remoteParams(remote) },
    });
  if (status === 404)
    return DeckError.of('not-found', `${remote.label} has no such endpoint (HTTP 404)`, {
      details: d,
      reason: 'vendor.no-endpoint',
      params: { ...remoteParams(remote) },
    });
  return undefined;
}

function transportError(
  e: unknown,
  gotResponse: boolean,
  remote: RemoteContext,
  details: Record<string, string | number>,
): DeckError {
  const code = (e as { code?: string })?.code ?? '';
  const text = (e as Error)?.message ?? String(e);
  if (
    code === 'ECONNREFUSED' ||
    code === 'ENOTFOUND' ||
    code === 'EHOSTUNREACH' ||
    code === 'EADDRNOTAVAIL'
  ) {
    return DeckError.of(
      'unreachable',
      `${remote.label} is not reachable (${code === 'ECONNREFUSED' ? 'connection refused: is the client running?' : code})`,
      {
        details,
        reason: 'vendor.unreachable',
        // ECONNREFUSED is worded ("is the client running?"); other codes are shown as they are.
        params: {
          ...remoteParams(remote),
          cause: code,
          context: code === 'ECONNREFUSED' ? 'refused' : undefined,
        },
      },
    );
  }
  return new DroppedConnectionError(
    DeckError.of(
      'unreachable',
      `${remote.label} dropped the connection${gotResponse ? ' mid-response' : ''} (${code || text})`,
      {
        retryable: true,
        details,
        reason: 'vendor.dropped',
        params: {
          ...remoteParams(remote),
          cause: code || text,
          context: gotResponse ? 'midResponse' : undefined,
        },
      },
    ).toValue(),
  );
}

const formatMs = (ms: number) =>
  ms >= 1000 ? `${(ms / 1000).toFixed(ms % 1000 ? 1 : 0)} s` : `${ms} ms`;
