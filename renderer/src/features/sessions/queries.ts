import { queryOptions } from '@tanstack/react-query';
import { deck, unwrap } from '../../lib/deck';
import { keys } from '../../lib/queries';

/** Every open profile across connections. The Sessions view adds its own polling. */
export const sessionsQuery = queryOptions({
  queryKey: keys.sessions,
  queryFn: () => unwrap(deck().sessions.list({})),
});
