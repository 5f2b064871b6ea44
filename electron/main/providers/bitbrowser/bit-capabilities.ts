/** What BitBrowser's Local API can do. */
import { VENDORS, type Capabilities } from '../../../../shared/model';

/** Its default (no documented limit); the settings' vendorConcurrency may change it. */
export const BIT_CONCURRENCY = VENDORS.bitbrowser.concurrency;

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
  tags: false, // no tag endpoints: a copy or create carries none
  proxyTypes: ['direct', 'http', 'https', 'socks5', 'ssh'],
  proxyApi: true, // dynamicIpUrl
  maxConcurrency: BIT_CONCURRENCY,
};
