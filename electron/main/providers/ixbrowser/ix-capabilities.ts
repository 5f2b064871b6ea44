/** What ixBrowser's Local API can do. */
import { VENDORS, type Capabilities } from '../../../../shared/model';

/** ixBrowser answers "too fast" beyond about three requests at once (settings may change it). */
export const IX_CONCURRENCY = VENDORS.ixbrowser.concurrency;

export const IX_CAPABILITIES: Capabilities = {
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
  tags: true, // tag-list, tag-create
  proxyTypes: ['direct', 'http', 'https', 'socks5', 'ssh'],
  proxyApi: true, // proxy_mode 4
  maxConcurrency: IX_CONCURRENCY,
};
