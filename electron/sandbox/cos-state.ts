/**
 * CosLogin's data as its client keeps it: browser windows in the vendor's field names
 * (`cos-browser-window-api.txt`), groups, tags and the recycle bin. Windows stay sorted by
 * id, with indexes by id and uuid, so paging is a slice.
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

/** One browser window, as /browser/detail and /browser/list return it. */
export interface CosProfileRecord {
  id: number;
  uuid: string;
  name: string;
  /** 0 = ungrouped. */
  groupId: number;
  tagIds: number[];
  remark: string;
  /** 2 custom proxy, 3 API extracted proxy, 4 proxy management binding. */
  proxyMethod: number;
  proxyType: string;
  host: string;
  /** null when the window has no proxy address. */
  port: number | null;
  proxyUserName: string;
  proxyPassword: string;
  refreshProxyUrl: string;
  dynamicIpUrl: string;
  dynamicIpChannel: string;
  isDynamicIpChangeIp: boolean;
  ipCheckService: string;
  enableSocks5Udp: boolean;
  /** The full window configuration the Local API insists on for /browser/update. */
  config: Record<string, unknown>;
  browserFingerPrint: Record<string, unknown>;
  /** "YYYY-MM-DD HH:mm:ss" */
  createdTime: string;
  updatedTime: string;
}

export interface CosGroup {
  id: number;
  groupName: string;
  sortNum: number;
}

export interface CosTag {
  id: number;
  tagName: string;
  tagColor: string;
}

export interface CosStateData {
  windows: CosProfileRecord[];
  recycleBin: CosProfileRecord[];
  groups: CosGroup[];
  tags: CosTag[];
  nextWindowId: number;
  nextGroupId: number;
  nextTagId: number;
}

export function defaultCosConfig(random: Random): Record<string, unknown> {
  const mac = random.chance(0.3);
  return {
    browserType: 'firefox',
    coreVersion: '128',
    os: mac ? 'MacIntel' : 'Win32',
    language: random.pick(['en-US', 'en-GB', 'de-DE', 'es-ES']),
    timezone: random.pick(['America/New_York', 'Europe/London', 'Europe/Berlin', 'Asia/Singapore']),
    startUrl: 'about:blank',
    syncCookies: true,
    webrtc: 'disabled',
  };
}

export function defaultCosFingerprint(config: Record<string, unknown>): Record<string, unknown> {
  return {
    coreVersion: '118',
    ostype: 'PC',
    os: config['os'] === 'MacIntel' ? 'MacIntel' : 'Win32',
  };
}

export function blankCosWindow(
  id: number,
  uuid: string,
  name: string,
  at: number,
): CosProfileRecord {
  const time = formatDateTime(at);
  return {
    id,
    uuid,
    name,
    groupId: 0,
    tagIds: [],
    remark: '',
    proxyMethod: 2,
    proxyType: 'direct',
    host: '',
    port: null,
    proxyUserName: '',
    proxyPassword: '',
    refreshProxyUrl: '',
    dynamicIpUrl: '',
    dynamicIpChannel: '',
    isDynamicIpChangeIp: false,
    ipCheckService: 'ip-api',
    enableSocks5Udp: false,
    config: {},
    browserFingerPrint: {},
    createdTime: time,
    updatedTime: time,
  };
}

export function seedCosState(count: number, random: Random): CosStateData {
  const groups: CosGroup[] = GROUP_NAMES.slice(2).map((groupName, i) => ({
    id: 11 + i,
    groupName,
    sortNum: i,
  }));
  const tags: CosTag[] = TAG_NAMES.map((tagName, i) => ({
    id: 3 + i,
    tagName,
    tagColor: TAG_COLORS[i % TAG_COLORS.length]!,
  }));
  const windows: CosProfileRecord[] = [];
  for (let i = 1; i <= count; i++) {
    const id = 100 + i;
    const group = random.chance(0.2) ? undefined : random.pick(groups);
    const who = person(random);
    const prefix = group ? GROUP_PREFIX[group.groupName as keyof typeof GROUP_PREFIX] : 'WIN';
    const created = SEED_EPOCH_MS - random.int(0, 200 * 86_400) * 1000;
    const w = blankCosWindow(
      id,
      random.uuid(),
      `${prefix}-${String(i).padStart(4, '0')} ${who.first}`,
      created,
    );
    w.groupId = group?.id ?? 0;
    w.tagIds = tags
      .filter(() => random.chance(0.18))
      .slice(0, 3)
      .map((t) => t.id);
    w.remark = remark(random);
    w.ipCheckService = random.pick(CHECK_SERVICES);
    const proxy = seedProxy(random, false);
    switch (proxy.kind) {
      case 'direct':
        break;
      case 'http':
      case 'https':
      case 'socks5':
        w.proxyType = proxy.kind;
        w.host = proxy.host;
        w.port = proxy.port;
        w.proxyUserName = proxy.user;
        w.proxyPassword = proxy.password;
        w.enableSocks5Udp = proxy.kind === 'socks5' && random.chance(0.3);
        if (random.chance(0.2))
          w.refreshProxyUrl = `https://rotate.proxy-vendor.example/change?key=${random.hex(12)}`;
        break;
      case 'api':
        w.proxyMethod = 3;
        w.proxyType = proxy.type;
        w.dynamicIpUrl = proxy.url;
        w.dynamicIpChannel = 'general';
        w.isDynamicIpChangeIp = random.chance(0.5);
        break;
      case 'vendor':
        break;
    }
    w.config = defaultCosConfig(random);
    w.browserFingerPrint = defaultCosFingerprint(w.config);
    windows.push(w);
  }
  return {
    windows,
    recycleBin: [],
    groups,
    tags,
    nextWindowId: 101 + count,
    nextGroupId: 11 + groups.length,
    nextTagId: 3 + tags.length,
  };
}

export interface CosListFilter {
  groupId?: number;
  keyword?: string;
  name?: string;
  remark?: string;
}

const has = (text: string, part: string): boolean =>
  text.toLowerCase().includes(part.toLowerCase());

export class CosStore {
  readonly data: CosStateData;
  private readonly byId = new Map<number, CosProfileRecord>();
  private readonly byUuid = new Map<string, CosProfileRecord>();

  constructor(data: CosStateData) {
    this.data = data;
    data.windows.sort((a, b) => a.id - b.id);
    for (const w of data.windows) this.index(w);
  }

  private index(w: CosProfileRecord): void {
    this.byId.set(w.id, w);
    this.byUuid.set(w.uuid, w);
  }

  get(id: number): CosProfileRecord | undefined {
    return this.byId.get(id);
  }

  getByUuid(uuid: string): CosProfileRecord | undefined {
    return this.byUuid.get(uuid);
  }

  newWindowId(): number {
    return this.data.nextWindowId++;
  }

  insert(w: CosProfileRecord): void {
    this.data.windows.push(w); // ids only grow, so the array stays sorted
    this.index(w);
  }

  remove(w: CosProfileRecord): void {
    const list = this.data.windows;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid]!.id < w.id) lo = mid + 1;
      else hi = mid;
    }
    if (list[lo] === w) list.splice(lo, 1);
    this.byId.delete(w.id);
    this.byUuid.delete(w.uuid);
  }

  /** Newest first; filters scan only when given. */
  list(
    filter: CosListFilter,
    page: number,
    pageSize: number,
  ): { total: number; items: CosProfileRecord[] } {
    const all = this.data.windows;
    const filtered =
      filter.groupId !== undefined || filter.keyword || filter.name || filter.remark
        ? all.filter((w) => matches(w, filter))
        : all;
    const end = filtered.length - page * pageSize;
    const items = end <= 0 ? [] : filtered.slice(Math.max(0, end - pageSize), end).reverse();
    return { total: filtered.length, items };
  }
}

function matches(w: CosProfileRecord, f: CosListFilter): boolean {
  if (f.groupId !== undefined && w.groupId !== f.groupId) return false;
  if (f.name && !has(w.name, f.name)) return false;
  if (f.remark && !has(w.remark, f.remark)) return false;
  if (f.keyword) {
    const k = f.keyword;
    if (!has(w.name, k) && !has(w.remark, k) && String(w.id) !== k && w.uuid !== k) return false;
  }
  return true;
}
