import { useId, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { VENDOR_LABEL, type Connection, type Profile } from '../../../../shared/model';
import { renderName } from '../../../../shared/model/job';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { errorText } from '../../lib/deck';
import { connectionsQuery, profileListQuery } from '../../lib/queries';
import { copyAction, planCopy, sharedGroupId } from './copy-plan';
import { checkNameFields, type NameField } from './create-form';
import { controlClass, FormField } from '../../components/FormField';
import { GroupPicker } from './GroupPicker';
import { useCreateJob } from './use-create-job';

export interface CopyProfilesDialogProps {
  open: boolean;
  onClose(): void;
  /** Told the keys of the profiles the job made, once it ends (the table selects them). */
  onCreated(keys: readonly string[]): void;
  /** The profiles to copy, in the order a name template numbers them (table order). */
  keys: readonly string[];
}

const NO_PROFILES: Profile[] = [];
const NO_CONNECTIONS: Connection[] = [];

/**
 * Copies selected profiles with the vendor's own copy (ixBrowser `profile-copy`), with an
 * optional name template and a target group per connection. Profiles of vendors that
 * cannot copy are named as skipped before anything starts.
 */
export function CopyProfilesDialog(props: CopyProfilesDialogProps) {
  return props.open ? <CopyForm {...props} /> : null;
}

function CopyForm({ onClose, onCreated, keys }: CopyProfilesDialogProps) {
  const formId = useId();
  const list = useQuery(profileListQuery);
  const connections = useQuery(connectionsQuery);
  const profiles = list.data?.profiles ?? NO_PROFILES;
  const all = connections.data ?? NO_CONNECTIONS;
  const plan = useMemo(
    () =>
      planCopy(keys, new Map(profiles.map((p) => [p.key, p])), new Map(all.map((c) => [c.id, c]))),
    [keys, profiles, all],
  );
  const [named, setNamed] = useState(false);
  const [name, setName] = useState<Record<NameField, string>>({
    template: 'Copy {n}',
    start: '1',
    pad: '0',
  });
  // Per connection; absent means "the group the selected profiles share", if they share one.
  const [groups, setGroups] = useState<Record<string, string>>({});
  const [showErrors, setShowErrors] = useState(false);
  const [startError, setStartError] = useState<string | null>(null);
  const job = useCreateJob(onCreated);

  const nameCheck = named ? checkNameFields(name) : undefined;
  const errors = showErrors && nameCheck && !nameCheck.ok ? nameCheck.errors : {};
  const groupOf = (connectionId: string, ps: Profile[]) =>
    groups[connectionId] ?? sharedGroupId(ps);
  const n = plan.keys.length;
  const loading = list.isPending || connections.isPending;

  const submit = async () => {
    if (nameCheck && !nameCheck.ok) {
      setShowErrors(true);
      return;
    }
    const chosen = Object.fromEntries(
      plan.targets.map((t) => [t.connectionId, groupOf(t.connectionId, t.profiles)]),
    );
    setStartError(null);
    try {
      await job.run(copyAction(nameCheck?.value, chosen), plan.keys);
      onClose();
    } catch (e) {
      setStartError(`Could not start: ${errorText(e)}`);
    }
  };

  return (
    <Dialog
      title={`Copy ${n === 1 ? '1 profile' : `${n} profiles`}`}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            data-autofocus
            variant="primary"
            type="submit"
            form={formId}
            disabled={n === 0 || job.pending}
          >
            {job.pending ? 'Starting…' : `Copy ${n === 1 ? '1 profile' : `${n} profiles`}`}
          </Button>
        </>
      }
    >
      <form
        id={formId}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        className="space-y-3 text-[13px]"
      >
        {loading && <p role="status">Loading profiles…</p>}
        {!loading && n === 0 && (
          <p>None of the selected profiles can be copied: copy is an ixBrowser feature.</p>
        )}
        {plan.skipped.length > 0 && (
          <div
            role="note"
            className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-xs text-amber-900 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-200"
          >
            Skipped:
            <ul className="mt-1 list-inside list-disc">
              {plan.skipped.map((s) => (
                <li key={s.label}>
                  {s.label}: {s.count === 1 ? '1 profile' : `${s.count} profiles`} ({s.reason})
                </li>
              ))}
            </ul>
          </div>
        )}
        {n > 0 && (
          <>
            <fieldset className="space-y-2">
              <label className="flex items-center gap-2">
                <input
                  type="checkbox"
                  checked={named}
                  onChange={(e) => setNamed(e.target.checked)}
                />
                Name the copies from a template
              </label>
              {named ? (
                <div className="grid grid-cols-[1fr_6rem_6rem] gap-3">
                  <FormField label="Name template" error={errors.template}>
                    <input
                      maxLength={200}
                      value={name.template}
                      onChange={(e) => setName((d) => ({ ...d, template: e.target.value }))}
                      className={controlClass}
                    />
                  </FormField>
                  <FormField label="Start number" error={errors.start}>
                    <input
                      type="number"
                      min={0}
                      value={name.start}
                      onChange={(e) => setName((d) => ({ ...d, start: e.target.value }))}
                      className={controlClass}
                    />
                  </FormField>
                  <FormField label="Zero padding" error={errors.pad}>
                    <input
                      type="number"
                      min={0}
                      max={8}
                      value={name.pad}
                      onChange={(e) => setName((d) => ({ ...d, pad: e.target.value }))}
                      className={controlClass}
                    />
                  </FormField>
                </div>
              ) : (
                <p className="text-xs text-zinc-500">The vendor names the copies.</p>
              )}
              {nameCheck?.ok && (
                <ul aria-label="New names" className="space-y-0.5 text-xs">
                  {plan.profiles.slice(0, 3).map((p, i) => (
                    <li key={p.key} className="truncate">
                      <span className="text-zinc-500">{p.name}</span> →{' '}
                      <span className="font-medium">{renderName(nameCheck.value, i)}</span>
                    </li>
                  ))}
                  {n > 3 && (
                    <li className="text-zinc-500">… last: {renderName(nameCheck.value, n - 1)}</li>
                  )}
                </ul>
              )}
            </fieldset>
            {plan.targets.map((t) => {
              const vendor = all.find((c) => c.id === t.connectionId)?.vendor;
              return (
                <FormField
                  key={t.connectionId}
                  label={`Group for the copies in ${t.label} · ${t.profiles.length === 1 ? '1 profile' : `${t.profiles.length} profiles`}`}
                >
                  <GroupPicker
                    connectionId={t.connectionId}
                    value={groupOf(t.connectionId, t.profiles)}
                    valueName={
                      t.profiles.find((p) => p.groupId === groupOf(t.connectionId, t.profiles))
                        ?.groupName
                    }
                    onChange={(id) => setGroups((g) => ({ ...g, [t.connectionId]: id }))}
                    emptyLabel={`${vendor ? VENDOR_LABEL[vendor] : 'The vendor'}'s default group`}
                  />
                </FormField>
              );
            })}
          </>
        )}
        {startError && (
          <p role="alert" className="text-xs text-red-600 dark:text-red-400">
            {startError}
          </p>
        )}
      </form>
    </Dialog>
  );
}
