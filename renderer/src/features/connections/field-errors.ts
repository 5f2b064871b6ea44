import { DeckError } from '../../../../shared/ipc/result';

/**
 * Main names the offending input of an `invalid-input` in `details.field` and prefixes
 * the message with it ("baseUrl: must be an http(s) URL…"); the form shows the message
 * under that field, so the prefix goes.
 */
export function fieldErrorOf(error: unknown): { field: string; message: string } | null {
  if (!(error instanceof DeckError) || error.code !== 'invalid-input') return null;
  const field = error.details?.field;
  if (!field) return null;
  const prefix = `${field}: `;
  const message = error.message.startsWith(prefix)
    ? error.message.slice(prefix.length)
    : error.message;
  return { field: field.split('.')[0]!, message };
}
