import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { deck, unwrap } from '../../lib/deck';
import { keys } from '../../lib/queries';
import {
  applyProfileStatus,
  applyProfilesChanged,
  mergeConnections,
  type ProfileList,
} from './cache-patch';
import { EMPTY_PREVIEW, applyPage, type ListingPreview } from './listing-preview';

/**
 * Patches main's push events into the cached profile list: changed rows in place, status
 * moves in place, and only the named connections refetched (creates, copies). Mount it
 * where it lives as long as the window (App) so no event is missed; mounting it twice
 * is harmless since every patch is idempotent.
 */
export function useProfilesLive(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const patch = (fn: (list: ProfileList) => ProfileList) =>
      queryClient.setQueryData<ProfileList>(keys.profileList, (list) => (list ? fn(list) : list));

    const offChanged = deck().events.onProfilesChanged((event) => {
      patch((list) => applyProfilesChanged(list, event));
      // Moves, tag edits and creates may have made groups and tags (cheap lists).
      void queryClient.invalidateQueries({ queryKey: keys.groups });
      void queryClient.invalidateQueries({ queryKey: keys.tags });
      const ids = event.refetchConnections;
      if (ids.length === 0) return;
      unwrap(deck().profiles.list({ connectionIds: ids })).then(
        (fresh) => patch((list) => mergeConnections(list, ids, fresh)),
        // A failed partial refetch: fall back to reloading everything.
        () => void queryClient.invalidateQueries({ queryKey: keys.profileList }),
      );
    });
    const offStatus = deck().events.onProfilesStatus((event) =>
      patch((list) => applyProfileStatus(list, event)),
    );
    // Pages of the first listing fill the preview; once the list is there they are old news.
    const offPage = deck().events.onProfilesPage((page) => {
      if (queryClient.getQueryData(keys.profileList)) return;
      queryClient.setQueryData<ListingPreview>(keys.listingPreview, (preview) =>
        applyPage(preview ?? EMPTY_PREVIEW, page),
      );
    });
    return () => {
      offChanged();
      offStatus();
      offPage();
    };
  }, [queryClient]);
}
