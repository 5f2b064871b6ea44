/**
 * A pasted proxy list → one ProxyInput per line, with errors and warnings per line.
 *
 * Accepted per line (blank lines and `#` comments are skipped):
 *   host:port                      host:port:user:pass        user:pass@host:port
 *   scheme://host:port             scheme://user:pass@host:port
 *   [ipv6]:port                    [ipv6]:port:user:pass      user:pass@[ipv6]:port
 * with scheme http, https, socks5, socks5h (→ socks5) or ssh, and an optional refresh URL in
 * brackets at the end: `host:port:user:pass [https://refresh.example/x]`.
 *
 * Passwords may contain `:` (everything after the user field is the password) and `@`
 * (userinfo ends at the LAST `@`). Credentials are taken literally, never percent-decoded,
 * because provider dashboards hand them out raw.
 *
 * Ambiguity, decided here once:
 * - `a:b:c:d` whose 2nd field is not a port but whose last field is, with a host before it,
 *   can only be `user:pass:host:port`: it is read that way and flagged.
 * - `a:b:c:d` that reads both ways and whose 3rd field holds a dot (an IPv4 address or a
 *   dotted name, so it may be a host) is read as `host:port:user:pass`, the common form,
 *   and flagged.
 * - `host:port@user:pass` (credentials after the `@`) is read that way and flagged.
 * Lines without a scheme get `defaultType` (http unless the caller says otherwise).
 */
import type { ProxyType } from '../model';
import {
  isHttpUrl,
  isValidHost,
  isValidIPv6,
  ProxyInputSchema,
  type ProxyInput,
} from '../model/proxy-input';
import { describeZodError } from '../ipc/result';
import type { ErrorParams, ErrorReason } from '../ipc/error-reasons';

/**
 * What is wrong with a line, or which reading of it was taken, as a key the renderer words
 * in the user's language (issue #24); the English `message`/`warning` stays beside it for
 * callers that only log.
 */
export const PROXY_LIST_PROBLEMS = [
  'port-missing',
  'port-bad',
  'host-missing',
  'host-bad',
  'ipv6-unclosed',
  'ipv6-bad',
  'ipv6-port-missing',
  'ipv6-brackets',
  'username-empty',
  'three-fields',
  'refresh-url-bad',
  'empty-before-refresh',
  'scheme-unknown',
  'space-inside',
  'empty-after-scheme',
  /** A value the proxy schema refuses: `field` and the error reason that says why. */
  'field-invalid',
  // Warnings: the line reads more than one way.
  'read-swapped-at',
  'read-host-first',
  'read-host-last',
] as const;
export type ProxyListProblemKey = (typeof PROXY_LIST_PROBLEMS)[number];

export interface ProxyListProblem {
  key: ProxyListProblemKey;
  params?: Record<string, string | number>;
  /** For `field-invalid`: the schema's reason, worded as the errors catalog words it. */
  invalid?: { field: string; reason: ErrorReason; params: ErrorParams };
}

export interface ProxyListEntry {
  /** 1-based line number in the pasted text. */
  line: number;
  proxy: ProxyInput;
  /** Set when the line could be read more than one way; says which reading was taken. */
  warning?: string;
  warningProblem?: ProxyListProblem;
}
export interface ProxyListError {
  line: number;
  text: string;
  message: string;
  problem: ProxyListProblem;
}
export interface ProxyList {
  entries: ProxyListEntry[];
  errors: ProxyListError[];
}
export interface ParseOptions {
  /** Type for lines without a scheme. */
  defaultType?: 'http' | 'https' | 'socks5';
}

const SCHEMES: Record<string, ProxyType> = {
  http: 'http',
  https: 'https',
  socks5: 'socks5',
  socks5h: 'socks5',
  ssh: 'ssh',
};

/** What one line says before it becomes a ProxyInput. */
interface Parts {
  host: string;
  port: number;
  username: string;
  password: string;
  warning?: Warning;
}

type Warning = ProxyListProblem & { message: string };
const warn = (key: ProxyListProblemKey, message: string): Warning => ({ key, message });

class LineError extends Error {
  constructor(
    message: string,
    readonly problem: ProxyListProblem,
  ) {
    super(message);
  }
}
const bad = (
  message: string,
  key: ProxyListProblemKey,
  params?: ProxyListProblem['params'],
): never => {
  throw new LineError(message, { key, ...(params ? { params } : {}) });
};

function parsePort(text: string): number | undefined {
  if (!/^\d{1,5}$/.test(text)) return undefined;
  const port = Number(text);
  return port >= 1 && port <= 65535 ? port : undefined;
}

function checkPort(text: string): number {
  if (text === '') return bad('missing port', 'port-missing');
  return parsePort(text) ?? bad(`bad port "${text}": must be 1-65535`, 'port-bad', { value: text });
}

function checkHost(host: string): string {
  if (host === '') return bad('missing host', 'host-missing');
  if (!isValidHost(host)) {
    return bad(`bad host "${host}": must be an IPv4 or IPv6 address or a host name`, 'host-bad', {
      value: host,
    });
  }
  return host;
}

/** `host:port` or `[v6]:port`, nothing after. */
function parseHostPort(text: string): { host: string; port: number } {
  if (text.startsWith('[')) {
    const close = text.indexOf(']');
    if (close < 0) return bad('missing "]" after the IPv6 address', 'ipv6-unclosed');
    const host = text.slice(1, close);
    if (!isValidIPv6(host)) return bad(`bad IPv6 address "${host}"`, 'ipv6-bad', { value: host });
    const rest = text.slice(close + 1);
    if (!rest.startsWith(':'))
      return bad('missing port after the IPv6 address', 'ipv6-port-missing');
    return { host, port: checkPort(rest.slice(1)) };
  }
  if (isValidIPv6(text) || (text.split(':').length > 2 && isValidIPv6(cutLastField(text)))) {
    return bad('an IPv6 address needs brackets: [addr]:port', 'ipv6-brackets');
  }
  const colon = text.indexOf(':');
  if (colon < 0) return bad('missing port', 'port-missing');
  const portText = text.slice(colon + 1);
  if (portText.includes(':'))
    return bad(`bad port "${portText}": must be 1-65535`, 'port-bad', { value: portText });
  return { host: checkHost(text.slice(0, colon)), port: checkPort(portText) };
}

const cutLastField = (text: string) => text.slice(0, text.lastIndexOf(':'));

function splitUserinfo(userinfo: string): { username: string; password: string } {
  const colon = userinfo.indexOf(':');
  const username = colon < 0 ? userinfo : userinfo.slice(0, colon);
  const password = colon < 0 ? '' : userinfo.slice(colon + 1);
  if (username === '') return bad('empty username before the password', 'username-empty');
  return { username, password };
}

/** `userinfo@hostport`, split at the last `@`. */
function parseWithAt(text: string): Parts {
  const at = text.lastIndexOf('@');
  const userinfo = text.slice(0, at);
  const hostport = text.slice(at + 1);
  try {
    return { ...parseHostPort(hostport), ...splitUserinfo(userinfo) };
  } catch (e) {
    // Some providers write `host:port@user:pass`.
    if (!(e instanceof LineError)) throw e;
    const swapped = tryParse(() => ({
      ...parseHostPort(userinfo),
      ...splitUserinfo(hostport),
    }));
    if (!swapped) throw e;
    return { ...swapped, warning: warn('read-swapped-at', 'read as host:port@user:pass') };
  }
}

function tryParse<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch (e) {
    if (e instanceof LineError) return undefined;
    throw e;
  }
}

/** Colon-separated: `host:port`, `host:port:user:pass…`, `[v6]:port:user:pass…`, `user:pass:host:port`. */
function parseColons(text: string): Parts {
  if (text.startsWith('[')) {
    // `[v6]:port` then optionally `:user:pass…`.
    const close = text.indexOf(']');
    const userStart = close < 0 ? -1 : text.indexOf(':', close + 2);
    if (userStart < 0) return { ...parseHostPort(text), username: '', password: '' };
    return {
      ...parseHostPort(text.slice(0, userStart)),
      ...splitUserinfo(text.slice(userStart + 1)),
    };
  }
  const fields = text.split(':');
  if (fields.length <= 2) return { ...parseHostPort(text), username: '', password: '' };
  if (isValidIPv6(text) || isValidIPv6(cutLastField(text))) {
    return bad('an IPv6 address needs brackets: [addr]:port', 'ipv6-brackets');
  }
  if (fields.length === 3) {
    return bad(
      '3 fields: expected host:port, host:port:user:pass or user:pass@host:port',
      'three-fields',
    );
  }
  const n = fields.length;
  const hostFirst = (): Parts => ({
    host: checkHost(fields[0] ?? ''),
    port: checkPort(fields[1] ?? ''),
    ...splitUserinfo(fields.slice(2).join(':')),
  });
  // The password may itself hold colons, so here host and port come from the end.
  const hostLast = (): Parts => ({
    host: checkHost(fields[n - 2] ?? ''),
    port: checkPort(fields[n - 1] ?? ''),
    ...splitUserinfo(fields.slice(0, n - 2).join(':')),
  });
  const first = tryParse(hostFirst);
  const last = tryParse(hostLast);
  if (first) {
    const third = fields[2] ?? '';
    if (last && n === 4 && third.includes('.')) {
      return {
        ...first,
        warning: warn(
          'read-host-first',
          'could also be user:pass:host:port; read as host:port:user:pass',
        ),
      };
    }
    return first;
  }
  if (last)
    return {
      ...last,
      warning: warn('read-host-last', 'the 2nd field is not a port; read as user:pass:host:port'),
    };
  return hostFirst(); // throws, naming what is wrong with the common reading
}

const REFRESH_URL = /\s*\[([a-z][a-z0-9+.-]*:\/\/[^\]\s]*)\]\s*$/i;

function parseLine(
  raw: string,
  defaultType: ProxyType,
): Parts & { type: ProxyType; refreshUrl: string } {
  let text = raw.trim();
  let refreshUrl = '';
  const refresh = REFRESH_URL.exec(text);
  if (refresh) {
    refreshUrl = refresh[1] ?? '';
    if (!isHttpUrl(refreshUrl))
      bad(`bad refresh URL "${refreshUrl}": must be http(s)`, 'refresh-url-bad', {
        url: refreshUrl,
      });
    text = text.slice(0, refresh.index).trim();
  }
  if (text === '') return bad('empty: no proxy before the refresh URL', 'empty-before-refresh');
  let type = defaultType;
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text);
  if (scheme) {
    const name = (scheme[1] ?? '').toLowerCase();
    type =
      SCHEMES[name] ??
      bad(`unknown scheme "${name}": use http, https, socks5 or socks5h`, 'scheme-unknown', {
        scheme: name,
      });
    text = text.slice(scheme[0].length).replace(/\/$/, '');
  }
  if (/\s/.test(text)) return bad('unexpected space inside the proxy', 'space-inside');
  if (text === '') return bad('empty: nothing after the scheme', 'empty-after-scheme');
  const parts = text.includes('@') ? parseWithAt(text) : parseColons(text);
  return { ...parts, type, refreshUrl };
}

export function parseProxyList(text: string, options: ParseOptions = {}): ProxyList {
  const defaultType = options.defaultType ?? 'http';
  const entries: ProxyListEntry[] = [];
  const errors: ProxyListError[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    try {
      const p = parseLine(trimmed, defaultType);
      const parsed = ProxyInputSchema.safeParse({
        method: 'custom',
        type: p.type,
        host: p.host,
        port: p.port,
        username: p.username,
        password: p.password ? { action: 'set', value: p.password } : { action: 'clear' },
        refreshUrl: p.refreshUrl,
      });
      if (!parsed.success) {
        const { message, field, reason, params } = describeZodError(parsed.error);
        throw new LineError(message, { key: 'field-invalid', invalid: { field, reason, params } });
      }
      const { warning } = p;
      entries.push({
        line,
        proxy: parsed.data,
        ...(warning ? { warning: warning.message, warningProblem: { key: warning.key } } : {}),
      });
    } catch (e) {
      if (!(e instanceof LineError)) throw e;
      errors.push({ line, text: trimmed, message: e.message, problem: e.problem });
    }
  });
  return { entries, errors };
}

export type AssignMode = 'one-to-one' | 'round-robin';
export interface Assignment {
  key: string;
  proxy: ProxyInput;
}

/**
 * Pairs profiles with proxies in the order given. 1:1 pairs as many as both lists have and
 * says when the counts differ; round-robin reuses the proxies in turn for every profile.
 */
export function assignProxies(
  keys: readonly string[],
  entries: readonly Pick<ProxyListEntry, 'proxy'>[],
  mode: AssignMode,
): { assignments: Assignment[]; mismatch?: string } {
  if (entries.length === 0) {
    return { assignments: [], ...(keys.length ? { mismatch: 'No proxies to assign' } : {}) };
  }
  if (mode === 'round-robin') {
    return {
      assignments: keys.map((key, i) => ({ key, proxy: entries[i % entries.length]!.proxy })),
    };
  }
  const n = Math.min(keys.length, entries.length);
  const assignments = keys.slice(0, n).map((key, i) => ({ key, proxy: entries[i]!.proxy }));
  if (keys.length === entries.length) return { assignments };
  const plural = (count: number, one: string, many: string) =>
    `${count} ${count === 1 ? one : many}`;
  const mismatch =
    keys.length > entries.length
      ? `${plural(keys.length, 'profile', 'profiles')} but ${plural(entries.length, 'proxy', 'proxies')}: ` +
        `${plural(keys.length - entries.length, 'profile', 'profiles')} would get none (use round-robin to reuse proxies)`
      : `${plural(keys.length, 'profile', 'profiles')} but ${plural(entries.length, 'proxy', 'proxies')}: ` +
        `the last ${plural(entries.length - keys.length, 'proxy', 'proxies')} would not be used`;
  return { assignments, mismatch };
}
