/**
 * ixBrowser's data as its client keeps it: profiles in the vendor's own field names,
 * groups, tags, the recycle bin and the ids of purchased proxies. Profiles stay sorted by
 * profile_id so a page is a slice, not a scan (10,000 profiles list in pages of 100).
 */
import type { Random } from './random';
import {
  GROUP_NAMES,
  GROUP_PREFIX,
  PROFILE_COLORS,
  SEED_EPOCH_MS,
  TAG_NAMES,
  person,
  remark,
  seedProxy,
} from './seed-words';
import { unixSeconds } from './time';

export type IxProxyMode = 1 | 2 | 3 | 4;
export type IxProxyType = 'direct' | 'http' | 'https' | 'socks5' | 'ssh';

/**
 * One profile. The fields down to `cache_path` are exactly what `profile-list` shows
 * (which of the proxy_* fields appear depends on proxy_mode, as the vendor's list does);
 * the rest are stored with the profile but, like the vendor, never listed.
 */
export interface IxProfileRecord {
  profile_id: number;
  site_url: string;
  name: string;
  note: string;
  color: string;
  /** The platform account's credentials: secrets. */
  username: string;
  password: string;
  /** Unix seconds; 0 = never opened. */
  last_open_time: number;
  group_id: number;
  group_name: string;
  /** Space-separated tag ids, e.g. "117 118". */
  tag_id: string;
  /** Space-separated tag names. */
  tag_name: string;
  proxy_mode: IxProxyMode;
  /** Modes 1 and 3: the purchased proxy; mode 2: the saved custom proxy (0 for direct). */
  proxy_id: number;
  proxy_type: IxProxyType;
  proxy_ip: string;
  /** A string, as the vendor sends it ("" when none). */
  proxy_port: string;
  /** Mode 4: the extraction link. */
  proxy_url: string;
  real_ip: string;
  cache_path: string;

  // Stored, not listed.
  site_id: number;
  proxy_user: string;
  proxy_password: string;
  proxy_check_line: string;
  /** Mode 4 extraction settings and mode 1 country/city/gateway, as sent. */
  proxy_extra: Record<string, unknown>;
  tfa_secret: string;
  cookie: string;
  fingerprint_config: Record<string, unknown>;
  preference_config: Record<string, unknown>;
}

export interface IxGroup {
  id: number;
  title: string;
  sort: number;
}

export interface IxTag {
  id: number;
  title: string;
}

export interface IxStateData {
  profiles: IxProfileRecord[];
  recycleBin: IxProfileRecord[];
  groups: IxGroup[];
  tags: IxTag[];
  /** Ids the account has bought: static proxies (mode 3) and traffic packages (mode 1). */
  purchasedProxyIds: number[];
  trafficPackageIds: number[];
  nextProfileId: number;
  nextGroupId: number;
  nextTagId: number;
  nextProxyId: number;
}

/** The record as `profile-list` shows it: keys in the vendor's order, per proxy_mode. */
export function ixListItem(r: IxProfileRecord): Record<string, unknown> {
  const item: Record<string, unknown> = {
    profile_id: r.profile_id,
    site_url: r.site_url,
    name: r.name,
    note: r.note,
    color: r.color,
    username: r.username,
    password: r.password,
    last_open_time: r.last_open_time,
    group_id: r.group_id,
    group_name: r.group_name,
    tag_id: r.tag_id,
    tag_name: r.tag_name,
    proxy_mode: r.proxy_mode,
  };
  if (r.proxy_mode === 1 || r.proxy_mode === 3) {
    item['proxy_id'] = r.proxy_id;
  } else if (r.proxy_mode === 2 && r.proxy_type !== 'direct') {
    item['proxy_id'] = r.proxy_id;
    item['proxy_type'] = r.proxy_type;
    item['proxy_ip'] = r.proxy_ip;
    item['proxy_port'] = r.proxy_port;
  } else {
    item['proxy_type'] = r.proxy_type;
  }
  item['real_ip'] = r.real_ip;
  if (r.proxy_mode === 4) item['proxy_url'] = r.proxy_url;
  item['cache_path'] = r.cache_path;
  return item;
}

export function defaultFingerprint(random: Random): Record<string, unknown> {
  const mac = random.chance(0.3);
  return {
    hardware_concurrency: random.pick(['4', '8', '12']),
    device_memory: random.pick(['4', '8']),
    ua_type: 1,
    platform: mac ? 'Macos' : 'Windows',
    br_version: '',
    kernel_version: '0',
    language_type: '1',
    timezone_type: '1',
    webrtc: '3',
    canvas_type: '1',
    webgl_image: '1',
    audio_context: '1',
  };
}

export const DEFAULT_PREFERENCES: Readonly<Record<string, unknown>> = {
  cookies_backup: '1',
  extra_tab_source: '0',
  block_image: '0',
  load_profile_info_page: '1',
};

/** A blank record with the vendor's defaults (direct proxy, default group, blank page). */
export function blankIxProfile(id: number, name: string, random: Random): IxProfileRecord {
  return {
    profile_id: id,
    site_url: 'chrome://newtab',
    name,
    note: '',
    color: random.pick(PROFILE_COLORS),
    username: '',
    password: '',
    last_open_time: 0,
    group_id: 1,
    group_name: 'Default',
    tag_id: '',
    tag_name: '',
    proxy_mode: 2,
    proxy_id: 0,
    proxy_type: 'direct',
    proxy_ip: '',
    proxy_port: '',
    proxy_url: '',
    real_ip: '',
    cache_path: random.hex(32),
    site_id: 22,
    proxy_user: '',
    proxy_password: '',
    proxy_check_line: 'global_line',
    proxy_extra: {},
    tfa_secret: '',
    cookie: '',
    fingerprint_config: defaultFingerprint(random),
    preference_config: { ...DEFAULT_PREFERENCES },
  };
}

export function seedIxState(count: number, random: Random): IxStateData {
  const groups: IxGroup[] = [{ id: 1, title: 'Default', sort: 0 }];
  GROUP_NAMES.slice(0, 6).forEach((title, i) =>
    groups.push({ id: 137_600 + i, title, sort: i + 1 }),
  );
  const tags: IxTag[] = TAG_NAMES.map((title, i) => ({ id: 14_150 + i, title }));
  const purchasedProxyIds = Array.from({ length: 12 }, (_, i) => 60 + i);
  const trafficPackageIds = [5, 6, 7];
  let nextProxyId = 16_881_500;

  const profiles: IxProfileRecord[] = [];
  for (let i = 1; i <= count; i++) {
    const id = 1000 + i;
    const group = random.chance(0.15) ? groups[0]! : random.pick(groups.slice(1));
    const who = person(random);
    const prefix = group.id === 1 ? 'ACC' : GROUP_PREFIX[group.title as keyof typeof GROUP_PREFIX];
    const r = blankIxProfile(id, `${prefix}-${String(i).padStart(4, '0')} ${who.first}`, random);
    r.group_id = group.id;
    r.group_name = group.title;
    r.note = remark(random);
    if (random.chance(0.5)) {
      r.username = `${who.first}.${who.last}${i}@mail.example`.toLowerCase();
      r.password = random.hex(12);
    }
    if (random.chance(0.6)) {
      r.last_open_time = unixSeconds(SEED_EPOCH_MS) - random.int(0, 120 * 86_400);
    }
    const chosen = tags.filter(() => random.chance(0.18)).slice(0, 3);
    r.tag_id = chosen.map((t) => t.id).join(' ');
    r.tag_name = chosen.map((t) => t.title).join(' ');

    const proxy = seedProxy(random, true);
    switch (proxy.kind) {
      case 'direct':
        break;
      case 'http':
      case 'https':
      case 'socks5':
        r.proxy_type = proxy.kind;
        r.proxy_id = nextProxyId++;
        r.proxy_ip = proxy.host;
        r.proxy_port = String(proxy.port);
        r.proxy_user = proxy.user;
        r.proxy_password = proxy.password;
        break;
      case 'api':
        r.proxy_mode = 4;
        r.proxy_type = proxy.type;
        r.proxy_url = proxy.url;
        r.proxy_extra = {
          proxy_service: 'general',
          proxy_data_format_type: 'txt',
          proxy_data_txt_format: 'ip:port',
          proxy_extraction_method: 'invalid',
        };
        break;
      case 'vendor':
        r.proxy_mode = proxy.mode === 'purchased' ? 3 : 1;
        r.proxy_id = random.pick(
          proxy.mode === 'purchased' ? purchasedProxyIds : trafficPackageIds,
        );
        break;
    }
    profiles.push(r);
  }
  return {
    profiles,
    recycleBin: [],
    groups,
    tags,
    purchasedProxyIds,
    trafficPackageIds,
    nextProfileId: 1001 + count,
    nextGroupId: 137_600 + 6,
    nextTagId: 14_150 + tags.length,
    nextProxyId,
  };
}

export interface IxListFilter {
  profileId?: number;
  name?: string;
  groupId?: number;
  tagId?: string;
}

/** The live store: profiles sorted by id, with an index by id for O(log n) edits. */
export class IxStore {
  readonly data: IxStateData;
  private readonly byId = new Map<number, IxProfileRecord>();
  private readonly nameCounts = new Map<string, number>();

  constructor(data: IxStateData) {
    this.data = data;
    data.profiles.sort((a, b) => a.profile_id - b.profile_id);
    for (const p of data.profiles) this.index(p);
  }

  private index(p: IxProfileRecord): void {
    this.byId.set(p.profile_id, p);
    this.nameCounts.set(p.name, (this.nameCounts.get(p.name) ?? 0) + 1);
  }

  private unindex(p: IxProfileRecord): void {
    this.byId.delete(p.profile_id);
    const n = (this.nameCounts.get(p.name) ?? 1) - 1;
    if (n > 0) this.nameCounts.set(p.name, n);
    else this.nameCounts.delete(p.name);
  }

  private position(id: number): number {
    const list = this.data.profiles;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid]!.profile_id < id) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  get(id: number): IxProfileRecord | undefined {
    return this.byId.get(id);
  }

  nameTaken(name: string): boolean {
    return this.nameCounts.has(name);
  }

  insert(p: IxProfileRecord): void {
    this.data.profiles.splice(this.position(p.profile_id), 0, p);
    this.index(p);
  }

  rename(p: IxProfileRecord, name: string): void {
    this.unindex(p);
    p.name = name;
    this.index(p);
  }

  changeId(p: IxProfileRecord, newId: number): void {
    this.remove(p.profile_id);
    p.profile_id = newId;
    this.insert(p);
  }

  remove(id: number): IxProfileRecord | undefined {
    const p = this.byId.get(id);
    if (!p) return undefined;
    this.data.profiles.splice(this.position(id), 1);
    this.unindex(p);
    return p;
  }

  newProfileId(): number {
    const taken = (id: number) =>
      this.byId.has(id) || this.data.recycleBin.some((p) => p.profile_id === id);
    while (taken(this.data.nextProfileId)) this.data.nextProfileId++;
    return this.data.nextProfileId++;
  }

  /** Newest first, as the client lists them; filters scan only when given. */
  list(
    filter: IxListFilter,
    page: number,
    limit: number,
  ): { total: number; items: IxProfileRecord[] } {
    const all = this.data.profiles;
    const filtered =
      filter.profileId || filter.name || filter.groupId || filter.tagId
        ? all.filter((p) => matches(p, filter))
        : all;
    const end = filtered.length - (page - 1) * limit;
    const items = end <= 0 ? [] : filtered.slice(Math.max(0, end - limit), end).reverse();
    return { total: filtered.length, items };
  }

  group(id: number): IxGroup | undefined {
    return this.data.groups.find((g) => g.id === id);
  }
}

function matches(p: IxProfileRecord, f: IxListFilter): boolean {
  if (f.profileId && p.profile_id !== f.profileId) return false;
  if (f.groupId && p.group_id !== f.groupId) return false;
  if (f.name && !p.name.toLowerCase().includes(f.name.toLowerCase())) return false;
  if (f.tagId && !p.tag_id.split(' ').includes(f.tagId)) return false;
  return true;
}
