import { z } from 'zod';

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

export const DeckErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  retryable: z.boolean(),
  details: z
    .object({
      /** Dotted path of the offending input field, for `invalid-input`. */
      field: z.string().optional(),
      /** The vendor's own code and message, kept for the user. */
      vendorCode: z.union([z.number(), z.string()]).optional(),
      vendorMessage: z.string().optional(),
      connectionId: z.string().optional(),
    })
    .optional(),
});
export type DeckErrorValue = z.infer<typeof DeckErrorSchema>;

export type Result<T> = { ok: true; data: T } | { ok: false; error: DeckErrorValue };

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });
export const fail = (
  code: ErrorCode,
  message: string,
  extra: { retryable?: boolean; details?: DeckErrorValue['details'] } = {},
): { ok: false; error: DeckErrorValue } => ({
  ok: false,
  error: {
    code,
    message,
    retryable: extra.retryable ?? (code === 'busy' || code === 'timeout' || code === 'unreachable'),
    ...(extra.details ? { details: extra.details } : {}),
  },
});

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
  static of(code: ErrorCode, message: string, extra?: Parameters<typeof fail>[2]): DeckError {
    return new DeckError(fail(code, message, extra).error);
  }
  toValue(): DeckErrorValue {
    return {
      code: this.code,
      message: this.message,
      retryable: this.retryable,
      ...(this.details ? { details: this.details } : {}),
    };
  }
}

export function resultSchema<T extends z.ZodType>(data: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: DeckErrorSchema }),
  ]);
}

/** Names the first offending field of a zod failure, e.g. `proxy.port: must be 1-65535`. */
export function describeZodError(error: z.ZodError): { field: string; message: string } {
  const issue = error.issues[0];
  // An unknown key is named itself, so `{ constructor: 1 }` reads "constructor: …".
  const unknownKey = issue?.code === 'unrecognized_keys' ? issue.keys.slice(0, 1) : [];
  const path = issue ? [...issue.path, ...unknownKey] : [];
  const field = path.length ? path.map(String).join('.') : '(request)';
  return { field, message: `${field}: ${issue?.message ?? 'invalid'}` };
}
