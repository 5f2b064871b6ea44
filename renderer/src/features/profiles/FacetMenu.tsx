import { memo, useState } from 'react';
import { Popover } from '../../components/Popover';
import { inputClass } from '../../components/Field';
import { useTranslation } from '../../i18n';
import { useProfilesUi } from './store';
import type { FacetName } from './filter';

export interface FacetOption {
  value: string;
  label: string;
}

/** Above this many options the menu gets a box to narrow them. */
const NARROW_FROM = 10;

/** A menu's options, or what makes them when it opens (groups and tags: see facetSource). */
export type FacetOptionsOf = readonly FacetOption[] | (() => readonly FacetOption[]);

/**
 * One facet filter: a button saying what is chosen, opening a list of checkboxes. Any of
 * the checked values passes; none checked passes every row.
 */
export const FacetMenu = memo(function FacetMenu({
  facet,
  options,
}: {
  facet: FacetName;
  options: FacetOptionsOf;
}) {
  const { t } = useTranslation();
  /** Plural: "Groups"; lower-case inside a sentence. */
  const label = t(`profiles.facets.${facet}`);
  const chosen = useProfilesUi((s) => s.filters[facet]);
  // Options made on opening are their own labels (group and tag names).
  const first =
    chosen[0] === undefined
      ? ''
      : typeof options === 'function'
        ? chosen[0]
        : (options.find((o) => o.value === chosen[0])?.label ?? chosen[0]);
  return (
    <Popover
      buttonClassName={`max-w-52 ${chosen.length ? 'border-blue-500 dark:border-blue-500' : ''}`}
      label={
        <span className="truncate">
          {chosen.length === 0
            ? label
            : chosen.length === 1
              ? t('profiles.facet.one', { facet: label, value: first })
              : t('profiles.facet.many', { facet: label, value: first, more: chosen.length - 1 })}
        </span>
      }
    >
      <FacetChoices facet={facet} options={options} label={label} />
    </Popover>
  );
});

/** The open menu's checkboxes, and a box to narrow them when there are many. */
function FacetChoices({
  facet,
  options,
  label,
}: {
  facet: FacetName;
  options: FacetOptionsOf;
  label: string;
}) {
  const { t } = useTranslation();
  const lower = t(`profiles.facetsLower.${facet}`);
  const chosen = useProfilesUi((s) => s.filters[facet]);
  const setFilter = useProfilesUi((s) => s.setFilter);
  const [narrow, setNarrow] = useState('');
  const all = typeof options === 'function' ? options() : options;
  const labelOf = new Map(all.map((o) => [o.value, o.label]));
  // A remembered choice that is gone from the data stays listed, so it can be cleared.
  const listed = [
    ...chosen.filter((v) => !labelOf.has(v)).map((v) => ({ value: v, label: v })),
    ...all,
  ];
  const needle = narrow.trim().toLowerCase();
  const shown = needle ? listed.filter((o) => o.label.toLowerCase().includes(needle)) : listed;
  const toggle = (value: string) =>
    setFilter(
      facet,
      chosen.includes(value) ? chosen.filter((v) => v !== value) : [...chosen, value],
    );
  return (
    <fieldset className="w-56 space-y-0.5" aria-label={label}>
      {listed.length > NARROW_FROM && (
        <input
          aria-label={t('profiles.facet.find', { facet: lower })}
          placeholder={t('profiles.facet.findPlaceholder')}
          value={narrow}
          onChange={(e) => setNarrow(e.target.value)}
          className={`${inputClass} mb-1`}
        />
      )}
      {shown.length === 0 && (
        <p className="px-1 py-0.5 text-xs text-zinc-500">{t('profiles.facet.none')}</p>
      )}
      {shown.map((o) => (
        <label
          key={o.value}
          className="flex items-center gap-2 rounded px-1 py-0.5 hover:bg-zinc-100 dark:hover:bg-zinc-800"
        >
          <input
            type="checkbox"
            checked={chosen.includes(o.value)}
            onChange={() => toggle(o.value)}
          />
          <span className="truncate">{o.label}</span>
        </label>
      ))}
      {chosen.length > 0 && (
        <button
          type="button"
          onClick={() => setFilter(facet, [])}
          className="mt-1 w-full rounded px-1 py-0.5 text-left text-xs text-blue-700 hover:bg-zinc-100 dark:text-blue-400 dark:hover:bg-zinc-800"
        >
          {t('profiles.facet.any', { facet: lower })}
        </button>
      )}
    </fieldset>
  );
}
