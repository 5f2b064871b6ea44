import { useId, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { VENDOR_LABEL, type Connection, type Profile } from '../../../../shared/model';
import { renderName } from '../../../../shared/model/job';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { errorText } from '../../lib/deck';
import { useTranslation } from '../../i18n';
import { connectionsQuery, profileListQuery } from '../../lib/queries';
import { copyAction, planCopy, sharedGroupId, skippedText } from './copy-plan';
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

/** Between a profile's name and its copy's: a sign, the same in every language. */
const ARROW = '→';
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
  const { t } = useTranslation();
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
      plan.targets.map((tg) => [tg.connectionId, groupOf(tg.connectionId, tg.profiles)]),
    );
    setStartError(null);
    try {
      await job.run(copyAction(nameCheck?.value, chosen), plan.keys);
      onClose();
    } catch (e) {
      setStartError(t('create.couldNotStart', { error: errorText(e) }));
    }
  };

  return (
    <Dialog
      title={t('create.copy.title', { count: n })}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            data-autofocus
            variant="primary"
            type="submit"
            form={formId}
            disabled={n === 0 || job.pending}
          >
            {job.pending ? t('create.starting') : t('create.copy.title', { count: n })}
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
        {loading && <p role="status">{t('create.loadingProfiles')}</p>}
        {!loading && n === 0 && <p>{t('create.copy.noneCopyable')}</p>}
        {plan.skipped.length > 0 && (
          <div
            role="note"
            className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-xs text-amber-900 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-200"
          >
            {t('create.copy.skipped')}
            <ul className="mt-1 list-inside list-disc">
              {plan.skipped.map((s) => (
                <li key={s.label ?? s.reason.kind}>{skippedText(s, t)}</li>
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
                {t('create.copy.nameFromTemplate')}
              </label>
              {named ? (
                <div className="grid grid-cols-[1fr_6rem_6rem] gap-3">
                  <FormField label={t('create.field.nameTemplate')} error={errors.template}>
                    <input
                      maxLength={200}
                      value={name.template}
                      onChange={(e) => setName((d) => ({ ...d, template: e.target.value }))}
                      className={controlClass}
                    />
                  </FormField>
                  <FormField label={t('create.field.startNumber')} error={errors.start}>
                    <input
                      type="number"
                      min={0}
                      value={name.start}
                      onChange={(e) => setName((d) => ({ ...d, start: e.target.value }))}
                      className={controlClass}
                    />
                  </FormField>
                  <FormField label={t('create.field.zeroPadding')} error={errors.pad}>
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
                <p className="text-xs text-zinc-500">{t('create.copy.vendorNames')}</p>
              )}
              {nameCheck?.ok && (
                <ul aria-label={t('create.copy.newNames')} className="space-y-0.5 text-xs">
                  {plan.profiles.slice(0, 3).map((p, i) => (
                    <li key={p.key} className="truncate">
                      <span className="text-zinc-500">{p.name}</span> {ARROW}{' '}
                      <span className="font-medium">{renderName(nameCheck.value, i)}</span>
                    </li>
                  ))}
                  {n > 3 && (
                    <li className="text-zinc-500">
                      {t('create.copy.last', { name: renderName(nameCheck.value, n - 1) })}
                    </li>
                  )}
                </ul>
              )}
            </fieldset>
            {plan.targets.map((target) => {
              const vendor = all.find((c) => c.id === target.connectionId)?.vendor;
              return (
                <FormField
                  key={target.connectionId}
                  label={t('create.copy.groupFor', {
                    label: target.label,
                    count: target.profiles.length,
                  })}
                >
                  <GroupPicker
                    connectionId={target.connectionId}
                    value={groupOf(target.connectionId, target.profiles)}
                    valueName={
                      target.profiles.find(
                        (p) => p.groupId === groupOf(target.connectionId, target.profiles),
                      )?.groupName
                    }
                    onChange={(id) => setGroups((g) => ({ ...g, [target.connectionId]: id }))}
                    emptyLabel={t('create.copy.vendorDefaultGroup', {
                      vendor: vendor ? VENDOR_LABEL[vendor] : t('create.theVendor'),
                    })}
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
