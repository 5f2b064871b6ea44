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
      setError(`Could not create the group: ${errorText(e)}`);
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
        `Move ${n} to a group`,
      )
    )
      onClose();
  };

  return (
    <Dialog
      title={`Move ${n} to a group`}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            variant="primary"
            type="submit"
            form="bulk-move"
            disabled={!ready || creating || job.pending}
          >
            Move
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
            Could not load groups: {errorText(groups.error)}
          </p>
        )}
        {involved.map((c, i) => {
          const options = (groups.data ?? []).filter((g) => g.connectionId === c.connectionId);
          const value = choice[c.connectionId] ?? '';
          return (
            <fieldset key={c.connectionId} className="space-y-1">
              <legend className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
                {c.label} · {countLabel(c.count)}
              </legend>
              <select
                data-autofocus={i === 0 ? true : undefined}
                aria-label={`Group in ${c.label}`}
                value={value}
                onChange={(e) => setChoice((s) => ({ ...s, [c.connectionId]: e.target.value }))}
                className={inputClass}
              >
                <option value="" disabled>
                  {groups.isPending ? 'Loading groups…' : 'Choose a group'}
                </option>
                {options.map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.name}
                  </option>
                ))}
                <option value={NEW}>New group…</option>
              </select>
              {value === NEW && (
                <input
                  aria-label={`New group name in ${c.label}`}
                  placeholder="New group name"
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
