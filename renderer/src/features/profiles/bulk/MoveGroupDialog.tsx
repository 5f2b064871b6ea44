import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from '../../../components/Button';
import { Dialog } from '../../../components/Dialog';
import { deck, errorText, unwrap } from '../../../lib/deck';
import { groupsQuery, keys } from '../../../lib/queries';
import type { BulkDialogProps } from '../../../components/bulk-dialog';
import { inputClass } from '../../../components/Field';
import { involvedConnections } from '../../../lib/involved-connections';
import { countLabel, useBulkJob } from './use-bulk-job';
import { useTranslation } from '../../../i18n';

const NEW = '\u0000new';

/** Groups belong to a connection, so a spanning selection picks a target in each. */
export function MoveGroupDialog({ profiles, connectionsById, onClose }: BulkDialogProps) {
  const involved = involvedConnections(profiles, connectionsById);
  const groups = useQuery(groupsQuery);
  const queryClient = useQueryClient();
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [newName, setNewName] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const job = useBulkJob();
  const { t } = useTranslation();
  const n = countLabel(profiles.length);

  const ready = involved.every((c) => {
    const v = choice[c.connectionId];
    return v && (v !== NEW || (newName[c.connectionId] ?? '').trim() !== '');
  });

  const submit = async () => {
    setError(null);
    const groupIds: Record<string, string> = {};
    const groupNames: Record<string, string> = {};
    setCreating(true);
    try {
      for (const c of involved) {
        const v = choice[c.connectionId]!;
        if (v !== NEW) {
          groupIds[c.connectionId] = v;
          const name = groups.data?.find(
            (g) => g.connectionId === c.connectionId && g.id === v,
          )?.name;
          if (name) groupNames[c.connectionId] = name.slice(0, 200);
        } else {
          const name = newName[c.connectionId]!.trim();
          const group = await unwrap(deck().groups.create({ connectionId: c.connectionId, name }));
          groupIds[c.connectionId] = group.id;
          groupNames[c.connectionId] = group.name.slice(0, 200);
        }
      }
    } catch (e) {
      setError(t('bulk.moveGroup.createFailed', { error: errorText(e) }));
      return;
    } finally {
      setCreating(false);
      void queryClient.invalidateQueries({ queryKey: keys.groups });
    }
    const keysToMove = profiles.map((p) => p.key);
    if (
      await job.run(
        { kind: 'move-group', groupIds, groupNames },
        keysToMove,
        t('bulk.jobs.moveGroup', { n }),
      )
    )
      onClose();
  };

  return (
    <Dialog
      title={t('bulk.moveGroup.title', { n })}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            variant="primary"
            type="submit"
            form="bulk-move"
            disabled={!ready || creating || job.pending}
          >
            {t('bulk.moveGroup.move')}
          </Button>
        </>
      }
    >
      <form
        id="bulk-move"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        className="space-y-3"
      >
        {groups.isError && (
          <p role="alert" className="text-xs text-red-600">
            {t('bulk.moveGroup.loadFailed', { error: errorText(groups.error) })}
          </p>
        )}
        {involved.map((c, i) => {
          const options = (groups.data ?? []).filter((g) => g.connectionId === c.connectionId);
          const value = choice[c.connectionId] ?? '';
          return (
            <fieldset key={c.connectionId} className="space-y-1">
              <legend className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
                {t('bulk.moveGroup.legend', { label: c.label, n: countLabel(c.count) })}
              </legend>
              <select
                data-autofocus={i === 0 ? true : undefined}
                aria-label={t('bulk.moveGroup.groupIn', { label: c.label })}
                value={value}
                onChange={(e) => setChoice((s) => ({ ...s, [c.connectionId]: e.target.value }))}
                className={inputClass}
              >
                <option value="" disabled>
                  {groups.isPending ? t('bulk.moveGroup.loading') : t('bulk.moveGroup.choose')}
                </option>
                {options.map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.name}
                  </option>
                ))}
                <option value={NEW}>{t('bulk.moveGroup.newGroup')}</option>
              </select>
              {value === NEW && (
                <input
                  aria-label={t('bulk.moveGroup.newNameIn', { label: c.label })}
                  placeholder={t('bulk.moveGroup.newName')}
                  maxLength={100}
                  value={newName[c.connectionId] ?? ''}
                  onChange={(e) => setNewName((s) => ({ ...s, [c.connectionId]: e.target.value }))}
                  className={inputClass}
                />
              )}
            </fieldset>
          );
        })}
        {error && (
          <p role="alert" className="text-xs text-red-600">
            {error}
          </p>
        )}
      </form>
    </Dialog>
  );
}
