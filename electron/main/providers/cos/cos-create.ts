/**
 * The body of a CosLogin create (`/browser/update` without an id). Its Local API refuses a
 * missing or empty `config` (211 "Configuration must be a JSON object"), so one is built
 * from the connection's template, or from an existing window's detail ("like this one")
 * with its identity removed and name, proxy and metadata replaced.
 */
import { DeckError } from '../../../../shared/ipc/result';
import type { CreateItem } from '../../../../shared/model/job';
import { toWireId } from '../common/wire';
import { cosProxyWrite } from './cos-mapping';

export type CosConfigTemplate = Record<string, unknown>;

/** A plain desktop fingerprint, as in the vendor's own create example. */
export const DEFAULT_COS_CONFIG: CosConfigTemplate = {
  browserFingerPrint: { coreVersion: '118', ostype: 'PC', os: 'Win32' },
};

/** Keys that name the source window: copied along, the create would edit the source instead. */
const IDENTITY_KEYS = [
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

const PROXY_KEYS = [
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

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function buildCreateBody(
  item: CreateItem,
  tagIds: string[],
  source: { like?: unknown; template?: CosConfigTemplate },
): Record<string, unknown> {
  let config: Record<string, unknown>;
  if (source.like !== undefined) {
    const likeConfig = isObject(source.like) ? source.like['config'] : undefined;
    if (!isObject(likeConfig) || Object.keys(likeConfig).length === 0) {
      throw DeckError.of(
        'invalid-input',
        'CosLogin gave no configuration for the window to copy from, so a window like it cannot be created',
        { details: { field: 'likeProfileKey' } },
      );
    }
    config = structuredClone(likeConfig);
  } else {
    config = structuredClone(source.template ?? DEFAULT_COS_CONFIG);
  }
  for (const key of IDENTITY_KEYS) delete config[key];

  const meta: Record<string, unknown> = { name: item.name, remark: item.remark };
  if (item.groupId !== undefined) meta['groupId'] = toWireId(item.groupId);
  if (item.tags.length) meta['tagIds'] = tagIds.map(toWireId);
  const proxy = item.proxy ? cosProxyWrite(item.proxy) : {};
  if (item.proxy) for (const key of PROXY_KEYS) delete config[key];
  Object.assign(config, meta, proxy);
  return { ...meta, ...proxy, config };
}
