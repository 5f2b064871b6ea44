/**
 * CosLogin's Local API on loopback: `POST /<path>` with a JSON body and the
 * `X-Cos-Local-Token` header, answered `{code, msg, data}` (cos-browser-window-api.txt).
 * Codes: 0 ok, 211 bad parameters (HTTP 200), 401 bad token (HTTP 401), 404 unknown API
 * (HTTP 404), 500 local service failure (HTTP 500).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserPool, LaunchProxy } from './browsers';
import { blankCosWindow, type CosProfileRecord, type CosStore } from './cos-state';
import type { Faults } from './faults';
import type { JsonReply, SandboxRequest, VendorRouter } from './json-server';
import type { Random } from './random';
import { TAG_COLORS } from './seed-words';
import { formatDateTime } from './time';
import { isRecord, present, str, toInt } from './body-values';

type Body = Record<string, unknown>;
type Handler = (body: Body) => JsonReply | Promise<JsonReply>;

export const cosOk = (data: unknown, msg = 'success'): JsonReply => ({
  status: 200,
  body: { code: 0, msg, data },
});
export const cosFail = (code: 211 | 401 | 404 | 500, msg: string): JsonReply => ({
  status: code === 211 ? 200 : code,
  body: { code, msg, data: {} },
});

export const COS_MESSAGES = {
  config: 'Configuration must be a JSON object',
  uuid: 'UUID invalid',
  unauthorized: 'Client not logged in, or invalid local access token',
  notFound: 'API not found',
  failed: 'Local service execution failed',
  jsonOnly: 'Parameters must be sent as a JSON body',
  oneWindow: 'Only one browser window can be handled at a time',
  noWindow: 'Browser window does not exist',
  idRequired: 'uuid or id is required',
  idsRequired: 'ids is required',
  groupMissing: 'Group does not exist',
  tagMissing: 'Tag does not exist',
  isOpen: 'Browser window is open, close it first',
} as const;

const PROXY_METHODS = [2, 3, 4];
const PROXY_TYPES = ['direct', 'http', 'https', 'socks5', 'ssh'];
const ID_KEYS = ['id', 'browserId', 'browser_id'];
const UUID_KEYS = ['uuid', 'config_uuid', 'browserUuid', 'browser_uuid'];

export const cosBrowserKey = (id: number): string => `cos-${id}`;

export interface CosRouterDeps {
  store: CosStore;
  pool: BrowserPool;
  faults: Faults;
  random: Random;
  token: string;
  /** Where /browser/open writes its launch configs (the sandbox's temp dir). */
  workDir: string;
  log: (line: string) => void;
  changed: () => void;
}

export function launchProxyForWindow(w: CosProfileRecord): LaunchProxy | null {
  if (w.proxyMethod !== 2 || !w.host || !w.port) return null;
  if (w.proxyType !== 'http' && w.proxyType !== 'https' && w.proxyType !== 'socks5') return null;
  return { scheme: w.proxyType, host: w.host, port: w.port };
}

export function createCosRouter(deps: CosRouterDeps): VendorRouter {
  const { store, pool, faults, random } = deps;
  const data = store.data;

  /** A window named by an id (number, numeric string) or a uuid. */
  function find(ref: unknown): CosProfileRecord | undefined {
    const id = toInt(ref);
    if (id !== undefined) return store.get(id);
    return typeof ref === 'string' ? store.getByUuid(ref.trim()) : undefined;
  }

  /** Windows named by `ids`; a string message when the list is missing or names none. */
  function windowsOf(ids: unknown): CosProfileRecord[] | string {
    if (!Array.isArray(ids) || ids.length === 0) return COS_MESSAGES.idsRequired;
    const found: CosProfileRecord[] = [];
    for (const ref of ids) {
      const w = find(ref);
      if (!w) return `${COS_MESSAGES.noWindow}: ${str(ref)}`;
      if (!found.includes(w)) found.push(w);
    }
    return found;
  }

  /** Exactly one window from the id/uuid aliases (open, close, delete, edit). */
  function oneWindow(body: Body): CosProfileRecord | JsonReply {
    const refs: unknown[] = [];
    for (const key of [...ID_KEYS, ...UUID_KEYS, 'ids', 'uuids']) {
      const v = body[key];
      if (Array.isArray(v)) refs.push(...v);
      else if (present(v)) refs.push(v);
    }
    if (refs.length === 0) return cosFail(211, COS_MESSAGES.idRequired);
    const windows = new Set<CosProfileRecord>();
    for (const ref of refs) {
      const w = find(ref);
      if (!w) return cosFail(211, COS_MESSAGES.noWindow);
      windows.add(w);
    }
    if (windows.size > 1) return cosFail(211, COS_MESSAGES.oneWindow);
    return [...windows][0]!;
  }
  const isReply = (v: unknown): v is JsonReply => isRecord(v) && 'status' in v && 'body' in v;

  const failsEdit = (ws: CosProfileRecord[]): boolean =>
    ws.some((w) => faults.failsEdit(w.id) || faults.failsEdit(w.uuid));

  function checkGroup(v: unknown): number | string {
    const id = toInt(v);
    if (id === undefined) return COS_MESSAGES.groupMissing;
    if (id !== 0 && !data.groups.some((g) => g.id === id)) return COS_MESSAGES.groupMissing;
    return id;
  }

  function checkTags(v: unknown): number[] | string {
    if (!Array.isArray(v)) return COS_MESSAGES.tagMissing;
    const ids = v.map(toInt);
    if (ids.some((id) => id === undefined || !data.tags.some((t) => t.id === id)))
      return COS_MESSAGES.tagMissing;
    return [...new Set(ids as number[])];
  }

  /**
   * Proxy fields as sent; `whole` replaces the window's proxy (proxy/update), otherwise
   * only the fields given change. A string is the 211 message.
   */
  function proxyFields(body: Body, whole: boolean): Partial<CosProfileRecord> | string {
    const out: Partial<CosProfileRecord> = {};
    if (present(body['proxyMethod'])) {
      const m = toInt(body['proxyMethod']);
      if (m === undefined || !PROXY_METHODS.includes(m)) return 'proxyMethod must be 2, 3 or 4';
      out.proxyMethod = m;
    }
    if (present(body['proxyType'])) {
      const t = str(body['proxyType']);
      if (!PROXY_TYPES.includes(t)) return 'proxyType must be direct, http, https, socks5 or ssh';
      out.proxyType = t;
    }
    if (present(body['port'])) {
      const p = toInt(body['port']);
      if (p === undefined || p < 1 || p > 65535) return 'port must be a number from 1 to 65535';
      out.port = p;
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
        proxyType: out.proxyType ?? 'direct',
        host: out.host ?? '',
        port: out.port ?? null,
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

  /** The proxy a window ends up with must make sense. */
  function proxyProblem(
    w: Pick<CosProfileRecord, 'proxyMethod' | 'proxyType' | 'host' | 'port' | 'dynamicIpUrl'>,
  ): string | null {
    if (w.proxyMethod === 2 && w.proxyType !== 'direct' && (!w.host || !w.port))
      return 'host and port are required for this proxy type';
    if (w.proxyMethod === 3 && !w.dynamicIpUrl)
      return 'dynamicIpUrl is required for API extraction';
    return null;
  }

  /** Metadata fields shared by /browser/update and /browser/update/partial. */
  function metaFields(body: Body): Partial<CosProfileRecord> | string {
    const out: Partial<CosProfileRecord> = {};
    if ('name' in body) out.name = str(body['name']).trim();
    if ('remark' in body) out.remark = str(body['remark']);
    if (present(body['groupId'])) {
      const g = checkGroup(body['groupId']);
      if (typeof g === 'string') return g;
      out.groupId = g;
    }
    if ('tagIds' in body) {
      const t = checkTags(body['tagIds']);
      if (typeof t === 'string') return t;
      out.tagIds = t;
    }
    return out;
  }

  function touch(w: CosProfileRecord): void {
    w.updatedTime = formatDateTime(Date.now());
  }

  async function closeWindow(w: CosProfileRecord) {
    return pool.close(cosBrowserKey(w.id));
  }

  const handlers: Record<string, Handler> = {
    '/browser/update': (body) => {
      // The Local API quirk: a complete, non-empty config on every create and edit.
      if (!isRecord(body['config']) || Object.keys(body['config']).length === 0)
        return cosFail(211, COS_MESSAGES.config);
      const editing = [...ID_KEYS, 'uuid'].some((k) => present(body[k]));
      const existing = editing ? oneWindow(body) : undefined;
      if (isReply(existing)) return existing;
      if (existing && failsEdit([existing])) return cosFail(500, COS_MESSAGES.failed);
      const meta = metaFields(body);
      if (typeof meta === 'string') return cosFail(211, meta);
      const proxy = proxyFields(body, false);
      if (typeof proxy === 'string') return cosFail(211, proxy);

      const w = existing ?? blankCosWindow(store.newWindowId(), random.uuid(), '', Date.now());
      const next = { ...w, ...meta, ...proxy };
      if (!existing && !present(body['proxyMethod']) && next.host && next.proxyType === 'direct')
        next.proxyType = 'http';
      const problem = proxyProblem(next);
      if (problem) return cosFail(211, problem);
      Object.assign(w, next);
      if (!w.name) w.name = `Window ${w.id}`;
      w.config = { ...body['config'] };
      if (isRecord(body['browserFingerPrint']))
        w.browserFingerPrint = { ...body['browserFingerPrint'] };
      touch(w);
      if (!existing) store.insert(w);
      deps.changed();
      return cosOk(w);
    },

    '/browser/update/partial': (body) => {
      const ws = windowsOf(body['ids']);
      if (typeof ws === 'string') return cosFail(211, ws);
      if (failsEdit(ws)) return cosFail(500, COS_MESSAGES.failed);
      const meta = metaFields(body);
      if (typeof meta === 'string') return cosFail(211, meta);
      if ('name' in meta && !meta.name) delete meta.name;
      for (const w of ws) {
        Object.assign(w, meta);
        if (isRecord(body['browserFingerPrint']))
          w.browserFingerPrint = { ...w.browserFingerPrint, ...body['browserFingerPrint'] };
        if (isRecord(body['config'])) w.config = { ...w.config, ...body['config'] };
        touch(w);
      }
      deps.changed();
      return cosOk({});
    },

    '/browser/detail': (body) => {
      // The Local API looks windows up by uuid only; a numeric id is "UUID invalid".
      const ref = [...UUID_KEYS, ...ID_KEYS].map((k) => body[k]).find(present);
      if (typeof ref !== 'string' || toInt(ref) !== undefined)
        return cosFail(211, COS_MESSAGES.uuid);
      const w = store.getByUuid(ref.trim());
      return w ? cosOk(w) : cosFail(211, COS_MESSAGES.uuid);
    },

    '/browser/list': (body) => {
      const page = Math.max(0, toInt(body['page']) ?? 0);
      const size = toInt(body['pageSize']);
      const pageSize = size && size > 0 ? size : 10;
      const groupId = present(body['groupId']) ? toInt(body['groupId']) : undefined;
      if (present(body['groupId']) && groupId === undefined)
        return cosFail(211, COS_MESSAGES.groupMissing);
      const { total, items } = store.list(
        {
          groupId,
          keyword: str(body['keyword']).trim() || undefined,
          name: str(body['name']).trim() || undefined,
          remark: str(body['remark']).trim() || undefined,
        },
        page,
        pageSize,
      );
      return cosOk({ list: items, page, pageSize, total });
    },

    '/browser/delete': (body) => {
      if (Array.isArray(body['ids'])) return deleteWindows(body['ids']);
      const w = oneWindow(body);
      return isReply(w) ? w : deleteWindows([w.id]);
    },

    '/browser/delete/ids': (body) => deleteWindows(body['ids']),

    '/browser/group/update': (body) => {
      const ws = windowsOf(body['ids']);
      if (typeof ws === 'string') return cosFail(211, ws);
      if (!present(body['groupId'])) return cosFail(211, 'groupId is required');
      const g = checkGroup(body['groupId']);
      if (typeof g === 'string') return cosFail(211, g);
      if (failsEdit(ws)) return cosFail(500, COS_MESSAGES.failed);
      for (const w of ws) {
        w.groupId = g;
        touch(w);
      }
      deps.changed();
      return cosOk({});
    },

    '/browser/remark/update': (body) => {
      const ws = windowsOf(body['ids']);
      if (typeof ws === 'string') return cosFail(211, ws);
      if (typeof body['remark'] !== 'string') return cosFail(211, 'remark is required');
      if (failsEdit(ws)) return cosFail(500, COS_MESSAGES.failed);
      for (const w of ws) {
        w.remark = body['remark'];
        touch(w);
      }
      deps.changed();
      return cosOk({});
    },

    '/browser/proxy/update': (body) => {
      const ws = windowsOf(body['ids']);
      if (typeof ws === 'string') return cosFail(211, ws);
      if (!present(body['proxyMethod'])) return cosFail(211, 'proxyMethod is required');
      const proxy = proxyFields(body, true);
      if (typeof proxy === 'string') return cosFail(211, proxy);
      const problem = proxyProblem(proxy as CosProfileRecord);
      if (problem) return cosFail(211, problem);
      if (failsEdit(ws)) return cosFail(500, COS_MESSAGES.failed);
      for (const w of ws) {
        Object.assign(w, proxy);
        touch(w);
      }
      deps.changed();
      return cosOk({});
    },

    '/browser/open': async (body) => {
      const w = oneWindow(body);
      if (isReply(w)) return w;
      const key = cosBrowserKey(w.id);
      const configPath = join(deps.workDir, 'firefox-launch-configs', `${w.uuid}.json`);
      const opening = pool.opening(key);
      if (opening) await opening.catch(() => undefined);
      let session = pool.session(key);
      const alreadyStarted = !!session;
      if (!session) {
        const startUrl = str(w.config['startUrl']);
        const proxy = launchProxyForWindow(w);
        try {
          await mkdir(join(deps.workDir, 'firefox-launch-configs'), { recursive: true });
          // What the client would hand its browser; credentials stay out of it.
          await writeFile(
            configPath,
            JSON.stringify({ id: w.id, uuid: w.uuid, name: w.name, startUrl, proxy }, null, 2),
          );
          session = await pool.launch({
            key,
            startUrl: /^(https?|about|file|data):/i.test(startUrl) ? startUrl : 'about:blank',
            proxy,
          });
        } catch (error) {
          deps.log(`CosLogin: window ${w.id} failed to open: ${(error as Error).message}`);
          return cosFail(500, COS_MESSAGES.failed);
        }
      }
      return cosOk(
        {
          id: String(w.id),
          browserId: String(w.id),
          uuid: w.uuid,
          pid: session.pid,
          alreadyStarted,
          profileDir: session.userDataDir,
          configPath,
          openedStatus: { beforeStart: {}, afterStart: {} },
        },
        'Browser opened',
      );
    },

    '/browser/close': async (body) => {
      const w = oneWindow(body);
      if (isReply(w)) return w;
      // Closing a window that is not running still succeeds, as the client syncs state anyway.
      const result = await closeWindow(w);
      const zipName = `${w.uuid}.zip`;
      return cosOk(
        {
          id: String(w.id),
          browserId: String(w.id),
          uuid: w.uuid,
          close: {
            error: 0,
            killed: result?.killed ?? false,
            profileZipPath: join(deps.workDir, 'uploaded-profile-zips', zipName),
            profileZipName: zipName,
            profileZipSize: 0,
          },
          cookies: {},
          backendClose: {},
          openedStatus: { beforeClose: {}, afterClose: {} },
        },
        'Browser closed',
      );
    },

    '/browser/pids': (body) => {
      const out: Record<string, number> = {};
      for (const { w, session } of openWindows(body['ids'])) out[String(w.id)] = session.pid;
      return cosOk(out);
    },

    '/browser/ports': (body) => {
      const out: Record<string, string> = {};
      for (const { w, session } of openWindows(body['ids']))
        out[String(w.id)] = String(session.port);
      return cosOk(out);
    },

    '/group/list': (body) => {
      const page = Math.max(0, toInt(body['page']) ?? 0);
      const size = toInt(body['pageSize']);
      const pageSize = size && size > 0 ? size : 100;
      const list = data.groups.slice(page * pageSize, (page + 1) * pageSize);
      return cosOk({ list, page, pageSize, total: data.groups.length });
    },

    '/group/add': (body) => {
      const groupName = str(body['groupName']).trim();
      if (!groupName) return cosFail(211, 'groupName is required');
      if (data.groups.some((g) => g.groupName === groupName))
        return cosFail(211, 'Group name already exists');
      const group = { id: data.nextGroupId++, groupName, sortNum: toInt(body['sortNum']) ?? 0 };
      data.groups.push(group);
      deps.changed();
      return cosOk(group);
    },

    '/browserTag/list': (body) => {
      const keyword = str(body['keyword']).trim().toLowerCase();
      const list = keyword
        ? data.tags.filter((t) => t.tagName.toLowerCase().includes(keyword))
        : data.tags;
      return cosOk({ list, total: list.length });
    },

    '/browserTag/create': (body) => {
      const tagName = str(body['tagName']).trim();
      if (!tagName) return cosFail(211, 'tagName is required');
      if (data.tags.some((t) => t.tagName === tagName))
        return cosFail(211, 'Tag name already exists');
      const tag = {
        id: data.nextTagId++,
        tagName,
        tagColor: str(body['tagColor']) || random.pick(TAG_COLORS),
      };
      data.tags.push(tag);
      deps.changed();
      return cosOk(tag);
    },
  };

  function openWindows(ids: unknown) {
    const wanted = Array.isArray(ids) ? ids.map(find).filter(Boolean) : undefined;
    return pool
      .sessions()
      .filter((s) => s.key.startsWith('cos-'))
      .map((session) => ({ w: store.get(Number(session.key.slice(4))), session }))
      .filter(
        (x): x is { w: CosProfileRecord; session: typeof x.session } =>
          !!x.w && (!wanted || wanted.includes(x.w)),
      );
  }

  function deleteWindows(ids: unknown): JsonReply {
    const ws = windowsOf(ids);
    if (typeof ws === 'string') return cosFail(211, ws);
    if (failsEdit(ws)) return cosFail(500, COS_MESSAGES.failed);
    if (ws.some((w) => pool.state(cosBrowserKey(w.id)) !== 'closed'))
      return cosFail(211, COS_MESSAGES.isOpen);
    for (const w of ws) {
      store.remove(w);
      data.recycleBin.push(w);
    }
    deps.changed();
    return cosOk({});
  }

  return {
    async handle(req: SandboxRequest): Promise<JsonReply> {
      const token = req.headers['x-cos-local-token'];
      if (token !== deps.token) return cosFail(401, COS_MESSAGES.unauthorized);
      const handler = req.method === 'POST' ? handlers[req.path] : undefined;
      if (!handler) return cosFail(404, COS_MESSAGES.notFound);
      // Other content types never get here: json-server answers them 415 (request-guard.ts).
      if (req.query) return cosFail(211, COS_MESSAGES.jsonOnly);
      let body: unknown = {};
      if (req.body.trim()) {
        try {
          body = JSON.parse(req.body);
        } catch {
          return cosFail(211, COS_MESSAGES.jsonOnly);
        }
      }
      if (!isRecord(body)) return cosFail(211, COS_MESSAGES.jsonOnly);
      return handler(body);
    },
    busy: () => cosFail(500, COS_MESSAGES.failed),
    tooFast: () => null,
    internalError: () => cosFail(500, COS_MESSAGES.failed),
    refused: ({ status, message }) => ({ status, body: { code: status, msg: message, data: {} } }),
  };
}
