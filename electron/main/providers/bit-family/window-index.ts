/**
 * What a Bit-family provider knows of windows by id: the uuid (CosLogin wants it for
 * detail, open and close, and numeric ids for batches) and the name (to label sessions).
 *
 * A listing is kept as the profiles it produced and indexed only when something is asked,
 * so listing 10,000 windows does not build 30,000 map entries that the next listing
 * replaces. Windows learnt one at a time (detail, create) are indexed at once and win
 * over the listing they are newer than; a new listing starts afresh.
 */
import type { Profile } from '../../../../shared/model';

export interface WindowIndex {
  /** A whole listing: replaces everything known. */
  listed(profiles: readonly Profile[]): void;
  /** One window seen on its own. */
  learn(vendorId: string, name: string, uuid?: string): void;
  knows(vendorId: string): boolean;
  uuidOf(vendorId: string): string | undefined;
  idOf(uuid: string): string | undefined;
  nameOf(vendorId: string): string | undefined;
}

interface Facts {
  names: Map<string, string>;
  uuidById: Map<string, string>;
  idByUuid: Map<string, string>;
}

const noFacts = (): Facts => ({ names: new Map(), uuidById: new Map(), idByUuid: new Map() });

function add(facts: Facts, vendorId: string, name: string, uuid: string | undefined) {
  facts.names.set(vendorId, name);
  if (uuid) {
    facts.uuidById.set(vendorId, uuid);
    facts.idByUuid.set(uuid, vendorId);
  }
}

export function createWindowIndex(): WindowIndex {
  let listing: readonly Profile[] = [];
  let fromListing: Facts | undefined;
  let learnt = noFacts();
  const indexed = (): Facts => {
    if (!fromListing) {
      fromListing = noFacts();
      for (const p of listing) add(fromListing, p.vendorId, p.name, p.uuid);
    }
    return fromListing;
  };
  return {
    listed(profiles) {
      listing = profiles;
      fromListing = undefined;
      learnt = noFacts();
    },
    learn: (vendorId, name, uuid) => add(learnt, vendorId, name, uuid),
    knows: (vendorId) => learnt.names.has(vendorId) || indexed().names.has(vendorId),
    uuidOf: (vendorId) => learnt.uuidById.get(vendorId) ?? indexed().uuidById.get(vendorId),
    idOf: (uuid) => learnt.idByUuid.get(uuid) ?? indexed().idByUuid.get(uuid),
    nameOf: (vendorId) => learnt.names.get(vendorId) ?? indexed().names.get(vendorId),
  };
}
