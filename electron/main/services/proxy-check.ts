/**
 * The proxy check: one GET through the proxy to the IP-echo URL (settings `ipEchoUrl`),
 * reporting the exit IP and the round trip, or why it failed in words a user can act on.
 *
 * HTTP and HTTPS proxies are always tunnelled with CONNECT (https-proxy-agent), which works
 * for http and https echo URLs alike. The link to the proxy itself is plain TCP for both:
 * vendors label a proxy "https" when it tunnels HTTPS, not when it speaks TLS itself.
 * SOCKS5 goes through socks-proxy-agent with remote DNS (socks5h), as the browsers do.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { performance } from 'node:perf_hooks';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { SocksProxyAgent } from 'socks-proxy-agent';
import pLimit from 'p-limit';
import type { Settings } from '../../../shared/ipc/contract';
import type { ProxyCheckResult, ProxyType } from '../../../shared/model';
import type { ProxyInput } from '../../../shared/model/proxy-input';
import { formatHostPort } from '../../../shared/proxy/proxy-format';
import type { Logger } from '../log';
import type { HandlerGroup } from '../ipc/handle';

/** What main checks: a proxy with its password in clear, which never leaves main. */
export interface ProxyTarget {
  type: ProxyType;
  host: string;
  port: number | null;
  username?: string;
  password?: string;
}

export type ProxyCheckReason = NonNullable<ProxyCheckResult['reason']>;

export interface ProxyCheckerDeps {
  settings: {
    get(): Promise<Pick<Settings, 'ipEchoUrl' | 'proxyCheckConcurrency' | 'proxyCheckTimeoutMs'>>;
  };
  log: Logger;
  clock?: () => number;
  /** Resolves the proxy's host name (dns.lookup unless injected). */
  lookup?: LookupFunction;
}

export interface ProxyChecker {
  check(target: ProxyTarget): Promise<ProxyCheckResult>;
  /** Bulk checks, at most `proxyCheckConcurrency` at once across all callers; results in input order. */
  checkMany<K>(
    items: readonly { key: K; target: ProxyTarget }[],
    onResult?: (key: K, result: ProxyCheckResult) => void,
  ): Promise<{ key: K; result: ProxyCheckResult }[]>;
  /** The `proxy:check` channel: a proxy as the editor has it, password given or not. */
  checkInput(input: ProxyInput): Promise<ProxyCheckResult>;
}

const MAX_BODY = 64 * 1024;

export function createProxyChecker({
  settings,
  log,
  clock = Date.now,
  lookup,
}: ProxyCheckerDeps): ProxyChecker {
  const limit = pLimit(8);

  const failed = (reason: ProxyCheckReason, message: string): ProxyCheckResult => ({
    ok: false,
    checkedAt: clock(),
    reason,
    message,
  });

  async function check(target: ProxyTarget): Promise<ProxyCheckResult> {
    if (target.type === 'ssh') {
      return failed('unsupported', 'SSH proxies cannot be checked from BrowserDeck');
    }
    if (target.type !== 'direct' && (!target.host || !target.port)) {
      return failed('other', 'The proxy has no host or port');
    }
    if (target.password) log.addSecret(target.password);
    const { ipEchoUrl, proxyCheckTimeoutMs } = await settings.get();
    let echo: URL;
    try {
      echo = new URL(ipEchoUrl);
      if (echo.protocol !== 'http:' && echo.protocol !== 'https:') throw new Error();
    } catch {
      return failed('other', `The IP-echo URL in the settings is not an http(s) URL`);
    }
    const started = performance.now();
    try {
      const { status, body, proxyStatus } = await fetchThrough(target, echo, {
        timeoutMs: proxyCheckTimeoutMs,
        lookup,
      });
      if (proxyStatus !== undefined && proxyStatus !== 200) {
        if (proxyStatus === 407) {
          return failed(
            'auth',
            target.username
              ? 'The proxy rejected the username or password (HTTP 407)'
              : 'The proxy requires a username and password (HTTP 407)',
          );
        }
        return failed(
          'other',
          `The proxy could not reach the IP-echo service ${echo.host} (HTTP ${proxyStatus} from the proxy)`,
        );
      }
      if (status < 200 || status > 299) {
        return failed('protocol', `The IP-echo service ${echo.host} answered HTTP ${status}`);
      }
      const { exitIp, country } = echoAnswerOf(body);
      if (!exitIp) {
        return failed(
          'protocol',
          `The IP-echo service ${echo.host} answered without an IP address`,
        );
      }
      return {
        ok: true,
        checkedAt: clock(),
        exitIp,
        ...(country ? { country } : {}),
        latencyMs: Math.max(1, Math.round(performance.now() - started)),
      };
    } catch (e) {
      const { reason, message } = explain(e, target, echo, proxyCheckTimeoutMs);
      if (reason === 'other') log.warn(`proxy check of ${label(target)} failed`, e);
      return failed(reason, scrub(message, target.password));
    }
  }

  return {
    check,
    async checkMany(items, onResult) {
      limit.concurrency = (await settings.get()).proxyCheckConcurrency;
      return Promise.all(
        items.map(({ key, target }) =>
          limit(async () => {
            const result = await check(target);
            onResult?.(key, result);
            return { key, result };
          }),
        ),
      );
    },
    async checkInput(input) {
      if (input.method === 'api') {
        return failed(
          'unsupported',
          'An API-extracted proxy is fetched by the vendor client when the profile opens; it cannot be checked here',
        );
      }
      if (input.method === 'vendor') {
        return failed('unsupported', 'A vendor-managed proxy is checked by the vendor client');
      }
      const result = await check({
        type: input.type,
        host: input.host,
        port: input.port,
        username: input.username,
        ...(input.password.action === 'set' ? { password: input.password.value } : {}),
      });
      if (result.reason === 'auth' && input.password.action === 'keep') {
        // The saved password lives in the vendor client; a test of an unsaved form cannot use it.
        result.message += '. The saved password is not used by this test: type it to test with it';
      }
      return result;
    },
  };
}

const label = (t: ProxyTarget) =>
  t.type === 'direct' ? 'direct' : `${t.type} ${formatHostPort(t.host, t.port)}`;

interface FetchOptions {
  timeoutMs: number;
  lookup: LookupFunction | undefined;
}

function proxyAgent(
  target: ProxyTarget,
  signal: AbortSignal,
  { timeoutMs, lookup }: FetchOptions,
): http.Agent | undefined {
  if (target.type === 'direct') return undefined;
  const scheme = target.type === 'socks5' ? 'socks5h' : 'http';
  const url = new URL(`${scheme}://${formatHostPort(target.host, target.port)}`);
  // Both agents decodeURIComponent() the credentials, so a literal '%' must be encoded too.
  if (target.username) url.username = encodeURIComponent(target.username);
  if (target.password) url.password = encodeURIComponent(target.password);
  if (target.type === 'socks5') {
    return new SocksProxyAgent(url, {
      timeout: timeoutMs,
      ...(lookup ? { socketOptions: { lookup } } : {}),
    });
  }
  // `signal` reaches net.connect, so a proxy that never answers CONNECT is closed at the deadline.
  return new HttpsProxyAgent(url, { signal, ...(lookup ? { lookup } : {}) });
}

interface Fetched {
  status: number;
  body: string;
  /** The proxy's answer to CONNECT (HTTP proxies only). */
  proxyStatus?: number;
}

class DeadlineError extends Error {}

function fetchThrough(target: ProxyTarget, echo: URL, options: FetchOptions): Promise<Fetched> {
  const { timeoutMs, lookup } = options;
  const controller = new AbortController();
  const agent = proxyAgent(target, controller.signal, options);
  const client = echo.protocol === 'https:' ? https : http;
  return new Promise<Fetched>((resolve, reject) => {
    let proxyStatus: number | undefined;
    const timer = setTimeout(() => {
      reject(new DeadlineError());
      controller.abort();
    }, timeoutMs);
    const finish = (fn: () => void) => {
      clearTimeout(timer);
      fn();
      agent?.destroy();
    };
    const req = client.request(
      echo,
      {
        method: 'GET',
        agent: agent ?? false,
        signal: controller.signal,
        ...(lookup && !agent ? { lookup } : {}),
        headers: {
          accept: 'application/json, text/plain',
          'user-agent': 'BrowserDeck proxy check',
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= MAX_BODY) chunks.push(chunk);
        });
        res.on('end', () =>
          finish(() =>
            resolve({
              status: res.statusCode ?? 0,
              body: Buffer.concat(chunks).toString('utf8'),
              proxyStatus,
            }),
          ),
        );
        res.on('error', (e) => finish(() => reject(e)));
      },
    );
    req.on(
      'proxyConnect',
      (connect: { statusCode?: number }) => (proxyStatus = connect.statusCode),
    );
    req.on('error', (e) => finish(() => reject(e)));
    req.end();
  });
}

/** `{"ip": "…"}` (ipify), `{"query": "…"}` (ip-api), `{"origin": "a, b"}` (httpbin) or plain text. */
export function exitIpOf(body: string): string | undefined {
  return echoAnswerOf(body).exitIp;
}

/**
 * What the IP-echo service said: the exit IP, and its country where the service names one
 * (ipinfo `country`, ip-api `countryCode`, ipapi `country_code`; a name when no code). The
 * service may be anyone's: a country is kept only as a short plain name or code.
 */
export function echoAnswerOf(body: string): { exitIp?: string; country?: string } {
  let candidate = body.trim();
  let country: string | undefined;
  try {
    const json: unknown = JSON.parse(candidate);
    if (json && typeof json === 'object') {
      const o = json as Record<string, unknown>;
      const value = [o.ip, o.query, o.origin, o.ip_addr, o.address].find(
        (v) => typeof v === 'string',
      );
      candidate = typeof value === 'string' ? value : '';
      const named = [o.countryCode, o.country_code, o.country, o.country_name].filter(
        (v): v is string => typeof v === 'string',
      );
      country =
        named.find((v) => COUNTRY_CODE.test(v))?.toUpperCase() ??
        named.find((v) => COUNTRY_NAME.test(v));
    }
  } catch {
    // plain text
  }
  const first = candidate.split(',')[0]?.trim() ?? '';
  if (!isIP(first)) return {};
  return country ? { exitIp: first, country } : { exitIp: first };
}

const COUNTRY_CODE = /^[a-z]{2}$/i;
const COUNTRY_NAME = /^\p{L}[\p{L}\p{M} .'’()-]{1,63}$/u;

const codeOf = (e: unknown): string =>
  String((e as { code?: unknown })?.code ?? (e as Error)?.message ?? '');

function explain(
  e: unknown,
  target: ProxyTarget,
  echo: URL,
  timeoutMs: number,
): { reason: ProxyCheckReason; message: string } {
  const where = target.type === 'direct' ? `the IP-echo service ${echo.host}` : 'the proxy';
  const at = target.type === 'direct' ? echo.host : formatHostPort(target.host, target.port);
  const text = `${codeOf(e)} ${(e as Error)?.message ?? ''}`;
  if (e instanceof DeadlineError || /Proxy connection timed out|ETIMEDOUT/.test(text)) {
    return { reason: 'timeout', message: `No answer from ${where} within ${timeoutMs / 1000} s` };
  }
  if (/ENOTFOUND|EAI_AGAIN|EAI_NONAME|EAI_FAIL/.test(text)) {
    const named = (e as { hostname?: unknown }).hostname;
    const inMessage = /(?:ENOTFOUND|EAI_AGAIN|EAI_NONAME|EAI_FAIL) (\S+)$/.exec(
      (e as Error)?.message ?? '',
    )?.[1];
    const host = typeof named === 'string' && named ? named : (inMessage ?? at);
    return { reason: 'dns', message: `The host name ${host} could not be resolved (DNS)` };
  }
  if (/ECONNREFUSED/.test(text)) {
    return { reason: 'refused', message: `${capital(where)} refused the connection on ${at}` };
  }
  if (/Socks5 Authentication failed/.test(text)) {
    return { reason: 'auth', message: 'The proxy rejected the username or password' };
  }
  if (/no accepted authentication type/.test(text)) {
    return {
      reason: 'auth',
      message: target.username
        ? 'The proxy accepts none of the offered login methods'
        : 'The proxy requires a username and password',
    };
  }
  const rejected = /Socks5 proxy rejected connection - (\w+)/.exec(text);
  if (rejected) {
    return {
      reason: 'other',
      message: `The proxy could not reach the IP-echo service ${echo.host} (${rejected[1]})`,
    };
  }
  if (
    /ECONNRESET|EPIPE|Socket closed|Parse Error|HPE_|invalid Socks5|EPROTO|socket hang up|CONNECT response/i.test(
      text,
    )
  ) {
    return {
      reason: 'protocol',
      message: `${capital(where)} on ${at} closed the connection or answered something unexpected: is the type (${target.type}) right?`,
    };
  }
  if (/EHOSTUNREACH|ENETUNREACH/.test(text)) {
    return { reason: 'other', message: `${at} is unreachable from this machine` };
  }
  return { reason: 'other', message: `Check failed: ${(e as Error)?.message ?? String(e)}` };
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A library message must not carry the password into the result. */
function scrub(message: string, password: string | undefined): string {
  if (!password) return message;
  return message.split(password).join('***').split(encodeURIComponent(password)).join('***');
}

/** The `proxy:check` channel: a proxy as the editor has it. */
export const proxyCheckHandlers = (checker: ProxyChecker): HandlerGroup<'proxy:check'> => ({
  'proxy:check': ({ proxy }) => checker.checkInput(proxy),
});
