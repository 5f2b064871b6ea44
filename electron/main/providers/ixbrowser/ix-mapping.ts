/**
 * ixBrowser wire → BrowserDeck's model, and BrowserDeck's proxy input → ixBrowser's
 * `proxy_info` / `proxy_config`. Passwords never cross into the model: only `hasPassword`.
 */
import {
  profileKey,
  type ProfileStatus,
  type Session,
  type TagRef,
} from '../../../../shared/model';
import type { ProxyInput } from '../../../../shared/model/proxy-input';
import { ProfileRecord, ProxyRecord, unnamed } from '../common/records';
import { NO_TAGS } from '../common/tag-sets';
import { id, idList, int, port, proxyType, text, type WireScalar } from '../common/wire';
import type { IxOpenedWire, IxProfileWire, IxSavedProxyWire } from './ix-wire';
import type { StoredProxy } from '../common/stored-proxy';

const PROXY_MODE = { trafficPackage: 1, custom: 2, purchased: 3, apiExtraction: 4 } as const;
const DEFAULT_CHECK_LINE = 'global_line';

class IxProxy extends ProxyRecord {
  constructor(w: IxProfileWire) {
    super();
    const mode = int(w.proxy_mode) ?? PROXY_MODE.custom;
    const type = proxyType(w.proxy_type);
    const direct = type === 'direct';
    this.method =
      mode === PROXY_MODE.custom ? 'custom' : mode === PROXY_MODE.apiExtraction ? 'api' : 'vendor';
    this.type = mode === PROXY_MODE.apiExtraction && direct ? 'http' : type;
    this.host = mode === PROXY_MODE.custom && direct ? '' : text(w.proxy_ip);
    this.port = mode === PROXY_MODE.custom && direct ? null : port(w.proxy_port);
    this.username = text(w.proxy_user);
    this.hasPassword = text(w.proxy_password) !== '';
    this.refreshUrl = '';
    this.extractionUrl = mode === PROXY_MODE.apiExtraction ? text(w.proxy_url) : '';
    this.extractionChannel = '';
    this.checkService = text(w.proxy_check_line);
    this.socks5Udp = false;
    // Traffic package, purchased proxy, or a mode this build does not know: vendor-managed.
    if (this.method === 'vendor') this.vendorProxyId = text(w.proxy_id) || `mode ${mode}`;
  }
}

/**
 * A profile's proxy with its password, for main's own use only. profile-list leaves the
 * user and password of a custom proxy out; the account's saved proxy of the same id
 * (proxy-list) has them. A row that carries them itself wins.
 */
export function ixStoredProxy(w: IxProfileWire, saved: IxSavedProxyWire | undefined): StoredProxy {
  const p = new IxProxy(w);
  const fromRow = Object.hasOwn(w, 'proxy_password');
  return {
    method: p.method,
    type: p.type,
    host: p.host,
    port: p.port,
    username: fromRow || !saved ? p.username : text(saved.proxy_user),
    password: fromRow ? text(w.proxy_password) : saved ? text(saved.proxy_password) : '',
  };
}

/**
 * Where a row's proxy credentials are: in the row itself, in the saved proxy of this id
 * (proxy-list), nowhere because the proxy takes none, or unknown (a custom proxy whose row
 * has neither the password nor a saved proxy's id).
 */
export function ixCredentialSource(
  w: IxProfileWire,
): 'row' | 'none' | 'unknown' | { savedProxyId: string } {
  if (Object.hasOwn(w, 'proxy_password')) return 'row';
  const p = new IxProxy(w);
  if (p.method !== 'custom' || p.type === 'direct') return 'none';
  const savedProxyId = text(w.proxy_id).trim();
  return savedProxyId && savedProxyId !== '0' ? { savedProxyId } : 'unknown';
}

/**
 * `tag_id` paired with the space-separated `tag_name`; undefined when the counts disagree
 * (a tag name with a space in it), and the caller looks the names up instead.
 */
export function ixTags(
  w: IxProfileWire,
  lookup?: (id: string) => string | undefined,
): TagRef[] | undefined {
  const ids = idList(w.tag_id);
  if (ids.length === 0) return NO_TAGS;
  const names = text(w.tag_name).trim();
  const split = names === '' ? [] : names.split(/\s+/);
  if (split.length !== ids.length && !lookup) return undefined;
  const out: TagRef[] = [];
  for (let i = 0; i < ids.length; i++) {
    const tagId = ids[i]!;
    out.push({
      id: tagId,
      name: (split.length === ids.length ? split[i] : lookup?.(tagId)) || unnamed(tagId),
    });
  }
  return out;
}

/** A profile read from a profile-list row (see ProfileRecord for why a class). */
export class IxProfile extends ProfileRecord {
  constructor(
    connectionId: string,
    w: IxProfileWire,
    vendorId: string,
    status: ProfileStatus,
    tags: TagRef[],
  ) {
    super();
    this.key = profileKey(connectionId, vendorId);
    this.connectionId = connectionId;
    this.vendor = 'ixbrowser';
    this.vendorId = vendorId;
    this.name = text(w.name);
    this.groupId = text(w.group_id);
    this.groupName = text(w.group_name) || (this.groupId ? unnamed(this.groupId) : '');
    this.tags = tags;
    this.remark = text(w.note);
    this.proxy = new IxProxy(w);
    this.status = status;
    const last = int(w.last_open_time);
    if (last !== undefined && last > 0) this.lastOpenedAt = last * 1000;
  }
}

/** "2025-04-30 14:25:47" is the client's local time; a number is Unix seconds. */
export function parseIxTime(v: WireScalar | undefined): number | undefined {
  if (v === null || v === undefined || v === '' || typeof v === 'boolean') return undefined;
  if (typeof v === 'number') return v > 1e12 ? v : v * 1000;
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(v.trim());
  if (m) {
    const [, y, mo, d, h, mi, s] = m.map(Number) as [number, ...number[]];
    const t = new Date(y!, mo! - 1, d, h, mi, s).getTime();
    return Number.isFinite(t) ? t : undefined;
  }
  if (/^\d+$/.test(v.trim())) return parseIxTime(Number(v));
  return undefined;
}

export function ixSession(
  connectionId: string,
  w: IxOpenedWire,
  fallbackOpenedAt?: number,
  profileName?: string,
): Session {
  const vendorId = id(w.profile_id);
  const s: Session = {
    profileKey: profileKey(connectionId, vendorId),
    connectionId,
    vendor: 'ixbrowser',
    vendorId,
    engine: 'chromium',
  };
  if (profileName !== undefined) s.profileName = profileName;
  const address = text(w.debugging_address);
  if (address) s.debugAddress = address;
  const debugPort = port(w.debugging_port) ?? portOf(address);
  if (debugPort !== undefined) s.debugPort = debugPort;
  if (text(w.ws)) s.wsUrl = text(w.ws);
  const pid = int(w.pid);
  if (pid !== undefined) s.pid = pid;
  const openedAt = parseIxTime(w.open_time) ?? fallbackOpenedAt;
  if (openedAt !== undefined) s.openedAt = openedAt;
  if (text(w.webdriver)) s.webdriverPath = text(w.webdriver);
  return s;
}

function portOf(address: string): number | undefined {
  const m = /:(\d{1,5})$/.exec(address);
  return m ? Number(m[1]) : undefined;
}

/** `proxy_info` for the matching profile-update-proxy-* action (also `proxy_config` on create). */
export function ixProxyWrite(p: ProxyInput): { action: string; info: Record<string, unknown> } {
  const checkLine = p.checkService || DEFAULT_CHECK_LINE;
  if (p.method === 'custom') {
    const info: Record<string, unknown> = {
      proxy_mode: PROXY_MODE.custom,
      proxy_check_line: checkLine,
      proxy_type: p.type,
    };
    if (p.type !== 'direct') {
      info['proxy_ip'] = p.host;
      info['proxy_port'] = p.port === null ? '' : String(p.port);
      info['proxy_user'] = p.username;
      Object.assign(info, passwordField('proxy_password', p));
    }
    return { action: 'profile-update-proxy-for-custom-proxy', info };
  }
  if (p.method === 'api') {
    return {
      action: 'profile-update-proxy-for-api-extraction',
      info: {
        proxy_mode: PROXY_MODE.apiExtraction,
        proxy_check_line: checkLine,
        proxy_type: p.type,
        proxy_service: 'general',
        proxy_data_format_type: 'txt',
        proxy_data_txt_format: 'ip:port',
        // "invalid": extract a new IP when the current one stops working; "every_type": on every open.
        proxy_extraction_method: p.extractionChannel === 'every_type' ? 'every_type' : 'invalid',
        proxy_url: p.extractionUrl,
      },
    };
  }
  return {
    action: 'profile-update-proxy-to-purchased-mode',
    info: {
      proxy_mode: PROXY_MODE.purchased,
      proxy_id: Number(p.vendorProxyId) || p.vendorProxyId,
    },
  };
}

/** keep → leave the field out (the vendor keeps its value); clear → ''; set → the value. */
export function passwordField(key: string, p: ProxyInput): Record<string, string> {
  if (p.password.action === 'set') return { [key]: p.password.value };
  if (p.password.action === 'clear') return { [key]: '' };
  return {};
}
