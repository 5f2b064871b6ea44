/** Window fields both dialects' creates must not carry over from the window they copy. */

/** Keys that name the source window: copied along, the create would edit the source instead. */
export const IDENTITY_KEYS = [
  'id',
  'browserId',
  'browser_id',
  'uuid',
  'config_uuid',
  'browserUuid',
  'browser_uuid',
  'seq',
  'createdTime',
  'createTime',
  'updateTime',
  'updatedTime',
];

/** A copied window's proxy, replaced whole when the create brings its own. */
export const PROXY_KEYS = [
  'proxyMethod',
  'proxyType',
  'host',
  'port',
  'proxyUserName',
  'proxyPassword',
  'dynamicIpUrl',
  'dynamicIpChannel',
  'isDynamicIpChangeIp',
  'refreshProxyUrl',
  'ipCheckService',
  'enableSocks5Udp',
  'proxyId',
];
