/** What BitBrowser's Local API can do. */
import type { Capabilities } from '../../../../shared/model';

/** A local Electron service like CosLogin's; no documented concurrency limit. */
export const BIT_CONCURRENCY = 6;

export const BIT_CAPABILITIES: Capabilities = {
  batchGroup: true, // /browser/group/update (browserIds)
  batchRemark: true, // /browser/remark/update (browserIds)
  batchName: true, // /browser/update/partial
  batchTags: false, // no tag endpoints in its Local API
  batchProxy: true, // /browser/proxy/update
  batchDelete: true, // /browser/delete/ids, at most 100 a call
  batchClose: false, // /browser/close takes one window
  copy: false,
  devtools: true, // Chromium: /browser/open answers a CDP ws
  createNeedsConfig: false, // a fingerprint object is enough
  startUrl: false,
  maxConcurrency: BIT_CONCURRENCY,
};
