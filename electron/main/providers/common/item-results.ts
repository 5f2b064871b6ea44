/**
 * Per-item outcomes of bulk provider calls (ItemResults): one call per item where the
 * vendor has no batch endpoint, or one outcome shared by every id of a batch call.
 */
import { DeckError } from '../../../../shared/ipc/result';

/** Per-item outcome of a batch call: null = applied, a DeckError = failed with the vendor's reason. */
export type ItemResults = Map<string, DeckError | null>;

export const asDeckError = (e: unknown): DeckError =>
  e instanceof DeckError
    ? e
    : DeckError.of('internal', e instanceof Error ? e.message : 'Unexpected provider failure');

/** Runs `fn` for every id (the connection's gate bounds how many run at once). */
export async function forEachItem(
  ids: readonly string[],
  fn: (id: string) => Promise<unknown>,
): Promise<ItemResults> {
  const results: ItemResults = new Map();
  await Promise.all(
    ids.map(async (id) => {
      try {
        await fn(id);
        results.set(id, null);
      } catch (e) {
        results.set(id, asDeckError(e));
      }
    }),
  );
  return results;
}

/** One batch call's outcome applies to each of its ids. */
export async function forBatch(
  ids: readonly string[],
  fn: () => Promise<unknown>,
  into: ItemResults = new Map(),
): Promise<ItemResults> {
  try {
    await fn();
    for (const id of ids) into.set(id, null);
  } catch (e) {
    const err = asDeckError(e);
    for (const id of ids) into.set(id, err);
  }
  return into;
}
