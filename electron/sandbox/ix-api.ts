/**
 * ixBrowser Local API v2 on loopback: `POST /api/v2/<action>` with a JSON body, answered
 * `{"error":{"code","message","time"},"data"}` and HTTP 200 even on failure, with the
 * vendor's error codes (shared/vendor-docs; the vendor's appendix for codes it lists).
 */
import type { BrowserPool, LaunchProxy } from './browsers';
import type { Faults } from './faults';
import type { JsonReply, SandboxRequest, VendorRouter } from './json-server';
import {
  applyIxProxy,
  ixProxyErrorCode,
  parseIxProxy,
  toInt,
  type IxProxyContext,
} from './ix-proxy-config';
import {
  DEFAULT_PREFERENCES,
  blankIxProfile,
  defaultFingerprint,
  ixListItem,
  type IxProfileRecord,
  type IxProxyMode,
  type IxStore,
} from './ix-state';
import type { Random } from './random';
import { formatDateTime, unixSeconds } from './time';
import { isRecord, present, str } from './body-values';

/** The vendor's messages for the codes the sandbox answers (its error appendix). */
export const IX_MESSAGES: Record<number, string> = {
  1000: 'Missing required parameters',
  1001: 'Invalid request',
  1004: 'System error, try again later',
  1008: 'Your permissions are restricted',
  1009: 'Process not found',
  1010: 'Your operation was too fast, please try again later.',
  1011: 'The operation failed.',
  1014: 'The current profile is inoperable',
  1020: 'A profile is currently open, please wait until it is opened and try again',
  2001: 'Profile ID cannot be empty',
  2002: 'Proxy information does not exist',
  2003: 'Residential Proxy does not exist',
  2006: 'The cookie format is incorrect',
  2007: 'Profile does not exist',
  2009: 'Proxy method cannot be empty',
  2010: 'Proxy method is not within the scope',
  101001: 'Profile name cannot be empty',
  101004: 'Profile name already exists',
  101005: 'Proxy id cannot be empty',
  101006: 'Proxy ip cannot be empty',
  101007: 'The proxy port cannot be empty',
  101008: 'Proxy type not in range',
  101009: 'Proxy type cannot be empty',
  101011: 'Fingerprint configuration generation failed, platform url cannot be empty',
  101039: 'Group does not exist',
  101040: 'Note is too long, with a maximum of 200 characters',
  101043: 'proxy_service is not in range',
  101044: 'proxy_data_format_type is not in range',
  101045: 'proxy_extraction_method is not in range',
  101046: 'Extraction link cannot be empty',
  102007: 'The profile serial number already exists',
  102009: 'Group does not exist',
  102010: 'Note is too long, with a maximum of 200 characters',
  102011: 'proxy_service is not in range',
  102012: 'proxy_data_format_type is not in range',
  102013: 'proxy_extraction_method is not in range',
  105001: 'Group name cannot be empty',
  105002: 'Group name already exists',
  105003: 'Group sorting cannot be empty',
  111003: 'The current profile is already open',
  112004: 'Group id type is wrong',
  112005: 'Group does not exist',
  112006: 'platform url cannot be empty',
  113001: 'Tag name cannot be empty',
  113002: 'Tag name already exists',
};

const NOTE_MAX = 200;
/** Who the client says opened a profile (profile-opened-list). */
const SANDBOX_USER = 'sandbox@browserdeck.local';

type Body = Record<string, unknown>;
type Handler = (body: Body) => JsonReply | Promise<JsonReply>;

const now = (): number => unixSeconds(Date.now());

export function ixOk(data: unknown): JsonReply {
  return { status: 200, body: { error: { code: 0, message: 'success', time: now() }, data } };
}

/** Failures: HTTP 200, data null (or [] where the vendor's examples show an array). */
export function ixFail(code: number, data: null | [] = null, message?: string): JsonReply {
  return {
    status: 200,
    body: { error: { code, message: message ?? IX_MESSAGES[code] ?? 'error', time: now() }, data },
  };
}

export interface IxRouterDeps {
  store: IxStore;
  pool: BrowserPool;
  faults: Faults;
  random: Random;
  webdriverPath: string;
  log: (line: string) => void;
  /** Called after every change, for persistence. */
  changed: () => void;
}

export const ixBrowserKey = (profileId: number): string => `ix-${profileId}`;

/** The page a profile opens on; chrome:// pages become about:blank (nothing to fetch). */
export function startUrlFor(siteUrl: string): string {
  return /^(https?|file|about|data):/i.test(siteUrl) ? siteUrl : 'about:blank';
}

export function launchProxyFor(r: {
  proxy_mode: number;
  proxy_type: string;
  proxy_ip: string;
  proxy_port: string;
}): LaunchProxy | null {
  // Only custom proxies have an address the sandbox knows; vendor-managed and extracted
  // ones would need the vendor's servers, so those profiles open direct.
  if (r.proxy_mode !== 2) return null;
  if (r.proxy_type !== 'http' && r.proxy_type !== 'https' && r.proxy_type !== 'socks5') return null;
  const port = Number(r.proxy_port);
  if (!r.proxy_ip || !Number.isInteger(port) || port < 1 || port > 65535) return null;
  return { scheme: r.proxy_type, host: r.proxy_ip, port };
}

export function createIxRouter(deps: IxRouterDeps): VendorRouter {
  const { store, pool, faults, random } = deps;
  const data = store.data;

  const newProxyId = (): number => data.nextProxyId++;

  /** Tag names (or ids) to the profile's space-separated fields; unknown names are created. */
  function resolveTags(tag: unknown): { tag_id: string; tag_name: string } {
    const wanted = Array.isArray(tag) ? tag : present(tag) ? [tag] : [];
    const chosen: { id: number; title: string }[] = [];
    for (const w of wanted) {
      const byId = typeof w === 'number' ? data.tags.find((t) => t.id === w) : undefined;
      const name = str(w).trim();
      let t = byId ?? data.tags.find((x) => x.title === name);
      if (!t && name) {
        t = { id: data.nextTagId++, title: name };
        data.tags.push(t);
      }
      if (t && !chosen.includes(t)) chosen.push(t);
    }
    return {
      tag_id: chosen.map((t) => t.id).join(' '),
      tag_name: chosen.map((t) => t.title).join(' '),
    };
  }

  function proxyProblem(cfg: unknown, context: IxProxyContext, expectMode?: IxProxyMode) {
    if (!isRecord(cfg)) return { code: 1000 };
    const parsed = parseIxProxy(cfg, data, { requireMode: context === 'action', expectMode });
    return typeof parsed === 'string'
      ? { code: ixProxyErrorCode(parsed, context) }
      : { settings: parsed };
  }

  function page(body: Body): { page: number; limit: number } {
    const p = toInt(body['page']) ?? 1;
    const l = toInt(body['limit']) ?? 10;
    return { page: Math.max(1, p), limit: l > 0 ? l : 10 };
  }

  function titled<T extends { id: number; title: string }>(items: T[], body: Body) {
    const { page: p, limit } = page(body);
    const title = str(body['title']).trim().toLowerCase();
    const matched = title ? items.filter((g) => g.title.toLowerCase().includes(title)) : items;
    return ixOk({
      total: matched.length,
      data: matched.slice((p - 1) * limit, p * limit).map((g) => ({ title: g.title, id: g.id })),
    });
  }

  /** The profile an action names, or the failure to answer. */
  function target(body: Body): IxProfileRecord | JsonReply {
    if (!present(body['profile_id'])) return ixFail(1000);
    const id = toInt(body['profile_id']);
    const p = id === undefined ? undefined : store.get(id);
    return p ?? ixFail(2007);
  }
  const isReply = (v: IxProfileRecord | JsonReply): v is JsonReply => 'status' in v;

  async function closeBrowser(id: number): Promise<boolean> {
    return (await pool.close(ixBrowserKey(id))) !== null;
  }

  const handlers: Record<string, Handler> = {
    'profile-list': (body) => {
      const { page: p, limit } = page(body);
      const { total, items } = store.list(
        {
          profileId: toInt(body['profile_id']) || undefined,
          name: str(body['name']).trim() || undefined,
          groupId: toInt(body['group_id']) || undefined,
          tagId: toInt(body['tag_id']) ? String(toInt(body['tag_id'])) : undefined,
        },
        p,
        limit,
      );
      return ixOk({ total, data: items.map(ixListItem) });
    },

    'profile-create': (body) => {
      if (!('name' in body)) return ixFail(1000, []);
      const name = str(body['name']).trim();
      if (!name) return ixFail(101001, []);
      if (store.nameTaken(name)) return ixFail(101004, []);
      const note = str(body['note']);
      if (note.length > NOTE_MAX) return ixFail(101040, []);
      const groupId = present(body['group_id']) ? toInt(body['group_id']) : 1;
      const group = groupId === undefined ? undefined : store.group(groupId);
      if (!group) return ixFail(101039, []);
      const siteId = toInt(body['site_id']) ?? 22;
      if (siteId === 21 && !str(body['site_url'])) return ixFail(101011, []);
      const proxy = present(body['proxy_config'])
        ? proxyProblem(body['proxy_config'], 'create')
        : undefined;
      if (proxy?.code) return ixFail(proxy.code, []);

      const r = blankIxProfile(store.newProfileId(), name, random);
      r.site_id = siteId;
      if (str(body['site_url'])) r.site_url = str(body['site_url']);
      if (present(body['color'])) r.color = str(body['color']);
      r.note = note;
      r.group_id = group.id;
      r.group_name = group.title;
      Object.assign(r, resolveTags(body['tag']));
      r.username = str(body['username']);
      r.password = str(body['password']);
      r.tfa_secret = str(body['tfa_secret']);
      r.cookie = str(body['cookie']);
      if (proxy?.settings) applyIxProxy(r, proxy.settings, newProxyId);
      if (isRecord(body['fingerprint_config']))
        r.fingerprint_config = { ...defaultFingerprint(random), ...body['fingerprint_config'] };
      if (isRecord(body['preference_config']))
        r.preference_config = { ...DEFAULT_PREFERENCES, ...body['preference_config'] };
      store.insert(r);
      deps.changed();
      return ixOk(r.profile_id);
    },

    'profile-copy': (body) => {
      if (!present(body['profile_id'])) return ixFail(1000, []);
      const source = store.get(toInt(body['profile_id']) ?? NaN);
      if (!source) return ixFail(2007, []);
      if (faults.failsEdit(source.profile_id)) return ixFail(1011, []);
      let group = store.group(source.group_id) ?? store.group(1)!;
      if (present(body['group_id'])) {
        const gid = toInt(body['group_id']);
        if (gid === undefined) return ixFail(112004, []);
        const g = store.group(gid);
        if (!g) return ixFail(112005, []);
        group = g;
      }
      const siteId = toInt(body['site_id']);
      if (siteId === 21 && !str(body['site_url'])) return ixFail(112006, []);

      const copy: IxProfileRecord = structuredClone(source);
      copy.profile_id = store.newProfileId();
      copy.cache_path = random.hex(32);
      copy.last_open_time = 0;
      copy.real_ip = '';
      copy.name = str(body['name']).trim() || source.name;
      copy.group_id = group.id;
      copy.group_name = group.title;
      if (siteId !== undefined) copy.site_id = siteId;
      if (str(body['site_url'])) copy.site_url = str(body['site_url']);
      if (copy.proxy_mode === 2 && copy.proxy_type !== 'direct') copy.proxy_id = newProxyId();
      store.insert(copy);
      deps.changed();
      return ixOk(copy.profile_id);
    },

    'profile-update': (body) => {
      const p = target(body);
      if (isReply(p)) return ixFail((p.body as { error: { code: number } }).error.code, []);
      if (faults.failsEdit(p.profile_id)) return ixFail(1011, []);
      if (present(body['note']) && str(body['note']).length > NOTE_MAX) return ixFail(102010, []);
      let group: { id: number; title: string } | undefined;
      if (present(body['group_id'])) {
        group = store.group(toInt(body['group_id']) ?? NaN);
        if (!group) return ixFail(102009, []);
      }
      const newId = present(body['new_profile_id']) ? toInt(body['new_profile_id']) : undefined;
      if (newId !== undefined && newId !== p.profile_id) {
        if (newId < 1) return ixFail(1001, []);
        if (store.get(newId)) return ixFail(102007, []);
        if (pool.state(ixBrowserKey(p.profile_id)) !== 'closed') return ixFail(1014, []);
      }
      const proxy = present(body['proxy_config'])
        ? proxyProblem(body['proxy_config'], 'update')
        : undefined;
      if (proxy?.code) return ixFail(proxy.code, []);

      if ('name' in body && str(body['name']).trim()) store.rename(p, str(body['name']).trim());
      if ('note' in body) p.note = str(body['note']);
      if (group) {
        p.group_id = group.id;
        p.group_name = group.title;
      }
      if (present(body['site_id'])) p.site_id = toInt(body['site_id']) ?? p.site_id;
      if ('site_url' in body) p.site_url = str(body['site_url']) || 'chrome://newtab';
      if (present(body['color'])) p.color = str(body['color']);
      if ('tag' in body) Object.assign(p, resolveTags(body['tag']));
      for (const k of ['username', 'password', 'tfa_secret', 'cookie'] as const)
        if (k in body) p[k] = str(body[k]);
      if (proxy?.settings) applyIxProxy(p, proxy.settings, newProxyId);
      if (isRecord(body['fingerprint_config']))
        p.fingerprint_config = { ...p.fingerprint_config, ...body['fingerprint_config'] };
      if (isRecord(body['preference_config']))
        p.preference_config = { ...p.preference_config, ...body['preference_config'] };
      if (newId !== undefined && newId !== p.profile_id) store.changeId(p, newId);
      deps.changed();
      return ixOk('success');
    },

    'profile-delete': (body) => {
      const p = target(body);
      if (isReply(p)) return p;
      if (faults.failsEdit(p.profile_id)) return ixFail(1011);
      // The client will not delete a profile whose browser is running.
      if (pool.state(ixBrowserKey(p.profile_id)) !== 'closed') return ixFail(1014);
      store.remove(p.profile_id);
      data.recycleBin.push(p);
      deps.changed();
      return ixOk([]);
    },

    'empty-recycle-bin': () => {
      const n = data.recycleBin.length;
      data.recycleBin.length = 0;
      deps.changed();
      return ixOk(n);
    },

    'profile-update-groups-in-batches': (body) => {
      const ids = body['profile_id'];
      if (!present(body['group_id']) || !Array.isArray(ids) || ids.length === 0)
        return ixFail(1000);
      const group = store.group(toInt(body['group_id']) ?? NaN);
      if (!group) return ixFail(1011);
      const profiles: IxProfileRecord[] = [];
      for (const raw of ids) {
        const p = store.get(toInt(raw) ?? NaN);
        if (!p) return ixFail(2007);
        if (faults.failsEdit(p.profile_id)) return ixFail(1011);
        profiles.push(p);
      }
      for (const p of profiles) {
        p.group_id = group.id;
        p.group_name = group.title;
      }
      deps.changed();
      return ixOk('success');
    },

    'profile-get-cookies': (body) => {
      const p = target(body);
      if (isReply(p)) return p;
      return ixOk(p.cookie || '[]');
    },

    'profile-update-cookies': (body) => {
      const p = target(body);
      if (isReply(p)) return p;
      if (!present(body['cookie'])) return ixFail(1000);
      const cookie = str(body['cookie']);
      try {
        if (!Array.isArray(JSON.parse(cookie))) return ixFail(2006);
      } catch {
        return ixFail(2006);
      }
      if (faults.failsEdit(p.profile_id)) return ixFail(1011);
      p.cookie = cookie;
      deps.changed();
      return ixOk('success');
    },

    'profile-clear-cache': (body) => clearCache(body, false),
    'profile-clear-cache-and-cookies': (body) => clearCache(body, true),

    'profile-random-fingerprint-configuration': (body) => {
      const p = target(body);
      if (isReply(p)) return p;
      if (faults.failsEdit(p.profile_id)) return ixFail(1011);
      p.fingerprint_config = defaultFingerprint(random);
      deps.changed();
      return ixOk('success');
    },

    'group-list': (body) => titled(data.groups, body),

    'group-create': (body) => {
      const title = str(body['title']).trim();
      if (!title) return ixFail(105001, []);
      if (!present(body['sort'])) return ixFail(105003, []);
      if (data.groups.some((g) => g.title === title)) return ixFail(105002, []);
      const group = { id: data.nextGroupId++, title, sort: toInt(body['sort']) ?? 0 };
      data.groups.push(group);
      deps.changed();
      return ixOk(group.id);
    },

    'tag-list': (body) => titled(data.tags, body),

    'tag-create': (body) => {
      const title = str(body['title']).trim();
      if (!title) return ixFail(113001, []);
      if (data.tags.some((t) => t.title === title)) return ixFail(113002, []);
      const tag = { id: data.nextTagId++, title };
      data.tags.push(tag);
      deps.changed();
      return ixOk(tag.id);
    },

    // The account's saved proxies. A custom proxy set on a profile is saved here under the
    // profile's proxy_id, which is how a client learns its user and password (profile-list
    // leaves them out).
    'proxy-list': (body) => {
      const { page: p, limit } = page(body);
      const wantId = toInt(body['id']) || undefined;
      const wantIp = str(body['proxy_ip']).trim();
      const byId = new Map<number, { proxy: Record<string, unknown>; windows: number }>();
      for (const r of data.profiles) {
        if (r.proxy_mode !== 2 || r.proxy_type === 'direct' || !r.proxy_id) continue;
        if (wantId && r.proxy_id !== wantId) continue;
        if (wantIp && r.proxy_ip !== wantIp) continue;
        const seen = byId.get(r.proxy_id);
        if (seen) {
          seen.windows++;
          continue;
        }
        byId.set(r.proxy_id, {
          windows: 1,
          proxy: {
            id: r.proxy_id,
            proxy_type: r.proxy_type,
            proxy_ip: r.proxy_ip,
            proxy_port: r.proxy_port,
            proxy_user: r.proxy_user,
            proxy_password: r.proxy_password,
            note: '',
            type: 1,
            tag_id: '',
            tag_name: '',
            country: '',
            timezone: '',
            city: '',
          },
        });
      }
      const all = [...byId.values()].map((e) => ({ ...e.proxy, activeWindow: e.windows }));
      return ixOk({ total: all.length, data: all.slice((p - 1) * limit, p * limit) });
    },

    'profile-open': async (body) => {
      const p = target(body);
      if (isReply(p)) return p;
      const key = ixBrowserKey(p.profile_id);
      const state = pool.state(key);
      if (state === 'opening') return ixFail(1020);
      if (state === 'open') return ixFail(111003);
      const extraArgs = Array.isArray(body['args'])
        ? body['args'].filter((a): a is string => typeof a === 'string')
        : [];
      let session;
      try {
        session = await pool.launch({
          key,
          startUrl: startUrlFor(p.site_url),
          proxy: launchProxyFor(p),
          extraArgs,
        });
      } catch (error) {
        deps.log(`ixBrowser: profile ${p.profile_id} failed to open: ${(error as Error).message}`);
        return ixFail(1011);
      }
      p.last_open_time = unixSeconds(session.openedAt);
      deps.changed();
      return ixOk({
        debugging_address: `127.0.0.1:${session.port}`,
        debugging_port: session.port,
        profile_id: p.profile_id,
        pid: session.pid,
        ws: session.wsUrl,
        gateway: '',
        webdriver: deps.webdriverPath,
      });
    },

    'profile-close': async (body) => {
      if (!present(body['profile_id'])) return ixFail(1000);
      const id = toInt(body['profile_id']);
      if (id === undefined || !(await closeBrowser(id))) return ixFail(1009);
      // The vendor's success answer for close carries no data at all.
      return { status: 200, body: { error: { code: 0, message: 'success', time: now() } } };
    },

    'profile-close-in-batches': async (body) => {
      const ids = body['profile_id'];
      if (!Array.isArray(ids) || ids.length === 0) return ixFail(1000);
      const closed = await Promise.all(
        ids.map(async (raw) => {
          const id = toInt(raw);
          return id !== undefined && (await closeBrowser(id)) ? [raw] : [];
        }),
      );
      const flat = closed.flat();
      // Echoes the ids as they were sent (the vendor's example sends and returns strings).
      return flat.length ? ixOk(flat) : ixFail(1009);
    },

    'profile-opened-list': () =>
      ixOk(
        ixSessions().map(({ id, session }) => ({
          profile_id: id,
          last_opened_user: SANDBOX_USER,
          last_opened_time: formatDateTime(session.openedAt),
        })),
      ),

    'native-client-profile-opened-list': () =>
      ixOk(
        ixSessions().map(({ id, session }) => ({
          debugging_address: `127.0.0.1:${session.port}`,
          debugging_port: session.port,
          profile_id: id,
          pid: session.pid,
          open_time: formatDateTime(session.openedAt),
          ws: session.wsUrl,
          webdriver: deps.webdriverPath,
        })),
      ),

    'profile-open-state-reset': async (body) => {
      const p = target(body);
      if (isReply(p)) return p;
      // The sandbox keeps state and processes in step: a reset browser is really gone.
      await closeBrowser(p.profile_id);
      return ixOk(null);
    },

    'profile-update-proxy-for-custom-proxy': (body) => updateProxy(body, 2),
    'profile-update-proxy-for-api-extraction': (body) => updateProxy(body, 4),
    'profile-update-proxy-to-purchased-mode': (body) => updateProxy(body, 3),
    'profile-update-proxy-for-purchased-traffic-package': (body) => updateProxy(body, 1),
  };

  function ixSessions() {
    return pool
      .sessions()
      .filter((s) => s.key.startsWith('ix-'))
      .map((session) => ({ id: Number(session.key.slice(3)), session }))
      .filter(({ id }) => store.get(id));
  }

  function clearCache(body: Body, cookiesToo: boolean): JsonReply {
    const ids = Array.isArray(body['profile_id']) ? body['profile_id'] : [body['profile_id']];
    if (!present(ids[0])) return ixFail(1000);
    const cleared: unknown[] = [];
    for (const raw of ids) {
      const p = store.get(toInt(raw) ?? NaN);
      if (!p) return ixFail(2007);
      if (cookiesToo) p.cookie = '';
      cleared.push(raw);
    }
    deps.changed();
    return ixOk(cleared);
  }

  /** Required fields per action beyond proxy_mode, as the vendor's docs list them. */
  const REQUIRED_INFO: Record<IxProxyMode, string[]> = {
    1: ['proxy_id', 'gateway'],
    2: ['proxy_type'],
    3: ['proxy_id'],
    4: [
      'proxy_check_line',
      'proxy_type',
      'proxy_service',
      'proxy_data_format_type',
      'proxy_extraction_method',
      'proxy_url',
    ],
  };

  function updateProxy(body: Body, mode: IxProxyMode): JsonReply {
    const info = body['proxy_info'];
    if (!present(body['profile_id']) || !isRecord(info)) return ixFail(1000, []);
    const p = store.get(toInt(body['profile_id']) ?? NaN);
    if (!p) return ixFail(2007, []);
    const parsed = parseIxProxy(info, data, { requireMode: true, expectMode: mode });
    if (typeof parsed === 'string') return ixFail(ixProxyErrorCode(parsed, 'action'), []);
    if (REQUIRED_INFO[mode].some((k) => !present(info[k]))) return ixFail(1000, []);
    if (faults.failsEdit(p.profile_id)) return ixFail(1011, []);
    applyIxProxy(p, parsed, newProxyId);
    deps.changed();
    return ixOk('success');
  }

  return {
    async handle(req: SandboxRequest): Promise<JsonReply> {
      const match = /^\/api\/v2\/([a-z0-9-]+)\/?$/.exec(req.path);
      if (req.method !== 'POST' || !match) return { ...ixFail(1001), status: 404 };
      const handler = handlers[match[1]!];
      if (!handler) return ixFail(1001);
      let body: unknown = {};
      if (req.body.trim()) {
        try {
          body = JSON.parse(req.body);
        } catch {
          return ixFail(1001);
        }
      }
      if (!isRecord(body)) return ixFail(1001);
      return handler(body);
    },
    busy: () => ixFail(faults.random.chance(0.5) ? 1010 : 1008),
    tooFast: () => ixFail(1010),
    internalError: () => ixFail(1004),
    refused: ({ status, message }) => ({ ...ixFail(1001, null, message), status }),
  };
}
