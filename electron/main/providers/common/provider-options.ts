/** What every vendor provider is built from. */
import type { Logger } from '../../log';
import type { RetryPolicy } from './call-gate';
import type { ListingLimits } from './paging';

export interface ProviderOptions {
  connectionId: string;
  /** e.g. http://127.0.0.1:53200 (no /api/v2 suffix). */
  baseUrl: string;
  /** Read on every request, so a token change needs no new provider. */
  token?: () => string | undefined;
  log: Pick<Logger, 'warn' | 'addSecret'>;
  clock?: () => number;
  /** Per request; default 15 s. */
  timeoutMs?: number;
  /** profile-open and /browser/open start a browser (and may check a proxy); default 90 s. */
  openTimeoutMs?: number;
  pageSize?: number;
  concurrency?: number;
  retry?: RetryPolicy;
  /** Responses above this size are refused; default 20 MB. */
  maxResponseBytes?: number;
  /** The connection's template for new profiles, where the vendor's API needs one (CosLogin's `config`). */
  configTemplate?: Record<string, unknown>;
  /** Caps and deadline of a whole listing (see DEFAULT_LISTING_LIMITS). */
  listingLimits?: Partial<ListingLimits>;
  /**
   * The connection's request rate, for a vendor that limits it (AdsPower); read per request,
   * so a changed setting needs no new provider. Default: the vendor's strictest.
   */
  requestsPerSecond?: () => number;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_OPEN_TIMEOUT_MS = 90_000;
export const DEFAULT_PAGE_SIZE = 100;
/** Ids per batch request: keeps request bodies small and vendor transactions short. */
export const BATCH_CHUNK = 500;
/** Up to this many profiles are read one request each; more, and one full listing is cheaper. */
export const READ_ONE_BY_ONE_MAX = 20;
