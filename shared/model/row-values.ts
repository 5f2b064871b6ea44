/**
 * The closed sets of values a profile row holds, as plain lists: the schemas in index.ts are
 * built from them, and the row check (profile-row-check.ts) reads them as they are, with no
 * zod schema between (it stands in for zod where zod is too slow).
 */
export const PROXY_METHODS = ['custom', 'api', 'vendor'] as const;
export const PROXY_TYPES = ['direct', 'http', 'https', 'socks5', 'ssh'] as const;
export const PROXY_CHECK_REASONS = [
  'refused',
  'auth',
  'timeout',
  'dns',
  'protocol',
  'unsupported',
  'other',
] as const;
export const PROFILE_STATUSES = ['closed', 'opening', 'open', 'closing', 'unknown'] as const;
/** How long a proxy check's country may be. */
export const COUNTRY_MAX = 64;
