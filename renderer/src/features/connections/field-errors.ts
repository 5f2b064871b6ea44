import { fieldError } from '../../lib/deck';

/**
 * Main names the offending input of an `invalid-input` in `details.field`; the form shows
 * what is wrong (worded without the field's name) under that field.
 */
export function fieldErrorOf(error: unknown): { field: string; message: string } | null {
  const found = fieldError(error);
  return found && { field: found.field.split('.')[0]!, message: found.text };
}
