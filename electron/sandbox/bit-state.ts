/**
 * BitBrowser's data as its client keeps it: windows in the vendor's field names (the
 * Postman collection and the typed SDK's BrowserDetail), groups and tags (its Local API has
 * no tag endpoints: windows carry them as `browserTags`). Ids are 32-hex strings; `seq` is
 * the per-account serial the client shows. Windows stay in creation order, so a page is a slice.
 */
import type { Random } from './random';
import {
  CHECK_SERVICES,
  GROUP_NAMES,
  GROUP_PREFIX,
  SEED_EPOCH_MS,
  TAG_COLORS,
  TAG_NAMES,
  person,
  remark,
  seedProxy,
} from './seed-words';
import { formatDateTime } from './time';

/** One window, as /browser/detail returns it (the list adds `browserTags` objects). */
export interface BitProfileRecord {
  id: string;
  seq: number;
  name: string;
  /** '' = no group. */
  groupId: string;
  remark: string;
  tagIds: string[];
  /** 2 custom proxy, 3 API-extracted proxy. */
  proxyMethod: number;
  /** `noproxy` | http | https | socks5 | ssh */
  proxyType: string;
  host: string;
  /** A string, as the vendor's examples send it ('' when none). */
  port: string;
  proxyUserName: string;
  proxyPassword: string;
  refreshProxyUrl: string;
  dynamicIpUrl: string;
  dynamicIpChannel: string;
  isDynamicIpChangeIp: boolean;
  ipCheckService: string;
  enableSocks5Udp: boolean;
  lastIp: string;
  lastCountry: string;
  stopWhileNetError: boolean;
  stopWhileIpChange: boolean;
  stopWhileCountryChange: boolean;
  /** The fingerprint object every create must carry. */
  browserFingerPrint: Record<string, unknown>;
  /** "YYYY-MM-DD HH:mm:ss" */
  createdTime: string;
  updateTime: string;
}

export interface BitGroup {
  id: string;
  groupName: string;
  sortNum: number;
}

export interface BitTag {
  id: string;
  tagName: string;
  tagColor: string;
}

export interface BitStateData {
  windows: BitProfileRecord[];
  groups: BitGroup[];
  tags: BitTag[];
  nextSeq: number;
}

export function blankBitWindow(
  id: string,
  seq: number,
  name: string,
  at: number,
): BitProfileRecord {
  const time = formatDateTime(at);
  return {
    id,
    seq,
    name,
    groupId: '',
    remark: '',
    tagIds: [],
    proxyMethod: 2,
    proxyType: 'noproxy',
    host: '',
    port: '',
    proxyUserName: '',
    proxyPassword: '',
    refreshProxyUrl: '',
    dynamicIpUrl: '',
    dynamicIpChannel: '',
    isDynamicIpChangeIp: false,
    ipCheckService: 'ip-api',
    enableSocks5Udp: false,
    lastIp: '',
    lastCountry: '',
    stopWhileNetError: false,
    stopWhileIpChange: false,
    stopWhileCountryChange: false,
    browserFingerPrint: {},
    createdTime: time,
    updateTime: time,
  };
}

export function seedBitState(count: number, random: Random): BitStateData {
  const groups: BitGroup[] = GROUP_NAMES.slice(1, 6).map((groupName, i) => ({
    id: random.hex(32),
    groupName,
    sortNum: i,
  }));
  const tags: BitTag[] = TAG_NAMES.map((tagName, i) => ({
    id: random.hex(32),
    tagName,
    tagColor: TAG_COLORS[i % TAG_COLORS.length]!,
  }));
  const windows: BitProfileRecord[] = [];
  for (let i = 1; i <= count; i++) {
    const group = random.chance(0.25) ? undefined : random.pick(groups);
    const who = person(random);
    const prefix = group ? GROUP_PREFIX[group.groupName as keyof typeof GROUP_PREFIX] : 'BIT';
    const created = SEED_EPOCH_MS - random.int(0, 200 * 86_400) * 1000;
    const w = blankBitWindow(
      random.hex(32),
      i,
      `${prefix}-${String(i).padStart(4, '0')} ${who.last}`,
      created,
    );
    w.groupId = group?.id ?? '';
    w.tagIds = tags
      .filter(() => random.chance(0.15))
      .slice(0, 3)
      .map((t) => t.id);
    w.remark = remark(random);
    w.ipCheckService = random.pick(CHECK_SERVICES);
    const proxy = seedProxy(random, false);
    if (proxy.kind === 'http' || proxy.kind === 'https' || proxy.kind === 'socks5') {
      w.proxyType = proxy.kind;
      w.host = proxy.host;
      w.port = String(proxy.port);
      w.proxyUserName = proxy.user;
      w.proxyPassword = proxy.password;
      w.lastIp = `198.51.100.${random.int(1, 254)}`;
      w.lastCountry = random.pick(['us', 'gb', 'de', 'sg']);
    } else if (proxy.kind === 'api') {
      w.proxyMethod = 3;
      w.proxyType = proxy.type;
      w.dynamicIpUrl = proxy.url;
      w.dynamicIpChannel = 'common';
    }
    w.browserFingerPrint = {
      coreVersion: random.pick(['128', '130', '134']),
      ostype: 'PC',
      os: random.chance(0.3) ? 'MacIntel' : 'Win32',
    };
    windows.push(w);
  }
  return { windows, groups, tags, nextSeq: count + 1 };
}

export interface BitListFilter {
  groupId?: string;
  name?: string;
  remark?: string;
  seq?: number;
  minSeq?: number;
  maxSeq?: number;
}

const has = (text: string, part: string): boolean =>
  text.toLowerCase().includes(part.toLowerCase());

export class BitStore {
  readonly data: BitStateData;
  private readonly byId = new Map<string, BitProfileRecord>();

  constructor(data: BitStateData) {
    this.data = data;
    data.windows.sort((a, b) => a.seq - b.seq);
    for (const w of data.windows) this.byId.set(w.id, w);
  }

  get(id: string): BitProfileRecord | undefined {
    return this.byId.get(id);
  }

  insert(w: BitProfileRecord): void {
    this.data.windows.push(w); // seqs only grow, so the list stays sorted
    this.byId.set(w.id, w);
  }

  remove(w: BitProfileRecord): void {
    const at = this.data.windows.indexOf(w);
    if (at >= 0) this.data.windows.splice(at, 1);
    this.byId.delete(w.id);
  }

  /** Newest first (highest seq); filters scan only when given. */
  list(
    filter: BitListFilter,
    page: number,
    pageSize: number,
  ): { total: number; items: BitProfileRecord[] } {
    const all = this.data.windows;
    const filtering = Object.values(filter).some((v) => v !== undefined && v !== '');
    const filtered = filtering ? all.filter((w) => matches(w, filter)) : all;
    const end = filtered.length - page * pageSize;
    const items = end <= 0 ? [] : filtered.slice(Math.max(0, end - pageSize), end).reverse();
    return { total: filtered.length, items };
  }
}

function matches(w: BitProfileRecord, f: BitListFilter): boolean {
  if (f.groupId && w.groupId !== f.groupId) return false;
  if (f.name && !has(w.name, f.name)) return false;
  if (f.remark && !has(w.remark, f.remark)) return false;
  if (f.seq !== undefined && w.seq !== f.seq) return false;
  if (f.minSeq !== undefined && w.seq < f.minSeq) return false;
  if (f.maxSeq !== undefined && w.seq > f.maxSeq) return false;
  return true;
}
