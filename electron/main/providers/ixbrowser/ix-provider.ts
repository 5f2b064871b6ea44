/**
 * ixBrowser as a VendorProvider. Batch endpoints exist only for groups and close; every
 * other edit is one call per profile, all through the connection's gate (3 at a time).
 */
import { DeckError } from '../../../../shared/ipc/result';
import type { Group, Profile, Tag } from '../../../../shared/model';
import type { CreateItem } from '../../../../shared/model/job';
import { IX_CAPABILITIES, IX_CONCURRENCY } from './ix-capabilities';
import { asDeckError, forBatch, forEachItem } from '../common/item-results';
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
import { chunk, count, id, port, text, toWireId } from '../common/wire';
import { createIxClient } from './ix-client';
import { IX_ALREADY_OPEN, IX_PROCESS_NOT_FOUND } from './ix-errors';
import { createTagSets } from '../common/tag-sets';
import {
  IxProfile,
  ixCredentialSource,
  ixProxyWrite,
  ixSession,
  ixStoredProxy,
  ixTags,
} from './ix-mapping';
import {
  IxNamedWire,
  IxNewId,
  IxOpenedList,
  IxOpenedWire,
  IxPage,
  IX_PAGES,
  IxProfileWire,
  IxSavedProxyWire,
  type IxOpenedWire as IxOpened,
  type IxProfileWire as IxProfileRow,
} from './ix-wire';

export function createIxProvider(o: ProviderOptions): VendorProvider {
  const { connectionId } = o;
  const clock = o.clock ?? Date.now;
  const pageSize = o.pageSize ?? DEFAULT_PAGE_SIZE;
  const { close, client, parse, read, write, concurrency, openTimeoutMs } = createTransport(o, {
    label: 'ixBrowser',
    concurrency: IX_CONCURRENCY,
    client: (deps) => createIxClient({ ...deps, baseUrl: o.baseUrl, connectionId }),
  });

  /**
   * Names to label sessions: the last listing (its map built only when a session asks, so
   * listing 10,000 profiles does not pay for it), and profiles read one at a time since.
   */
  let listed: readonly Profile[] = [];
  let listedNames: Map<string, string> | undefined;
  const names = new Map<string, string>();
  const nameOf = (vendorId: string): string | undefined => {
    listedNames ??= new Map(listed.map((p) => [p.vendorId, p.name]));
    return names.get(vendorId) ?? listedNames.get(vendorId);
  };
  /** When the opened list does not say (profile-open does not), when we opened it. */
  const openedAt = new Map<string, number>();
  let tagCreation: Promise<unknown> = Promise.resolve();

  const listing = {
    label: `ixBrowser at ${o.baseUrl}`,
    connectionId,
    clock,
    limits: o.listingLimits,
  };

  const pagedList = createPagedList({ read, parse, pageSize, listing, dialect: IX_PAGES });

  const openedList = async (opts?: CallOptions): Promise<IxOpened[]> =>
    parse(IxOpenedList, await read('native-client-profile-opened-list', {}, opts), 'opened list') ??
    [];

  const newId = (data: unknown, what: string): string => id(parse(IxNewId, data, what));

  const rememberSecrets = (row: IxProfileRow) => {
    if (row.proxy_password) o.log.addSecret(text(row.proxy_password));
    if (row.password) o.log.addSecret(text(row.password));
  };

  type Unpaired = Array<[Profile, IxProfileRow]>;

  /** Maps rows as their page arrives, so mapping overlaps the requests still in flight. */
  const mapRows = (
    rows: IxProfileRow[],
    unpaired: Unpaired,
    tagSets = createTagSets(),
  ): Profile[] => {
    const out: Profile[] = [];
    for (const row of rows) {
      const vendorId = id(row.profile_id);
      rememberSecrets(row);
      // A list of ids (rare) is read as it is; the usual "14153 14156" / "ads paused" is keyed.
      const tags = Array.isArray(row.tag_id)
        ? ixTags(row)
        : tagSets(row.tag_id, row.tag_name, row, ixTags);
      const profile = new IxProfile(connectionId, row, vendorId, 'unknown', tags ?? []);
      if (!tags) unpaired.push([profile, row]);
      out.push(profile);
    }
    return out;
  };

  /** Status from the opened list (unknown when it failed), and tag names rows could not pair. */
  const finish = async (
    profiles: Profile[],
    unpaired: Unpaired,
    opened: IxOpened[] | undefined,
    opts?: CallOptions,
  ): Promise<Profile[]> => {
    if (opened) {
      const open = new Map<string, IxOpened>();
      for (const s of opened) open.set(id(s.profile_id), s);
      for (const p of profiles) {
        const session = open.get(p.vendorId);
        p.status = session ? 'open' : 'closed';
        const debugPort = session ? port(session.debugging_port) : null;
        if (debugPort !== null) p.debugPort = debugPort;
      }
    }
    // Tag names are space-separated, so a name with a space breaks the pairing: then ask.
    if (unpaired.length) {
      const byId = new Map((await listTags(opts)).map((t) => [t.id, t.name]));
      for (const [profile, row] of unpaired) profile.tags = ixTags(row, (t) => byId.get(t)) ?? [];
    }
    return profiles;
  };

  const toProfiles = (rows: IxProfileRow[], opened: IxOpened[] | undefined, opts?: CallOptions) => {
    const unpaired: Unpaired = [];
    const profiles = mapRows(rows, unpaired);
    for (const p of profiles) names.set(p.vendorId, p.name);
    return finish(profiles, unpaired, opened, opts);
  };

  /** The opened list marks status; if it fails, the profiles still list (status unknown). */
  const openedOrUndefined = (opts?: CallOptions) =>
    openedList(opts).catch((e: unknown) => {
      if (e instanceof DeckError && e.code === 'cancelled') throw e;
      o.log.warn(`ixBrowser ${connectionId}: opened list failed`, (e as Error).message);
      return undefined;
    });

  const listTags = async (opts?: CallOptions): Promise<Tag[]> =>
    (await pagedList('tag-list', IxNamedWire, opts)).map((t) => ({
      connectionId,
      id: id(t.id),
      name: text(t.title),
    }));

  /** Tag names → ids, creating missing tags one at a time so concurrent edits do not duplicate them. */
  const tagIdsFor = (tagNames: string[], opts?: CallOptions): Promise<string[]> => {
    const run = tagCreation.then(async () => {
      const existing = tagIdsByName(await listTags(opts));
      const ids: string[] = [];
      for (const name of tagNames) {
        let id = existing.get(name);
        if (id === undefined) {
          id = newId(await write('tag-create', { title: name }, opts, false), 'tag-create answer');
          existing.set(name, id);
        }
        ids.push(id);
      }
      return ids;
    });
    tagCreation = run.catch(() => undefined);
    return run;
  };

  const perProfile = (
    ids: string[],
    action: string,
    body: (id: string) => Record<string, unknown>,
    opts: CallOptions | undefined,
    idempotent = true,
  ): Promise<ItemResults> =>
    forEachItem(ids, (id) =>
      write(action, { profile_id: toWireId(id), ...body(id) }, opts, idempotent),
    );

  /** One profile's row; only the row with this id (a client that ignored the filter must not yield another). */
  const profileRow = async (vendorId: string, opts?: CallOptions): Promise<IxProfileRow> => {
    const data = await read(
      'profile-list',
      { profile_id: toWireId(vendorId), page: 1, limit: 1 },
      opts,
    );
    const row = parse(IxPage(IxProfileWire), data, 'profile-list page').data?.find(
      (r) => id(r.profile_id) === vendorId,
    );
    if (!row)
      throw DeckError.of('not-found', `ixBrowser has no profile ${vendorId}`, {
        details: { connectionId },
        reason: 'profile.unknown',
        params: { vendor: 'ixBrowser', id: vendorId },
      });
    return row;
  };

  /** One of the account's saved proxies, with its user and password. */
  const savedProxy = async (
    savedProxyId: string,
    opts?: CallOptions,
  ): Promise<IxSavedProxyWire | undefined> => {
    const data = await read('proxy-list', { id: toWireId(savedProxyId), page: 1, limit: 10 }, opts);
    const entry = parse(IxPage(IxSavedProxyWire), data, 'proxy-list page').data?.find(
      (r) => id(r.id) === savedProxyId,
    );
    if (entry?.proxy_password) o.log.addSecret(text(entry.proxy_password));
    return entry;
  };

  const provider: VendorProvider = {
    vendor: 'ixbrowser',
    connectionId,
    // What the job engine paces its requests by: the connection's limit as set now.
    get capabilities() {
      return { ...IX_CAPABILITIES, maxConcurrency: concurrency() };
    },

    async test(opts) {
      const data = await read('profile-list', { page: 1, limit: 1 }, opts);
      return { profileCount: count(parse(IxPage(IxProfileWire), data, 'profile-list page').total) };
    },

    async listProfiles(opts) {
      const unpaired: Unpaired = [];
      const tagSets = createTagSets();
      const [pages, opened] = await Promise.all([
        pagedList('profile-list', IxProfileWire, opts, {}, (rows) => {
          const page = mapRows(rows, unpaired, tagSets);
          opts?.onPage?.(page);
          return page;
        }),
        openedOrUndefined(opts),
      ]);
      const profiles = dropRepeats(pages);
      listed = profiles;
      listedNames = undefined;
      names.clear();
      return finish(profiles, unpaired, opened, opts);
    },

    async getProfile(vendorId, opts) {
      const [row, opened] = await Promise.all([
        profileRow(vendorId, opts),
        openedOrUndefined(opts),
      ]);
      return (await toProfiles([row], opened, opts))[0]!;
    },

    async storedProxies(vendorIds, opts) {
      const out: StoredProxies = new Map();
      const rows = new Map<string, IxProfileRow>();
      if (vendorIds.length > READ_ONE_BY_ONE_MAX) {
        const wanted = new Set(vendorIds);
        for (const row of await pagedList('profile-list', IxProfileWire, opts)) {
          const vendorId = id(row.profile_id);
          if (wanted.has(vendorId)) rows.set(vendorId, row);
        }
      } else {
        await Promise.all(
          vendorIds.map(async (vendorId) => {
            try {
              rows.set(vendorId, await profileRow(vendorId, opts));
            } catch (e) {
              if (!(e instanceof DeckError && e.code === 'not-found'))
                out.set(vendorId, asDeckError(e));
            }
          }),
        );
      }
      // Profiles often share one saved proxy: each is read once.
      const saved = new Map<string, Promise<IxSavedProxyWire | undefined>>();
      await Promise.all(
        [...rows].map(async ([vendorId, row]) => {
          rememberSecrets(row);
          const source = ixCredentialSource(row);
          try {
            if (source === 'unknown')
              throw DeckError.of(
                'unsupported',
                'ixBrowser did not report where this profile keeps its proxy password; enter the password again, or clear it',
                {
                  details: { connectionId },
                  reason: 'proxy.password-unknown',
                  params: { vendor: 'ixBrowser' },
                },
              );
            let entry: IxSavedProxyWire | undefined;
            if (typeof source === 'object') {
              const { savedProxyId } = source;
              let found = saved.get(savedProxyId);
              if (!found) {
                found = savedProxy(savedProxyId, opts);
                saved.set(savedProxyId, found);
              }
              entry = await found;
              if (!entry)
                throw DeckError.of(
                  'vendor-error',
                  `ixBrowser's proxy list has no proxy ${savedProxyId}, so this profile's stored password is unknown; enter it again, or clear it`,
                  {
                    details: { connectionId },
                    reason: 'proxy.saved-proxy-missing',
                    params: { vendor: 'ixBrowser', id: savedProxyId },
                  },
                );
            }
            out.set(vendorId, ixStoredProxy(row, entry));
          } catch (e) {
            out.set(vendorId, asDeckError(e));
          }
        }),
      );
      return out;
    },

    async listGroups(opts): Promise<Group[]> {
      return (await pagedList('group-list', IxNamedWire, opts)).map((g) => ({
        connectionId,
        id: id(g.id),
        name: text(g.title),
      }));
    },

    async createGroup(name, opts) {
      const groupId = newId(
        await write('group-create', { title: name, sort: 0 }, opts, false),
        'group-create answer',
      );
      return { connectionId, id: groupId, name };
    },

    listTags,

    async moveToGroup(vendorIds, groupId, opts) {
      const results: ItemResults = new Map();
      for (const ids of chunk(vendorIds, BATCH_CHUNK)) {
        await forBatch(
          ids,
          () =>
            write(
              'profile-update-groups-in-batches',
              { group_id: toWireId(groupId), profile_id: ids.map(toWireId) },
              opts,
              true,
            ),
          results,
        );
      }
      return results;
    },

    setRemark: (ids, remark, opts) =>
      perProfile(ids, 'profile-update', () => ({ note: remark }), opts),
    setName: (ids, name, opts) => perProfile(ids, 'profile-update', () => ({ name }), opts),

    async setTags(vendorIds, tags, opts) {
      let tagIds: string[];
      try {
        tagIds = await tagIdsFor(tags, opts);
      } catch (e) {
        return forBatch(vendorIds, () => Promise.reject(e));
      }
      return perProfile(vendorIds, 'profile-update', () => ({ tag: tagIds.map(toWireId) }), opts);
    },

    // ixBrowser's proxy writes set the whole proxy: a password left out is erased, so a
    // "keep" resends each profile's own.
    setProxy: (vendorIds, proxy, opts) =>
      applyWithKeptPasswords(
        vendorIds,
        proxy,
        (ids) => provider.storedProxies(ids, opts),
        (ids, resolved) => {
          const { action, info } = ixProxyWrite(resolved);
          if (resolved.password.action === 'set') o.log.addSecret(resolved.password.value);
          return perProfile(ids, action, () => ({ proxy_info: info }), opts);
        },
        { connectionId },
      ),

    deleteProfiles: (ids, opts) => perProfile(ids, 'profile-delete', () => ({}), opts, false),

    async copyProfile(vendorId, options, opts) {
      const body: Record<string, unknown> = { profile_id: toWireId(vendorId) };
      if (options.name !== undefined) body['name'] = options.name;
      if (options.groupId !== undefined) body['group_id'] = toWireId(options.groupId);
      return newId(await write('profile-copy', body, opts, false), 'profile-copy answer');
    },

    async createProfile(item: CreateItem, opts) {
      const body: Record<string, unknown> = { name: item.name, note: item.remark };
      if (item.groupId !== undefined) body['group_id'] = toWireId(item.groupId);
      if (item.tags.length) body['tag'] = (await tagIdsFor(item.tags, opts)).map(toWireId);
      if (item.startUrl) {
        body['site_id'] = 21; // "other": site_url is the start page
        body['site_url'] = item.startUrl;
      }
      if (item.proxy) {
        if (item.proxy.password.action === 'set') o.log.addSecret(item.proxy.password.value);
        body['proxy_config'] = ixProxyWrite(item.proxy).info;
      }
      return newId(await write('profile-create', body, opts, false), 'profile-create answer');
    },

    async open(vendorId, opts): Promise<OpenResult> {
      let data: unknown;
      try {
        // Safe to repeat: a second open of the same profile answers 111003 and is attached.
        data = await client.call(
          'profile-open',
          { profile_id: toWireId(vendorId) },
          {
            idempotent: true,
            signal: opts?.signal,
            timeoutMs: openTimeoutMs(),
          },
        );
      } catch (e) {
        if (!(e instanceof DeckError) || e.details?.vendorCode !== IX_ALREADY_OPEN) throw e;
        const row = (await openedList(opts)).find((s) => id(s.profile_id) === vendorId);
        if (!row) {
          throw DeckError.of(
            'conflict',
            `ixBrowser says profile ${vendorId} is already open but does not list it as opened`,
            { details: e.details },
          );
        }
        return {
          session: ixSession(connectionId, row, openedAt.get(vendorId), nameOf(vendorId)),
          attached: true,
        };
      }
      const now = clock();
      openedAt.set(vendorId, now);
      const row = parse(
        IxOpenedWire,
        { profile_id: vendorId, ...(data as object | null) },
        'profile-open answer',
      );
      return { session: ixSession(connectionId, row, now, nameOf(vendorId)), attached: false };
    },

    async close(vendorId, opts) {
      try {
        await write('profile-close', { profile_id: toWireId(vendorId) }, opts, true);
        return { alreadyClosed: false };
      } catch (e) {
        // "Process not found": the window is already gone, which is what the user wanted.
        if (e instanceof DeckError && e.details?.vendorCode === IX_PROCESS_NOT_FOUND) {
          return { alreadyClosed: true };
        }
        throw e;
      } finally {
        openedAt.delete(vendorId);
      }
    },

    async closeMany(vendorIds, opts) {
      const results: ItemResults = new Map();
      for (const ids of chunk(vendorIds, BATCH_CHUNK)) {
        await forBatch(
          ids,
          () =>
            write('profile-close-in-batches', { profile_id: ids.map(toWireId) }, opts, true).catch(
              (e: unknown) => {
                // 1009: none of them was running, which is what closing asks for.
                if (e instanceof DeckError && e.details?.vendorCode === IX_PROCESS_NOT_FOUND)
                  return;
                throw e;
              },
            ),
          results,
        );
      }
      for (const id of vendorIds) if (results.get(id) === null) openedAt.delete(id);
      return results;
    },

    async listSessions(opts) {
      return (await openedList(opts)).map((row) =>
        ixSession(connectionId, row, openedAt.get(id(row.profile_id)), nameOf(id(row.profile_id))),
      );
    },

    dispose() {
      close();
    },
  };
  return provider;
}
