/**
 * Profiles, groups and tags across every connection. Connections are listed in parallel
 * (each bounded by its own gate); one that fails becomes an entry in `errors` and the
 * others still list.
 */
import type { ResponseOf } from '../../../shared/ipc/contract';
import { DeckError } from '../../../shared/ipc/result';
import { splitProfileKey, type Group, type Profile, type Tag } from '../../../shared/model';
import { asStale } from '../../../shared/model/last-known-snapshot';
import type { Handlers } from '../ipc/handle';
import type { Logger } from '../log';
import { asDeckError } from '../providers/common/item-results';
import type { ConnectionsService } from './connections';
import type { LastKnownStore } from './last-known';
import type { EventBus } from '../events';

type ProfileChannel =
  | 'profiles:list'
  | 'profiles:last-known'
  | 'profiles:detail'
  | 'groups:list'
  | 'groups:create'
  | 'tags:list';

export type ProfileList = ResponseOf<'profiles:list'>;

export interface ProfilesService {
  list(connectionIds?: string[]): Promise<ProfileList>;
  /** The last full listing of each connection that has one, at once (no vendor call). */
  lastKnown(connectionIds?: string[]): Promise<ResponseOf<'profiles:last-known'>>;
  detail(key: string): Promise<Profile>;
  groups(connectionIds?: string[]): Promise<Group[]>;
  createGroup(connectionId: string, name: string): Promise<Group>;
  tags(connectionIds?: string[]): Promise<Tag[]>;
  handlers: Pick<Handlers, ProfileChannel>;
}

export function createProfilesService(deps: {
  connections: ConnectionsService;
  lastKnown: LastKnownStore;
  log: Pick<Logger, 'warn'>;
  /** Pages of a listing in progress go out as `profiles:event:page`. */
  events?: Pick<EventBus, 'emit'>;
  /** What main knows of a profile beyond its vendor (its last proxy check), put on every row. */
  annotate?(profile: Profile): Profile;
}): ProfilesService {
  const { connections, lastKnown, log, events } = deps;
  const annotate = deps.annotate ?? ((p: Profile) => p);

  const targets = async (requested?: string[]) => {
    const known = await connections.ids();
    return requested ? [...new Set(requested)] : known;
  };

  /** Runs `fn` on each connection; failures are collected, not thrown. */
  const perConnection = async <T>(
    ids: string[],
    fn: (connectionId: string) => Promise<T>,
  ): Promise<{
    ok: Array<[string, T]>;
    errors: Array<{ connectionId: string; error: DeckError }>;
  }> => {
    const settled = await Promise.all(
      ids.map(async (connectionId) => {
        try {
          return { connectionId, value: await fn(connectionId) };
        } catch (e) {
          return { connectionId, error: asDeckError(e) };
        }
      }),
    );
    const ok: Array<[string, T]> = [];
    const errors: Array<{ connectionId: string; error: DeckError }> = [];
    for (const s of settled) {
      if ('error' in s && s.error) errors.push({ connectionId: s.connectionId, error: s.error });
      else ok.push([s.connectionId, (s as { value: T }).value]);
    }
    return { ok, errors };
  };

  /** Groups and tags have no error list in the contract: partial results, unless all failed. */
  const mergeOrThrow = <T>(
    what: string,
    result: Awaited<ReturnType<typeof perConnection<T[]>>>,
  ): T[] => {
    if (result.ok.length === 0 && result.errors.length > 0) throw result.errors[0]!.error;
    for (const { connectionId, error } of result.errors) {
      log.warn(`${what} of ${connectionId} failed`, error.message);
    }
    return result.ok.flatMap(([, items]) => items);
  };

  const service: ProfilesService = {
    async list(connectionIds) {
      const ids = await targets(connectionIds);
      const result = await perConnection(ids, async (id) => {
        try {
          const provider = connections.providerFor(id);
          const profiles = await provider.listProfiles({
            onPage: (page) =>
              events?.emit('profiles:event:page', {
                connectionId: id,
                profiles: page.map(annotate),
              }),
          });
          connections.reportHealth(id, { profileCount: profiles.length });
          const { demo } = await connections.get(id);
          lastKnown.remember(id, profiles, { persist: !demo });
          return profiles;
        } catch (e) {
          connections.reportHealth(id, { error: asDeckError(e) });
          throw e;
        }
      });
      const profiles: Profile[] = [];
      for (const [, list] of result.ok) for (const p of list) profiles.push(annotate(p));
      const errors: ProfileList['errors'] = [];
      const existing = new Set(result.errors.length ? await connections.ids() : []);
      for (const { connectionId, error } of result.errors) {
        // A connection that exists but does not answer keeps its last rows, marked stale.
        const known = existing.has(connectionId) ? await lastKnown.recall(connectionId) : undefined;
        if (known) for (const p of known.profiles) profiles.push(annotate(asStale(p)));
        errors.push({
          connectionId,
          error: error.toValue(),
          ...(known ? { lastKnownAt: known.listedAt } : {}),
        });
      }
      return { profiles, errors };
    },
    async lastKnown(connectionIds) {
      const ids = await targets(connectionIds);
      const existing = new Set(await connections.ids());
      const unknown = ids.find((id) => !existing.has(id));
      if (unknown)
        throw DeckError.of('not-found', `No connection ${unknown}`, {
          details: { connectionId: unknown },
          reason: 'connection.unknown',
          params: { id: unknown },
        });
      const profiles: Profile[] = [];
      const listed: Array<{ connectionId: string; listedAt: number }> = [];
      const snapshots: Array<{ connectionId: string; text: string }> = [];
      for (const connectionId of ids) {
        const known = await lastKnown.recallForPage(connectionId);
        if (!known) continue;
        // A snapshot main has not parsed has no proxy check to add: checks are of rows main
        // holds (listed, or recalled when the vendor stopped answering).
        if ('text' in known) {
          snapshots.push({ connectionId, text: known.text });
          continue;
        }
        for (const p of known.rows.profiles) profiles.push(annotate(asStale(p)));
        listed.push({ connectionId, listedAt: known.rows.listedAt });
      }
      return { profiles, connections: listed, snapshots };
    },
    async detail(key) {
      const { connectionId, vendorId } = splitProfileKey(key);
      if (!connectionId || !vendorId) {
        throw DeckError.of('invalid-input', `key: ${key} is not a profile key`, {
          details: { field: 'key' },
          reason: 'profile-key.invalid',
          params: { key },
        });
      }
      await connections.ready;
      return annotate(await connections.providerFor(connectionId).getProfile(vendorId));
    },
    async groups(connectionIds) {
      const ids = await targets(connectionIds);
      return mergeOrThrow(
        'group list',
        await perConnection(ids, (id) => connections.providerFor(id).listGroups()),
      );
    },
    async createGroup(connectionId, name) {
      await connections.ready;
      return connections.providerFor(connectionId).createGroup(name.trim());
    },
    async tags(connectionIds) {
      const ids = await targets(connectionIds);
      return mergeOrThrow(
        'tag list',
        await perConnection(ids, (id) => connections.providerFor(id).listTags()),
      );
    },
    handlers: {
      'profiles:list': ({ connectionIds }) => service.list(connectionIds),
      'profiles:last-known': ({ connectionIds }) => service.lastKnown(connectionIds),
      'profiles:detail': ({ key }) => service.detail(key),
      'groups:list': ({ connectionIds }) => service.groups(connectionIds),
      'groups:create': ({ connectionId, name }) => service.createGroup(connectionId, name),
      'tags:list': ({ connectionIds }) => service.tags(connectionIds),
    },
  };
  return service;
}
