import type { Connection, ProfileStatus, ProxyType } from '../../../../shared/model';
import { ProfileStatusSchema, ProxyTypeSchema } from '../../../../shared/model';
import { Button } from '../../components/Button';
import { useProfilesUi } from './store';
import { hasActiveFilters, type FacetOptions, type ProfileFilters } from './filter';

const selectClass =
  'max-w-44 rounded border border-zinc-300 bg-white px-1.5 py-1 text-[13px] dark:border-zinc-700 dark:bg-zinc-900';

function FacetSelect<K extends keyof ProfileFilters>({
  field,
  label,
  options,
}: {
  field: K;
  label: string;
  options: readonly { value: string; label: string }[];
}) {
  const value = useProfilesUi((s) => s.filters[field]);
  const setFilter = useProfilesUi((s) => s.setFilter);
  return (
    <select
      aria-label={label}
      value={value}
      onChange={(e) => setFilter(field, e.target.value as ProfileFilters[K])}
      className={`${selectClass} ${value ? 'border-blue-500 dark:border-blue-500' : ''}`}
    >
      <option value="">{`All ${label.toLowerCase()}`}</option>
      {/* A remembered choice that is gone from the data stays visible, so it can be cleared. */}
      {value && !options.some((o) => o.value === value) && <option value={value}>{value}</option>}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

const STATUS_OPTIONS = ProfileStatusSchema.options.map((s: ProfileStatus) => ({
  value: s,
  label: s,
}));
const PROXY_OPTIONS = ProxyTypeSchema.options.map((t: ProxyType) => ({
  value: t,
  label: t === 'direct' ? 'no proxy (direct)' : t,
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
        placeholder="Search name, remark, id, proxy host"
        value={filters.text}
        onChange={(e) => setFilter('text', e.target.value)}
        className="w-64 rounded border border-zinc-300 bg-white px-2 py-1 text-[13px] dark:border-zinc-700 dark:bg-zinc-900"
      />
      <FacetSelect
        field="connectionId"
        label="Connections"
        options={connections.map((c) => ({ value: c.id, label: c.label }))}
      />
      <FacetSelect
        field="group"
        label="Groups"
        options={facets.groups.map((g) => ({ value: g, label: g }))}
      />
      <FacetSelect
        field="tag"
        label="Tags"
        options={facets.tags.map((t) => ({ value: t, label: t }))}
      />
      <FacetSelect field="status" label="Statuses" options={STATUS_OPTIONS} />
      <FacetSelect field="proxyType" label="Proxy types" options={PROXY_OPTIONS} />
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
