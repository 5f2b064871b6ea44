import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from '../../components/Button';
import { deck, errorText, unwrap } from '../../lib/deck';
import { groupsQuery, keys } from '../../lib/queries';
import { controlClass } from '../../components/FormField';
import { useTranslation } from '../../i18n';

const NEW = '\u0000new';

/**
 * A connection's groups, plus "New group…" which creates one on the spot (groups:create)
 * and selects it, so the user never leaves the dialog to make a group first.
 */
export function GroupPicker({
  connectionId,
  value,
  onChange,
  emptyLabel,
  valueName,
  ...aria
}: {
  connectionId: string;
  /** A group id, or '' for `emptyLabel`. */
  value: string;
  onChange(groupId: string): void;
  /** What '' means here, e.g. "Default group". */
  emptyLabel: string;
  /** The name of `value` if known elsewhere (a profile's group), for before the list has it. */
  valueName?: string | undefined;
  id?: string;
  'aria-label'?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}) {
  const { t } = useTranslation();
  const groups = useQuery(groupsQuery);
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const options = (groups.data ?? []).filter((g) => g.connectionId === connectionId);

  const create = async () => {
    const trimmed = name.trim();
    if (!trimmed) return;
    setBusy(true);
    setError(null);
    try {
      const group = await unwrap(deck().groups.create({ connectionId, name: trimmed }));
      await queryClient.invalidateQueries({ queryKey: keys.groups });
      onChange(group.id);
      setAdding(false);
      setName('');
    } catch (e) {
      setError(t('create.group.createFailed', { error: errorText(e) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="space-y-1">
      <select
        {...aria}
        value={adding ? NEW : value}
        onChange={(e) => {
          const v = e.target.value;
          setAdding(v === NEW);
          if (v !== NEW) onChange(v);
        }}
        className={controlClass}
      >
        <option value="">{emptyLabel}</option>
        {options.map((g) => (
          <option key={g.id} value={g.id}>
            {g.name}
          </option>
        ))}
        {/* A chosen id the list does not have (yet): just created, or the list is loading. */}
        {value && !options.some((g) => g.id === value) && (
          <option value={value}>{valueName || t('create.groupById', { id: value })}</option>
        )}
        <option value={NEW}>{t('create.group.new')}</option>
      </select>
      {groups.isError && (
        <p role="alert" className="text-xs text-red-600 dark:text-red-400">
          {t('create.group.loadFailed', { error: errorText(groups.error) })}
        </p>
      )}
      {adding && (
        <div className="flex gap-2">
          <input
            aria-label={t('create.group.newName')}
            placeholder={t('create.group.newName')}
            maxLength={100}
            value={name}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => {
              // Enter creates the group, not the profiles: the form would submit otherwise.
              if (e.key === 'Enter') {
                e.preventDefault();
                void create();
              }
            }}
            className={controlClass}
          />
          <Button onClick={() => void create()} disabled={busy || !name.trim()}>
            {busy ? t('create.creating') : t('create.group.create')}
          </Button>
        </div>
      )}
      {error && (
        <p role="alert" className="text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
