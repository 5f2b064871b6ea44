/**
 * The body of a CosLogin create (`/browser/update` without an id). Its Local API refuses a
 * missing or empty `config` (211 "Configuration must be a JSON object"), so one is built
 * from the connection's template, or from an existing window's detail ("like this one")
 * with its identity removed and name, proxy and metadata replaced.
 */
import { DeckError } from '../../../../shared/ipc/result';
import type { CreateItem } from '../../../../shared/model/job';
import { IDENTITY_KEYS, PROXY_KEYS } from '../bit-family/window-keys';
import { isRecord } from '../../../../shared/lib/is-record';

export type CosConfigTemplate = Record<string, unknown>;

/** A plain desktop fingerprint, as in the vendor's own create example. */
export const DEFAULT_COS_CONFIG: CosConfigTemplate = {
  browserFingerPrint: { coreVersion: '118', ostype: 'PC', os: 'Win32' },
};

export function buildCreateBody(
  item: CreateItem,
  fields: Record<string, unknown>,
  source: { like?: unknown; template?: CosConfigTemplate },
): Record<string, unknown> {
  let config: Record<string, unknown>;
  if (source.like !== undefined) {
    const likeConfig = isRecord(source.like) ? source.like['config'] : undefined;
    if (!isRecord(likeConfig) || Object.keys(likeConfig).length === 0) {
      throw DeckError.of(
        'invalid-input',
        'CosLogin gave no configuration for the window to copy from, so a window like it cannot be created',
        { details: { field: 'likeProfileKey' }, reason: 'vendor.no-template-config' },
      );
    }
    config = structuredClone(likeConfig);
  } else {
    config = structuredClone(source.template ?? DEFAULT_COS_CONFIG);
  }
  for (const key of IDENTITY_KEYS) delete config[key];
  if (item.proxy) for (const key of PROXY_KEYS) delete config[key];
  Object.assign(config, fields);
  return { ...fields, config };
}
