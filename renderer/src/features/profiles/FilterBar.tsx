import type { Connection, ProfileStatus, ProxyType } from '../../../../shared/model';
import { ProfileStatusSchema, ProxyTypeSchema } from '../../../../shared/model';
import { Button } from '../../components/Button';
import { useFormat, useTranslation } from '../../i18n';
import { useProfilesUi } from './store';
import { FacetMenu } from './FacetMenu';
import { statusLabel } from './columns';
import {
  hasActiveFilters,
  PROXY_CHECK_STATES,
  proxyCheckStateLabel,
  type FacetOptions,
} from './filter';

/** Search syntax: typed by users as is, in every language. */
const SEARCH_FIELDS = 'name:, group:, tag:, remark:, proxy:, id:, status:';
const SEARCH_EXAMPLE = 'group:"big shop"';

/** The search box, for Ctrl/Cmd+F. */
export const PROFILE_SEARCH_ID = 'profile-search';

export function FilterBar({
  connections,
  facets,
}: {
  connections: readonly Connection[];
  facets: FacetOptions;
}) {
  const filters = useProfilesUi((s) => s.filters);
  const setFilter = useProfilesUi((s) => s.setFilter);
  const clearFilters = useProfilesUi((s) => s.clearFilters);
  const { t } = useTranslation();
  const statusOptions = ProfileStatusSchema.options.map((s: ProfileStatus) => ({
    value: s,
    label: statusLabel(s),
  }));
  const proxyOptions = ProxyTypeSchema.options.map((p: ProxyType) => ({
    value: p,
    label: p === 'direct' ? t('profiles.filter.noProxy') : p,
  }));
  const proxyCheckOptions = PROXY_CHECK_STATES.map((value) => ({
    value,
    label: proxyCheckStateLabel(value),
  }));
  return (
    <div
      role="search"
      className="flex flex-wrap items-center gap-2 border-b border-zinc-200 px-3 py-2 dark:border-zinc-800"
    >
      <input
        id={PROFILE_SEARCH_ID}
        type="search"
        aria-label={t('profiles.filter.searchLabel')}
        placeholder={t('profiles.filter.searchPlaceholder')}
        title={t('profiles.filter.searchHelp', { fields: SEARCH_FIELDS, example: SEARCH_EXAMPLE })}
        value={filters.text}
        onChange={(e) => setFilter('text', e.target.value)}
        className="w-64 rounded border border-zinc-300 bg-white px-2 py-1 text-[13px] dark:border-zinc-700 dark:bg-zinc-900"
      />
      <FacetMenu
        facet="connectionId"
        options={connections.map((c) => ({ value: c.id, label: c.label }))}
      />
      <FacetMenu facet="group" options={facets.groups.map((g) => ({ value: g, label: g }))} />
      <FacetMenu facet="tag" options={facets.tags.map((t) => ({ value: t, label: t }))} />
      <FacetMenu facet="status" options={statusOptions} />
      <FacetMenu facet="proxyType" options={proxyOptions} />
      <FacetMenu facet="proxyCheck" options={proxyCheckOptions} />
      {hasActiveFilters(filters) && (
        <Button variant="ghost" onClick={clearFilters}>
          {t('profiles.clearFilters')}
        </Button>
      )}
    </div>
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
