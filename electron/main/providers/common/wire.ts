/**
 * zod building blocks for vendor wire formats: tolerant where vendors are loose (numbers
 * as strings, null for empty, missing optional keys, unknown extra keys), strict where a
 * wrong value would mislead (ids, totals, ports, proxy types).
 *
 * Fields are checked by plain predicates and read by the small readers below (`text`,
 * `int`, `port`, ...) in the mapping. A row of fields is one zod schema whose fast path runs
 * the predicates without allocating; only a row that fails is parsed again field by field
 * to name what is wrong. Per-field zod parsing allocated enough per row that listing
 * 10,000 profiles cost twice the HTTP requests themselves.
 */
import { z } from 'zod';
import { DeckError } from '../../../../shared/ipc/result';
import { ProxyTypeSchema, type ProxyType } from '../../../../shared/model';

export type WireScalar = string | number | boolean | null;

/** One field: a predicate for the fast path and a zod schema that explains a failure. */
export interface WireField<T> {
  readonly check: (v: unknown) => boolean;
  readonly schema: z.ZodType<T>;
}

const required = <T>(check: (v: unknown) => boolean, message: string): WireField<T> => ({
  check,
  schema: z.custom<T>(check, message),
});
export const wireOptional = <T>(
  check: (v: unknown) => boolean,
  message: string,
): WireField<T | undefined> => {
  const orMissing = (v: unknown) => v === undefined || check(v);
  return { check: orMissing, schema: z.custom<T>(check, message).optional() };
};

const isScalar = (v: unknown): v is WireScalar =>
  v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
const isIdValue = (v: unknown): v is string | number =>
  (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) ||
  (typeof v === 'string' && v.trim() !== '');
const NUMBER = /^\s*-?\d{1,15}(\.\d+)?\s*$/;
const isNumberish = (v: unknown): boolean =>
  v === null ||
  v === '' ||
  (typeof v === 'number' && Number.isFinite(v)) ||
  (typeof v === 'string' && NUMBER.test(v));
const PROXY_TYPES = new Set<string>(ProxyTypeSchema.options);
const PROXY_ALIASES: Record<string, ProxyType> = {
  '': 'direct',
  noproxy: 'direct',
  none: 'direct',
  socks: 'socks5',
  socks5h: 'socks5',
};

/** An id the vendor sends as a number or a string; never empty, never fractional. */
export const WireId = required<string | number>(
  isIdValue,
  'expected an id (a whole number or a non-empty string)',
);
export const WireOptionalId = wireOptional<string | number>(isIdValue, 'expected an id');
export const id = (v: string | number): string => (typeof v === 'number' ? String(v) : v.trim());

/** Text that may arrive as null, a number or be missing. */
export const WireText = wireOptional<WireScalar>(isScalar, 'expected text');
export const text = (v: WireScalar | undefined): string =>
  typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v);

/** A count or page total: a non-negative integer, possibly as a string. */
export const WireCount = required<number | string>(
  (v) =>
    (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) ||
    (typeof v === 'string' && /^\s*\d{1,15}\s*$/.test(v)),
  'expected a whole number',
);
export const count = (v: number | string): number => (typeof v === 'number' ? v : Number(v));

/** An optional number ('' / null / missing = none); a non-numeric value is refused. */
export const WireNumber = wireOptional<number | string | null>(isNumberish, 'expected a number');
export const int = (v: number | string | null | undefined): number | undefined => {
  if (v === null || v === undefined || v === '') return undefined;
  return Math.trunc(typeof v === 'number' ? v : Number(v));
};

/** A port 1-65535, or unset (0, '', null, missing). */
export const WirePort = wireOptional<number | string | null>((v) => {
  if (!isNumberish(v)) return false;
  const n = int(v as number | string | null);
  return n === undefined || (n >= 0 && n <= 65535);
}, 'expected a port (1-65535)');
export const port = (v: number | string | null | undefined): number | null => {
  const n = int(v);
  return n === undefined || n === 0 ? null : n;
};

export const WireFlag = wireOptional<WireScalar>(isScalar, 'expected a flag');
export const flag = (v: WireScalar | undefined): boolean =>
  v === true || v === 1 || v === '1' || v === 'true';

/** Proxy type names as vendors write them; an unknown type is an error, not a guess. */
export const WireProxyType = wireOptional<string | null>((v) => {
  if (v === null) return true;
  if (typeof v !== 'string') return false;
  const t = v.trim().toLowerCase();
  return PROXY_TYPES.has(t) || t in PROXY_ALIASES;
}, 'unknown proxy type');
export const proxyType = (v: string | null | undefined): ProxyType => {
  const t = (v ?? '').trim().toLowerCase();
  return PROXY_ALIASES[t] ?? (t as ProxyType);
};

type IdListValue = string | number | Array<string | number> | null;
/** Ids as "117 118", "3,5", [3, 5] or a single number; empty and "0" mean none. */
export const WireIdList = wireOptional<IdListValue>(
  (v) =>
    v === null ||
    typeof v === 'string' ||
    typeof v === 'number' ||
    (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number')),
  'expected a list of ids',
);
export const idList = (v: IdListValue | undefined): string[] => {
  if (v === null || v === undefined || v === '') return [];
  const parts = Array.isArray(v) ? v.map(String) : String(v).split(/[\s,]+/);
  const out: string[] = [];
  for (const p of parts) {
    const t = p.trim();
    if (t !== '' && t !== '0') out.push(t);
  }
  return out;
};

/** Any value at all (kept as it is), for fields read only in rare paths. */
export const WireAny = wireOptional<unknown>(() => true, '');

type RowOf<S extends Record<string, WireField<unknown>>> = {
  [K in keyof S]: S[K] extends WireField<infer T> ? T : never;
};

/** The fast path and the explanation of one wireRow schema, for wireRows to run per page. */
interface RowCheck {
  fast: (v: unknown) => boolean;
  /** Where the first failing field is, and what is wrong with it. */
  explain: (v: unknown) => { path: PropertyKey[]; message: string };
}
const rowChecks = new WeakMap<z.ZodType, RowCheck>();

/**
 * A row of fields (extra keys ignored). `rule` adds a check across fields, such as "one of
 * id or browserId". The parsed row is the vendor's own object, typed; read it with the
 * readers above. A list of rows is `wireRows(row)`.
 */
export function wireRow<S extends Record<string, WireField<unknown>>>(
  shape: S,
  rule?: { check: (row: RowOf<S>) => boolean; field: string; message: string },
): z.ZodType<RowOf<S>> {
  const keys = Object.keys(shape);
  const fields = compileFieldChecks(
    keys,
    keys.map((k) => shape[k]!.check),
  );
  const detailed = z.object(
    Object.fromEntries(keys.map((k) => [k, shape[k]!.schema])) as Record<string, z.ZodType>,
  );
  const fast = (v: unknown): boolean =>
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    fields(v as Record<string, unknown>) &&
    (!rule || rule.check(v as RowOf<S>));
  const explain = (input: unknown) => {
    const r = detailed.safeParse(input);
    if (r.success) return { path: rule ? [rule.field] : [], message: rule?.message ?? 'invalid' };
    const issue = r.error.issues[0]!;
    return { path: issue.path, message: issue.message };
  };
  const schema = z.custom<RowOf<S>>(fast, {
    error: (iss) => {
      const { path, message } = explain(iss.input);
      return path.length ? `${path.map(String).join('.')}: ${message}` : message;
    },
  });
  rowChecks.set(schema, { fast, explain });
  return schema;
}

/**
 * A list of rows. For a wireRow it checks the whole list in one loop, and only a failing
 * row is explained (its index and field in the issue's path); per-element zod parsing cost
 * a few ms per 10,000 rows in payload objects alone. Any other item schema is a z.array.
 */
export function wireRows<T extends z.ZodType>(item: T): z.ZodType<z.output<T>[], z.input<T>[]> {
  const row = rowChecks.get(item);
  if (!row) return z.array(item);
  const { fast, explain } = row;
  return z.unknown().check((ctx) => {
    const v = ctx.value;
    if (!Array.isArray(v)) {
      ctx.issues.push({ code: 'custom', message: 'expected a list', input: v });
      return;
    }
    for (let i = 0; i < v.length; i++) {
      if (fast(v[i])) continue;
      const { path, message } = explain(v[i]);
      ctx.issues.push({ code: 'custom', path: [i, ...path], message, input: v[i] });
      return;
    }
  }) as unknown as z.ZodType<z.output<T>[], z.input<T>[]>;
}

/**
 * The fields of a row checked with one property read and one predicate call per field,
 * each at a site of its own: rows of a page share one shape, so every read and call stays
 * monomorphic and V8 inlines the predicates. A loop over the keys made each read a
 * megamorphic keyed load and each check an indirect call, about 1 µs per 18-field row.
 * The keys are this module's own field names, never vendor input.
 */
function compileFieldChecks(
  keys: string[],
  checks: Array<(v: unknown) => boolean>,
): (row: Record<string, unknown>) => boolean {
  const body = keys
    .map((k, i) => `if (!c${i}(row[${JSON.stringify(k)}])) return false;`)
    .join('\n');
  const make = new Function(
    ...keys.map((_, i) => `c${i}`),
    `return (row) => {\n${body}\nreturn true;\n};`,
  );
  return make(...checks) as (row: Record<string, unknown>) => boolean;
}

/** Parses a vendor payload; a mismatch is a vendor-error that names the field. */
export function parseWire<T extends z.ZodType>(
  schema: T,
  value: unknown,
  what: string,
  details: { connectionId?: string; vendorLabel: string },
): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue?.path.length ? `${issue.path.map(String).join('.')}: ` : '';
  throw DeckError.of(
    'vendor-error',
    `${details.vendorLabel} sent an unexpected ${what}: ${path}${issue?.message ?? 'invalid'}`,
    {
      details: details.connectionId ? { connectionId: details.connectionId } : undefined,
      reason: 'vendor.unexpected-payload',
      params: {
        vendor: details.vendorLabel,
        what,
        problem: `${path}${issue?.message ?? 'invalid'}`,
      },
    },
  );
}

/** A result code in a vendor's envelope: an integer, possibly sent as a string. */
export const EnvelopeCode = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^-?\d+$/)
    .transform(Number),
]);

/** A message in a vendor's envelope: text, null or missing, read as text. */
export const EnvelopeMessage = z
  .union([z.string(), z.null()])
  .optional()
  .transform((m) => m ?? '');

/** Numeric-looking ids go back to the vendor as numbers, others as strings. */
export const toWireId = (value: string): number | string =>
  /^\d{1,15}$/.test(value) ? Number(value) : value;

/** Splits `items` into runs of at most `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
