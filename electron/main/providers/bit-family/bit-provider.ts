/**
 * A Bit-family client (BitBrowser, CosLogin) as a VendorProvider; the dialect says where the
 * two differ. Metadata edits, proxy and delete go through the batch endpoints (in chunks);
 * detail, open and close take one window (by `uuid` in CosLogin, by `id` in BitBrowser).
 * Sessions come from the pids and ports maps where the client has them (404 is normal),
 * filled in with what /browser/open returned.
 */
import { DeckError } from '../../../../shared/ipc/result';
import type { Group, Profile, Session, Tag } from '../../../../shared/model';
import type { CreateItem } from '../../../../shared/model/job';
import { asDeckError, forBatch } from '../common/item-results';
import { applyWithKeptPasswords, type StoredProxies } from '../common/stored-proxy';
import { createPagedList, dropRepeats } from '../common/paging';
import type { CallOptions, ItemResults, OpenResult, VendorProvider } from '../provider';
import { tagIdsByName } from '../common/records';
import { createTransport } from '../common/transport';
import {
  BATCH_CHUNK,
  DEFAULT_PAGE_SIZE,
  READ_ONE_BY_ONE_MAX,
  type ProviderOptions,
} from '../common/provider-options';
import { chunk, text, toWireId } from '../common/wire';
import { createBitClient } from './bit-client';
import type { BitDialect } from './bit-dialect';
import { createWindowIndex } from './window-index';
import {
  WindowProfile,
  windowTagReader,
  windowProxyWrite,
  windowSession,
  windowStoredProxy,
  type OpenRecord,
} from './bit-mapping';
import {
  CreatedWire,
  IdNumberMap,
  NamedWire,
  OpenWire,
  WindowPage,
  WINDOW_PAGES,
  WindowWire,
  windowId,
  type WindowWire as WindowRow,
} from './bit-wire';
import { isRecord } from '../../../../shared/lib/is-record';

/** CosLogin's window ids are numbers; a non-numeric key is a uuid. */
const NUMERIC_ID = /^\d+$/;

export function createBitFamilyProvider(dialect: BitDialect, o: ProviderOptions): VendorProvider {
  const { connectionId } = o;
  const { label } = dialect;
  const clock = o.clock ?? Date.now;
  const pageSize = o.pageSize ?? DEFAULT_PAGE_SIZE;
  const { close, client, parse, read, write, concurrency, openTimeoutMs } = createTransport(o, {
    label,
    concurrency: dialect.capabilities.maxConcurrency,
    client: (deps) =>
      createBitClient(dialect, {
        ...deps,
        baseUrl: o.baseUrl,
        connectionId,
        token: o.token ?? (() => undefined),
      }),
  });
  const session = (vendorId: string, facts: Parameters<typeof windowSession>[3]) =>
    windowSession(dialect, connectionId, vendorId, facts);

  const windows = createWindowIndex();
  const opened = new Map<string, OpenRecord>();
  let tagCreation: Promise<unknown> = Promise.resolve();

  /** A window read on its own: indexed, and its proxy password masked in the log. */
  const learn = (row: WindowRow, vendorId: string) => {
    windows.learn(vendorId, text(row.name), text(row.uuid) || undefined);
    if (row.proxyPassword) o.log.addSecret(text(row.proxyPassword));
  };

  const listing = {
    label: `${label} at ${o.baseUrl}`,
    connectionId,
    clock,
    limits: o.listingLimits,
  };

  const pagedList = createPagedList({ read, parse, pageSize, listing, dialect: WINDOW_PAGES });

  const listGroups = async (opts?: CallOptions): Promise<Group[]> =>
    (await pagedList('/group/list', NamedWire, opts)).map((g) => ({ connectionId, ...g }));

  /** Tags seen on windows, for a dialect without a tag list (BitBrowser's rows carry theirs). */
  const seenTags = new Map<string, string>();
  const noteTags = (profiles: readonly Profile[]) => {
    for (const p of profiles) for (const t of p.tags) seenTags.set(t.id, t.name);
  };

  const listTags = async (opts?: CallOptions): Promise<Tag[]> => {
    if (!dialect.tagApi) {
      if (seenTags.size === 0) await provider.listProfiles(opts);
      return [...seenTags].map(([id, name]) => ({ connectionId, id, name }));
    }
    const data = await read('/browserTag/list', { keyword: '' }, opts);
    return parse(WindowPage(NamedWire), data, '/browserTag/list answer').items.map((t) => ({
      connectionId,
      ...t,
    }));
  };

  const noTagApi = () =>
    DeckError.of(
      'unsupported',
      `${label}'s Local API has no tag endpoints, so tags cannot be set`,
      {
        details: { connectionId },
        reason: 'vendor.no-tags',
        params: { vendor: label },
      },
    );

  /**
   * Group and tag names, which window rows carry only as ids. Asked for alongside the
   * first page; a failing list only costs names (the ids still show).
   */
  const lookups = async (opts?: CallOptions) => {
    const soft = <T>(p: Promise<T[]>, what: string) =>
      p.catch((e: unknown) => {
        if (e instanceof DeckError && e.code === 'cancelled') throw e;
        o.log.warn(`${label} ${connectionId}: ${what} failed`, (e as Error).message);
        return [] as T[];
      });
    const [groups, tags] = await Promise.all([
      soft(listGroups(opts), 'group list'),
      // Without a tag list, rows carry their tags' names themselves.
      dialect.tagApi ? soft(listTags(opts), 'tag list') : [],
    ]);
    const g = new Map(groups.map((x) => [x.id, x.name]));
    const t = new Map(tags.map((x) => [x.id, x.name]));
    const tagName = (id: string) => t.get(id);
    return { groupName: (id: string) => g.get(id), tagName, tags: windowTagReader(tagName) };
  };
  type Lookups = Awaited<ReturnType<typeof lookups>>;

  /**
   * Ids with a live process: /browser/pids and /browser/ports where the client has them.
   * Undefined when it has neither (the documented "not yet supported" case).
   */
  const runtime = async (
    opts?: CallOptions,
  ): Promise<
    | {
        pids: Map<string, number>;
        ports: Map<string, number>;
        /** Some keys are uuids of windows not indexed yet: a listing matches them by uuid. */
        byUuid: boolean;
      }
    | undefined
  > => {
    const optional = (path: string) =>
      read(path, {}, opts).then(
        (d) => parse(IdNumberMap, d, `${path} answer`),
        (e: unknown) => {
          if (e instanceof DeckError && e.code === 'not-found') return undefined;
          throw e;
        },
      );
    const [pids, ports] = await Promise.all([
      optional(dialect.pidsPath),
      optional('/browser/ports'),
    ]);
    if (!pids && !ports) return undefined;
    let byUuid = false;
    const byId = (m: Map<string, number> | undefined) => {
      const out = new Map<string, number>();
      // Keyed by id, or by uuid on clients that do so (only those pay for the index).
      for (const [k, v] of m ?? []) {
        const id = NUMERIC_ID.test(k) ? k : windows.idOf(k);
        if (id === undefined) byUuid = true;
        out.set(id ?? k, v);
      }
      return out;
    };
    const result = { pids: byId(pids), ports: byId(ports), byUuid };
    // Windows the client no longer reports are gone: forget what open told us about them.
    if (pids) for (const id of opened.keys()) if (!result.pids.has(id)) opened.delete(id);
    return result;
  };

  const softRuntime = (opts?: CallOptions) =>
    runtime(opts).catch((e: unknown) => {
      if (e instanceof DeckError && e.code === 'cancelled') throw e;
      o.log.warn(`${label} ${connectionId}: pids/ports failed`, (e as Error).message);
      return null;
    });

  const toProfiles = (
    rows: WindowRow[],
    live: Awaited<ReturnType<typeof softRuntime>>,
    look: Lookups,
  ): Profile[] => {
    const out: Profile[] = [];
    for (const row of rows) {
      const vendorId = windowId(row);
      if (row.proxyPassword) o.log.addSecret(text(row.proxyPassword));
      const key =
        live?.byUuid && !live.pids.has(vendorId) && !live.ports.has(vendorId)
          ? text(row.uuid)
          : vendorId;
      // Without pids (client lacks them, or they failed) only windows we opened are known.
      const status = live
        ? live.pids.has(key) || live.ports.has(key)
          ? 'open'
          : 'closed'
        : opened.has(vendorId)
          ? 'open'
          : 'unknown';
      const port = live?.ports.get(key) ?? opened.get(vendorId)?.debugPort;
      out.push(new WindowProfile(dialect.vendor, connectionId, row, vendorId, status, look, port));
    }
    return out;
  };

  /** The window's uuid (listing once if this id was never seen), or undefined if it has none. */
  const uuidOf = async (vendorId: string, opts?: CallOptions): Promise<string | undefined> => {
    if (!windows.knows(vendorId)) {
      for (const row of await pagedList('/browser/list', WindowWire, opts))
        learn(row, windowId(row));
      if (!windows.knows(vendorId)) {
        throw DeckError.of('not-found', `${label} has no window ${vendorId}`, {
          details: { connectionId },
          reason: 'profile.unknown',
          params: { vendor: label, id: vendorId },
        });
      }
    }
    return windows.uuidOf(vendorId);
  };

  /** CosLogin: `{uuid}` where known (its Local API prefers it), else `{id}`; BitBrowser: `{id}`. */
  const windowRef = async (vendorId: string, opts?: CallOptions) => {
    const uuid = dialect.refByUuid ? await uuidOf(vendorId, opts) : undefined;
    return uuid ? { uuid } : { id: toWireId(vendorId) };
  };

  /** The window's detail; the row is answered for `vendorId` (CosLogin's is asked by uuid). */
  const detailRow = async (vendorId: string, opts?: CallOptions): Promise<WindowRow> => {
    const data = await read('/browser/detail', await windowRef(vendorId, opts), opts);
    // Some clients keep proxy fields only inside `config`: the top level wins where both exist.
    const merged =
      data && typeof data === 'object' && !Array.isArray(data)
        ? {
            ...(isRecord((data as Record<string, unknown>)['config'])
              ? ((data as Record<string, unknown>)['config'] as object)
              : {}),
            ...(data as object),
          }
        : data;
    const row = parse(WindowWire, merged, '/browser/detail answer');
    const uuid = windows.uuidOf(vendorId);
    if (windowId(row) !== vendorId && !(uuid && text(row.uuid) === uuid)) {
      throw DeckError.of(
        'vendor-error',
        `${label} answered the detail of window ${vendorId} with window ${windowId(row)}`,
        {
          details: { connectionId },
          reason: 'vendor.wrong-window',
          params: { vendor: label, id: vendorId, other: windowId(row) },
        },
      );
    }
    return { ...row, id: vendorId };
  };

  const batch = async (
    path: string,
    vendorIds: string[],
    body: Record<string, unknown>,
    opts?: CallOptions,
    idempotent = true,
    idsKey: 'ids' | 'browserIds' = 'ids',
  ): Promise<ItemResults> => {
    const results: ItemResults = new Map();
    for (const ids of chunk(vendorIds, Math.min(BATCH_CHUNK, dialect.batchChunk))) {
      await forBatch(
        ids,
        () => write(path, { [idsKey]: ids.map(toWireId), ...body }, opts, idempotent),
        results,
      );
    }
    return results;
  };

  /** Tag names → ids, creating missing tags one at a time so concurrent edits do not duplicate them. */
  const tagIdsFor = (tagNames: string[], opts?: CallOptions): Promise<string[]> => {
    const run = tagCreation.then(async () => {
      const existing = tagIdsByName(await listTags(opts));
      const ids: string[] = [];
      for (const name of tagNames) {
        let id = existing.get(name);
        if (id === undefined) {
          const created = await write(
            '/browserTag/create',
            { tagName: name, tagColor: '' },
            opts,
            false,
          );
          id = parse(CreatedWire, created, '/browserTag/create answer').id;
          existing.set(name, id);
        }
        ids.push(id);
      }
      return ids;
    });
    tagCreation = run.catch(() => undefined);
    return run;
  };

  /** Page `page` of the window list at one window a page: whether window #page exists. */
  const onePerPage = async (page: number, opts?: CallOptions) =>
    parse(
      WindowPage(WindowWire),
      await read('/browser/list', { page, pageSize: 1 }, opts),
      '/browser/list page',
    );

  /**
   * How many windows there are when the list says no total: window #n exists for every n
   * below the count, so doubling finds a bound and halving finds the count, in about
   * 2·log2(count) one-window requests (27 for 10,000) instead of a whole listing.
   */
  const countWindows = async (opts?: CallOptions): Promise<number> => {
    const exists = async (n: number) => (await onePerPage(n, opts)).items.length > 0;
    let known = 0; // window #known exists (the first page had one)
    let missing = 1;
    while (await exists(missing)) {
      known = missing;
      missing *= 2;
    }
    while (missing - known > 1) {
      const mid = Math.floor((known + missing) / 2);
      if (await exists(mid)) known = mid;
      else missing = mid;
    }
    return known + 1;
  };

  const provider: VendorProvider = {
    vendor: dialect.vendor,
    connectionId,
    // What the job engine paces its requests by: the connection's limit as set now.
    get capabilities() {
      return { ...dialect.capabilities, maxConcurrency: concurrency() };
    },

    async test(opts) {
      const first = await onePerPage(0, opts);
      if (first.total !== undefined) return { profileCount: first.total };
      // Some clients send no total: count the windows without listing them all.
      if (first.items.length === 0) return { profileCount: 0 };
      // A client that ignores pageSize cannot be counted this way; better no count than a wrong one.
      if (first.items.length > 1) return {};
      return { profileCount: await countWindows(opts) };
    },

    async listProfiles(opts) {
      const liveP = softRuntime(opts);
      const lookP = lookups(opts);
      // Awaited by every page below; marked handled so that when a page fails first (or the
      // call is cancelled) their own rejections are not left unobserved.
      liveP.catch(() => undefined);
      lookP.catch(() => undefined);
      // Each page is mapped as it arrives, overlapping the requests still in flight.
      const pages = await pagedList('/browser/list', WindowWire, opts, {}, async (rows) => {
        const [live, look] = await Promise.all([liveP, lookP]);
        const page = toProfiles(rows as WindowRow[], live, look);
        opts?.onPage?.(page);
        return page;
      });
      const profiles = dropRepeats(pages);
      windows.listed(profiles);
      if (!dialect.tagApi) {
        seenTags.clear();
        noteTags(profiles);
      }
      return profiles;
    },

    async getProfile(vendorId, opts) {
      const [row, live, look] = await Promise.all([
        detailRow(vendorId, opts),
        softRuntime(opts),
        lookups(opts),
      ]);
      learn(row, vendorId);
      return toProfiles([row], live, look)[0]!;
    },

    async storedProxies(vendorIds, opts) {
      const out: StoredProxies = new Map();
      if (vendorIds.length > READ_ONE_BY_ONE_MAX) {
        const wanted = new Set(vendorIds);
        for (const row of await pagedList('/browser/list', WindowWire, opts)) {
          const vendorId = windowId(row as WindowRow);
          if (!wanted.has(vendorId)) continue;
          if (row.proxyPassword) o.log.addSecret(text(row.proxyPassword));
          out.set(vendorId, windowStoredProxy(row));
        }
        return out;
      }
      await Promise.all(
        vendorIds.map(async (vendorId) => {
          try {
            const row = await detailRow(vendorId, opts);
            learn(row, vendorId);
            out.set(vendorId, windowStoredProxy(row));
          } catch (e) {
            if (e instanceof DeckError && e.code === 'not-found') return;
            out.set(vendorId, asDeckError(e));
          }
        }),
      );
      return out;
    },

    listGroups,

    async createGroup(name, opts) {
      const data = await write('/group/add', { groupName: name, sortNum: 0 }, opts, false);
      return { connectionId, id: parse(CreatedWire, data, '/group/add answer').id, name };
    },

    listTags,

    moveToGroup: (ids, groupId, opts) =>
      batch(
        '/browser/group/update',
        ids,
        { groupId: toWireId(groupId) },
        opts,
        true,
        dialect.batchIdsKey,
      ),
    setRemark: (ids, remark, opts) =>
      batch('/browser/remark/update', ids, { remark }, opts, true, dialect.batchIdsKey),
    setName: (ids, name, opts) => batch('/browser/update/partial', ids, { name }, opts),

    async setTags(vendorIds, tags, opts) {
      if (!dialect.tagApi) return forBatch(vendorIds, () => Promise.reject(noTagApi()));
      let tagIds: string[];
      try {
        tagIds = await tagIdsFor(tags, opts);
      } catch (e) {
        return forBatch(vendorIds, () => Promise.reject(e));
      }
      return batch('/browser/update/partial', vendorIds, { tagIds: tagIds.map(toWireId) }, opts);
    },

    // /browser/proxy/update sets the whole proxy: a password left out is erased, so a
    // "keep" resends each window's own (one request per distinct stored password).
    setProxy: (vendorIds, proxy, opts) =>
      applyWithKeptPasswords(
        vendorIds,
        proxy,
        (ids) => provider.storedProxies(ids, opts),
        (ids, resolved) => {
          if (resolved.password.action === 'set') o.log.addSecret(resolved.password.value);
          let fields: Record<string, unknown>;
          try {
            fields = windowProxyWrite(resolved, dialect);
          } catch (e) {
            return forBatch(ids, () => Promise.reject(e));
          }
          return batch('/browser/proxy/update', ids, fields, opts);
        },
        { connectionId },
      ),

    deleteProfiles: (ids, opts) => batch('/browser/delete/ids', ids, {}, opts, false),

    async copyProfile() {
      throw DeckError.of('unsupported', `${label} has no copy through its Local API`, {
        details: { connectionId },
        reason: 'vendor.no-copy',
        params: { vendor: label },
      });
    },

    async createProfile(item: CreateItem, opts) {
      const like = opts?.likeVendorId
        ? await read('/browser/detail', await windowRef(opts.likeVendorId, opts), opts)
        : undefined;
      if (item.tags.length && !dialect.tagApi) throw noTagApi();
      const tagIds = item.tags.length ? await tagIdsFor(item.tags, opts) : [];
      if (item.proxy?.password.action === 'set') o.log.addSecret(item.proxy.password.value);
      const fields: Record<string, unknown> = { name: item.name, remark: item.remark };
      if (item.groupId !== undefined) fields['groupId'] = toWireId(item.groupId);
      if (tagIds.length) fields['tagIds'] = tagIds.map(toWireId);
      if (item.proxy) Object.assign(fields, windowProxyWrite(item.proxy, dialect));
      const body = dialect.createBody(item, fields, { like, template: o.configTemplate });
      const created = parse(
        CreatedWire,
        await write('/browser/update', body, opts, false),
        '/browser/update answer',
      );
      windows.learn(created.id, item.name, created.uuid || undefined);
      return created.id;
    },

    async open(vendorId, opts): Promise<OpenResult> {
      const ref = await windowRef(vendorId, opts);
      const data = await client.call('/browser/open', ref, {
        // Safe to repeat: opening an open window answers it (CosLogin says alreadyStarted).
        idempotent: true,
        signal: opts?.signal,
        timeoutMs: openTimeoutMs(),
      });
      const w = parse(OpenWire, data ?? {}, '/browser/open answer');
      const previous = opened.get(vendorId);
      // BitBrowser does not say alreadyStarted: the same process as our last open is that.
      const attached = w.alreadyStarted || (previous?.pid !== undefined && previous.pid === w.pid);
      const record: OpenRecord = {
        openedAt: attached && previous ? previous.openedAt : clock(),
      };
      const pid = w.pid ?? previous?.pid;
      if (pid !== undefined) record.pid = pid;
      if (w.profileDir) record.profileDir = w.profileDir;
      if (w.configPath) record.configPath = w.configPath;
      if (w.port !== undefined) record.debugPort = w.port;
      if (w.ws) record.wsUrl = w.ws;
      if (w.debugAddress) record.debugAddress = w.debugAddress;
      if (w.driver) record.webdriverPath = w.driver;
      if (w.coreVersion) record.coreVersion = w.coreVersion;
      opened.set(vendorId, record);
      return {
        session: session(vendorId, { record, profileName: windows.nameOf(vendorId) }),
        attached,
      };
    },

    async close(vendorId, opts) {
      const ref = await windowRef(vendorId, opts);
      await write('/browser/close', ref, opts, true);
      opened.delete(vendorId);
      return { alreadyClosed: false };
    },

    async listSessions(opts): Promise<Session[]> {
      const live = await runtime(opts);
      const ids = live
        ? new Set([...live.pids.keys(), ...live.ports.keys()])
        : new Set(opened.keys());
      return [...ids].map((id) =>
        session(id, {
          pid: live?.pids.get(id),
          port: live?.ports.get(id),
          record: opened.get(id),
          profileName: windows.nameOf(id),
        }),
      );
    },

    dispose() {
      close();
    },
  };
  return provider;
}
