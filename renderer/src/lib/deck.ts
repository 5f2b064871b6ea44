import { DeckError, type Result } from '../../../shared/ipc/result';
import type { DeckApi } from '../../../shared/ipc/deck-api';

declare global {
  interface Window {
    deck: DeckApi;
  }
}

/** The API the preload (or the browser harness) put on window. */
export const deck = (): DeckApi => window.deck;

/** Unwraps a result value so react-query sees an ordinary failure with a typed error. */
export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending;
  if (result.ok) return result.data;
  throw new DeckError(result.error);
}

export function errorText(error: unknown): string {
  if (error instanceof DeckError) {
    const vendor =
      error.details?.vendorCode !== undefined ? ` (vendor code ${error.details.vendorCode})` : '';
    return `${error.message}${vendor}`;
  }
  return error instanceof Error ? error.message : String(error);
}
