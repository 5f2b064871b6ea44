/**
 * CosLogin wire → BrowserDeck's model, and proxy input → CosLogin's proxy fields.
 * Passwords never cross into the model: only `hasPassword`.
 */
import {
  profileKey,
  type ProfileStatus,
  type Session,
  type TagRef,
} from '../../../../shared/model';
import type { ProxyInput } from '../../../../shared/model/proxy-input';
import { ProfileRecord, ProxyRecord, unnamed } from '../common/records';
import { NO_TAGS, createTagSets, tagKey } from '../common/tag-sets';
import { flag, id, idList, int, port, proxyType, text, type WireScalar } from '../common/wire';
import type { CosProfileWire } from './cos-wire';
import type { StoredProxy } from '../common/stored-proxy';

const PROXY_METHOD = { custom: 2, api: 3, binding: 4 } as const;

class CosProxy extends ProxyRecord {
  constructor(w: CosProfileWire) {
    super();
    const method = int(w.proxyMethod) ?? PROXY_METHOD.custom;
    const type = proxyType(w.proxyType);
    const direct = type === 'direct';
    const custom = method === PROXY_METHOD.custom;
    this.method = custom ? 'custom' : method === PROXY_METHOD.api ? 'api' : 'vendor';
    this.type = method === PROXY_METHOD.api && direct ? 'http' : type;
    this.host = custom && direct ? '' : text(w.host);
    this.port = custom && direct ? null : port(w.port);
    this.username = text(w.proxyUserName);
    this.hasPassword = text(w.proxyPassword) !== '';
    this.refreshUrl = text(w.refreshProxyUrl);
    this.extractionUrl = text(w.dynamicIpUrl);
    this.extractionChannel = text(w.dynamicIpChannel);
    this.checkService = text(w.ipCheckService);
    this.socks5Udp = type === 'socks5' && flag(w.enableSocks5Udp);
    if (this.method === 'vendor') this.vendorProxyId = text(w.proxyId) || `method ${method}`;
  }
}

/** A window's proxy with its password, for main's own use only. */
export function cosStoredProxy(w: CosProfileWire): StoredProxy {
  const p = new CosProxy(w);
  return {
    method: p.method,
    type: p.type,
    host: p.host,
    port: p.port,
    username: p.username,
    password: text(w.proxyPassword),
  };
}

/**
 * The tags of one listing's rows, each distinct tag set read once (see TagSets); tags sent
 * as objects, which carry their own names, are read row by row.
 */
export function cosTagReader(
  tagName: (id: string) => string | undefined,
): (w: CosProfileWire) => TagRef[] {
  const sets = createTagSets();
  const read = (w: CosProfileWire) => cosTags(w, tagName);
  return (w) => {
    if (w.tags?.length) return read(w);
    const ids = w.tagIds;
    if (ids === null || ids === undefined || ids === '' || (Array.isArray(ids) && !ids.length))
      return NO_TAGS;
    // Keyed by the ids as sent, and whether they came as a list ([3] and "1:3" stay apart).
    const list = Array.isArray(ids);
    return sets(list ? tagKey(ids) : ids, list, w, read) ?? NO_TAGS;
  };
}

export function cosTags(w: CosProfileWire, tagName: (id: string) => string | undefined): TagRef[] {
  if (w.tags?.length) {
    return w.tags.map((t) => {
      if (typeof t === 'string') return { id: t, name: tagName(t) || unnamed(t) };
      const tagId = id(t.id);
      return {
        id: tagId,
        name: text(t.tagName) || text(t.name) || tagName(tagId) || unnamed(tagId),
      };
    });
  }
  const out: TagRef[] = [];
  for (const tagId of idList(w.tagIds))
    out.push({ id: tagId, name: tagName(tagId) || unnamed(tagId) });
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

/** Group names and tags, which window rows carry only as ids; fixed for one listing. */
export interface CosLookups {
  groupName(id: string): string | undefined;
  tags(w: CosProfileWire): TagRef[];
}

/** A profile read from a window row (see ProfileRecord for why a class). */
export class CosProfile extends ProfileRecord {
  constructor(
    connectionId: string,
    w: CosProfileWire,
    vendorId: string,
    status: ProfileStatus,
    lookups: CosLookups,
    debugPort?: number,
  ) {
    super();
    const groupId = text(w.groupId);
    this.key = profileKey(connectionId, vendorId);
    this.connectionId = connectionId;
    this.vendor = 'cos';
    this.vendorId = vendorId;
    this.name = text(w.name);
    // 0 is CosLogin's "ungrouped".
    this.groupId = groupId === '0' ? '' : groupId;
    this.groupName =
      text(w.groupName) ||
      (groupId && groupId !== '0' ? lookups.groupName(groupId) || unnamed(groupId) : '');
    this.tags = lookups.tags(w);
    this.remark = text(w.remark);
    this.proxy = new CosProxy(w);
    this.status = status;
    const uuid = text(w.uuid);
    if (uuid) this.uuid = uuid;
    const last = cosLastOpened(w.lastOpenTime);
    if (last !== undefined) this.lastOpenedAt = last;
    if (debugPort !== undefined) this.debugPort = debugPort;
  }
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
