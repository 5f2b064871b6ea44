import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { deck, unwrap } from '../../lib/deck';
import { takeEarlyLastKnown } from '../../early-ask';
import { keys } from '../../lib/queries';
import {
  EMPTY_PREVIEW,
  mergePreviews,
  previewFromLastKnown,
  type ListingPreview,
} from './listing-preview';

export const tagsQuery = queryOptions({
  queryKey: keys.tags,
  queryFn: () => unwrap(deck().tags.list({})),
  staleTime: 60_000,
});

/**
 * The last-known rows, read once at start (main answers from memory or disk, no vendor
 * call; the page asked as it loaded, see early-ask.ts); pages that arrived meanwhile stay on
 * top of them.
 */
export const listingPreviewQuery = (queryClient: QueryClient) =>
  queryOptions({
    queryKey: keys.listingPreview,
    queryFn: async (): Promise<ListingPreview> => {
      const asked = takeEarlyLastKnown() ?? deck().profiles.lastKnown({});
      const known = previewFromLastKnown(await unwrap(asked));
      const pages = queryClient.getQueryData<ListingPreview>(keys.listingPreview);
      return mergePreviews(known, pages ?? EMPTY_PREVIEW);
    },
    staleTime: Infinity,
  });
