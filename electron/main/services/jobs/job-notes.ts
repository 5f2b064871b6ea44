/**
 * An item's note both ways: English (what a CSV export and an older renderer read) and as
 * keys with their data, which the renderer words in the user's language
 * (shared/model/job-words.ts).
 */
import type {
  NoteKey,
  NoteWords,
  ValueWords,
  WordParams,
} from '../../../../shared/model/job-words';

export interface Noted {
  note: string;
  noteWords: NoteWords[];
}

/** A note's key, its data and the values it names. */
export type NoteArgs = [key: NoteKey, params?: WordParams, values?: Record<string, ValueWords>];

export function noted(note: string, ...[key, params, values]: NoteArgs): Noted {
  const bounded =
    values && Object.fromEntries(Object.entries(values).map(([k, v]) => [k, boundedValue(v)]));
  return {
    note,
    noteWords: [
      {
        key,
        ...(params ? { params: boundedParams(params) } : {}),
        ...(bounded ? { values: bounded } : {}),
      },
    ],
  };
}

/**
 * Data as the contract takes it (strings up to 300, lists up to 50 names of 200): what a
 * vendor reports (a profile's tags, a group id) is cut rather than break the progress event.
 */
export function boundedParams(params: WordParams): WordParams {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [
      k,
      typeof v === 'string'
        ? v.slice(0, 300)
        : Array.isArray(v)
          ? v.slice(0, 50).map((s) => s.slice(0, 200))
          : v,
    ]),
  );
}

export function boundedValue(v: ValueWords): ValueWords {
  return v.params ? { ...v, params: boundedParams(v.params) } : v;
}

/** Several notes as one: "already open: attached; proxy checked". */
export function joinNotes(notes: readonly Noted[]): Partial<Noted> {
  if (notes.length === 0) return {};
  return {
    note: notes.map((n) => n.note).join('; '),
    noteWords: notes.flatMap((n) => n.noteWords),
  };
}

export const STOPPED_BY_CANCEL = noted('stopped by cancel', 'stoppedByCancel');

/** What an item whose outcome is unknown says. */
export const UNKNOWN_NOTE = noted(
  'On its way to the vendor when BrowserDeck stopped: Retry reads the vendor to see whether it applied',
  'unknownOutcome',
);

export const ALREADY_APPLIED = noted(
  'had already applied when BrowserDeck stopped',
  'alreadyApplied',
);
