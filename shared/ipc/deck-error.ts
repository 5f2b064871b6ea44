/**
 * An error as it crosses IPC (a value with a closed set of codes) and as it is thrown (the
 * DeckError class), without zod: the renderer's first screen words errors with these, and
 * zod (about 100 kB) stays off its start path (start.lastknown10k.ms). The schema that checks
 * such a value, and the mapping of zod's failures, are in result.ts, which re-exports all of
 * this; main imports from there.
 */
import {
  ERROR_REASONS,
  PARAMS_MAX_KEYS,
  PARAM_KEY_MAX,
  PARAM_TEXT_MAX,
  boundParams,
  type ErrorParams,
  type ErrorReason,
} from './error-reasons';
import { isRecord } from '../lib/is-record';

/** The closed set of error codes that may cross IPC. Anything else is `internal`. */
export const ERROR_CODES = [
  'invalid-input',
  'unreachable',
  'timeout',
  'unauthorized',
  'not-found',
  'conflict',
  'busy',
  'vendor-error',
  'unsupported',
  'cancelled',
  'forbidden',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Lengths main cuts to (boundErrorValue) and the schema and the check refuse beyond. */
export const ERROR_TEXT_MAX = 2000;
export const VENDOR_MESSAGE_MAX = 1000;
/** A field's path and a connection's id in `details`. */
export const DETAIL_TEXT_MAX = 200;
export const VENDOR_CODE_MAX = 100;

export interface DeckErrorValue {
  code: ErrorCode;
  /** English, for the log and for a renderer that does not know `details.reason`. */
  message: string;
  retryable: boolean;
  details?:
    | {
        /** Dotted path of the offending input field, for `invalid-input`. */
        field?: string | undefined;
        /** The vendor's own code and message, kept for the user. */
        vendorCode?: string | number | undefined;
        vendorMessage?: string | undefined;
        connectionId?: string | undefined;
        /** Why, as a key the renderer words (shared/ipc/error-reasons.ts). */
        reason?: ErrorReason | undefined;
        params?: ErrorParams | undefined;
      }
    | undefined;
}

const CODES: ReadonlySet<string> = new Set(ERROR_CODES);
const REASONS: ReadonlySet<string> = new Set(ERROR_REASONS);
const optionalText = (v: unknown, max: number) =>
  v === undefined || (typeof v === 'string' && v.length <= max);

function isParams(v: unknown): boolean {
  if (!isRecord(v)) return false;
  const entries = Object.entries(v);
  return (
    entries.length <= PARAMS_MAX_KEYS &&
    entries.every(
      ([k, x]) =>
        k.length <= PARAM_KEY_MAX &&
        ((typeof x === 'string' && x.length <= PARAM_TEXT_MAX) ||
          (typeof x === 'number' && Number.isFinite(x))),
    )
  );
}

/**
 * Whether `v` is an error value DeckErrorSchema (result.ts) accepts: the same checks without
 * zod, for the renderer, which words error values that came inside other answers (a job
 * item's, a listing's per connection). A unit test holds it to the schema's answers.
 */
export function isDeckErrorValue(v: unknown): v is DeckErrorValue {
  if (!isRecord(v)) return false;
  if (typeof v['code'] !== 'string' || !CODES.has(v['code'])) return false;
  if (typeof v['message'] !== 'string' || v['message'].length > ERROR_TEXT_MAX) return false;
  if (typeof v['retryable'] !== 'boolean') return false;
  const d = v['details'];
  if (d === undefined) return true;
  if (!isRecord(d)) return false;
  const code = d['vendorCode'];
  const reason = d['reason'];
  return (
    optionalText(d['field'], DETAIL_TEXT_MAX) &&
    (code === undefined ||
      (typeof code === 'number' && Number.isFinite(code)) ||
      (typeof code === 'string' && code.length <= VENDOR_CODE_MAX)) &&
    optionalText(d['vendorMessage'], VENDOR_MESSAGE_MAX) &&
    optionalText(d['connectionId'], DETAIL_TEXT_MAX) &&
    (reason === undefined || (typeof reason === 'string' && REASONS.has(reason))) &&
    (d['params'] === undefined || isParams(d['params']))
  );
}

/**
 * The error value in `v` as DeckErrorSchema parses it: a copy holding only the schema's
 * fields (it drops the others), or undefined where the schema refuses it. For the preload,
 * which checks every answer's envelope without zod. A unit test holds it to the schema.
 */
export function readDeckErrorValue(v: unknown): DeckErrorValue | undefined {
  if (!isDeckErrorValue(v)) return undefined;
  const out: DeckErrorValue = { code: v.code, message: v.message, retryable: v.retryable };
  const d = v.details;
  if (d === undefined) return out;
  const details: NonNullable<DeckErrorValue['details']> = {};
  if (d.field !== undefined) details.field = d.field;
  if (d.vendorCode !== undefined) details.vendorCode = d.vendorCode;
  if (d.vendorMessage !== undefined) details.vendorMessage = d.vendorMessage;
  if (d.connectionId !== undefined) details.connectionId = d.connectionId;
  if (d.reason !== undefined) details.reason = d.reason;
  if (d.params !== undefined) details.params = { ...d.params };
  out.details = details;
  return out;
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: DeckErrorValue };

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });
type Details = NonNullable<DeckErrorValue['details']>;

export interface FailExtra {
  retryable?: boolean;
  details?: Details;
  /** Why, for the renderer to word; `params` are the values its sentence names. */
  reason?: ErrorReason;
  params?: Record<string, string | number | undefined>;
}

/**
 * Cuts what a vendor or a path may make long, so an error main builds always passes the
 * schema it crosses IPC by (a refused envelope would hide the real failure).
 */
export function boundErrorValue(value: DeckErrorValue): DeckErrorValue {
  const d = value.details;
  const details: Details | undefined = d && {
    ...d,
    ...(d.field !== undefined ? { field: d.field.slice(0, DETAIL_TEXT_MAX) } : {}),
    ...(typeof d.vendorCode === 'string'
      ? { vendorCode: d.vendorCode.slice(0, VENDOR_CODE_MAX) }
      : {}),
    ...(d.vendorMessage !== undefined
      ? { vendorMessage: d.vendorMessage.slice(0, VENDOR_MESSAGE_MAX) }
      : {}),
    ...(d.connectionId !== undefined
      ? { connectionId: d.connectionId.slice(0, DETAIL_TEXT_MAX) }
      : {}),
    ...(d.params ? { params: boundParams(d.params) } : {}),
  };
  return {
    code: value.code,
    message: value.message.slice(0, ERROR_TEXT_MAX),
    retryable: value.retryable,
    ...(details ? { details } : {}),
  };
}

export const fail = (
  code: ErrorCode,
  message: string,
  extra: FailExtra = {},
): { ok: false; error: DeckErrorValue } => {
  const params = extra.params && boundParams(extra.params);
  const details: Details | undefined =
    extra.details || extra.reason
      ? {
          ...extra.details,
          ...(extra.reason ? { reason: extra.reason } : {}),
          ...(params ? { params } : {}),
        }
      : undefined;
  return {
    ok: false,
    error: boundErrorValue({
      code,
      message,
      retryable:
        extra.retryable ?? (code === 'busy' || code === 'timeout' || code === 'unreachable'),
      ...(details ? { details } : {}),
    }),
  };
};

/** A typed error: what the renderer throws after unwrapping a failed result, and what
 * main-side services throw so handle() can turn them back into values. */
export class DeckError extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly details: DeckErrorValue['details'];
  constructor(value: DeckErrorValue) {
    super(value.message);
    this.name = 'DeckError';
    this.code = value.code;
    this.retryable = value.retryable;
    this.details = value.details;
  }
  static of(code: ErrorCode, message: string, extra?: FailExtra): DeckError {
    return new DeckError(fail(code, message, extra).error);
  }
  toValue(): DeckErrorValue {
    return boundErrorValue({
      code: this.code,
      message: this.message,
      retryable: this.retryable,
      ...(this.details ? { details: this.details } : {}),
    });
  }
}
