/**
 * AdsPower as a VendorProvider, on its v2 Local API and the v1 calls v2 lacks (groups,
 * regroup, the opened list). Every request takes a slot of the connection's rate limiter
 * (default 1/s), so listings page one page at a time, rows carry their group and tag names
 * (no lookups to pay for), and a batch endpoint is used wherever AdsPower has one.
 */
import { DeckError } from '../../../../shared/ipc/result';
import { VENDORS, type Group, type Profile, type Tag } from '../../../../shared/model';
import type { CreateItem } from '../../../../shared/model/job';
import { asDeckError, forBatch, forEachItem } from '../common/item-results';
import { createPagedList, dropRepeats } from '../common/paging';
import type { ProviderOptions } from '../common/provider-options';
import { applyWithKeptPasswords, type StoredProxies } from '../common/stored-proxy';
import { createTransport } from '../common/transport';
import { chunk, id, port, text } from '../common/wire';
import type { CallOptions, ItemResults, OpenResult, VendorProvider } from '../provider';
import { tagIdsByName } from '../common/records';
import {
  ADS_CAPABILITIES,
  ADS_CONCURRENCY,
  ADS_MAX_BATCH,
  ADS_PAGE_SIZE,
} from './ads-capabilities';
import { createAdsClient, type AdsCallOptions } from './ads-client';
import { AdsProfile, adsProxyWrite, adsSession, adsStoredProxy } from './ads-mapping';
import {
  ADS_PAGES,
  ADS_V1_PAGES,
  AdsCreatedGroup,
  AdsCreatedProfile,
  AdsCreatedTags,
  AdsGroupWire,
  AdsOpenedList,
  AdsOpenedWire,
  AdsPage,
  AdsProfileWire,
  AdsTagWire,
  type AdsOpenedWire as AdsOpened,
} from './ads-wire';

const PATHS = {
  list: '/api/v2/browser-profile/list',
  update: '/api/v2/browser-profile/update',
  create: '/api/v2/browser-profile/create',
  remove: '/api/v2/browser-profile/delete',
  start: '/api/v2/browser-profile/start',
  stop: '/api/v2/browser-profile/stop',
  tags: '/api/v2/browser-tags/list',
  createTags: '/api/v2/browser-tags/create',
  groups: '/api/v1/group/list',
  createGroup: '/api/v1/group/create',
  regroup: '/api/v1/user/regroup',
  active: '/api/v1/browser/local-active',
} as const;

/**
 * At 1 request/s a listing of 10,000 profiles takes about 100 s: busy pages may be retried
 * for that long, not the 30 s a listing of the unlimited vendors gets.
 */
const ADS_LISTING_DEADLINE_MS = 10 * 60_000;
/** How long tag ids learned from a listing or creation are trusted (see knownTags). */
const TAG_MEMO_MS = 60_000;

export function createAdsProvider(o: ProviderOptions): VendorProvider {
  const { connectionId } = o;
  const clock = o.clock ?? Date.now;
  const pageSize = Math.min(o.pageSize ?? ADS_PAGE_SIZE, ADS_PAGE_SIZE);
  const defaultRate = VENDORS.adspower.rateLimit?.default ?? 1;
  const { close, client, parse, concurrency, openTimeoutMs } = createTransport(o, {
    label: 'AdsPower',
    concurrency: ADS_CONCURRENCY,
    requestsPerSecond: o.requestsPerSecond ?? (() => defaultRate),
    client: (deps) =>
      createAdsClient({
        ...deps,
        baseUrl: o.baseUrl,
        connectionId,
        token: o.token ?? (() => undefined),
      }),
  });

  const call = (
    path: string,
    body: Record<string, unknown>,
    opts: CallOptions | undefined,
    how: Omit<AdsCallOptions, keyof CallOptions>,
  ) =>
    client.call(path, body, {
      signal: opts?.signal,
      deadline: opts?.deadline,
      budget: opts?.budget,
      ...how,
    });
  const read = (path: string, body: Record<string, unknown>, opts?: CallOptions) =>
    call(path, body, opts, { idempotent: true });
  /** v1 lists read a query string. */
  const readQuery = (path: string, query: Record<string, unknown>, opts?: CallOptions) =>
    call(path, {}, opts, {
      idempotent: true,
      method: 'GET',
      query: Object.fromEntries(
        Object.entries(query).map(([k, v]) => [k, typeof v === 'number' ? v : String(v)]),
      ),
    });
  const write = (
    path: string,
    body: Record<string, unknown>,
    opts: CallOptions | undefined,
    idempotent: boolean,
  ) => client.call(path, body, { idempotent, signal: opts?.signal });

  const listing = {
    label: `AdsPower at ${o.baseUrl}`,
    connectionId,
    clock,
    limits: { deadlineMs: ADS_LISTING_DEADLINE_MS, ...o.listingLimits },
  };
  const pagedList = createPagedList({ read, parse, pageSize, listing, dialect: ADS_PAGES });
  const pagedQuery = createPagedList({
    read: readQuery,
    parse,
    pageSize,
    listing,
    dialect: ADS_V1_PAGES,
  });

  /** Names to label sessions: the last listing's, and profiles read one at a time since. */
  let listed: readonly Profile[] = [];
  let listedNames: Map<string, string> | undefined;
  const names = new Map<string, string>();
  const nameOf = (vendorId: string) => {
    listedNames ??= new Map(listed.map((p) => [p.vendorId, p.name]));
    return names.get(vendorId) ?? listedNames.get(vendorId);
  };
  /** When we opened each profile (the opened list does not say). */
  const openedAt = new Map<string, number>();
  let tagCreation: Promise<unknown> = Promise.resolve();
  /**
   * Tag names → ids from the last tag listing or creation. A copy or create job of N profiles
   * with tags would otherwise list every tag once per profile: at AdsPower's 1 call/s that
   * doubled the job. Trusted for TAG_MEMO_MS; a failed write forgets it (a tag deleted in the
   * client meanwhile), so a retry lists again.
   */
  let knownTags: { at: number; byName: Map<string, string> } | undefined;
  const forgetTagsOn = <T>(write: Promise<T>): Promise<T> =>
    write.catch((e: unknown) => {
      knownTags = undefined;
      throw e;
    });

  const rememberSecret = (row: AdsProfileWire) => {
    const pw = text(row.user_proxy_config?.proxy_password);
    if (pw) o.log.addSecret(pw);
  };
  type AdsProfileWire = import('./ads-wire').AdsProfileWire;

  const openedList = async (opts?: CallOptions): Promise<Map<string, AdsOpened>> => {
    const data = parse(AdsOpenedList, await readQuery(PATHS.active, {}, opts), 'opened list');
    const out = new Map<string, AdsOpened>();
    for (const row of data?.list ?? []) {
      const userId = row.user_id;
      if (typeof userId === 'string' || typeof userId === 'number') out.set(id(userId), row);
    }
    return out;
  };
  /** The opened list marks status; if it fails, the profiles still list (status unknown). */
  const openedOrUndefined = (opts?: CallOptions) =>
    openedList(opts).catch((e: unknown) => {
      if (e instanceof DeckError && e.code === 'cancelled') throw e;
      o.log.warn(`AdsPower ${connectionId}: opened list failed`, (e as Error).message);
      return undefined;
    });

  const toProfile = (row: AdsProfileWire, opened: Map<string, AdsOpened> | undefined) => {
    rememberSecret(row);
    const session = opened?.get(id(row.profile_id));
    const debugPort = session ? (port(session.debug_port) ?? undefined) : undefined;
    return new AdsProfile(
      connectionId,
      row,
      opened ? (session ? 'open' : 'closed') : 'unknown',
      debugPort,
    );
  };

  /** Rows of these profiles, 100 ids a request. */
  const rowsOf = async (vendorIds: readonly string[], opts?: CallOptions) => {
    const rows = new Map<string, AdsProfileWire | DeckError>();
    for (const ids of chunk(vendorIds, ADS_MAX_BATCH)) {
      try {
        const data = await read(PATHS.list, { profile_id: ids, page: 1, limit: ids.length }, opts);
        for (const row of parse(AdsPage(AdsProfileWire), data, `${PATHS.list} page`).list ?? [])
          rows.set(id(row.profile_id), row);
      } catch (e) {
        if (e instanceof DeckError && e.code === 'cancelled') throw e;
        for (const vendorId of ids) rows.set(vendorId, asDeckError(e));
      }
    }
    return rows;
  };

  const listTags = async (opts?: CallOptions): Promise<Tag[]> =>
    (await pagedList(PATHS.tags, AdsTagWire, opts)).map((t) => ({
      connectionId,
      id: id(t.id),
      name: text(t.name),
    }));

  /** Tag names → ids; the missing ones created in one call, one creation at a time. */
  const tagIdsFor = (tagNames: string[], opts?: CallOptions): Promise<string[]> => {
    const run = tagCreation.then(async () => {
      const memo = knownTags && clock() - knownTags.at < TAG_MEMO_MS ? knownTags : undefined;
      const existing =
        memo && tagNames.every((n) => memo.byName.has(n))
          ? memo.byName
          : tagIdsByName(await listTags(opts));
      if (existing !== memo?.byName) knownTags = { at: clock(), byName: existing };
      const missing = [...new Set(tagNames.filter((n) => !existing.has(n)))];
      if (missing.length) {
        const data = await write(
          PATHS.createTags,
          { tags: missing.map((name) => ({ name })) },
          opts,
          false,
        );
        for (const t of parse(AdsCreatedTags, data, `${PATHS.createTags} answer`))
          existing.set(t.name, t.id);
      }
      return tagNames.map((name) => {
        const tagId = existing.get(name);
        if (tagId === undefined)
          throw DeckError.of('vendor-error', `AdsPower did not create the tag "${name}"`, {
            details: { connectionId },
            reason: 'vendor.tag-not-created',
            params: { name },
          });
        return tagId;
      });
    });
    tagCreation = run.catch(() => undefined);
    return run;
  };

  /** v2 update takes one profile: one call per profile, each through the limiter. */
  const updateEach = (
    vendorIds: string[],
    fields: Record<string, unknown>,
    opts?: CallOptions,
  ): Promise<ItemResults> =>
    forEachItem(vendorIds, (vendorId) =>
      write(PATHS.update, { profile_id: vendorId, ...fields }, opts, true),
    );

  const inBatches = async (
    vendorIds: string[],
    send: (ids: string[]) => Promise<unknown>,
  ): Promise<ItemResults> => {
    const results: ItemResults = new Map();
    for (const ids of chunk(vendorIds, ADS_MAX_BATCH))
      await forBatch(ids, () => send(ids), results);
    return results;
  };

  const provider: VendorProvider = {
    vendor: 'adspower',
    connectionId,
    // What the job engine paces its requests by: the connection's limit as set now.
    get capabilities() {
      return { ...ADS_CAPABILITIES, maxConcurrency: concurrency() };
    },

    async test(opts) {
      // AdsPower's list gives no total: the answer proves the client and the key, nothing more.
      parse(
        AdsPage(AdsProfileWire),
        await read(PATHS.list, { page: 1, limit: 1 }, opts),
        `${PATHS.list} page`,
      );
      return {};
    },

    async listProfiles(opts) {
      // At one request a second the order is the wait: the first page goes first, so the
      // table fills a second sooner; its rows get their status once the opened list is in.
      let opened: Map<string, AdsOpened> | undefined;
      const pagesP = pagedList(PATHS.list, AdsProfileWire, opts, {}, async (rows) => {
        const page = rows.map((row) => toProfile(row, opened));
        opts?.onPage?.(page);
        return page;
      });
      const openedP = openedOrUndefined(opts).then((o) => (opened = o));
      const [pages] = await Promise.all([pagesP, openedP]);
      if (opened)
        for (const p of pages) {
          const session = opened.get(p.vendorId);
          p.status = session ? 'open' : 'closed';
          const debugPort = session ? (port(session.debug_port) ?? undefined) : undefined;
          if (debugPort !== undefined) p.debugPort = debugPort;
          else delete p.debugPort;
        }
      const profiles = dropRepeats(pages);
      listed = profiles;
      listedNames = undefined;
      names.clear();
      return profiles;
    },

    async getProfile(vendorId, opts) {
      const [rows, opened] = await Promise.all([rowsOf([vendorId], opts), openedOrUndefined(opts)]);
      const row = rows.get(vendorId);
      if (row instanceof DeckError) throw row;
      if (!row)
        throw DeckError.of('not-found', `AdsPower has no profile ${vendorId}`, {
          details: { connectionId },
          reason: 'profile.unknown',
          params: { vendor: 'AdsPower', id: vendorId },
        });
      const profile = toProfile(row, opened);
      names.set(vendorId, profile.name);
      return profile;
    },

    async storedProxies(vendorIds, opts) {
      const out: StoredProxies = new Map();
      for (const [vendorId, row] of await rowsOf(vendorIds, opts)) {
        if (row instanceof DeckError) {
          out.set(vendorId, row);
          continue;
        }
        rememberSecret(row);
        out.set(vendorId, adsStoredProxy(row));
      }
      return out;
    },

    async listGroups(opts): Promise<Group[]> {
      return (await pagedQuery(PATHS.groups, AdsGroupWire, opts)).map((g) => ({
        connectionId,
        id: id(g.group_id),
        name: text(g.group_name),
      }));
    },

    async createGroup(name, opts) {
      const data = await write(PATHS.createGroup, { group_name: name, remark: '' }, opts, false);
      return {
        connectionId,
        id: parse(AdsCreatedGroup, data, `${PATHS.createGroup} answer`),
        name,
      };
    },

    listTags,

    moveToGroup: (vendorIds, groupId, opts) =>
      inBatches(vendorIds, (ids) =>
        write(PATHS.regroup, { user_ids: ids, group_id: groupId }, opts, true),
      ),
    setRemark: (ids, remark, opts) => updateEach(ids, { remark }, opts),
    setName: (ids, name, opts) => updateEach(ids, { name }, opts),

    async setTags(vendorIds, tags, opts) {
      let tagIds: string[];
      try {
        tagIds = tags.length ? await tagIdsFor(tags, opts) : [];
      } catch (e) {
        return forBatch(vendorIds, () => Promise.reject(e));
      }
      const results = await updateEach(vendorIds, { profile_tag_ids: tagIds }, opts);
      if ([...results.values()].some((r) => r instanceof Error)) knownTags = undefined;
      return results;
    },

    // user_proxy_config replaces the whole proxy: a password left out is erased, so a
    // "keep" resends each profile's own.
    setProxy: (vendorIds, proxy, opts) =>
      applyWithKeptPasswords(
        vendorIds,
        proxy,
        (ids) => provider.storedProxies(ids, opts),
        (ids, resolved) => {
          let fields: Record<string, unknown>;
          try {
            fields = adsProxyWrite(resolved);
          } catch (e) {
            return forBatch(ids, () => Promise.reject(e));
          }
          if (resolved.password.action === 'set') o.log.addSecret(resolved.password.value);
          return updateEach(ids, fields, opts);
        },
        { connectionId },
      ),

    deleteProfiles: (vendorIds, opts) =>
      inBatches(vendorIds, (ids) => write(PATHS.remove, { profile_id: ids }, opts, false)),

    async copyProfile() {
      throw DeckError.of('unsupported', 'AdsPower has no copy through its Local API', {
        details: { connectionId },
        reason: 'vendor.no-copy',
        params: { vendor: 'AdsPower' },
      });
    },

    async createProfile(item: CreateItem, opts) {
      const body: Record<string, unknown> = {
        name: item.name,
        remark: item.remark,
        // Required by the vendor; "0" is ungrouped.
        group_id: item.groupId ?? '0',
        fingerprint_config: { browser_kernel_config: { type: 'chrome', version: 'ua_auto' } },
        ...(item.proxy
          ? adsProxyWrite(item.proxy)
          : { user_proxy_config: { proxy_soft: 'no_proxy' } }),
      };
      if (item.tags.length) body['profile_tag_ids'] = await tagIdsFor(item.tags, opts);
      if (item.startUrl) body['tabs'] = [item.startUrl];
      if (item.proxy?.password.action === 'set') o.log.addSecret(item.proxy.password.value);
      const created = parse(
        AdsCreatedProfile,
        await forgetTagsOn(write(PATHS.create, body, opts, false)),
        `${PATHS.create} answer`,
      );
      names.set(created, item.name);
      return created;
    },

    async open(vendorId, opts): Promise<OpenResult> {
      const data = await client.call(
        PATHS.start,
        { profile_id: vendorId },
        {
          // Safe to repeat: starting a running profile answers its endpoints again.
          idempotent: true,
          signal: opts?.signal,
          timeoutMs: openTimeoutMs(),
        },
      );
      const row = parse(AdsOpenedWire, data ?? {}, `${PATHS.start} answer`);
      const attached = openedAt.has(vendorId);
      if (!attached) openedAt.set(vendorId, clock());
      return {
        session: adsSession(connectionId, vendorId, row, {
          openedAt: openedAt.get(vendorId),
          profileName: nameOf(vendorId),
        }),
        attached,
      };
    },

    async close(vendorId, opts) {
      try {
        await write(PATHS.stop, { profile_id: vendorId }, opts, true);
        return { alreadyClosed: false };
      } finally {
        openedAt.delete(vendorId);
      }
    },

    async listSessions(opts) {
      const opened = await openedList(opts);
      // Profiles that are no longer running are no longer "opened by us".
      for (const vendorId of openedAt.keys()) if (!opened.has(vendorId)) openedAt.delete(vendorId);
      return [...opened].map(([vendorId, row]) =>
        adsSession(connectionId, vendorId, row, {
          openedAt: openedAt.get(vendorId),
          profileName: nameOf(vendorId),
        }),
      );
    },

    dispose() {
      close();
    },
  };
  return provider;
}
