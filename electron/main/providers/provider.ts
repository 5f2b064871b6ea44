/**
 * What BrowserDeck needs from a vendor client. One implementation per vendor
 * (./ixbrowser, ./cos); everything past this interface speaks the shared model only.
 * Every method throws DeckError (shared/ipc/result) with a closed code and keeps the
 * vendor's own code/message in `details.vendorCode` / `details.vendorMessage`.
 */
import type { Capabilities, Group, Profile, Session, Tag, Vendor } from '../../../shared/model';
import type { CreateItem } from '../../../shared/model/job';
import type { ProxyInput } from '../../../shared/model/proxy-input';
import type { ItemResults } from './common/item-results';
import type { StoredProxies } from './common/stored-proxy';

// Defined beside the helpers that build it, so they need not import this interface back.
export type { ItemResults };

export interface CallOptions {
  signal?: AbortSignal;
  /**
   * Epoch ms (the provider's clock): busy answers of a call that is safe to repeat are
   * retried until then, instead of the retry policy's few quick attempts. Listings set it.
   */
  deadline?: number;
  /** Counts the response bytes of a listing; throws when the listing has had too many. */
  budget?: ByteBudget;
}

export interface ListOptions extends CallOptions {
  /**
   * Each page's profiles as they arrive, before the listing is complete (so the table can
   * fill page by page); the promise still resolves with the whole, final list.
   */
  onPage?(profiles: Profile[]): void;
}

export interface ByteBudget {
  /** Called as bytes arrive; throws a DeckError to stop the response. */
  take(bytes: number): void;
}

export interface OpenResult {
  session: Session;
  /** The profile was already open (ixBrowser 111003): attached, not failed. */
  attached: boolean;
}

export interface VendorProvider {
  readonly vendor: Vendor;
  readonly connectionId: string;
  readonly capabilities: Capabilities;

  /** A cheap call that proves the client answers and the token is right. */
  test(opts?: CallOptions): Promise<{ profileCount?: number }>;
  /** Every profile, all pages, fetched with bounded parallelism. */
  listProfiles(opts?: ListOptions): Promise<Profile[]>;
  getProfile(vendorId: string, opts?: CallOptions): Promise<Profile>;
  listGroups(opts?: CallOptions): Promise<Group[]>;
  createGroup(name: string, opts?: CallOptions): Promise<Group>;
  listTags(opts?: CallOptions): Promise<Tag[]>;

  /** Batch edits: the vendor's batch endpoint where it has one, else one call per id. */
  moveToGroup(vendorIds: string[], groupId: string, opts?: CallOptions): Promise<ItemResults>;
  setRemark(vendorIds: string[], remark: string, opts?: CallOptions): Promise<ItemResults>;
  setName(vendorIds: string[], name: string, opts?: CallOptions): Promise<ItemResults>;
  /** Tag names; the provider maps them to the vendor's ids, creating missing tags. */
  setTags(vendorIds: string[], tags: string[], opts?: CallOptions): Promise<ItemResults>;
  setProxy(vendorIds: string[], proxy: ProxyInput, opts?: CallOptions): Promise<ItemResults>;
  deleteProfiles(vendorIds: string[], opts?: CallOptions): Promise<ItemResults>;
  /** Returns the new profile's vendor id. */
  copyProfile(
    vendorId: string,
    options: { name?: string; groupId?: string },
    opts?: CallOptions,
  ): Promise<string>;
  /** Returns the new profile's vendor id. `like` is the detail of a profile to take config from (CosLogin). */
  createProfile(item: CreateItem, opts?: CallOptions & { likeVendorId?: string }): Promise<string>;

  open(vendorId: string, opts?: CallOptions): Promise<OpenResult>;
  /** A close whose process is gone (ixBrowser 1009) resolves with alreadyClosed. */
  close(vendorId: string, opts?: CallOptions): Promise<{ alreadyClosed: boolean }>;
  /** Batch close where the vendor has it (ixBrowser close-in-batches). */
  closeMany?(vendorIds: string[], opts?: CallOptions): Promise<ItemResults>;
  /**
   * Each profile's proxy as the vendor stores it, password included: for main's own use
   * (keeping a password on an edit, a proxy check), never sent to the renderer. An id the
   * vendor does not know is absent; one whose proxy could not be read maps to the error.
   */
  storedProxies(vendorIds: readonly string[], opts?: CallOptions): Promise<StoredProxies>;
  /** Every open profile with what the vendor gives of its debug endpoints. */
  listSessions(opts?: CallOptions): Promise<Session[]>;
  /** Frees the provider's sockets (the connection was removed or re-pointed). */
  dispose?(): void;
}
