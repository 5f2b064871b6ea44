import { useDeferredValue, useEffect, useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Connection, Profile } from '../../../../shared/model';
import { connectionsQuery, profileListQuery } from '../../lib/queries';
import { useUi } from '../../store';
import { buildSearchIndex, facetOptions, filterProfiles } from './filter';
import { pruneSelection } from './selection';
import { sortProfiles } from './sort';

const NO_PROFILES: Profile[] = [];
const NO_CONNECTIONS: Connection[] = [];

/**
 * The table's rows: the cached list, sorted once per data or sort change, then filtered
 * per (deferred) filter change, so typing stays responsive while the rows catch up.
 */
export function useProfileRows() {
  const list = useQuery(profileListQuery);
  const connectionsResult = useQuery(connectionsQuery);
  const sorting = useUi((s) => s.sorting);
  const filters = useUi((s) => s.filters);
  const deferredFilters = useDeferredValue(filters);

  const connections = connectionsResult.data ?? NO_CONNECTIONS;
  const connectionsById = useMemo(() => new Map(connections.map((c) => [c.id, c])), [connections]);
  const all = list.data?.profiles ?? NO_PROFILES;
  const sorted = useMemo(
    () =>
      sortProfiles(all, sorting, {
        connectionLabel: (id) => connectionsById.get(id)?.label ?? id,
      }),
    [all, sorting, connectionsById],
  );
  const searchIndex = useMemo(() => buildSearchIndex(sorted), [sorted]);
  const visible = useMemo(
    () => filterProfiles(searchIndex, deferredFilters),
    [searchIndex, deferredFilters],
  );
  const facets = useMemo(() => facetOptions(all), [all]);

  // Selection is by key, so it survives refetches; keys of rows that are gone are dropped.
  useEffect(() => {
    if (!list.data) return;
    const { selection, setSelection } = useUi.getState();
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
    /** The filter the user typed has not reached the rows yet. */
    filtering: filters !== deferredFilters,
  };
}

export type ProfileRows = ReturnType<typeof useProfileRows>;
