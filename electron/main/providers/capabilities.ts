/** What each vendor's Local API can do, so the UI offers only what works. */
import type { Capabilities, Vendor } from '../../../shared/model';

export const IX_CONCURRENCY = 3;
export const COS_CONCURRENCY = 6;

export const CAPABILITIES: Record<Vendor, Capabilities> = {
  ixbrowser: {
    batchGroup: true, // profile-update-groups-in-batches
    batchRemark: false,
    batchName: false,
    batchTags: false,
    batchProxy: false,
    batchDelete: false,
    batchClose: true, // profile-close-in-batches
    copy: true, // profile-copy
    devtools: true, // Chromium
    createNeedsConfig: false,
    startUrl: true, // site_id 21 + site_url
    maxConcurrency: IX_CONCURRENCY,
  },
  cos: {
    batchGroup: true, // /browser/group/update
    batchRemark: true, // /browser/remark/update
    batchName: true, // /browser/update/partial
    batchTags: true, // /browser/update/partial
    batchProxy: true, // /browser/proxy/update
    batchDelete: true, // /browser/delete/ids
    batchClose: false, // open and close take exactly one window
    copy: false,
    devtools: false, // Firefox: no Chrome DevTools attach
    createNeedsConfig: true,
    startUrl: false,
    maxConcurrency: COS_CONCURRENCY,
  },
};

/** Vendors whose Local API wants a token the user enters (CosLogin's X-Cos-Local-Token). */
export const TAKES_TOKEN: Record<Vendor, boolean> = { ixbrowser: false, cos: true };
