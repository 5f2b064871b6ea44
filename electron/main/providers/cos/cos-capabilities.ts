/** What CosLogin's Local API can do. */
import { VENDORS, type Capabilities } from '../../../../shared/model';

/** Its default; the settings' vendorConcurrency may change it. */
export const COS_CONCURRENCY = VENDORS.cos.concurrency;

export const COS_CAPABILITIES: Capabilities = {
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
  tags: true, // /browserTag/*
  proxyTypes: ['direct', 'http', 'https', 'socks5', 'ssh'],
  proxyApi: true, // dynamicIpUrl
  maxConcurrency: COS_CONCURRENCY,
};
