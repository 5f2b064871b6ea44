/**
 * CosLogin wire → BrowserDeck's model, and proxy input → CosLogin's proxy fields.
 * Passwords never cross into the model: only `hasPassword`.
 */
import {
  profileKey,
  type Profile,
  type ProfileStatus,
  type ProxyConfig,
  type Session,
  type TagRef,
} from '../../../../shared/model';
import type { ProxyInput } from '../../../../shared/model/proxy-input';
import { flag, id, idList, int, port, proxyType, text, type WireScalar } from '../wire';
import type { CosProfileWire } from './cos-wire';

const PROXY_METHOD = { custom: 2, api: 3, binding: 4 } as const;

export function cosProxy(w: CosProfileWire): ProxyConfig {
  const method = int(w.proxyMethod) ?? PROXY_METHOD.custom;
  const type = proxyType(w.proxyType);
  const direct = type === 'direct';
  const custom = method === PROXY_METHOD.custom;
  // One literal per row: listing 10,000 windows maps 10,000 of these.
  const proxy: ProxyConfig = {
    method: custom ? 'custom' : method === PROXY_METHOD.api ? 'api' : 'vendor',
    type: method === PROXY_METHOD.api && direct ? 'http' : type,
    host: custom && direct ? '' : text(w.host),
    port: custom && direct ? null : port(w.port),
    username: text(w.proxyUserName),
    hasPassword: text(w.proxyPassword) !== '',
    refreshUrl: text(w.refreshProxyUrl),
    extractionUrl: text(w.dynamicIpUrl),
    extractionChannel: text(w.dynamicIpChannel),
    checkService: text(w.ipCheckService),
    socks5Udp: type === 'socks5' && flag(w.enableSocks5Udp),
  };
  if (proxy.method === 'vendor') proxy.vendorProxyId = text(w.proxyId) || `method ${method}`;
  return proxy;
}

export function cosTags(w: CosProfileWire, tagName: (id: string) => string | undefined): TagRef[] {
  if (w.tags?.length) {
    return w.tags.map((t) => {
      if (typeof t === 'string') return { id: t, name: tagName(t) ?? t };
      const tagId = id(t.id);
      return { id: tagId, name: text(t.tagName) || text(t.name) || tagName(tagId) || tagId };
    });
  }
  const out: TagRef[] = [];
  for (const tagId of idList(w.tagIds)) out.push({ id: tagId, name: tagName(tagId) ?? tagId });
  return out;
}

export function cosLastOpened(v: WireScalar | undefined): number | undefined {
  if (v === null || v === undefined || v === '' || v === 0 || typeof v === 'boolean')
    return undefined;
  if (typeof v === 'number') return v > 1e12 ? v : v * 1000;
  if (/^\d+$/.test(v)) return cosLastOpened(Number(v));
  const t = Date.parse(v.includes('T') ? v : v.replace(' ', 'T'));
  return Number.isFinite(t) ? t : undefined;
}

export function cosProfile(
  connectionId: string,
  w: CosProfileWire,
  vendorId: string,
  status: ProfileStatus,
  lookups: { groupName(id: string): string | undefined; tagName(id: string): string | undefined },
  debugPort?: number,
): Profile {
  const groupId = text(w.groupId);
  const p: Profile = {
    key: profileKey(connectionId, vendorId),
    connectionId,
    vendor: 'cos',
    vendorId,
    name: text(w.name),
    // 0 is CosLogin's "ungrouped".
    groupId: groupId === '0' ? '' : groupId,
    groupName:
      text(w.groupName) || (groupId && groupId !== '0' ? (lookups.groupName(groupId) ?? '') : ''),
    tags: cosTags(w, lookups.tagName),
    remark: text(w.remark),
    proxy: cosProxy(w),
    status,
  };
  const uuid = text(w.uuid);
  if (uuid) p.uuid = uuid;
  const last = cosLastOpened(w.lastOpenTime);
  if (last !== undefined) p.lastOpenedAt = last;
  if (debugPort !== undefined) p.debugPort = debugPort;
  return p;
}

/** What BrowserDeck knows of a window it opened: /browser/open's answer. */
export interface CosOpenRecord {
  pid?: number;
  profileDir?: string;
  configPath?: string;
  debugPort?: number;
  wsUrl?: string;
  openedAt: number;
}

export function cosSession(
  connectionId: string,
  vendorId: string,
  facts: { pid?: number; port?: number; record?: CosOpenRecord; profileName?: string },
): Session {
  const s: Session = {
    profileKey: profileKey(connectionId, vendorId),
    connectionId,
    vendor: 'cos',
    vendorId,
    engine: 'firefox',
  };
  const { record } = facts;
  if (facts.profileName !== undefined) s.profileName = facts.profileName;
  const pid = facts.pid ?? record?.pid;
  if (pid !== undefined) s.pid = pid;
  const port = facts.port ?? record?.debugPort;
  if (port !== undefined) {
    s.debugPort = port;
    s.debugAddress = `127.0.0.1:${port}`;
  }
  if (record?.wsUrl) s.wsUrl = record.wsUrl;
  if (record) s.openedAt = record.openedAt;
  const extra: Record<string, string> = {};
  if (record?.profileDir) extra['profileDir'] = record.profileDir;
  if (record?.configPath) extra['configPath'] = record.configPath;
  if (Object.keys(extra).length) s.extra = extra;
  return s;
}

/** The proxy fields of /browser/proxy/update and /browser/update. */
export function cosProxyWrite(p: ProxyInput): Record<string, unknown> {
  const common: Record<string, unknown> = {
    proxyType: p.type,
    refreshProxyUrl: p.refreshUrl,
    ipCheckService: p.checkService,
    enableSocks5Udp: p.socks5Udp,
  };
  if (p.method === 'custom') {
    return {
      proxyMethod: PROXY_METHOD.custom,
      ...common,
      host: p.type === 'direct' ? '' : p.host,
      port: p.type === 'direct' || p.port === null ? '' : p.port,
      proxyUserName: p.type === 'direct' ? '' : p.username,
      ...(p.type === 'direct' ? { proxyPassword: '' } : passwordField(p)),
    };
  }
  if (p.method === 'api') {
    return {
      proxyMethod: PROXY_METHOD.api,
      ...common,
      dynamicIpUrl: p.extractionUrl,
      dynamicIpChannel: p.extractionChannel,
      ...(p.username ? { proxyUserName: p.username } : {}),
      ...passwordField(p),
    };
  }
  return { proxyMethod: PROXY_METHOD.binding, proxyId: p.vendorProxyId };
}

/** keep → leave the field out (the vendor keeps its value); clear → ''; set → the value. */
function passwordField(p: ProxyInput): Record<string, string> {
  if (p.password.action === 'set') return { proxyPassword: p.password.value };
  if (p.password.action === 'clear') return { proxyPassword: '' };
  return {};
}
