/**
 * AdsPower wire → BrowserDeck's model, and proxy input → `user_proxy_config`. Passwords
 * never cross into the model: only `hasPassword`.
 */
import { DeckError } from '../../../../shared/ipc/result';
import {
  profileKey,
  type ProfileStatus,
  type ProxyType,
  type Session,
  type TagRef,
} from '../../../../shared/model';
import type { ProxyInput } from '../../../../shared/model/proxy-input';
import { ProfileRecord, ProxyRecord, unnamed } from '../common/records';
import { NO_TAGS } from '../common/tag-sets';
import type { StoredProxy } from '../common/stored-proxy';
import { id, int, port, text } from '../common/wire';
import type { AdsOpenedWire, AdsProfileWire, AdsProxyConfig } from './ads-wire';

/** `proxy_soft`: `no_proxy`, `other` (a proxy of the user's own), or a vendor integration. */
const OWN = 'other';
const NONE = 'no_proxy';
const TYPES = new Set<string>(['http', 'https', 'socks5']);

/** The proxy-manager proxy a profile uses, if any. */
const savedProxyId = (w: AdsProfileWire): string => {
  const v = text(w.fbcc_proxy_acc_id).trim();
  return v === '0' ? '' : v;
};

class AdsProxy extends ProxyRecord {
  constructor(w: AdsProfileWire) {
    super();
    const c: AdsProxyConfig = w.user_proxy_config ?? {};
    const soft = text(c.proxy_soft).trim().toLowerCase() || NONE;
    const rawType = text(c.proxy_type).trim().toLowerCase();
    const saved = savedProxyId(w);
    const direct = !saved && (soft === NONE || rawType === NONE || rawType === '');
    const own = !saved && (soft === OWN || direct);
    this.method = own ? 'custom' : 'vendor';
    this.type = direct ? 'direct' : TYPES.has(rawType) ? (rawType as ProxyType) : 'http';
    this.host = direct ? '' : text(c.proxy_host);
    this.port = direct ? null : port(c.proxy_port);
    this.username = direct ? '' : text(c.proxy_user);
    this.hasPassword = !direct && text(c.proxy_password) !== '';
    this.refreshUrl = text(c.proxy_url);
    this.extractionUrl = '';
    this.extractionChannel = '';
    this.checkService = '';
    this.socks5Udp = false;
    if (!own) this.vendorProxyId = saved || soft;
  }
}

/** A profile's proxy with its password, for main's own use only. */
export function adsStoredProxy(w: AdsProfileWire): StoredProxy {
  const p = new AdsProxy(w);
  return {
    method: p.method,
    type: p.type,
    host: p.host,
    port: p.port,
    username: p.username,
    password: p.hasPassword ? text(w.user_proxy_config?.proxy_password) : '',
  };
}

export function adsTags(w: AdsProfileWire): TagRef[] {
  if (!w.tags?.length) return NO_TAGS;
  return w.tags.map((t) => {
    const tagId = id(t.id);
    return { id: tagId, name: text(t.name) || unnamed(tagId) };
  });
}

/** A profile read from a v2 list row (see ProfileRecord for why a class). */
export class AdsProfile extends ProfileRecord {
  constructor(connectionId: string, w: AdsProfileWire, status: ProfileStatus, debugPort?: number) {
    super();
    const vendorId = id(w.profile_id);
    const groupId = text(w.group_id);
    this.key = profileKey(connectionId, vendorId);
    this.connectionId = connectionId;
    this.vendor = 'adspower';
    this.vendorId = vendorId;
    this.name = text(w.name);
    // "0" is AdsPower's ungrouped.
    this.groupId = groupId === '0' ? '' : groupId;
    this.groupName = this.groupId ? text(w.group_name) || unnamed(this.groupId) : '';
    this.tags = adsTags(w);
    this.remark = text(w.remark);
    this.proxy = new AdsProxy(w);
    this.status = status;
    const last = int(w.last_open_time);
    if (last !== undefined && last > 0) this.lastOpenedAt = last > 1e12 ? last : last * 1000;
    if (debugPort !== undefined) this.debugPort = debugPort;
  }
}

export function adsSession(
  connectionId: string,
  vendorId: string,
  w: AdsOpenedWire,
  facts: { openedAt?: number; profileName?: string },
): Session {
  const s: Session = {
    profileKey: profileKey(connectionId, vendorId),
    connectionId,
    vendor: 'adspower',
    vendorId,
    engine: 'chromium',
  };
  if (facts.profileName !== undefined) s.profileName = facts.profileName;
  const debugPort = port(w.debug_port);
  if (debugPort !== null) {
    s.debugPort = debugPort;
    s.debugAddress = `127.0.0.1:${debugPort}`;
  }
  const ws = text(w.ws?.puppeteer);
  if (ws) s.wsUrl = ws;
  if (text(w.webdriver)) s.webdriverPath = text(w.webdriver);
  if (facts.openedAt !== undefined) s.openedAt = facts.openedAt;
  const selenium = text(w.ws?.selenium);
  if (selenium) s.extra = { selenium };
  return s;
}

/**
 * The proxy part of a v2 create or update: `user_proxy_config` (which replaces the whole
 * proxy), or `proxyid` for a proxy-manager proxy. AdsPower has no API-extraction setting.
 */
export function adsProxyWrite(p: ProxyInput): Record<string, unknown> {
  if (p.method === 'vendor') return { proxyid: p.vendorProxyId };
  if (p.method === 'api')
    throw DeckError.of(
      'invalid-input',
      "proxy.method: AdsPower's Local API takes no API-extraction link; use a custom proxy, or a proxy from its proxy manager",
      {
        details: { field: 'proxy.method' },
        reason: 'proxy.api-unsupported',
        params: { vendor: 'AdsPower' },
      },
    );
  if (p.type === 'direct') return { user_proxy_config: { proxy_soft: NONE } };
  if (!TYPES.has(p.type))
    throw DeckError.of(
      'invalid-input',
      `proxy.type: AdsPower takes http, https or socks5, not ${p.type}`,
      {
        details: { field: 'proxy.type' },
        reason: 'proxy.type-unsupported',
        params: { vendor: 'AdsPower', types: 'http/https/socks5', type: p.type },
      },
    );
  const config: Record<string, unknown> = {
    proxy_soft: OWN,
    proxy_type: p.type,
    proxy_host: p.host,
    proxy_port: p.port === null ? '' : String(p.port),
    proxy_user: p.username,
    proxy_url: p.refreshUrl,
  };
  if (p.password.action === 'set') config['proxy_password'] = p.password.value;
  if (p.password.action === 'clear') config['proxy_password'] = '';
  return { user_proxy_config: config };
}
