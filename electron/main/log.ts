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
}

const CREDENTIAL_FIELD =
  /("?(?:password|proxy_password|proxyPassword|token|X-Cos-Local-Token|authorization|tfa_secret)"?\s*[:=]\s*)("[^"]*"|[^\s,}&]+)/gi;
const URL_CREDENTIALS = /(\b[a-z][a-z0-9+.-]*:\/\/[^:/\s@]+:)([^@\s/]+)(@)/gi;

export function createLogger(
  write: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): Logger {
  const secrets = new Set<string>();
  const redact = (text: string): string => {
    let out = text.replace(CREDENTIAL_FIELD, '$1"***"').replace(URL_CREDENTIALS, '$1***$3');
    for (const s of secrets) if (s.length >= 3) out = out.split(s).join('***');
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
      if (s) secrets.add(s);
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
