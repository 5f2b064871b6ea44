/**
 * A connection's base URL: where its vendor client's Local API listens. Vendor Local APIs
 * listen on loopback only, and a connection's token is sent to this address on every call,
 * so anything off this machine is refused here, before a request (and a token) can leave.
 * Main decides; the renderer's form uses the same rules to say early what is wrong.
 */
import type { VendorInfo } from './vendors';
import type { ErrorParams, ErrorReason } from '../ipc/error-reasons';

export type BaseUrlCheck =
  | {
      ok: true;
      /** Canonical: scheme, host, port, no trailing slash, no ixBrowser `/api/v2` suffix. */
      baseUrl: string;
      /** One client per key: `localhost`, `127.0.0.1` and `[::1]` on the same port are one client. */
      clientKey: string;
    }
  | { ok: false; message: string; reason: ErrorReason; params?: ErrorParams };

/** Names every loopback host as the one machine it is. */
const SAME_MACHINE = new Set(['localhost', '127.0.0.1', '[::1]']);

/** 127.0.0.0/8 (WHATWG URL parsing already turns 127.1 and 0x7f.1 into dotted form), localhost, [::1]. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]') return true;
  const m = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return m !== null && m.slice(1).every((part) => Number(part) <= 255);
}

/** `vendor`: the vendor's facts (VENDORS[v]); its `apiPath` is dropped from what the user typed. */
export function checkBaseUrl(vendor: Pick<VendorInfo, 'apiPath'>, raw: string): BaseUrlCheck {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return {
      ok: false,
      message: 'must be an http(s) URL such as http://127.0.0.1:53200',
      reason: 'base-url.not-url',
    };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { ok: false, message: 'must be an http(s) URL', reason: 'base-url.not-http' };
  if (url.username || url.password)
    return {
      ok: false,
      message: 'must not contain credentials; use the token field',
      reason: 'base-url.credentials',
    };
  if (url.search || url.hash)
    return { ok: false, message: 'must not have a query or fragment', reason: 'base-url.query' };
  if (!isLoopbackHost(url.hostname)) {
    return {
      ok: false,
      message: `must be on this machine (127.0.0.1, localhost or [::1]): vendor clients serve their Local API there only, and ${url.hostname} is not`,
      reason: 'base-url.not-loopback',
      params: { host: url.hostname },
    };
  }
  let path = url.pathname.replace(/\/+$/, '');
  if (vendor.apiPath) path = path.replace(vendor.apiPath, '');
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  const host = url.hostname.toLowerCase();
  return {
    ok: true,
    baseUrl: `${url.protocol}//${url.host}${path}`,
    clientKey: `${SAME_MACHINE.has(host) ? 'loopback' : host}:${port}`,
  };
}
