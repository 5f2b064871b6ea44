import type { Connection, ProfileStatus, ProxyType } from '../../../../shared/model';
import { ProfileStatusSchema, ProxyTypeSchema } from '../../../../shared/model';
import { Button } from '../../components/Button';
import { useProfilesUi } from './store';
import { FacetMenu } from './FacetMenu';
import { hasActiveFilters, PROXY_CHECK_LABELS, type FacetOptions } from './filter';

const SEARCH_HELP = [
  'Every term must match; a word looks in names, remarks, ids, proxy hosts, groups and tags.',
  '"two words": a phrase, as written.',
  'name:, group:, tag:, remark:, proxy:, id:, status: look in that field only (group:"big shop").',
].join('\n');

const STATUS_OPTIONS = ProfileStatusSchema.options.map((s: ProfileStatus) => ({
  value: s,
  label: s,
}));
const PROXY_OPTIONS = ProxyTypeSchema.options.map((t: ProxyType) => ({
  value: t,
  label: t === 'direct' ? 'no proxy (direct)' : t,
}));
const PROXY_CHECK_OPTIONS = Object.entries(PROXY_CHECK_LABELS).map(([value, label]) => ({
  value,
  label,
}));

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
  return (
    <div
      role="search"
      className="flex flex-wrap items-center gap-2 border-b border-zinc-200 px-3 py-2 dark:border-zinc-800"
    >
      <input
        id={PROFILE_SEARCH_ID}
        type="search"
        aria-label="Search profiles"
        placeholder='Search, e.g. tag:vip "shop 1"'
        title={SEARCH_HELP}
        value={filters.text}
        onChange={(e) => setFilter('text', e.target.value)}
        className="w-64 rounded border border-zinc-300 bg-white px-2 py-1 text-[13px] dark:border-zinc-700 dark:bg-zinc-900"
      />
      <FacetMenu
        facet="connectionId"
        label="Connections"
        options={connections.map((c) => ({ value: c.id, label: c.label }))}
      />
      <FacetMenu
        facet="group"
        label="Groups"
        options={facets.groups.map((g) => ({ value: g, label: g }))}
      />
      <FacetMenu
        facet="tag"
        label="Tags"
        options={facets.tags.map((t) => ({ value: t, label: t }))}
      />
      <FacetMenu facet="status" label="Statuses" options={STATUS_OPTIONS} />
      <FacetMenu facet="proxyType" label="Proxy types" options={PROXY_OPTIONS} />
      <FacetMenu facet="proxyCheck" label="Proxy checks" options={PROXY_CHECK_OPTIONS} />
      {hasActiveFilters(filters) && (
        <Button variant="ghost" onClick={clearFilters}>
          Clear filters
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
  return (
    <span
      data-testid="profile-counts"
      aria-live="polite"
      className="text-zinc-600 tabular-nums dark:text-zinc-400"
    >
      <span data-testid="shown-total" className="font-medium text-zinc-900 dark:text-zinc-100">
        {shown.toLocaleString()} / {total.toLocaleString()}
      </span>{' '}
      shown · <span data-testid="selected-count">{selected.toLocaleString()}</span> selected
    </span>
  );
}
