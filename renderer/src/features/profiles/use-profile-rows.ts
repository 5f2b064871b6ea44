import { useEffect, useMemo, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Connection, Profile } from '../../../../shared/model';
import { connectionsQuery, profileListQuery } from '../../lib/queries';
import { listingPreviewQuery } from './queries';
import { useProfilesUi } from './store';
import { buildSearchIndex, createNarrowingFilter, facetSource } from './filter';
import { buildSearchIndexAhead } from './search-index';
import { pruneSelection } from './selection';
import { sortProfiles } from './sort';

const NO_PROFILES: Profile[] = [];
const NO_CONNECTIONS: Connection[] = [];

/**
 * The table's rows: the cached list, sorted once per data or sort change, then filtered
 * on every filter change. Filtering 50,000 rows takes a few ms, so it runs in the same
 * render as the keystroke: a deferred filter would cost a second render and frame.
 */
export function useProfileRows() {
  const queryClient = useQueryClient();
  const list = useQuery(profileListQuery);
  // Until the first listing is complete: the last-known rows, filled in page by page.
  const preview = useQuery({ ...listingPreviewQuery(queryClient), enabled: list.isPending });
  const previewing = list.isPending && (preview.data?.profiles.length ?? 0) > 0;
  const connectionsResult = useQuery(connectionsQuery);
  const sorting = useProfilesUi((s) => s.sorting);
  const filters = useProfilesUi((s) => s.filters);

  const connections = connectionsResult.data ?? NO_CONNECTIONS;
  const connectionsById = useMemo(() => new Map(connections.map((c) => [c.id, c])), [connections]);
  const all = list.data?.profiles ?? (previewing ? preview.data!.profiles : NO_PROFILES);
  const sorted = useMemo(
    () =>
      sortProfiles(all, sorting, {
        connectionLabel: (id) => connectionsById.get(id)?.label ?? id,
      }),
    [all, sorting, connectionsById],
  );
  const searchIndex = useMemo(() => buildSearchIndex(sorted), [sorted]);
  // Built when idle, a slice at a time, rather than in the render that shows the rows; a
  // filter set at start (remembered) or typed before the end builds what it needs itself.
  useEffect(() => {
    // As long as the browser says the page is idle (at most 50 ms): in shorter slices the
    // build got too few of the idle moments after a load to end before the first key.
    const slice = (deadline: IdleDeadline) => {
      if (!buildSearchIndexAhead(searchIndex, () => deadline.timeRemaining() > 1))
        id = requestIdleCallback(slice);
    };
    let id = requestIdleCallback(slice);
    return () => cancelIdleCallback(id);
  }, [searchIndex]);
  const [filter] = useState(createNarrowingFilter);
  const visible = useMemo(() => filter(searchIndex, filters), [filter, searchIndex, filters]);
  const facets = useMemo(() => facetSource(all), [all]);
  const errors = list.data?.errors;
  const previewStale = previewing ? preview.data!.staleSince : undefined;
  const staleConnections = useMemo(() => {
    if (previewStale) return previewStale;
    const stale = new Map<string, number>();
    for (const e of errors ?? [])
      if (e.lastKnownAt !== undefined) stale.set(e.connectionId, e.lastKnownAt);
    return stale;
  }, [errors, previewStale]);

  // Selection is by key, so it survives refetches; keys of rows that are gone are dropped.
  useEffect(() => {
    if (!list.data) return;
    const { selection, setSelection } = useProfilesUi.getState();
    if (selection.keys.size === 0 && selection.focus === null) return;
    const present = new Set(all.map((p) => p.key));
    const next = pruneSelection(selection, (k) => present.has(k));
    if (next !== selection) setSelection(next);
  }, [list.data, all]);

  return {
    list,
    connectionsResult,
    connections,
    connectionsById,
    all,
    sorted,
    visible,
    facets,
    staleConnections,
    /** The first listing is on its way and the table shows last-known rows meanwhile. */
    previewing,
  };
}

export type ProfileRows = ReturnType<typeof useProfileRows>;
