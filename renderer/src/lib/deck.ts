import { DeckError, isDeckErrorValue, type Result } from '../../../shared/ipc/deck-error';
import type { DeckApi } from '../../../shared/ipc/deck-api';
import { wordError, wordFieldError } from './error-text';

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

/** An error in the chosen language: main's code, reason and values, the vendor's own words. */
export function errorText(error: unknown): string {
  if (error instanceof DeckError) return wordError(error.toValue());
  // An error value as it came (a job item's, a listing's per-connection failure).
  if (isDeckErrorValue(error)) return wordError(error);
  return error instanceof Error ? error.message : String(error);
}

/** The field an `invalid-input` names and what is wrong with it (without the field's name). */
export function fieldError(error: unknown): { field: string; text: string } | null {
  return error instanceof DeckError ? wordFieldError(error.toValue()) : null;
}
