import { queryOptions } from '@tanstack/react-query';
import { deck, unwrap } from '../../lib/deck';
import { keys } from '../../lib/queries';

/** Vendor clients answering on their default ports (probes the network: run on demand). */
export const connectionsDetectQuery = queryOptions({
  queryKey: keys.connectionsDetect,
  queryFn: () => unwrap(deck().connections.detect()),
  staleTime: Infinity,
});
