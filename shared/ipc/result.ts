/**
 * The schema of an error value crossing IPC and of a result, and how a zod failure becomes
 * an `invalid-input` error. The error value and class themselves are in deck-error.ts
 * (without zod, for the renderer's first screen), re-exported here.
 */
import { z } from 'zod';
import {
  ERROR_REASONS,
  PARAMS_MAX_KEYS,
  PARAM_KEY_MAX,
  PARAM_TEXT_MAX,
  readIssueReason,
  reasonOfMessage,
  type ErrorParams,
  type ErrorReason,
} from './error-reasons';
import {
  DETAIL_TEXT_MAX,
  ERROR_CODES,
  ERROR_TEXT_MAX,
  VENDOR_CODE_MAX,
  VENDOR_MESSAGE_MAX,
  type DeckErrorValue,
} from './deck-error';

export * from './deck-error';

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
      field: z.string().max(DETAIL_TEXT_MAX).optional(),
      /** The vendor's own code and message, kept for the user. */
      vendorCode: z.union([z.number(), z.string().max(VENDOR_CODE_MAX)]).optional(),
      vendorMessage: z.string().max(VENDOR_MESSAGE_MAX).optional(),
      connectionId: z.string().max(DETAIL_TEXT_MAX).optional(),
      /** Why, as a key the renderer words (shared/ipc/error-reasons.ts). */
      reason: z.enum(ERROR_REASONS).optional(),
      params: ErrorParamsSchema.optional(),
    })
    .optional(),
});

// The hand-written value (deck-error.ts) and the schema's are one type: a field added to one
// and not the other fails here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShape: Same<z.infer<typeof DeckErrorSchema>, DeckErrorValue> = true;
void sameShape;

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
