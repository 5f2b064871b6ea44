/**
 * Cookies as people paste them: the JSON that cookie extensions export (EditThisCookie,
 * Cookie-Editor: `expirationDate`, `hostOnly`, `sameSite: "no_restriction"`), Playwright's
 * own shape (`expires`, or a storage state's `{ "cookies": [...] }`), or a Netscape
 * `cookies.txt`. Parsed into one shape; a mistake names the entry or line it is on.
 */
import { isRecord } from '../lib/is-record';

export type SameSite = 'Strict' | 'Lax' | 'None';

export interface DeckCookie {
  name: string;
  value: string;
  /** Without a leading dot when `hostOnly`, with one otherwise (how Chromium tells them apart). */
  domain: string;
  path: string;
  /** Epoch seconds; -1 for a session cookie. */
  expires: number;
  httpOnly: boolean;
  secure: boolean;
  sameSite: SameSite;
  hostOnly: boolean;
}

export type CookieParse =
  { ok: true; format: 'json' | 'netscape'; cookies: DeckCookie[] } | { ok: false; message: string };

export const MAX_COOKIES = 10_000;

export function parseCookieText(text: string): CookieParse {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, message: 'Paste cookies as JSON or as a cookies.txt file' };
  const parsed = trimmed.startsWith('[') || trimmed.startsWith('{') ? parseJson(trimmed) : null;
  const result = parsed ?? parseNetscape(text);
  if (result.ok && result.cookies.length === 0)
    return { ok: false, message: 'No cookie found in the pasted text' };
  if (result.ok && result.cookies.length > MAX_COOKIES)
    return { ok: false, message: `More than ${MAX_COOKIES.toLocaleString('en')} cookies` };
  return result;
}

function parseJson(text: string): CookieParse {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `Not valid JSON: ${(e as Error).message}` };
  }
  const list = Array.isArray(json)
    ? json
    : isRecord(json) && Array.isArray(json['cookies'])
      ? json['cookies']
      : null;
  if (!list)
    return { ok: false, message: 'JSON cookies must be an array, or { "cookies": [...] }' };
  const cookies: DeckCookie[] = [];
  for (const [i, entry] of list.entries()) {
    const cookie = jsonCookie(entry);
    if (typeof cookie === 'string') return { ok: false, message: `Cookie ${i + 1}: ${cookie}` };
    cookies.push(cookie);
  }
  return { ok: true, format: 'json', cookies };
}

/** One JSON cookie, or what is wrong with it. */
function jsonCookie(entry: unknown): DeckCookie | string {
  if (!isRecord(entry)) return 'is not an object';
  const { name, value, domain } = entry;
  if (typeof name !== 'string') return '"name" must be a string';
  if (typeof value !== 'string') return `"value" of ${name} must be a string`;
  if (typeof domain !== 'string' || !domain.replace(/^\./, ''))
    return `"domain" of ${name} must be a domain such as example.com`;
  const path = entry['path'] ?? '/';
  if (typeof path !== 'string') return `"path" of ${name} must be a string`;
  const expiry = entry['expirationDate'] ?? entry['expires'];
  const session = entry['session'] === true || expiry === undefined || expiry === -1;
  if (!session && (typeof expiry !== 'number' || !Number.isFinite(expiry)))
    return `"expirationDate" of ${name} must be a number of seconds`;
  const sameSite = sameSiteOf(entry['sameSite']);
  if (!sameSite) return `"sameSite" of ${name} is not one of strict, lax, none, no_restriction`;
  const hostOnly =
    typeof entry['hostOnly'] === 'boolean' ? entry['hostOnly'] : !domain.startsWith('.');
  return cookie({
    name,
    value,
    domain,
    path,
    expires: session ? -1 : (expiry as number),
    httpOnly: entry['httpOnly'] === true,
    secure: entry['secure'] === true,
    sameSite,
    hostOnly,
  });
}

function sameSiteOf(raw: unknown): SameSite | undefined {
  if (raw === undefined || raw === null) return 'Lax';
  if (typeof raw !== 'string') return undefined;
  switch (raw.toLowerCase()) {
    case 'strict':
      return 'Strict';
    case 'lax':
    case 'unspecified':
      return 'Lax';
    case 'none':
    case 'no_restriction':
      return 'None';
    default:
      return undefined;
  }
}

/**
 * `domain  includeSubdomains  path  secure  expires  name  value`, tab-separated; `#` starts
 * a comment except `#HttpOnly_`, which marks the line's cookie httpOnly (curl's convention).
 */
function parseNetscape(text: string): CookieParse {
  const cookies: DeckCookie[] = [];
  const lines = text.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    // Only leading blanks go: a cookie with an empty value ends in a tab.
    let line = raw.trimStart();
    const httpOnly = line.startsWith('#HttpOnly_');
    if (httpOnly) line = line.slice('#HttpOnly_'.length);
    else if (!line.trim() || line.startsWith('#')) continue;
    const fields = line.split('\t');
    if (fields.length < 7)
      return {
        ok: false,
        message: `Line ${i + 1}: expected 7 tab-separated fields (domain, subdomains, path, secure, expires, name, value), found ${fields.length}`,
      };
    const [domain, subdomains, path, secure, expires, name, ...rest] = fields as [
      string,
      string,
      string,
      string,
      string,
      string,
      ...string[],
    ];
    if (!domain.replace(/^\./, '')) return { ok: false, message: `Line ${i + 1}: no domain` };
    const flag = (v: string) => v.toUpperCase() === 'TRUE';
    const seconds = Number(expires);
    if (!/^\d+$/.test(expires) || !Number.isFinite(seconds))
      return { ok: false, message: `Line ${i + 1}: expires "${expires}" is not a number` };
    const hostOnly = !flag(subdomains);
    cookies.push(
      cookie({
        name,
        value: rest.join('\t'),
        domain,
        path: path || '/',
        expires: seconds === 0 ? -1 : seconds,
        httpOnly,
        secure: flag(secure),
        sameSite: 'Lax',
        hostOnly,
      }),
    );
  }
  return { ok: true, format: 'netscape', cookies };
}

/** The domain written the way `hostOnly` says. */
function cookie(c: DeckCookie): DeckCookie {
  const bare = c.domain.replace(/^\./, '');
  return { ...c, domain: c.hostOnly ? bare : `.${bare}` };
}

/** The extension export format (EditThisCookie, Cookie-Editor): what export writes. */
export interface ExtensionCookie {
  domain: string;
  expirationDate?: number;
  hostOnly: boolean;
  httpOnly: boolean;
  name: string;
  path: string;
  sameSite: 'strict' | 'lax' | 'no_restriction';
  secure: boolean;
  session: boolean;
  storeId: string;
  value: string;
}

const EXTENSION_SAME_SITE: Record<SameSite, ExtensionCookie['sameSite']> = {
  Strict: 'strict',
  Lax: 'lax',
  None: 'no_restriction',
};

export function toExtensionCookies(cookies: readonly DeckCookie[]): ExtensionCookie[] {
  return cookies.map((c) => ({
    domain: c.domain,
    ...(c.expires === -1 ? {} : { expirationDate: c.expires }),
    hostOnly: c.hostOnly,
    httpOnly: c.httpOnly,
    name: c.name,
    path: c.path,
    sameSite: EXTENSION_SAME_SITE[c.sameSite],
    secure: c.secure,
    session: c.expires === -1,
    storeId: '0',
    value: c.value,
  }));
}
