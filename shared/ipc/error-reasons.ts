/**
 * Why a request failed, as a key the renderer words in the user's language (issue #24): main
 * sends `details.reason` plus `details.params`, never a sentence the UI must show. The
 * English `message` stays beside them for the log and for a renderer that does not know the
 * reason. Adding a reason: one line here, one string in each errors catalog (the renderer's
 * tsc fails until both catalogs have it).
 */

/** Zod issue codes (zod 4) a request that breaks the contract is refused with. */
export const ZOD_REASONS = [
  'invalid.too_small',
  'invalid.too_big',
  'invalid.invalid_type',
  'invalid.invalid_value',
  'invalid.invalid_format',
  'invalid.invalid_union',
  'invalid.unrecognized_keys',
  'invalid.not_multiple_of',
  'invalid.invalid_key',
  'invalid.invalid_element',
  'invalid.custom',
] as const;

export const ERROR_REASONS = [
  ...ZOD_REASONS,
  // The custom messages of our own schemas (shared/model, shared/ipc/contract).
  'invalid.port-range',
  'invalid.whole-number',
  'invalid.theme',
  'invalid.on-off',
  'invalid.http-url',
  'invalid.http-url-example',
  'invalid.domain',
  'invalid.language-tag',
  'invalid.name-template',
  'invalid.sheet-edit-empty',
  'invalid.tags-none',
  'invalid.tags-both',
  'proxy.host-required',
  'proxy.host-invalid',
  'proxy.port-required',
  'proxy.api-type-required',
  'proxy.extraction-url-required',
  'proxy.vendor-proxy-required',
  'proxy.udp-socks5-only',
  'proxy.managed-unsupported',
  'proxy.api-unsupported',
  'proxy.saved-proxy-missing',
  'proxy.type-unsupported',
  'proxy.password-moved',
  'proxy.password-unknown',
  'base-url.not-url',
  'base-url.not-http',
  'base-url.credentials',
  'base-url.query',
  'base-url.not-loopback',
  'base-url.duplicate',
  'base-url.not-local',
  'rate.unsupported',
  'rate.choices',
  'profile-key.invalid',
  'keys.empty',
  // Talking to a vendor client.
  'vendor.unreachable',
  'vendor.dropped',
  'vendor.timeout',
  'vendor.token-refused',
  'vendor.key-refused',
  'vendor.key-missing-ads',
  'vendor.key-missing-bit',
  'vendor.token-refused-cos',
  'vendor.token-missing-cos',
  'vendor.busy',
  'vendor.no-endpoint',
  'vendor.not-json',
  'vendor.not-its-answer',
  'vendor.http-status',
  'vendor.too-large',
  'vendor.unexpected-payload',
  'vendor.other-client',
  'vendor.said',
  'vendor.no-tags',
  'vendor.no-copy',
  'vendor.no-result',
  // Connections, profiles, jobs, sessions.
  'connection.unknown',
  'connection.gone',
  'profile.unknown',
  'profile.gone',
  'profile.already-in-target',
  'job.gone',
  'job.running',
  'job.unknown-kind',
  'devtools.no-address',
  'devtools.not-loopback',
  'devtools.no-answer',
  'devtools.refused',
  'devtools.no-frontend',
  'devtools.firefox',
  'devtools.page-gone',
  'cancelled',
  'job.stopped',
  'session.connection-gone',
  'session.not-open',
  'script.gone',
  'windows.too-small',
  'windows.unsupported',
  'windows.none',
  'windows.blank',
  'windows.not-arranged',
  // Jobs: starting, retrying and undoing them, and why an item was refused or failed.
  'job.retry-running',
  'job.nothing-to-retry',
  'job.undo-running',
  'job.nothing-to-undo',
  'job.being-undone',
  'job.undo-start',
  'job.undo-kind',
  'job.cannot-tell',
  'job.verify-unread',
  'job.old-proxy-invalid',
  'job.password-withheld',
  'job.connection-unloadable',
  'job.no-target-group',
  'job.template-elsewhere',
  'job.no-sheet-row',
  'job.no-proxy-assigned',
  'copy.unsupported',
  'copy.source-gone',
  'copy.source-removed',
  'copy.source-unread',
  'copy.source-not-read',
  'copy.proxy-changed',
  'proxy-check.unavailable',
  // Automation: built-in tasks, scripts and their files.
  'automation.unavailable',
  'automation.firefox',
  'automation.cookies-withheld',
  'automation.cookies-invalid',
  'automation.not-open',
  'automation.timeout',
  'automation.step-timeout',
  'automation.cdp-unreachable',
  'automation.failed',
  'automation.no-context',
  'automation.urls-failed',
  'automation.no-ip',
  'automation.bad-job-id',
  'automation.no-thumbnail',
  'script.unsupported',
  'script.timeout',
  'script.output',
  'script.threw',
  'script.exited',
  'script.damaged',
  // Connections, the demo, DevTools, requests to a client.
  'connection.test-failed',
  'demo.start-failed',
  'devtools.ws-not-url',
  'devtools.ws-not-devtools',
  'devtools.address-mismatch',
  'devtools.list-status',
  'devtools.list-not-json',
  'devtools.list-unexpected',
  'request.invalid-url',
  'vendor.listing-too-large',
  'vendor.tag-not-created',
  'vendor.wrong-window',
  'vendor.no-template-config',
  // IPC itself.
  'request.unknown-channel',
  'request.foreign-sender',
  'internal.unexpected',
  'internal.contract',
  'internal.malformed-response',
] as const;
export type ErrorReason = (typeof ERROR_REASONS)[number];

/** The units of the settings' whole numbers, worded by the renderer. */
export type WholeNumberUnit = 'windows' | 'checks' | 'ms' | 'requests' | 'profiles';

/** Values a reason's sentence interpolates: flat and small (they cross IPC from main). */
export type ErrorParams = Record<string, string | number>;
export const PARAMS_MAX_KEYS = 12;
export const PARAM_KEY_MAX = 40;
export const PARAM_TEXT_MAX = 300;

const isReason = (s: unknown): s is ErrorReason =>
  typeof s === 'string' && (ERROR_REASONS as readonly string[]).includes(s);

/**
 * The custom messages of our zod schemas, by their English text: a schema writes
 * `schemaMessage('invalid.port-range', 'must be 1-65535')` and a refusal with that message
 * crosses IPC as its reason (zod keeps only the text of a built-in check's message).
 */
const BY_MESSAGE = new Map<string, { reason: ErrorReason; params?: ErrorParams }>();

export function schemaMessage(reason: ErrorReason, english: string, params?: ErrorParams): string {
  BY_MESSAGE.set(english, { reason, ...(params ? { params } : {}) });
  return english;
}

/** The reason (and its values) a schema's own message stands for, if it is one of ours. */
export const reasonOfMessage = (english: string) => BY_MESSAGE.get(english);

/**
 * The `params` of a custom zod issue that names its reason (`ctx.addIssue({ code: 'custom',
 * message, params: issueReason('invalid.tags-both', { tag }) })`): read back by
 * describeZodError.
 */
export const issueReason = (reason: ErrorReason, params: ErrorParams = {}) => ({
  reason,
  ...params,
});

/** Splits a custom issue's params back into reason and values (unknown keys ignored). */
export function readIssueReason(
  params: Record<string, unknown> | undefined,
): { reason: ErrorReason; params: ErrorParams } | undefined {
  if (!params || !isReason(params.reason)) return undefined;
  const values: ErrorParams = {};
  for (const [k, v] of Object.entries(params))
    if (k !== 'reason' && (typeof v === 'string' || typeof v === 'number')) values[k] = v;
  return { reason: params.reason, params: values };
}

/** Cuts params to what the schema accepts: main never fails its own response over a long value. */
export function boundParams(params: Record<string, unknown>): ErrorParams {
  const out: ErrorParams = {};
  for (const [k, v] of Object.entries(params)) {
    if (Object.keys(out).length >= PARAMS_MAX_KEYS) break;
    if (k.length > PARAM_KEY_MAX) continue;
    if (typeof v === 'number' && Number.isFinite(v)) out[k] = v;
    else if (typeof v === 'string') out[k] = v.slice(0, PARAM_TEXT_MAX);
  }
  return out;
}
