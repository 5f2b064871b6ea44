import { queryOptions } from '@tanstack/react-query';
import { deck, unwrap } from './deck';

/**
 * Query key factories: one hierarchy so invalidation after a job is precise. The queries
 * here are the ones several features read; a query one feature reads lives in that
 * feature's queries.ts.
 */
export const keys = {
  app: ['app'] as const,
  settings: ['settings'] as const,
  connections: ['connections'] as const,
  profiles: ['profiles'] as const,
  /** Every profile of every connection: the one list the profiles table reads. */
  profileList: ['profiles', 'list'] as const,
  /** The rows shown while the first listing is on its way (last-known, then its pages). */
  listingPreview: ['profiles', 'preview'] as const,
  groups: ['groups'] as const,
  tags: ['tags'] as const,
  jobs: ['jobs'] as const,
  job: (id: string) => ['jobs', id] as const,
  sessions: ['sessions'] as const,
  /** Under connections: invalidating connections refreshes each client's `added` flag. */
  connectionsDetect: ['connections', 'detect'] as const,
};

export const appInfoQuery = queryOptions({
  queryKey: keys.app,
  queryFn: () => unwrap(deck().app.info()),
  staleTime: Infinity,
});

export const connectionsQuery = queryOptions({
  queryKey: keys.connections,
  queryFn: () => unwrap(deck().connections.list()),
});

/**
 * All profiles plus the connections that failed to list. Kept fresh by push events
 * (profiles:event:changed / status), so it is never stale by time: a background reload
 * of 50,000 rows would only repeat what the events already patched in.
 */
export const profileListQuery = queryOptions({
  queryKey: keys.profileList,
  queryFn: () => unwrap(deck().profiles.list({})),
  staleTime: Infinity,
});

export const groupsQuery = queryOptions({
  queryKey: keys.groups,
  queryFn: () => unwrap(deck().groups.list({})),
  staleTime: 60_000,
});
