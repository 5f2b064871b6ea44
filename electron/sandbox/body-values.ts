/**
 * How the emulated vendors read a request body's values: loosely, as the vendors do (an id
 * may come as a number or a digit string). ixBrowser's proxy fields read more loosely still
 * (ix-proxy-config.ts).
 */
export { isRecord } from '../../shared/lib/is-record';

/** Given: not missing, null or empty. */
export const present = (v: unknown): boolean => v !== undefined && v !== null && v !== '';

/** A string or a number as text; anything else as ''. */
export const str = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';

/** A whole number, or digits in a string; undefined otherwise. */
export function toInt(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^\s*\d+\s*$/.test(v)) return Number(v);
  return undefined;
}
