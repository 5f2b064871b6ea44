import { queryOptions } from '@tanstack/react-query';
import { deck, unwrap } from './deck';

/** Query key factories: one hierarchy so invalidation after a job is precise. */
export const keys = {
  app: ['app'] as const,
  settings: ['settings'] as const,
  connections: ['connections'] as const,
  profiles: ['profiles'] as const,
  groups: ['groups'] as const,
  tags: ['tags'] as const,
  jobs: ['jobs'] as const,
  job: (id: string) => ['jobs', id] as const,
  sessions: ['sessions'] as const,
};

export const appInfoQuery = queryOptions({
  queryKey: keys.app,
  queryFn: () => unwrap(deck().app.info()),
  staleTime: Infinity,
});
