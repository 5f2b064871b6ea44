/**
 * The renderer checks error values without zod (shared/ipc/deck-error.ts, to keep zod off its
 * first screen). The check must give DeckErrorSchema's answer for every value: held here over
 * values the schema accepts and values it refuses, field by field.
 */
import { describe, expect, it } from 'vitest';
import { DeckErrorSchema, isDeckErrorValue } from '../../../shared/ipc/result';
import { readDeckErrorValue } from '../../../shared/ipc/deck-error';

const valid = {
  code: 'vendor-error',
  message: 'The vendor refused',
  retryable: false,
  details: {
    field: 'proxy.port',
    vendorCode: 111,
    vendorMessage: '代理错误',
    connectionId: 'ads-1',
    reason: 'invalid.port-range',
    params: { count: 3, name: 'Shop 1' },
  },
};
const long = (n: number) => 'x'.repeat(n);
const withDetails = (details: Record<string, unknown>) => ({ ...valid, details });
const manyParams = (n: number) =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]));

const VALUES: [string, unknown][] = [
  ['a full value', valid],
  ['no details', { code: 'internal', message: '', retryable: true }],
  ['empty details', withDetails({})],
  ['an extra key (dropped by the schema)', { ...valid, extra: 1 }],
  ['an extra key in details (dropped too)', withDetails({ reason: 'invalid.port-range', x: 1 })],
  ['a string vendor code', withDetails({ vendorCode: 'E_PROXY' })],
  ['the longest message', { ...valid, message: long(2000) }],
  ['twelve params', withDetails({ params: manyParams(12) })],
  ['null', null],
  ['an array', [valid]],
  ['a string', 'internal'],
  ['an unknown code', { ...valid, code: 'teapot' }],
  ['no message', { code: 'internal', retryable: false }],
  ['a message too long', { ...valid, message: long(2001) }],
  ['retryable as a string', { ...valid, retryable: 'no' }],
  ['details as an array', { ...valid, details: [] }],
  ['details as null', { ...valid, details: null }],
  ['a field too long', withDetails({ field: long(201) })],
  ['a numeric field', withDetails({ field: 3 })],
  ['a vendor code too long', withDetails({ vendorCode: long(101) })],
  ['an infinite vendor code', withDetails({ vendorCode: Infinity })],
  ['a NaN vendor code', withDetails({ vendorCode: NaN })],
  ['a vendor message too long', withDetails({ vendorMessage: long(1001) })],
  ['a connection id too long', withDetails({ connectionId: long(201) })],
  ['an unknown reason', withDetails({ reason: 'made.up' })],
  ['params as an array', withDetails({ params: [1] })],
  ['a param as an object', withDetails({ params: { a: {} } })],
  ['an infinite param', withDetails({ params: { a: Infinity } })],
  ['a param too long', withDetails({ params: { a: long(301) } })],
  ['a param key too long', withDetails({ params: { [long(41)]: 1 } })],
  ['thirteen params', withDetails({ params: manyParams(13) })],
];

describe('isDeckErrorValue', () => {
  it.each(VALUES)('answers as DeckErrorSchema does: %s', (_, value) => {
    expect(isDeckErrorValue(value)).toBe(DeckErrorSchema.safeParse(value).success);
  });

  it('accepts and refuses some of them (the cases are not all one way)', () => {
    const answers = VALUES.map(([, v]) => isDeckErrorValue(v));
    expect(answers.filter(Boolean).length).toBe(8);
    expect(answers.filter((a) => !a).length).toBe(VALUES.length - 8);
  });
});

// The preload reads every answer's error this way (deck-api.ts), without zod.
describe('readDeckErrorValue', () => {
  it.each(VALUES)('gives what DeckErrorSchema parses, or nothing: %s', (_, value) => {
    const parsed = DeckErrorSchema.safeParse(value);
    expect(readDeckErrorValue(value)).toStrictEqual(parsed.success ? parsed.data : undefined);
  });

  it('copies: the value read shares nothing with the value sent', () => {
    const read = readDeckErrorValue(valid)!;
    expect(read.details).not.toBe(valid.details);
    expect(read.details?.params).not.toBe(valid.details.params);
  });
});
