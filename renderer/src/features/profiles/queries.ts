import { queryOptions } from '@tanstack/react-query';
import { deck, unwrap } from '../../lib/deck';
import { keys } from '../../lib/queries';

export const tagsQuery = queryOptions({
  queryKey: keys.tags,
  queryFn: () => unwrap(deck().tags.list({})),
  staleTime: 60_000,
});
