/**
 * Main-process log. Every line passes through redact(), which masks known secrets
 * (tokens, proxy passwords registered with addSecret) and credential-looking fields.
 */
export interface Logger {
  info(message: string, ...rest: unknown[]): void;
  warn(message: string, ...rest: unknown[]): void;
  error(message: string, ...rest: unknown[]): void;
  /** Secrets registered here are masked in every later line. */
  addSecret(secret: string): void;
  /** A secret that is gone (a replaced or removed token) is no longer kept, nor masked. */
  removeSecret(secret: string): void;
}

const CREDENTIAL_FIELD =
  /("?(?:password|proxy_password|proxyPassword|token|X-Cos-Local-Token|authorization|tfa_secret)"?\s*[:=]\s*)("[^"]*"|[^\s,}&]+)/gi;
const URL_CREDENTIALS = /(\b[a-z][a-z0-9+.-]*:\/\/[^:/\s@]+:)([^@\s/]+)(@)/gi;

const MAX_PENDING_SECRETS = 50_000;

/**
 * Secrets this long are masked wherever they appear. A shorter one (a proxy password "ab12")
 * would also match inside ordinary words, ports and ids and garble every line, so it is
 * masked where it stands as a whole token: not next to a letter, digit or "_". Credential
 * fields and URL credentials above are masked whatever the length of their value.
 */
const MIN_ANYWHERE_SECRET = 6;

const escapeRegExp = (text: string) => text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
const wholeToken = (secret: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(secret)}(?![\\p{L}\\p{N}_])`, 'gu');

export function createLogger(
  write: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): Logger {
  const secrets = new Set<string>();
  // Secrets arrive by the thousand (every proxy password of a 10,000-profile listing, again
  // on each listing) and lines are rare: collected as they come, hashed when a line is
  // written, or when many have piled up.
  let pending: string[] = [];
  // Longest first, so a short secret inside a longer one never leaves the rest of it bare.
  let longestFirst: string[] | null = null;
  const settle = () => {
    if (pending.length) longestFirst = null;
    for (const s of pending) secrets.add(s);
    pending = [];
  };
  const redact = (text: string): string => {
    settle();
    longestFirst ??= [...secrets].sort((a, b) => b.length - a.length);
    let out = text.replace(CREDENTIAL_FIELD, '$1"***"').replace(URL_CREDENTIALS, '$1***$3');
    for (const s of longestFirst) {
      if (!out.includes(s)) continue;
      out =
        s.length >= MIN_ANYWHERE_SECRET
          ? out.split(s).join('***')
          : out.replace(wholeToken(s), '***');
    }
    return out;
  };
  const fmt = (v: unknown): string =>
    v instanceof Error
      ? `${v.name}: ${v.message}${v.stack ? `\n${v.stack}` : ''}`
      : typeof v === 'string'
        ? v
        : safeJson(v);
  const line = (level: string, message: string, rest: unknown[]) =>
    write(redact(`${new Date().toISOString()} ${level} ${[message, ...rest.map(fmt)].join(' ')}`));
  return {
    info: (m, ...r) => line('INFO', m, r),
    warn: (m, ...r) => line('WARN', m, r),
    error: (m, ...r) => line('ERROR', m, r),
    addSecret: (s) => {
      if (!s) return;
      pending.push(s);
      if (pending.length >= MAX_PENDING_SECRETS) settle();
    },
    removeSecret: (s) => {
      settle();
      if (secrets.delete(s)) longestFirst = null;
    },
  };
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}
