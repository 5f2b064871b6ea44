import type { Connection, Profile } from '../../../shared/model';

/** A profile with plain defaults; tests say only what matters to them. */
export function profile(vendorId: string | number, over: Partial<Profile> = {}): Profile {
  const connectionId = over.connectionId ?? 'ix';
  return {
    key: `${connectionId}/${vendorId}`,
    connectionId,
    vendor: 'ixbrowser',
    vendorId: String(vendorId),
    name: `Profile ${vendorId}`,
    groupId: '1',
    groupName: 'Default',
    tags: [],
    remark: '',
    proxy: {
      method: 'custom',
      type: 'direct',
      host: '',
      port: null,
      username: '',
      hasPassword: false,
      refreshUrl: '',
      extractionUrl: '',
      extractionChannel: '',
      checkService: '',
      socks5Udp: false,
    },
    status: 'closed',
    ...over,
  };
}

export function connection(id: string, over: Partial<Connection> = {}): Connection {
  return {
    id,
    vendor: 'ixbrowser',
    label: id,
    baseUrl: 'http://127.0.0.1:53200',
    hasToken: false,
    demo: false,
    checkProxyBeforeOpen: false,
    health: { state: 'ok' },
    capabilities: {
      batchGroup: true,
      batchRemark: true,
      batchName: true,
      batchTags: true,
      batchProxy: true,
      batchDelete: true,
      batchClose: true,
      copy: true,
      devtools: true,
      createNeedsConfig: false,
      startUrl: true,
      maxConcurrency: 4,
    },
    ...over,
  };
}
