/**
 * A profile's proxy in one spreadsheet cell, and a cell read back as a proxy to set.
 *
 * Written as `socks5://user@host:1080 [https://refresh.example/x]`: the URL form, which the
 * proxy-list parser reads back, with the user percent-encoded and never a password. No proxy
 * is an empty cell. API-extracted and vendor-managed proxies are written in words that only
 * say what they are; such a cell left as it was changes nothing.
 *
 * Read: every format the proxy-list parser reads (shared/proxy/proxy-list.ts). Credentials
 * in the URL form are percent-decoded (`http://u:p%40x@host:80` has password `p@x`), as a
 * URL's are; the other forms take them literally, as provider dashboards hand them out. A
 * cell without a password keeps the one the profile has when it names the same proxy
 * (address and user), and otherwise clears it: a password belongs to its proxy.
 */
import type { ProxyConfig } from '../model';
import type { ProxyInput } from '../model/proxy-input';
import { formatHostPort, formatProxy } from '../proxy/proxy-format';
import { parseProxyList, type ProxyListProblem } from '../proxy/proxy-list';

const NO_PROXY = /^(|direct|none)$/i;
const HAS_SCHEME = /^\s*[a-z][a-z0-9+.-]*:\/\//i;

/** What the export writes for this proxy. */
export function proxyCell(p: ProxyConfig): string {
  if (p.method === 'vendor')
    return p.vendorProxyId ? `vendor-managed #${p.vendorProxyId}` : 'vendor-managed';
  if (p.method === 'api') return `API extraction (${p.type}) ${p.extractionUrl}`.trim();
  if (p.type === 'direct') return '';
  const user = p.username ? `${encodeURIComponent(p.username)}@` : '';
  const refresh = p.refreshUrl ? ` [${p.refreshUrl}]` : '';
  return `${p.type}://${user}${formatHostPort(p.host, p.port)}${refresh}`;
}

/** Why a cell is not a proxy, as a key the renderer words (the English `error` beside it). */
export type ProxyCellProblem =
  | { key: 'managed' | 'one-per-cell' | 'none' | 'percent-user' | 'percent-password' }
  | { key: 'list'; list: ProxyListProblem };

export type ProxyCellRead =
  | { change: false }
  | { change: true; proxy: ProxyInput; warning?: string; warningProblem?: ProxyListProblem }
  | { error: string; problem: ProxyCellProblem };

class PercentError extends Error {
  constructor(readonly what: 'user' | 'password') {
    super(`the ${what} has a % that is not percent-encoding (write %25 for a % sign)`);
  }
}

const DIRECT: ProxyInput = {
  method: 'custom',
  type: 'direct',
  host: '',
  port: null,
  username: '',
  password: { action: 'clear' },
  refreshUrl: '',
  extractionUrl: '',
  extractionChannel: '',
  checkService: '',
  socks5Udp: false,
};

const sameAddress = (a: Pick<ProxyConfig, 'host' | 'port'>, b: Pick<ProxyInput, 'host' | 'port'>) =>
  a.host.toLowerCase() === b.host.toLowerCase() && a.port === b.port;

function decoded(text: string, what: 'user' | 'password'): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new PercentError(what);
  }
}

/** The cell against the profile's proxy now: no change, the proxy to set, or why it cannot be read. */
export function readProxyCell(cell: string, current: ProxyConfig): ProxyCellRead {
  const text = cell.trim();
  if (text === proxyCell(current).trim()) return { change: false };
  const isDirect = current.method === 'custom' && current.type === 'direct';
  if (NO_PROXY.test(text)) return isDirect ? { change: false } : { change: true, proxy: DIRECT };
  if (/^(vendor-managed|API extraction)\b/i.test(text))
    return {
      error:
        'API-extracted and vendor-managed proxies are set in the vendor client; write host:port, host:port:user:pass or scheme://user:pass@host:port',
      problem: { key: 'managed' },
    };
  if (/[\r\n]/.test(text)) return { error: 'one proxy per cell', problem: { key: 'one-per-cell' } };

  const list = parseProxyList(text);
  const wrong = list.errors[0];
  if (wrong) return { error: wrong.message, problem: { key: 'list', list: wrong.problem } };
  const entry = list.entries[0];
  if (!entry) return { error: 'no proxy in the cell', problem: { key: 'none' } };

  let { username, password } = entry.proxy;
  try {
    if (HAS_SCHEME.test(text)) {
      username = decoded(username, 'user');
      if (password.action === 'set')
        password = { action: 'set', value: decoded(password.value, 'password') };
    }
  } catch (e) {
    if (!(e instanceof PercentError)) throw e;
    return {
      error: e.message,
      problem: { key: e.what === 'user' ? 'percent-user' : 'percent-password' },
    };
  }
  if (password.action !== 'set') {
    const sameProxy =
      current.method === 'custom' &&
      !isDirect &&
      current.hasPassword &&
      sameAddress(current, entry.proxy) &&
      current.username === username;
    password = sameProxy ? { action: 'keep' } : { action: 'clear' };
  }
  const proxy: ProxyInput = { ...entry.proxy, username, password };

  const unchanged =
    password.action !== 'set' &&
    current.method === 'custom' &&
    current.type === proxy.type &&
    sameAddress(current, proxy) &&
    current.username === proxy.username &&
    current.refreshUrl === proxy.refreshUrl &&
    // A cleared password on a proxy that has none changes nothing either.
    (password.action === 'keep' || !current.hasPassword);
  if (unchanged) return { change: false };
  return {
    change: true,
    proxy,
    ...(entry.warning ? { warning: entry.warning } : {}),
    ...(entry.warningProblem ? { warningProblem: entry.warningProblem } : {}),
  };
}

/** The proxy as the preview shows it: `socks5 u:•••@host:1080`, never a password. */
export function describeProxyChange(proxy: ProxyInput, current: ProxyConfig): string {
  if (proxy.method === 'custom' && proxy.type === 'direct') return 'no proxy';
  const hasPassword =
    proxy.password.action === 'set' || (proxy.password.action === 'keep' && current.hasPassword);
  const shown = formatProxy({ ...proxy, hasPassword }, { credentials: true });
  const note =
    proxy.password.action === 'set'
      ? ' (new password)'
      : proxy.password.action === 'keep' && current.hasPassword
        ? ' (password kept)'
        : '';
  return shown + note;
}

export const describeProxy = (p: ProxyConfig): string =>
  p.method === 'custom' && p.type === 'direct' ? 'no proxy' : formatProxy(p, { credentials: true });
