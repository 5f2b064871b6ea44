/**
 * ixBrowser's proxy settings (`proxy_config` on create/update, `proxy_info` on the four
 * profile-update-proxy-* actions): validated once, with the error code each context uses.
 */
import type { IxProfileRecord, IxProxyMode, IxProxyType, IxStateData } from './ix-state';

export type IxProxyProblem =
  | 'mode-missing'
  | 'mode-range'
  | 'type-missing'
  | 'type-range'
  | 'ip-missing'
  | 'port-missing'
  | 'id-missing'
  | 'purchased-unknown'
  | 'traffic-unknown'
  | 'url-missing'
  | 'service-range'
  | 'format-range'
  | 'method-range';

export type IxProxyContext = 'create' | 'update' | 'action';

/** Create has its own 101xxx codes, update a few 102xxx, the proxy actions the general ones. */
const CODES: Record<IxProxyProblem, Record<IxProxyContext, number>> = {
  'mode-missing': { create: 2009, update: 2009, action: 2009 },
  'mode-range': { create: 2010, update: 2010, action: 2010 },
  'type-missing': { create: 101009, update: 1000, action: 1000 },
  'type-range': { create: 101008, update: 1001, action: 1001 },
  'ip-missing': { create: 101006, update: 1000, action: 1000 },
  'port-missing': { create: 101007, update: 1000, action: 1000 },
  'id-missing': { create: 101005, update: 1000, action: 1000 },
  'purchased-unknown': { create: 2002, update: 2002, action: 2002 },
  'traffic-unknown': { create: 2003, update: 2003, action: 2003 },
  'url-missing': { create: 101046, update: 1000, action: 1000 },
  'service-range': { create: 101043, update: 102011, action: 1001 },
  'format-range': { create: 101044, update: 102012, action: 1001 },
  'method-range': { create: 101045, update: 102013, action: 1001 },
};

export const ixProxyErrorCode = (problem: IxProxyProblem, context: IxProxyContext): number =>
  CODES[problem][context];

const TYPES: readonly IxProxyType[] = ['direct', 'http', 'https', 'socks5', 'ssh'];
const EXTRA_KEYS_MODE4 = [
  'proxy_service',
  'proxy_data_format_type',
  'proxy_data_txt_format',
  'proxy_data_json_format',
  'proxy_extraction_method',
];
const EXTRA_KEYS_MODE1 = ['country', 'city', 'gateway', 'traffic_package_ip_policy'];

/** The validated settings, ready to apply to a record. */
export interface IxProxySettings {
  mode: IxProxyMode;
  type: IxProxyType;
  ip: string;
  port: string;
  user: string;
  password: string;
  proxyId: number;
  url: string;
  checkLine: string;
  extra: Record<string, unknown>;
}

const str = (v: unknown): string =>
  typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';

export function toInt(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v)) return Number(v);
  return undefined;
}

/**
 * `requireMode`: the proxy actions insist on proxy_mode (2009 when missing); create and
 * update default it to 2 (custom) as the vendor documents. `expectMode`: the one mode an
 * action accepts (2010 otherwise).
 */
export function parseIxProxy(
  cfg: Record<string, unknown>,
  state: Pick<IxStateData, 'purchasedProxyIds' | 'trafficPackageIds'>,
  opts: { requireMode: boolean; expectMode?: IxProxyMode },
): IxProxySettings | IxProxyProblem {
  const rawMode = cfg['proxy_mode'];
  if ((rawMode === undefined || rawMode === '' || rawMode === null) && opts.requireMode)
    return 'mode-missing';
  const mode = rawMode === undefined || rawMode === '' || rawMode === null ? 2 : toInt(rawMode);
  if (mode === undefined || mode < 1 || mode > 4) return 'mode-range';
  if (opts.expectMode !== undefined && mode !== opts.expectMode) return 'mode-range';

  const settings: IxProxySettings = {
    mode: mode as IxProxyMode,
    type: 'direct',
    ip: '',
    port: '',
    user: '',
    password: '',
    proxyId: 0,
    url: '',
    checkLine: str(cfg['proxy_check_line']) || 'global_line',
    extra: {},
  };

  if (mode === 1 || mode === 3) {
    const id = toInt(cfg['proxy_id']);
    if (id === undefined) return 'id-missing';
    const owned = mode === 3 ? state.purchasedProxyIds : state.trafficPackageIds;
    if (!owned.includes(id)) return mode === 3 ? 'purchased-unknown' : 'traffic-unknown';
    settings.proxyId = id;
    if (mode === 1) for (const k of EXTRA_KEYS_MODE1) if (k in cfg) settings.extra[k] = cfg[k];
    return settings;
  }

  const type = str(cfg['proxy_type']);
  if (!type) {
    if (mode === 4 || opts.expectMode === 2) return 'type-missing';
  } else if (!TYPES.includes(type as IxProxyType)) {
    return 'type-range';
  } else {
    settings.type = type as IxProxyType;
  }

  if (mode === 2) {
    if (settings.type !== 'direct') {
      settings.ip = str(cfg['proxy_ip']);
      settings.port = str(cfg['proxy_port']);
      if (!settings.ip) return 'ip-missing';
      if (!settings.port) return 'port-missing';
      settings.user = str(cfg['proxy_user']);
      settings.password = typeof cfg['proxy_password'] === 'string' ? cfg['proxy_password'] : '';
    }
    return settings;
  }

  // Mode 4: API extraction.
  const service = str(cfg['proxy_service']) || 'general';
  if (service !== 'general') return 'service-range';
  const format = str(cfg['proxy_data_format_type']) || 'txt';
  if (format !== 'txt' && format !== 'json') return 'format-range';
  const method = str(cfg['proxy_extraction_method']) || 'invalid';
  if (method !== 'invalid' && method !== 'every_type') return 'method-range';
  settings.url = str(cfg['proxy_url']);
  if (!settings.url) return 'url-missing';
  for (const k of EXTRA_KEYS_MODE4) if (k in cfg) settings.extra[k] = cfg[k];
  Object.assign(settings.extra, {
    proxy_service: service,
    proxy_data_format_type: format,
    proxy_extraction_method: method,
  });
  return settings;
}

export function applyIxProxy(
  r: IxProfileRecord,
  s: IxProxySettings,
  newProxyId: () => number,
): void {
  const sameCustom =
    s.mode === 2 && r.proxy_mode === 2 && r.proxy_ip === s.ip && r.proxy_port === s.port;
  r.proxy_mode = s.mode;
  r.proxy_type = s.type;
  r.proxy_ip = s.ip;
  r.proxy_port = s.port;
  r.proxy_user = s.user;
  r.proxy_password = s.password;
  r.proxy_url = s.url;
  r.proxy_check_line = s.checkLine;
  r.proxy_extra = s.extra;
  // A custom proxy is saved in the account's proxy list, so it has an id of its own.
  if (s.mode === 2)
    r.proxy_id = s.type === 'direct' ? 0 : sameCustom && r.proxy_id ? r.proxy_id : newProxyId();
  else if (s.mode === 4) r.proxy_id = 0;
  else r.proxy_id = s.proxyId;
  r.real_ip = '';
}
