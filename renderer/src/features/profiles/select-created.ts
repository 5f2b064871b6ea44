import { useCallback } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ResponseOf } from '../../../../shared/ipc/contract';
import { keys as queryKeys } from '../../lib/queries';
import { useProfilesUi } from './store';

type ProfileList = ResponseOf<'profiles:list'>;

/**
 * Selects new profiles in the table once its list holds them. Setting the keys earlier
 * would lose them: the table drops selected keys it does not list, and the connection's
 * refetch after a create lands on its own time. Gives up if the user selects something
 * else first. Returns a function that stops waiting.
 */
export function selectWhenListed(keys: readonly string[], queryClient: QueryClient): () => void {
  if (keys.length === 0) return () => {};
  const listed = () => {
    const list = queryClient.getQueryData<ProfileList>(queryKeys.profileList);
    // No table loaded yet: it will list them when it loads, so nothing would be dropped.
    if (!list) return true;
    const present = new Set(list.profiles.map((p) => p.key));
    return keys.every((k) => present.has(k));
  };
  const select = () => {
    stop();
    const first = keys[0] ?? null;
    useProfilesUi.getState().setSelection({ keys: new Set(keys), anchor: first, focus: first });
  };
  const before = useProfilesUi.getState().selection.keys;
  const offCache = queryClient.getQueryCache().subscribe((event) => {
    if (
      event.type === 'updated' &&
      event.query.queryKey[0] === queryKeys.profileList[0] &&
      listed()
    )
      select();
  });
  // Only a change of the selected keys counts as the user's: focus moves do not.
  const offUi = useProfilesUi.subscribe((s) => {
    if (s.selection.keys !== before) stop();
  });
  function stop() {
    offCache();
    offUi();
  }
  if (listed()) select();
  return stop;
}

/** `selectWhenListed` for the create dialogs' `onCreated`: the new profiles get selected. */
export function useSelectCreated(): (keys: readonly string[]) => void {
  const queryClient = useQueryClient();
  return useCallback((keys) => void selectWhenListed(keys, queryClient), [queryClient]);
}
