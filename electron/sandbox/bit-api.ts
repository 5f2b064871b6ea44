/**
 * BitBrowser's Local API on loopback: `POST /<path>` with a JSON body, answered
 * `{success: true, data}` or `{success: false, msg}` (the vendor's doc repo README). The same
 * paths and window fields as CosLogin's; `browserIds` on the group and remark batches; open
 * starts a real Chromium and answers its CDP `ws` and `http` as the vendor's Postman example.
 * Auth: none, unless the sandbox was given an API key (then a Bearer token or `X-API-KEY`).
 */
import type { BrowserPool, LaunchProxy } from './browsers';
import { blankBitWindow, type BitProfileRecord, type BitStore } from './bit-state';
import type { Faults } from './faults';
import type { JsonReply, SandboxRequest, VendorRouter } from './json-server';
import type { Random } from './random';
import { formatDateTime } from './time';
import { isRecord, present, str, toInt } from './body-values';

type Body = Record<string, unknown>;
type Handler = (body: Body) => JsonReply | Promise<JsonReply>;

export const bitOk = (data?: unknown): JsonReply => ({
  status: 200,
  body: data === undefined ? { success: true } : { success: true, data },
});
export const bitFail = (msg: string, status = 200): JsonReply => ({
  status,
  body: { success: false, msg },
});

export const BIT_MESSAGES = {
  idRequired: 'Id is required',
  idsRequired: 'ids is required',
  noWindow: 'Browser window does not exist',
  groupMissing: 'Group does not exist',
  isOpen: 'Browser window is open, close it first',
  fingerprint: 'browserFingerPrint is required',
  tooManyIds: 'At most 100 windows per call',
  notFound: 'API not found',
  jsonOnly: 'Parameters must be sent as a JSON body',
  failed: 'Local service busy, please try again later',
  unauthorized: 'Unauthorized: a valid API key is required',
  openFailed: 'Browser failed to start',
} as const;

/** The vendor's page size limit on /browser/list (larger asks are served 100). */
export const BIT_MAX_PAGE_SIZE = 100;
/** Ids per batch call (the vendor documents it for /browser/delete/ids). */
export const BIT_MAX_BATCH = 100;

const PROXY_TYPES = ['noproxy', 'http', 'https', 'socks5', 'ssh'];

export const bitBrowserKey = (id: string): string => `bit-${id}`;

export interface BitRouterDeps {
  store: BitStore;
  pool: BrowserPool;
  faults: Faults;
  random: Random;
  /** When set, every call must carry it (Authorization: Bearer, or X-API-KEY). */
  apiKey?: string;
  webdriverPath: string;
  log: (line: string) => void;
  changed: () => void;
}

export function launchProxyForBitWindow(w: BitProfileRecord): LaunchProxy | null {
  const port = toInt(w.port);
  if (w.proxyMethod !== 2 || !w.host || !port) return null;
  if (w.proxyType !== 'http' && w.proxyType !== 'https' && w.proxyType !== 'socks5') return null;
  return { scheme: w.proxyType, host: w.host, port };
}

export function createBitRouter(deps: BitRouterDeps): VendorRouter {
  const { store, pool, faults, random } = deps;
  const data = store.data;

  const keyOf = (req: SandboxRequest): string | undefined => {
    const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const header = req.headers['x-api-key'];
    return bearer ?? (typeof header === 'string' ? header : undefined);
  };

  /** Windows named by a list of ids; a message when it is missing, too long or names none. */
  function windowsOf(ids: unknown): BitProfileRecord[] | string {
    if (!Array.isArray(ids) || ids.length === 0) return BIT_MESSAGES.idsRequired;
    if (ids.length > BIT_MAX_BATCH) return BIT_MESSAGES.tooManyIds;
    const found: BitProfileRecord[] = [];
    for (const ref of ids) {
      const w = store.get(str(ref));
      if (!w) return `${BIT_MESSAGES.noWindow}: ${str(ref)}`;
      if (!found.includes(w)) found.push(w);
    }
    return found;
  }

  function oneWindow(body: Body): BitProfileRecord | JsonReply {
    if (!present(body['id'])) return bitFail(BIT_MESSAGES.idRequired);
    return store.get(str(body['id'])) ?? bitFail(BIT_MESSAGES.noWindow);
  }
  const isReply = (v: unknown): v is JsonReply => isRecord(v) && 'status' in v && 'body' in v;
  const failsEdit = (ws: BitProfileRecord[]) => ws.some((w) => faults.failsEdit(w.id));

  function checkGroup(v: unknown): string | { error: string } {
    const id = str(v);
    if (id === '' || id === '0') return '';
    return data.groups.some((g) => g.id === id) ? id : { error: BIT_MESSAGES.groupMissing };
  }

  /** Proxy fields as sent; `whole` replaces the window's proxy (proxy/update). */
  function proxyFields(body: Body, whole: boolean): Partial<BitProfileRecord> | string {
    const out: Partial<BitProfileRecord> = {};
    if (present(body['proxyMethod'])) {
      const m = toInt(body['proxyMethod']);
      if (m !== 2 && m !== 3) return 'proxyMethod must be 2 or 3';
      out.proxyMethod = m;
    }
    if (present(body['proxyType'])) {
      const t = str(body['proxyType']);
      if (!PROXY_TYPES.includes(t)) return 'proxyType must be noproxy, http, https, socks5 or ssh';
      out.proxyType = t;
    }
    if (present(body['port'])) {
      const p = toInt(body['port']);
      if (p === undefined || p < 1 || p > 65535) return 'port must be a number from 1 to 65535';
      out.port = String(p);
    }
    const strings = [
      'host',
      'proxyUserName',
      'proxyPassword',
      'refreshProxyUrl',
      'dynamicIpUrl',
      'dynamicIpChannel',
      'ipCheckService',
    ] as const;
    for (const k of strings) if (k in body) out[k] = str(body[k]).trim();
    if ('isDynamicIpChangeIp' in body)
      out.isDynamicIpChangeIp = body['isDynamicIpChangeIp'] === true;
    if ('enableSocks5Udp' in body) out.enableSocks5Udp = body['enableSocks5Udp'] === true;
    if (whole) {
      Object.assign(out, {
        proxyType: out.proxyType ?? 'noproxy',
        host: out.host ?? '',
        port: out.port ?? '',
        proxyUserName: out.proxyUserName ?? '',
        proxyPassword: out.proxyPassword ?? '',
        refreshProxyUrl: out.refreshProxyUrl ?? '',
        dynamicIpUrl: out.dynamicIpUrl ?? '',
        dynamicIpChannel: out.dynamicIpChannel ?? '',
        isDynamicIpChangeIp: out.isDynamicIpChangeIp ?? false,
        enableSocks5Udp: out.enableSocks5Udp ?? false,
      });
    }
    return out;
  }

  function proxyProblem(w: Partial<BitProfileRecord>): string | null {
    if (w.proxyMethod === 2 && w.proxyType !== 'noproxy' && (!w.host || !w.port))
      return 'host and port are required for this proxy type';
    if (w.proxyMethod === 3 && !w.dynamicIpUrl)
      return 'dynamicIpUrl is required for API extraction';
    return null;
  }

  function metaFields(body: Body): Partial<BitProfileRecord> | string {
    const out: Partial<BitProfileRecord> = {};
    if ('name' in body) out.name = str(body['name']).trim();
    if ('remark' in body) out.remark = str(body['remark']);
    if ('groupId' in body) {
      const g = checkGroup(body['groupId']);
      if (typeof g !== 'string') return g.error;
      out.groupId = g;
    }
    for (const flag of [
      'stopWhileNetError',
      'stopWhileIpChange',
      'stopWhileCountryChange',
    ] as const)
      if (flag in body) out[flag] = body[flag] === true;
    return out;
  }

  /** A window as /browser/list and /browser/detail answer it: tags as objects. */
  const shown = (w: BitProfileRecord) => {
    const { tagIds, ...rest } = w;
    const group = data.groups.find((g) => g.id === w.groupId);
    return {
      ...rest,
      groupName: group?.groupName ?? '',
      browserTags: tagIds.flatMap((id) => data.tags.filter((t) => t.id === id)),
    };
  };

  const touch = (w: BitProfileRecord) => {
    w.updateTime = formatDateTime(Date.now());
  };

  const openAnswer = (
    w: BitProfileRecord,
    session: { pid: number; port: number; wsUrl: string },
  ) => ({
    ws: session.wsUrl,
    http: `127.0.0.1:${session.port}`,
    coreVersion: str(w.browserFingerPrint['coreVersion']) || '130',
    driver: deps.webdriverPath,
    seq: w.seq,
    name: w.name,
    remark: w.remark,
    groupId: w.groupId,
    pid: session.pid,
  });

  function openWindows(ids?: unknown) {
    const wanted = Array.isArray(ids) ? new Set(ids.map(str)) : undefined;
    return pool
      .sessions()
      .filter((s) => s.key.startsWith('bit-'))
      .map((session) => ({ w: store.get(session.key.slice(4)), session }))
      .filter(
        (x): x is { w: BitProfileRecord; session: typeof x.session } =>
          !!x.w && (!wanted || wanted.has(x.w.id)),
      );
  }

  const pidsOf = (ids?: unknown) => {
    const out: Record<string, number> = {};
    for (const { w, session } of openWindows(ids)) out[w.id] = session.pid;
    return bitOk(out);
  };

  function deleteWindows(ws: BitProfileRecord[]): JsonReply {
    if (failsEdit(ws)) return bitFail(BIT_MESSAGES.failed, 500);
    if (ws.some((w) => pool.state(bitBrowserKey(w.id)) !== 'closed'))
      return bitFail(BIT_MESSAGES.isOpen);
    for (const w of ws) store.remove(w);
    deps.changed();
    return bitOk();
  }

  const batchEdit = (ids: unknown, apply: (w: BitProfileRecord) => void): JsonReply => {
    const ws = windowsOf(ids);
    if (typeof ws === 'string') return bitFail(ws);
    if (failsEdit(ws)) return bitFail(BIT_MESSAGES.failed, 500);
    for (const w of ws) {
      apply(w);
      touch(w);
    }
    deps.changed();
    return bitOk();
  };

  const handlers: Record<string, Handler> = {
    '/health': () => bitOk(),

    '/browser/update': (body) => {
      const editing = present(body['id']);
      const existing = editing ? oneWindow(body) : undefined;
      if (isReply(existing)) return existing;
      if (!existing && !isRecord(body['browserFingerPrint']))
        return bitFail(BIT_MESSAGES.fingerprint);
      if (existing && failsEdit([existing])) return bitFail(BIT_MESSAGES.failed, 500);
      const meta = metaFields(body);
      if (typeof meta === 'string') return bitFail(meta);
      const proxy = proxyFields(body, false);
      if (typeof proxy === 'string') return bitFail(proxy);
      const w = existing ?? blankBitWindow(random.hex(32), data.nextSeq, '', Date.now());
      const next = { ...w, ...meta, ...proxy };
      const problem = proxyProblem(next);
      if (problem) return bitFail(problem);
      Object.assign(w, next);
      if (isRecord(body['browserFingerPrint']))
        w.browserFingerPrint = { ...w.browserFingerPrint, ...body['browserFingerPrint'] };
      if (!existing) {
        data.nextSeq++;
        store.insert(w);
      }
      touch(w);
      deps.changed();
      return bitOk(shown(w));
    },

    '/browser/update/partial': (body) => {
      const meta = metaFields(body);
      if (typeof meta === 'string') return bitFail(meta);
      if ('name' in meta && !meta.name) delete meta.name;
      return batchEdit(body['ids'], (w) => {
        Object.assign(w, meta);
        if (isRecord(body['browserFingerPrint']))
          w.browserFingerPrint = { ...w.browserFingerPrint, ...body['browserFingerPrint'] };
      });
    },

    '/browser/detail': (body) => {
      const w = oneWindow(body);
      return isReply(w) ? w : bitOk(shown(w));
    },

    '/browser/list': (body) => {
      const page = Math.max(0, toInt(body['page']) ?? 0);
      const asked = toInt(body['pageSize']);
      const pageSize = Math.min(asked && asked > 0 ? asked : 10, BIT_MAX_PAGE_SIZE);
      let groupId: string | undefined;
      if (present(body['groupId'])) {
        const g = checkGroup(body['groupId']);
        if (typeof g !== 'string') return bitFail(g.error);
        groupId = g;
      }
      const { total, items } = store.list(
        {
          groupId,
          name: str(body['name']).trim() || undefined,
          remark: str(body['remark']).trim() || undefined,
          seq: toInt(body['seq']),
          minSeq: toInt(body['minSeq']),
          maxSeq: toInt(body['maxSeq']),
        },
        page,
        pageSize,
      );
      return bitOk({ page, pageSize, totalNum: total, list: items.map(shown) });
    },

    '/browser/list/concise': (body) => {
      const page = Math.max(0, toInt(body['page']) ?? 0);
      const asked = toInt(body['pageSize']);
      const pageSize = Math.min(asked && asked > 0 ? asked : 10, BIT_MAX_PAGE_SIZE);
      const { total, items } = store.list({}, page, pageSize);
      const list = items.map((w) => ({ id: w.id, seq: w.seq, name: w.name, remark: w.remark }));
      return bitOk({ page, pageSize, totalNum: total, list });
    },

    '/browser/delete': (body) => {
      const w = oneWindow(body);
      return isReply(w) ? w : deleteWindows([w]);
    },

    '/browser/delete/ids': (body) => {
      const ws = windowsOf(body['ids']);
      return typeof ws === 'string' ? bitFail(ws) : deleteWindows(ws);
    },

    '/browser/group/update': (body) => {
      if (!present(body['groupId'])) return bitFail('groupId is required');
      const g = checkGroup(body['groupId']);
      if (typeof g !== 'string') return bitFail(g.error);
      return batchEdit(body['browserIds'], (w) => {
        w.groupId = g;
      });
    },

    '/browser/remark/update': (body) => {
      if (typeof body['remark'] !== 'string') return bitFail('remark is required');
      const remark = body['remark'];
      return batchEdit(body['browserIds'], (w) => {
        w.remark = remark;
      });
    },

    '/browser/proxy/update': (body) => {
      if (!present(body['proxyMethod'])) return bitFail('proxyMethod is required');
      const proxy = proxyFields(body, true);
      if (typeof proxy === 'string') return bitFail(proxy);
      const problem = proxyProblem(proxy);
      if (problem) return bitFail(problem);
      return batchEdit(body['ids'], (w) => Object.assign(w, proxy));
    },

    '/browser/open': async (body) => {
      const w = oneWindow(body);
      if (isReply(w)) return w;
      const key = bitBrowserKey(w.id);
      const opening = pool.opening(key);
      if (opening) await opening.catch(() => undefined);
      let session = pool.session(key);
      if (!session) {
        const url = str(body['newPageUrl']);
        try {
          session = await pool.launch({
            key,
            startUrl: /^(https?|about|data):/i.test(url) ? url : 'about:blank',
            proxy: launchProxyForBitWindow(w),
            extraArgs: Array.isArray(body['args']) ? body['args'].map(str) : [],
          });
        } catch (error) {
          deps.log(`BitBrowser: window ${w.id} failed to open: ${(error as Error).message}`);
          return bitFail(BIT_MESSAGES.openFailed);
        }
      }
      return bitOk(openAnswer(w, session));
    },

    '/browser/close': async (body) => {
      const w = oneWindow(body);
      if (isReply(w)) return w;
      await pool.close(bitBrowserKey(w.id));
      return bitOk();
    },

    '/browser/close/all': async () => {
      await Promise.all(openWindows().map(({ w }) => pool.close(bitBrowserKey(w.id))));
      return bitOk();
    },

    '/browser/pids': (body) => {
      if (!Array.isArray(body['ids'])) return bitFail(BIT_MESSAGES.idsRequired);
      return pidsOf(body['ids']);
    },
    '/browser/pids/alive': (body) => {
      if (!Array.isArray(body['ids'])) return bitFail(BIT_MESSAGES.idsRequired);
      return pidsOf(body['ids']);
    },
    '/browser/pids/all': () => pidsOf(),

    '/browser/ports': () => {
      const out: Record<string, string> = {};
      for (const { w, session } of openWindows()) out[w.id] = String(session.port);
      return bitOk(out);
    },

    '/group/list': (body) => {
      const page = Math.max(0, toInt(body['page']) ?? 0);
      const size = toInt(body['pageSize']);
      const pageSize = Math.min(size && size > 0 ? size : 10, BIT_MAX_PAGE_SIZE);
      const sorted = [...data.groups].sort((a, b) => a.sortNum - b.sortNum);
      const list = sorted.slice(page * pageSize, (page + 1) * pageSize);
      return bitOk({ page, pageSize, totalNum: data.groups.length, list });
    },

    '/group/add': (body) => {
      const groupName = str(body['groupName']).trim();
      if (!groupName) return bitFail('groupName is required');
      if (data.groups.some((g) => g.groupName === groupName))
        return bitFail('Group name already exists');
      const group = { id: random.hex(32), groupName, sortNum: toInt(body['sortNum']) ?? 0 };
      data.groups.push(group);
      deps.changed();
      return bitOk(group);
    },

    '/group/edit': (body) => {
      const group = data.groups.find((g) => g.id === str(body['id']));
      if (!group) return bitFail(BIT_MESSAGES.groupMissing);
      const groupName = str(body['groupName']).trim();
      if (!groupName) return bitFail('groupName is required');
      group.groupName = groupName;
      if (toInt(body['sortNum']) !== undefined) group.sortNum = toInt(body['sortNum'])!;
      deps.changed();
      return bitOk(group);
    },

    '/group/detail': (body) => {
      const group = data.groups.find((g) => g.id === str(body['id']));
      return group ? bitOk(group) : bitFail(BIT_MESSAGES.groupMissing);
    },
  };

  return {
    async handle(req: SandboxRequest): Promise<JsonReply> {
      if (deps.apiKey !== undefined && keyOf(req) !== deps.apiKey)
        return bitFail(BIT_MESSAGES.unauthorized, 401);
      const handler = req.method === 'POST' ? handlers[req.path] : undefined;
      if (!handler) return bitFail(BIT_MESSAGES.notFound, 404);
      if (req.query) return bitFail(BIT_MESSAGES.jsonOnly);
      let body: unknown = {};
      if (req.body.trim()) {
        try {
          body = JSON.parse(req.body);
        } catch {
          return bitFail(BIT_MESSAGES.jsonOnly);
        }
      }
      if (!isRecord(body)) return bitFail(BIT_MESSAGES.jsonOnly);
      return handler(body);
    },
    busy: () => bitFail(BIT_MESSAGES.failed, 500),
    tooFast: () => null,
    internalError: () => bitFail(BIT_MESSAGES.failed, 500),
    refused: ({ status, message }) => bitFail(message, status),
  };
}
