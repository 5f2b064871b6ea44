import { queryOptions } from '@tanstack/react-query';
import { deck, unwrap } from '../../lib/deck';

export const SCRIPTS_KEY = ['scripts'] as const;

/** The saved scripts' names, for the Scripts screen and the run dialog's Script task. */
export const scriptsQuery = queryOptions({
  queryKey: SCRIPTS_KEY,
  queryFn: () => unwrap(deck().scripts.list()),
});
