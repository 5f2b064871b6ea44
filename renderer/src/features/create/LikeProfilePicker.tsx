import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { errorText } from '../../lib/deck';
import { profileListQuery } from '../../lib/queries';
import { controlClass } from '../../components/FormField';
import { useTranslation } from '../../i18n';

const SHOWN = 200;

/** Picks an existing profile of one connection, filtered by name (lists can be long). */
export function LikeProfilePicker({
  connectionId,
  value,
  onChange,
  ...aria
}: {
  connectionId: string;
  value: string;
  onChange(key: string): void;
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}) {
  const { t } = useTranslation();
  const list = useQuery(profileListQuery);
  const [filter, setFilter] = useState('');
  const mine = useMemo(
    () => (list.data?.profiles ?? []).filter((p) => p.connectionId === connectionId),
    [list.data, connectionId],
  );
  const needle = filter.trim().toLowerCase();
  const matches = needle ? mine.filter((p) => p.name.toLowerCase().includes(needle)) : mine;
  const shown = matches.slice(0, SHOWN);
  const chosen = mine.find((p) => p.key === value);
  // Keep the chosen profile visible even when the filter hides it.
  if (chosen && !shown.includes(chosen)) shown.unshift(chosen);

  if (list.isError)
    return (
      <p role="alert" className="text-xs text-red-600 dark:text-red-400">
        {t('create.like.listFailed', { error: errorText(list.error) })}
      </p>
    );
  return (
    <div className="space-y-1">
      <input
        type="search"
        aria-label={t('create.like.filterLabel')}
        placeholder={t('create.like.filterPlaceholder', { total: mine.length })}
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        className={controlClass}
      />
      <select
        {...aria}
        size={5}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className={controlClass}
      >
        {list.isPending && <option disabled>{t('create.loadingProfiles')}</option>}
        {shown.map((p) => (
          <option key={p.key} value={p.key}>
            {p.name}
            {p.groupName ? ` · ${p.groupName}` : ''}
          </option>
        ))}
      </select>
      {matches.length > SHOWN && (
        <p className="text-xs text-zinc-500">
          {t('create.like.showing', { shown: SHOWN, total: matches.length })}
        </p>
      )}
    </div>
  );
}
