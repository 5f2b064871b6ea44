/**
 * AdsPower's Local API on loopback: v2 (`POST /api/v2/...` with a JSON body; a few GETs with
 * a query string) and the v1 calls v2 lacks (group list and create, regroup, local-active).
 * Envelope `{code, msg, data}`, HTTP 200 on failure too, most failures code -1 with a
 * message. The rate limit applies to every call: over it, the answer independent clients
 * handle, `{code: -1, msg: "Too many request per second, please check"}`.
 */
import type { BrowserPool, LaunchProxy } from './browsers';
import {
  blankAdsProfile,
  adsProfileId,
  noProxy,
  type AdsProfileRecord,
  type AdsProxyConfig,
  type AdsStore,
} from './ads-state';
import type { Faults } from './faults';
import type { JsonReply, SandboxRequest, VendorRouter } from './json-server';
import type { Random } from './random';
import { TAG_COLORS } from './seed-words';
import { unixSeconds } from './time';
import { isRecord, present, str, toInt } from './body-values';

type Body = Record<string, unknown>;
type Handler = (body: Body) => JsonReply | Promise<JsonReply>;

export const adsOk = (data?: unknown, msg = 'Success'): JsonReply => ({
  status: 200,
  body: data === undefined ? { code: 0, msg } : { code: 0, msg, data },
});
export const adsFail = (msg: string, status = 200): JsonReply => ({
  status,
  body: { code: -1, msg },
});

export const ADS_MESSAGES = {
  tooMany: 'Too many request per second, please check',
  apiKey: 'API key verification failed',
  notFound: 'API not found',
  noProfile: 'Profile does not exist',
  noGroup: 'Group does not exist',
  profileIdRequired: 'profile_id is required',
  groupIdRequired: 'group_id is required',
  proxyRequired: 'user_proxy_config or proxyid is required',
  tooManyIds: 'profile_id exceeds the limit of 100',
  isOpen: 'Profile is open, close it first',
  jsonOnly: 'Parameters must be sent as JSON',
  busy: 'Server busy, please try again later',
  startFailed: 'Failed to start browser',
} as const;

/** Rows a list page holds at most (the vendor's page; `limit` defaults to 1). */
export const ADS_MAX_LIMIT = 100;
export const ADS_MAX_BATCH = 100;
const PROXY_TYPES = new Set(['http', 'https', 'socks5']);

export const adsBrowserKey = (id: string): string => `ads-${id}`;

/**
 * The vendor's limit: at most `perSecond` requests within any second. Every arrival is
 * recorded (the tests read the rate BrowserDeck really sent at); one over the limit is
 * answered "too many" and not served.
 */
export function createArrivalLimit(perSecond: number, clock: () => number = Date.now) {
  const accepted: number[] = [];
  const arrivals: number[] = [];
  let overRate = 0;
  return {
    /** True when this request may be served. */
    admit(): boolean {
      const now = clock();
      arrivals.push(now);
      while (accepted.length && accepted[0]! <= now - 1000) accepted.shift();
      if (accepted.length >= perSecond) {
        overRate++;
        return false;
      }
      accepted.push(now);
      return true;
    },
    overRate: () => overRate,
    /** Arrival times (epoch ms) of every request, served or not. */
    arrivals: () => arrivals.slice(),
    /** The most requests that arrived within any window of `windowMs` (the rate really sent). */
    mostWithin: (windowMs = 1000) => mostWithin(arrivals, windowMs),
  };
}

/** The most of these times (ms) within any window of `windowMs`. */
export function mostWithin(times: readonly number[], windowMs: number): number {
  const t = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < t.length; i++) {
    while (t[i]! - t[j]! >= windowMs) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

export interface AdsRouterDeps {
  store: AdsStore;
  pool: BrowserPool;
  faults: Faults;
  random: Random;
  /** Requests per second the client allows (default 1). */
  perSecond: number;
  /** When set ("security verification" on), every call must carry `Authorization: Bearer <key>`. */
  apiKey?: string;
  webdriverPath: string;
  log: (line: string) => void;
  changed: () => void;
}

export function launchProxyForAdsProfile(p: AdsProfileRecord): LaunchProxy | null {
  const c = p.user_proxy_config;
  const port = toInt(c.proxy_port);
  if (c.proxy_soft !== 'other' || !c.proxy_host || !port) return null;
  if (c.proxy_type !== 'http' && c.proxy_type !== 'https' && c.proxy_type !== 'socks5') return null;
  return { scheme: c.proxy_type, host: c.proxy_host, port };
}

export function createAdsRouter(deps: AdsRouterDeps): VendorRouter & {
  limit: ReturnType<typeof createArrivalLimit>;
} {
  const { store, pool, faults, random } = deps;
  const data = store.data;
  const limit = createArrivalLimit(deps.perSecond);

  const groupExists = (id: string) => id === '0' || data.groups.some((g) => g.group_id === id);
  const failsEdit = (ps: AdsProfileRecord[]) => ps.some((p) => faults.failsEdit(p.profile_id));

  /** Profiles named by a list of ids: missing, too many or unknown is a message. */
  function profilesOf(ids: unknown): AdsProfileRecord[] | string {
    if (!Array.isArray(ids) || ids.length === 0) return ADS_MESSAGES.profileIdRequired;
    if (ids.length > ADS_MAX_BATCH) return ADS_MESSAGES.tooManyIds;
    const out: AdsProfileRecord[] = [];
    for (const ref of ids) {
      const p = store.get(str(ref));
      if (!p) return `${ADS_MESSAGES.noProfile}: ${str(ref)}`;
      if (!out.includes(p)) out.push(p);
    }
    return out;
  }
  function oneProfile(body: Body): AdsProfileRecord | string {
    if (!present(body['profile_id'])) return ADS_MESSAGES.profileIdRequired;
    return store.get(str(body['profile_id'])) ?? ADS_MESSAGES.noProfile;
  }

  /** `user_proxy_config` as sent (it replaces the profile's whole proxy), or a message. */
  function proxyConfig(v: unknown): AdsProxyConfig | string {
    if (!isRecord(v)) return 'user_proxy_config must be an object';
    const soft = str(v['proxy_soft']);
    if (!soft) return 'proxy_soft is required';
    if (soft === 'no_proxy') return noProxy();
    const type = str(v['proxy_type']);
    if (soft === 'other' && !PROXY_TYPES.has(type))
      return 'proxy_type must be http, https or socks5';
    const port = toInt(v['proxy_port']);
    if (soft === 'other' && (!str(v['proxy_host']) || !port || port > 65535))
      return 'proxy_host and proxy_port are required';
    return {
      proxy_soft: soft,
      proxy_type: type,
      proxy_host: str(v['proxy_host']).trim(),
      proxy_port: port === undefined ? '' : String(port),
      proxy_user: str(v['proxy_user']),
      proxy_password: str(v['proxy_password']),
      proxy_url: str(v['proxy_url']),
    };
  }

  /** Fields of create and update, checked; a message when one is wrong. */
  function profileFields(body: Body): Partial<AdsProfileRecord> | string {
    const out: Partial<AdsProfileRecord> = {};
    if ('name' in body) out.name = str(body['name']).slice(0, 100);
    if ('remark' in body) out.remark = str(body['remark']);
    if (present(body['group_id'])) {
      const g = str(body['group_id']);
      if (!groupExists(g)) return ADS_MESSAGES.noGroup;
      out.group_id = g;
    }
    if ('profile_tag_ids' in body) {
      const ids = body['profile_tag_ids'];
      if (!Array.isArray(ids)) return 'profile_tag_ids must be a list';
      const tagIds = ids.map(str);
      if (tagIds.some((t) => !data.tags.some((x) => x.id === t))) return 'Tag does not exist';
      out.tag_ids = [...new Set(tagIds)];
    }
    if ('user_proxy_config' in body) {
      const c = proxyConfig(body['user_proxy_config']);
      if (typeof c === 'string') return c;
      out.user_proxy_config = c;
      out.fbcc_proxy_acc_id = '';
    } else if (present(body['proxyid'])) {
      out.fbcc_proxy_acc_id = str(body['proxyid']);
      out.user_proxy_config = noProxy();
    }
    if (Array.isArray(body['tabs'])) out.tabs = body['tabs'].map(str);
    if (isRecord(body['fingerprint_config']))
      out.fingerprint_config = { ...body['fingerprint_config'] };
    return out;
  }

  /** A profile as the v2 list shows it. */
  const listed = (p: AdsProfileRecord) => {
    const { tag_ids, tabs: _tabs, fingerprint_config: _fp, ...rest } = p;
    return {
      ...rest,
      group_name: data.groups.find((g) => g.group_id === p.group_id)?.group_name ?? '',
      tags: tag_ids.flatMap((id) => {
        const t = data.tags.find((x) => x.id === id);
        return t ? [{ id: t.id, name: t.name }] : [];
      }),
    };
  };

  const started = (session: { port: number; wsUrl: string }) => ({
    ws: { puppeteer: session.wsUrl, selenium: `127.0.0.1:${session.port}` },
    debug_port: String(session.port),
    webdriver: deps.webdriverPath,
  });

  const page = (body: Body) => ({
    page: Math.max(1, toInt(body['page']) ?? 1),
    // The vendor's default is one row: clients must send it.
    limit: Math.min(
      Math.max(1, toInt(body['limit']) ?? toInt(body['page_size']) ?? 1),
      ADS_MAX_LIMIT,
    ),
  });

  const post: Record<string, Handler> = {
    '/api/v2/browser-profile/list': (body) => {
      const { page: at, limit: size } = page(body);
      let ids: Set<string> | undefined;
      if (present(body['profile_id'])) {
        const raw = body['profile_id'];
        ids = new Set((Array.isArray(raw) ? raw : [raw]).map(str));
      }
      const groupId = present(body['group_id']) ? str(body['group_id']) : undefined;
      const list = store.list({ groupId, ids }, at, size).map(listed);
      return adsOk({ list, page: at, page_size: size });
    },

    '/api/v2/browser-profile/create': (body) => {
      if (!present(body['group_id'])) return adsFail(ADS_MESSAGES.groupIdRequired);
      if (!isRecord(body['user_proxy_config']) && !present(body['proxyid']))
        return adsFail(ADS_MESSAGES.proxyRequired);
      const fields = profileFields(body);
      if (typeof fields === 'string') return adsFail(fields);
      let id = adsProfileId(random);
      while (store.has(id)) id = adsProfileId(random);
      const p = blankAdsProfile(id, data.nextProfileNo++, '', Date.now());
      Object.assign(p, fields);
      store.insert(p);
      deps.changed();
      return adsOk({ profile_id: p.profile_id, profile_no: p.profile_no });
    },

    '/api/v2/browser-profile/update': (body) => {
      const p = oneProfile(body);
      if (typeof p === 'string') return adsFail(p);
      const fields = profileFields(body);
      if (typeof fields === 'string') return adsFail(fields);
      if (failsEdit([p])) return adsFail(ADS_MESSAGES.busy);
      Object.assign(p, fields);
      deps.changed();
      return adsOk({});
    },

    '/api/v2/browser-profile/delete': (body) => {
      const ps = profilesOf(body['profile_id']);
      if (typeof ps === 'string') return adsFail(ps);
      if (failsEdit(ps)) return adsFail(ADS_MESSAGES.busy);
      if (ps.some((p) => pool.state(adsBrowserKey(p.profile_id)) !== 'closed'))
        return adsFail(ADS_MESSAGES.isOpen);
      for (const p of ps) store.remove(p);
      deps.changed();
      return adsOk({});
    },

    '/api/v2/browser-profile/start': async (body) => {
      const p = oneProfile(body);
      if (typeof p === 'string') return adsFail(p);
      const key = adsBrowserKey(p.profile_id);
      const opening = pool.opening(key);
      if (opening) await opening.catch(() => undefined);
      let session = pool.session(key);
      if (!session) {
        try {
          const url = p.tabs.find((t) => /^(https?|about|data):/i.test(t));
          session = await pool.launch({
            key,
            startUrl: url ?? 'about:blank',
            proxy: launchProxyForAdsProfile(p),
            extraArgs: Array.isArray(body['launch_args']) ? body['launch_args'].map(str) : [],
          });
        } catch (error) {
          deps.log(
            `AdsPower: profile ${p.profile_id} failed to start: ${(error as Error).message}`,
          );
          return adsFail(ADS_MESSAGES.startFailed);
        }
        p.last_open_time = String(unixSeconds(Date.now()));
        deps.changed();
      }
      return adsOk(started(session));
    },

    '/api/v2/browser-profile/stop': async (body) => {
      const p = oneProfile(body);
      if (typeof p === 'string') return adsFail(p);
      await pool.close(adsBrowserKey(p.profile_id));
      // v2 stop answers without data.
      return adsOk();
    },

    '/api/v2/browser-tags/list': (body) => {
      const { page: at, limit: size } = page(body);
      const list = data.tags.slice((at - 1) * size, at * size);
      return adsOk({ list, page: at, page_size: size });
    },

    '/api/v2/browser-tags/create': (body) => {
      const tags = body['tags'];
      if (!Array.isArray(tags) || tags.length === 0) return adsFail('tags is required');
      const names = tags.map((t) => (isRecord(t) ? str(t['name']).trim() : ''));
      if (names.some((n) => !n)) return adsFail('tag name is required');
      const created = names.map((name, i) => {
        const existing = data.tags.find((t) => t.name === name);
        if (existing) return existing;
        const color = isRecord(tags[i]) ? str(tags[i]['color']) : '';
        const tag = { id: String(data.nextTagId++), name, color: color || random.pick(TAG_COLORS) };
        data.tags.push(tag);
        return tag;
      });
      deps.changed();
      return adsOk({ list: created });
    },

    '/api/v1/group/create': (body) => {
      const name = str(body['group_name']).trim();
      if (!name) return adsFail('group_name is required');
      if (data.groups.some((g) => g.group_name === name))
        return adsFail('Group name already exists');
      const group = {
        group_id: String(data.nextGroupId++),
        group_name: name,
        remark: str(body['remark']),
      };
      data.groups.push(group);
      deps.changed();
      return adsOk({ group_id: group.group_id, group_name: group.group_name });
    },

    '/api/v1/user/regroup': (body) => {
      const ps = profilesOf(body['user_ids']);
      if (typeof ps === 'string') return adsFail(ps.replace('profile_id', 'user_ids'));
      const groupId = str(body['group_id']);
      if (!present(body['group_id'])) return adsFail(ADS_MESSAGES.groupIdRequired);
      if (!groupExists(groupId)) return adsFail(ADS_MESSAGES.noGroup);
      if (failsEdit(ps)) return adsFail(ADS_MESSAGES.busy);
      for (const p of ps) p.group_id = groupId;
      deps.changed();
      return adsOk({});
    },
  };

  const get: Record<string, (query: URLSearchParams) => JsonReply> = {
    '/status': () => adsOk(undefined, 'success'),

    '/api/v1/group/list': (query) => {
      const at = Math.max(1, toInt(query.get('page')) ?? 1);
      const size = Math.min(Math.max(1, toInt(query.get('page_size')) ?? 1), ADS_MAX_LIMIT);
      const name = query.get('group_name')?.trim().toLowerCase();
      const groups = name
        ? data.groups.filter((g) => g.group_name.toLowerCase().includes(name))
        : data.groups;
      return adsOk({ list: groups.slice((at - 1) * size, at * size), page: at, page_size: size });
    },

    '/api/v1/browser/local-active': () =>
      adsOk({
        list: pool
          .sessions()
          .filter((s) => s.key.startsWith('ads-'))
          .map((s) => ({ user_id: s.key.slice(4), ...started(s) })),
      }),

    '/api/v2/browser-profile/active': (query) => {
      const p = store.get(query.get('profile_id') ?? '');
      if (!p) return adsFail(ADS_MESSAGES.noProfile);
      const s = pool.session(adsBrowserKey(p.profile_id));
      return adsOk(s ? { status: 'Active', ...started(s) } : { status: 'Inactive' });
    },
  };

  return {
    limit,
    async handle(req: SandboxRequest): Promise<JsonReply> {
      if (!limit.admit()) return adsFail(ADS_MESSAGES.tooMany);
      if (deps.apiKey !== undefined) {
        const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
        if (bearer !== deps.apiKey) return adsFail(ADS_MESSAGES.apiKey);
      }
      if (req.method === 'GET') {
        const handler = get[req.path];
        return handler
          ? handler(new URLSearchParams(req.query))
          : adsFail(ADS_MESSAGES.notFound, 404);
      }
      const handler = req.method === 'POST' ? post[req.path] : undefined;
      if (!handler) return adsFail(ADS_MESSAGES.notFound, 404);
      let body: unknown = {};
      if (req.body.trim()) {
        try {
          body = JSON.parse(req.body);
        } catch {
          return adsFail(ADS_MESSAGES.jsonOnly);
        }
      }
      if (!isRecord(body)) return adsFail(ADS_MESSAGES.jsonOnly);
      return handler(body);
    },
    busy: () => adsFail(ADS_MESSAGES.busy),
    tooFast: () => null,
    internalError: () => adsFail(ADS_MESSAGES.busy, 500),
    refused: ({ status, message }) => adsFail(message, status),
  };
}
