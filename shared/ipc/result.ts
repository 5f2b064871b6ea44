import { z } from 'zod';
import {
  ERROR_REASONS,
  PARAMS_MAX_KEYS,
  PARAM_KEY_MAX,
  PARAM_TEXT_MAX,
  boundParams,
  readIssueReason,
  reasonOfMessage,
  type ErrorParams,
  type ErrorReason,
} from './error-reasons';

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

/** Lengths main cuts to (boundErrorValue) and the schema refuses beyond. */
export const ERROR_TEXT_MAX = 2000;
export const VENDOR_MESSAGE_MAX = 1000;

/** What a reason's sentence interpolates: flat string/number values, few and short. */
export const ErrorParamsSchema = z
  .record(
    z.string().max(PARAM_KEY_MAX),
    z.union([z.string().max(PARAM_TEXT_MAX), z.number().finite()]),
  )
  .refine((p) => Object.keys(p).length <= PARAMS_MAX_KEYS, `at most ${PARAMS_MAX_KEYS} params`);

export const DeckErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  /** English, for the log and for a renderer that does not know `details.reason`. */
  message: z.string().max(ERROR_TEXT_MAX),
  retryable: z.boolean(),
  details: z
    .object({
      /** Dotted path of the offending input field, for `invalid-input`. */
      field: z.string().max(200).optional(),
      /** The vendor's own code and message, kept for the user. */
      vendorCode: z.union([z.number(), z.string().max(100)]).optional(),
      vendorMessage: z.string().max(VENDOR_MESSAGE_MAX).optional(),
      connectionId: z.string().max(200).optional(),
      /** Why, as a key the renderer words (shared/ipc/error-reasons.ts). */
      reason: z.enum(ERROR_REASONS).optional(),
      params: ErrorParamsSchema.optional(),
    })
    .optional(),
});
export type DeckErrorValue = z.infer<typeof DeckErrorSchema>;

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
    ...(d.field !== undefined ? { field: d.field.slice(0, 200) } : {}),
    ...(typeof d.vendorCode === 'string' ? { vendorCode: d.vendorCode.slice(0, 100) } : {}),
    ...(d.vendorMessage !== undefined
      ? { vendorMessage: d.vendorMessage.slice(0, VENDOR_MESSAGE_MAX) }
      : {}),
    ...(d.connectionId !== undefined ? { connectionId: d.connectionId.slice(0, 200) } : {}),
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

export function resultSchema<T extends z.ZodType>(data: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: DeckErrorSchema }),
  ]);
}

/**
 * Names the first offending field of a zod failure, e.g. `proxy.port: must be 1-65535`, and
 * says what is wrong as a reason with its values (the renderer words it): one of our
 * schemas' own messages by its key, else the zod issue code with the bounds it broke.
 */
export function describeZodError(error: z.ZodError): {
  field: string;
  message: string;
  reason: ErrorReason;
  params: ErrorParams;
} {
  const issue = error.issues[0];
  // An unknown key is named itself, so `{ constructor: 1 }` reads "constructor: …".
  const unknownKey = issue?.code === 'unrecognized_keys' ? issue.keys.slice(0, 1) : [];
  const path = issue ? [...issue.path, ...unknownKey] : [];
  const field = path.length ? path.map(String).join('.') : '(request)';
  const message = `${field}: ${issue?.message ?? 'invalid'}`;
  const own =
    (issue?.code === 'custom' ? readIssueReason(issue.params) : undefined) ??
    (issue ? reasonOfMessage(issue.message) : undefined);
  if (own) return { field, message, reason: own.reason, params: own.params ?? {} };
  return { field, message, ...zodReason(issue) };
}

function zodReason(issue: z.core.$ZodIssue | undefined): {
  reason: ErrorReason;
  params: ErrorParams;
} {
  if (!issue) return { reason: 'invalid.custom', params: { problem: 'invalid' } };
  switch (issue.code) {
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      return {
        reason: `invalid.${issue.code}`,
        params: {
          // i18next context and plural: "at least 3 characters", "at least one item".
          context: issue.inclusive === false ? `${issue.origin}_exclusive` : issue.origin,
          count: Number(bound),
        },
      };
    }
    case 'invalid_type':
      return { reason: 'invalid.invalid_type', params: { expected: issue.expected } };
    case 'invalid_value':
      return {
        reason: 'invalid.invalid_value',
        params: { options: issue.values.slice(0, 20).map(String).join(', ') },
      };
    case 'invalid_format':
      return { reason: 'invalid.invalid_format', params: { format: issue.format } };
    case 'not_multiple_of':
      return { reason: 'invalid.not_multiple_of', params: { divisor: Number(issue.divisor) } };
    case 'unrecognized_keys':
      return { reason: 'invalid.unrecognized_keys', params: {} };
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return { reason: `invalid.${issue.code}`, params: {} };
    default:
      return { reason: 'invalid.custom', params: { problem: issue.message } };
  }
}
