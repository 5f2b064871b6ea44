/**
 * Bit-family window wire → BrowserDeck's model, and proxy input → the window proxy fields
 * both dialects share. Passwords never cross into the model: only `hasPassword`.
 */
import {
  profileKey,
  type Engine,
  type ProfileStatus,
  type Session,
  type TagRef,
  type Vendor,
} from '../../../../shared/model';
import { DeckError } from '../../../../shared/ipc/result';
import type { ProxyInput } from '../../../../shared/model/proxy-input';
import { ProfileRecord, ProxyRecord, unnamed } from '../common/records';
import { NO_TAGS, createTagSets, tagKey } from '../common/tag-sets';
import { flag, id, idList, int, port, proxyType, text, type WireScalar } from '../common/wire';
import type { WindowWire } from './bit-wire';
import type { BitDialect } from './bit-dialect';
import type { StoredProxy } from '../common/stored-proxy';

const PROXY_METHOD = { custom: 2, api: 3, binding: 4 } as const;

class WindowProxy extends ProxyRecord {
  constructor(w: WindowWire) {
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
export function windowStoredProxy(w: WindowWire): StoredProxy {
  const p = new WindowProxy(w);
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
export function windowTagReader(
  tagName: (id: string) => string | undefined,
): (w: WindowWire) => TagRef[] {
  const sets = createTagSets();
  const read = (w: WindowWire) => windowTags(w, tagName);
  return (w) => {
    if (w.tags?.length || w.browserTags?.length) return read(w);
    const ids = w.tagIds;
    if (ids === null || ids === undefined || ids === '' || (Array.isArray(ids) && !ids.length))
      return NO_TAGS;
    // Keyed by the ids as sent, and whether they came as a list ([3] and "1:3" stay apart).
    const list = Array.isArray(ids);
    return sets(list ? tagKey(ids) : ids, list, w, read) ?? NO_TAGS;
  };
}

export function windowTags(w: WindowWire, tagName: (id: string) => string | undefined): TagRef[] {
  const objects = w.tags?.length ? w.tags : w.browserTags;
  if (objects?.length) {
    return objects.map((t) => {
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

export function lastOpenedAt(v: WireScalar | undefined): number | undefined {
  if (v === null || v === undefined || v === '' || v === 0 || typeof v === 'boolean')
    return undefined;
  if (typeof v === 'number') return v > 1e12 ? v : v * 1000;
  if (/^\d+$/.test(v)) return lastOpenedAt(Number(v));
  const t = Date.parse(v.includes('T') ? v : v.replace(' ', 'T'));
  return Number.isFinite(t) ? t : undefined;
}

/** Group names and tags, which window rows may carry only as ids; fixed for one listing. */
export interface WindowLookups {
  groupName(id: string): string | undefined;
  tags(w: WindowWire): TagRef[];
}

/** A profile read from a window row (see ProfileRecord for why a class). */
export class WindowProfile extends ProfileRecord {
  constructor(
    vendor: Vendor,
    connectionId: string,
    w: WindowWire,
    vendorId: string,
    status: ProfileStatus,
    lookups: WindowLookups,
    debugPort?: number,
  ) {
    super();
    const groupId = text(w.groupId);
    this.key = profileKey(connectionId, vendorId);
    this.connectionId = connectionId;
    this.vendor = vendor;
    this.vendorId = vendorId;
    this.name = text(w.name);
    // 0 is CosLogin's "ungrouped" (BitBrowser sends none).
    this.groupId = groupId === '0' ? '' : groupId;
    this.groupName =
      text(w.groupName) ||
      (groupId && groupId !== '0' ? lookups.groupName(groupId) || unnamed(groupId) : '');
    this.tags = lookups.tags(w);
    this.remark = text(w.remark);
    this.proxy = new WindowProxy(w);
    this.status = status;
    const uuid = text(w.uuid);
    if (uuid) this.uuid = uuid;
    const last = lastOpenedAt(w.lastOpenTime);
    if (last !== undefined) this.lastOpenedAt = last;
    if (debugPort !== undefined) this.debugPort = debugPort;
  }
}

/** What BrowserDeck knows of a window it opened: /browser/open's answer. */
export interface OpenRecord {
  pid?: number;
  profileDir?: string;
  configPath?: string;
  debugPort?: number;
  /** BitBrowser's `http` (host:port of the browser's DevTools). */
  debugAddress?: string;
  wsUrl?: string;
  webdriverPath?: string;
  coreVersion?: string;
  openedAt: number;
}

export function windowSession(
  who: { vendor: Vendor; engine: Exclude<Engine, 'unknown'> },
  connectionId: string,
  vendorId: string,
  facts: { pid?: number; port?: number; record?: OpenRecord; profileName?: string },
): Session {
  const s: Session = {
    profileKey: profileKey(connectionId, vendorId),
    connectionId,
    vendor: who.vendor,
    vendorId,
    engine: who.engine,
  };
  const { record } = facts;
  if (facts.profileName !== undefined) s.profileName = facts.profileName;
  const pid = facts.pid ?? record?.pid;
  if (pid !== undefined) s.pid = pid;
  const port = facts.port ?? record?.debugPort;
  if (port !== undefined) {
    s.debugPort = port;
    // The address the client reported for this very port, else loopback.
    s.debugAddress =
      record?.debugAddress && record.debugPort === port ? record.debugAddress : `127.0.0.1:${port}`;
  }
  // A ws URL names the port it was opened on: kept only while that port is still the one.
  if (record?.wsUrl && (port === undefined || (record.debugPort ?? port) === port))
    s.wsUrl = record.wsUrl;
  if (record?.webdriverPath) s.webdriverPath = record.webdriverPath;
  if (record) s.openedAt = record.openedAt;
  const extra: Record<string, string> = {};
  if (record?.profileDir) extra['profileDir'] = record.profileDir;
  if (record?.configPath) extra['configPath'] = record.configPath;
  if (record?.coreVersion) extra['coreVersion'] = record.coreVersion;
  if (Object.keys(extra).length) s.extra = extra;
  return s;
}

/** The proxy fields of /browser/proxy/update and /browser/update, in the dialect's words. */
export function windowProxyWrite(
  p: ProxyInput,
  dialect: Pick<BitDialect, 'label' | 'proxyTypeOut' | 'proxyBinding'>,
): Record<string, unknown> {
  const common: Record<string, unknown> = {
    proxyType: dialect.proxyTypeOut(p.type),
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
  if (!dialect.proxyBinding)
    throw DeckError.of(
      'invalid-input',
      `proxy.method: ${dialect.label}'s Local API cannot bind a window to a managed proxy; use a custom or API-extracted proxy`,
      {
        details: { field: 'proxy.method' },
        reason: 'proxy.managed-unsupported',
        params: { vendor: dialect.label },
      },
    );
  return { proxyMethod: PROXY_METHOD.binding, proxyId: p.vendorProxyId };
}

/** keep → leave the field out (the vendor keeps its value); clear → ''; set → the value. */
function passwordField(p: ProxyInput): Record<string, string> {
  if (p.password.action === 'set') return { proxyPassword: p.password.value };
  if (p.password.action === 'clear') return { proxyPassword: '' };
  return {};
}
