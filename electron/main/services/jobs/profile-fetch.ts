import type { Profile } from '../../../../shared/model';
import { DeckError } from '../../../../shared/ipc/result';
import pLimit from 'p-limit';
import type { CallOptions, VendorProvider } from '../../providers/provider';

/** Above this many profiles in one connection, one full list is cheaper than a call each. */
export const LIST_THRESHOLD = 20;

export interface FetchedProfiles {
  profiles: Map<string, Profile>;
  /** Ids whose fetch failed for a reason other than "not found" (deleted meanwhile). */
  errors: Map<string, unknown>;
}

/**
 * The current state of some profiles of one connection, by vendor id. A failing full list
 * throws; a failing single fetch is reported per id.
 */
export async function fetchProfiles(
  provider: VendorProvider,
  vendorIds: readonly string[],
  opts: CallOptions = {},
): Promise<FetchedProfiles> {
  const profiles = new Map<string, Profile>();
  const errors = new Map<string, unknown>();
  if (vendorIds.length > LIST_THRESHOLD) {
    const wanted = new Set(vendorIds);
    for (const p of await provider.listProfiles(opts))
      if (wanted.has(p.vendorId)) profiles.set(p.vendorId, p);
    return { profiles, errors };
  }
  const limit = pLimit(provider.capabilities.maxConcurrency);
  await Promise.all(
    vendorIds.map((id) =>
      limit(async () => {
        try {
          profiles.set(id, await provider.getProfile(id, opts));
        } catch (e) {
          if (!(e instanceof DeckError && e.code === 'not-found')) errors.set(id, e);
        }
      }),
    ),
  );
  return { profiles, errors };
}
