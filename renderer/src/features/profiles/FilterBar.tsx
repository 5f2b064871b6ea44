import { memo, useMemo } from 'react';
import type { Connection, ProfileStatus, ProxyType } from '../../../../shared/model';
import { PROFILE_STATUSES, PROXY_TYPES } from '../../../../shared/model/row-values';
import { Button } from '../../components/Button';
import { useFormat, useTranslation } from '../../i18n';
import { useProfilesUi } from './store';
import { FacetMenu } from './FacetMenu';
import { statusLabel } from './columns';
import {
  hasActiveFilters,
  PROXY_CHECK_STATES,
  proxyCheckStateLabel,
  type FacetSource,
} from './filter';

/** Search syntax: typed by users as is, in every language. */
const SEARCH_FIELDS = 'name:, group:, tag:, remark:, proxy:, id:, status:';
const SEARCH_EXAMPLE = 'group:"big shop"';

/** The search box, for Ctrl/Cmd+F. */
export const PROFILE_SEARCH_ID = 'profile-search';

/**
 * The search box and the facet menus. Memoized, and only the search box reads the typed
 * text: a keystroke re-renders the box and the rows, not six menus of options.
 */
export const FilterBar = memo(function FilterBar({
  connections,
  facets,
}: {
  connections: readonly Connection[];
  facets: FacetSource;
}) {
  const active = useProfilesUi((s) => hasActiveFilters(s.filters));
  const clearFilters = useProfilesUi((s) => s.clearFilters);
  const { t } = useTranslation();
  // Stable while their data and language are, so the memoized menus skip a re-render.
  const options = useMemo(
    () => ({
      connectionId: connections.map((c) => ({ value: c.id, label: c.label })),
      // Made when their menu opens: see facetSource.
      group: () => facets().groups.map((g) => ({ value: g, label: g })),
      tag: () => facets().tags.map((tag) => ({ value: tag, label: tag })),
    }),
    [connections, facets],
  );
  const worded = useMemo(
    () => ({
      status: PROFILE_STATUSES.map((s: ProfileStatus) => ({
        value: s,
        label: statusLabel(s),
      })),
      proxyType: PROXY_TYPES.map((p: ProxyType) => ({
        value: p,
        label: p === 'direct' ? t('profiles.filter.noProxy') : p,
      })),
      proxyCheck: PROXY_CHECK_STATES.map((value) => ({
        value,
        label: proxyCheckStateLabel(value),
      })),
    }),
    [t],
  );
  return (
    <div
      role="search"
      className="flex flex-wrap items-center gap-2 border-b border-zinc-200 px-3 py-2 dark:border-zinc-800"
    >
      <SearchBox />
      <FacetMenu facet="connectionId" options={options.connectionId} />
      <FacetMenu facet="group" options={options.group} />
      <FacetMenu facet="tag" options={options.tag} />
      <FacetMenu facet="status" options={worded.status} />
      <FacetMenu facet="proxyType" options={worded.proxyType} />
      <FacetMenu facet="proxyCheck" options={worded.proxyCheck} />
      {active && (
        <Button variant="ghost" onClick={clearFilters}>
          {t('profiles.clearFilters')}
        </Button>
      )}
    </div>
  );
});

function SearchBox() {
  const text = useProfilesUi((s) => s.filters.text);
  const setFilter = useProfilesUi((s) => s.setFilter);
  const { t } = useTranslation();
  return (
    <input
      id={PROFILE_SEARCH_ID}
      type="search"
      aria-label={t('profiles.filter.searchLabel')}
      placeholder={t('profiles.filter.searchPlaceholder')}
      title={t('profiles.filter.searchHelp', { fields: SEARCH_FIELDS, example: SEARCH_EXAMPLE })}
      value={text}
      onChange={(e) => setFilter('text', e.target.value)}
      className="w-64 rounded border border-zinc-300 bg-white px-2 py-1 text-[13px] dark:border-zinc-700 dark:bg-zinc-900"
    />
  );
}

/** "shown / total" and the selected count: always in view, whatever is scrolled. */
export function ProfileCounts({
  shown,
  total,
  selected,
}: {
  shown: number;
  total: number;
  selected: number;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <span
      data-testid="profile-counts"
      aria-live="polite"
      className="whitespace-nowrap text-zinc-600 tabular-nums dark:text-zinc-400"
    >
      <span data-testid="shown-total" className="font-medium text-zinc-900 dark:text-zinc-100">
        {format.number(shown)} / {format.number(total)}
      </span>{' '}
      {t('profiles.counts.shown')} ·{' '}
      <span data-testid="selected-count">{format.number(selected)}</span>{' '}
      {t('profiles.counts.selected')}
    </span>
  );
}
