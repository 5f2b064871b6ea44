/** What AdsPower's Local API can do. */
import type { Capabilities } from '../../../../shared/model';

/**
 * Requests in flight at once. The rate limiter, not this, paces the connection; a few in
 * flight let a slow call (a browser starting) not hold up the listing behind it.
 */
export const ADS_CONCURRENCY = 3;

export const ADS_CAPABILITIES: Capabilities = {
  batchGroup: true, // v1 user/regroup, at most 100 ids
  batchRemark: false, // v2 browser-profile/update takes one profile
  batchName: false,
  batchTags: false,
  batchProxy: false,
  batchDelete: true, // v2 browser-profile/delete, at most 100 ids
  batchClose: false,
  copy: false,
  devtools: true, // Chromium (SunBrowser): start answers a CDP ws
  createNeedsConfig: false,
  startUrl: true, // create's `tabs`
  maxConcurrency: ADS_CONCURRENCY,
};

/** Ids per batch call, and rows per list page (the vendor's documented maximum). */
export const ADS_MAX_BATCH = 100;
export const ADS_PAGE_SIZE = 100;
