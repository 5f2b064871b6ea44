import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ResponseOf } from '../../../../shared/ipc/contract';
import type { JobAction } from '../../../../shared/model/job';
import { deck, unwrap } from '../../lib/deck';
import { keys } from '../../lib/queries';
import { applyJobStarted } from './job-cache';

export interface StartJobInput {
  action: JobAction;
  keys: string[];
  concurrency?: number;
  /** Profile names by key; taken from the cached profile list when omitted. */
  labels?: Record<string, string>;
}

/**
 * Starts a bulk job in main. Progress arrives as `jobs:event:progress` (shown by
 * JobProgressToasts); changed rows as `profiles:event:changed` (patched into the profiles
 * query by the profiles feature).
 */
export function useStartJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: StartJobInput) =>
      unwrap(
        deck().jobs.start({
          ...input,
          labels: input.labels ?? cachedNames(queryClient, input.keys),
        }),
      ),
    onSuccess: (summary) => applyJobStarted(queryClient, summary),
  });
}

/** Names of the selected profiles, so results read "Shop 12", not "conn/8812". */
function cachedNames(
  queryClient: QueryClient,
  selected: readonly string[],
): Record<string, string> {
  const list = queryClient.getQueryData<ResponseOf<'profiles:list'>>(keys.profileList);
  if (!list || selected.length === 0) return {};
  const wanted = new Set(selected);
  const names: Record<string, string> = {};
  for (const p of list.profiles)
    if (wanted.has(p.key) && p.name) names[p.key] = p.name.slice(0, 200);
  return names;
}
