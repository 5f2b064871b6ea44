/**
 * AdsPower's data as its client keeps it: profiles in the v2 list's field names (ids such as
 * "k1a2b3c", a `profile_no` serial, the proxy as `user_proxy_config` with its password),
 * groups (v1: `group_id`, `group_name`) and tags (v2: `id`, `name`, `color`). Profiles stay
 * in creation order, so a page is a slice.
 */
import type { Random } from './random';
import {
  GROUP_NAMES,
  GROUP_PREFIX,
  SEED_EPOCH_MS,
  TAG_COLORS,
  TAG_NAMES,
  person,
  remark,
  seedProxy,
} from './seed-words';
import { unixSeconds } from './time';

export interface AdsProxyConfig {
  /** `no_proxy`, `other` (the user's own proxy) or a vendor integration. */
  proxy_soft: string;
  proxy_type: string;
  proxy_host: string;
  /** A string, as the vendor's examples send it. */
  proxy_port: string;
  proxy_user: string;
  proxy_password: string;
  /** The refresh (change IP) link. */
  proxy_url: string;
}

export interface AdsProfileRecord {
  profile_id: string;
  profile_no: string;
  name: string;
  remark: string;
  /** "0" = ungrouped. */
  group_id: string;
  tag_ids: string[];
  user_proxy_config: AdsProxyConfig;
  /** A proxy-manager proxy ("" = none). */
  fbcc_proxy_acc_id: string;
  ip: string;
  ip_country: string;
  /** Unix seconds as a string; "0" = never opened. */
  last_open_time: string;
  created_time: string;
  /** Start pages, as create's `tabs`. */
  tabs: string[];
  fingerprint_config: Record<string, unknown>;
}

export interface AdsGroup {
  group_id: string;
  group_name: string;
  remark: string;
}

export interface AdsTag {
  id: string;
  name: string;
  color: string;
}

export interface AdsStateData {
  profiles: AdsProfileRecord[];
  groups: AdsGroup[];
  tags: AdsTag[];
  nextProfileNo: number;
  nextGroupId: number;
  nextTagId: number;
}

export const noProxy = (): AdsProxyConfig => ({
  proxy_soft: 'no_proxy',
  proxy_type: '',
  proxy_host: '',
  proxy_port: '',
  proxy_user: '',
  proxy_password: '',
  proxy_url: '',
});

/** AdsPower's ids: a letter and six base-36 characters. */
export const adsProfileId = (random: Random): string =>
  `k${Array.from({ length: 6 }, () => '0123456789abcdefghijklmnopqrstuvwxyz'[random.int(0, 35)]).join('')}`;

export function blankAdsProfile(
  id: string,
  no: number,
  name: string,
  at: number,
): AdsProfileRecord {
  return {
    profile_id: id,
    profile_no: String(no),
    name,
    remark: '',
    group_id: '0',
    tag_ids: [],
    user_proxy_config: noProxy(),
    fbcc_proxy_acc_id: '',
    ip: '',
    ip_country: '',
    last_open_time: '0',
    created_time: String(unixSeconds(at)),
    tabs: [],
    fingerprint_config: {},
  };
}

export function seedAdsState(count: number, random: Random): AdsStateData {
  const groups: AdsGroup[] = GROUP_NAMES.slice(3).map((group_name, i) => ({
    group_id: String(4_585_190 + i),
    group_name,
    remark: '',
  }));
  const tags: AdsTag[] = TAG_NAMES.map((name, i) => ({
    id: String(210 + i),
    name,
    color: TAG_COLORS[i % TAG_COLORS.length]!,
  }));
  const profiles: AdsProfileRecord[] = [];
  const seen = new Set<string>();
  for (let i = 1; i <= count; i++) {
    let id = adsProfileId(random);
    while (seen.has(id)) id = adsProfileId(random);
    seen.add(id);
    const group = random.chance(0.3) ? undefined : random.pick(groups);
    const who = person(random);
    const prefix = group ? GROUP_PREFIX[group.group_name as keyof typeof GROUP_PREFIX] : 'ADS';
    const created = SEED_EPOCH_MS - random.int(0, 200 * 86_400) * 1000;
    const p = blankAdsProfile(
      id,
      i,
      `${prefix}-${String(i).padStart(4, '0')} ${who.first}`,
      created,
    );
    p.group_id = group?.group_id ?? '0';
    p.tag_ids = tags
      .filter(() => random.chance(0.15))
      .slice(0, 3)
      .map((t) => t.id);
    p.remark = remark(random);
    const proxy = seedProxy(random, true);
    if (proxy.kind === 'http' || proxy.kind === 'https' || proxy.kind === 'socks5') {
      p.user_proxy_config = {
        proxy_soft: 'other',
        proxy_type: proxy.kind,
        proxy_host: proxy.host,
        proxy_port: String(proxy.port),
        proxy_user: proxy.user,
        proxy_password: proxy.password,
        proxy_url: '',
      };
      p.ip = `198.51.100.${random.int(1, 254)}`;
      p.ip_country = random.pick(['us', 'gb', 'de']);
    } else if (proxy.kind === 'vendor') {
      p.fbcc_proxy_acc_id = String(random.int(100, 999));
    }
    if (random.chance(0.4))
      p.last_open_time = String(unixSeconds(created) + random.int(3600, 90 * 86_400));
    p.fingerprint_config = {
      browser_kernel_config: { type: 'chrome', version: random.pick(['128', '130', '134']) },
    };
    profiles.push(p);
  }
  return {
    profiles,
    groups,
    tags,
    nextProfileNo: count + 1,
    nextGroupId: 4_585_190 + groups.length,
    nextTagId: 210 + tags.length,
  };
}

export class AdsStore {
  readonly data: AdsStateData;
  private readonly byId = new Map<string, AdsProfileRecord>();

  constructor(data: AdsStateData) {
    this.data = data;
    for (const p of data.profiles) this.byId.set(p.profile_id, p);
  }

  get(id: string): AdsProfileRecord | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  insert(p: AdsProfileRecord): void {
    this.data.profiles.push(p);
    this.byId.set(p.profile_id, p);
  }

  remove(p: AdsProfileRecord): void {
    const at = this.data.profiles.indexOf(p);
    if (at >= 0) this.data.profiles.splice(at, 1);
    this.byId.delete(p.profile_id);
  }

  /** Newest first, as the client lists them. */
  list(filter: { groupId?: string; ids?: Set<string> }, page: number, limit: number) {
    const all = this.data.profiles;
    const filtered =
      filter.groupId !== undefined || filter.ids
        ? all.filter(
            (p) =>
              (filter.groupId === undefined || p.group_id === filter.groupId) &&
              (!filter.ids || filter.ids.has(p.profile_id)),
          )
        : all;
    const end = filtered.length - (page - 1) * limit;
    return end <= 0 ? [] : filtered.slice(Math.max(0, end - limit), end).reverse();
  }
}
