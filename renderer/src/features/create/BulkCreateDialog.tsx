import { useId, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useQuery } from '@tanstack/react-query';
import { VENDOR_LABEL, type Connection } from '../../../../shared/model';
import type { CreateItem } from '../../../../shared/model/job';
import { parseProxyList, type ProxyListError } from '../../../../shared/proxy/proxy-list';
import { listProblemText } from '../../lib/proxy-list-text';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { errorText } from '../../lib/deck';
import { useTranslation } from '../../i18n';
import { groupsQuery, profileListQuery } from '../../lib/queries';
import { CommonFields } from './CommonFields';
import { ConnectionSelect, connectionLabel } from './ConnectionSelect';
import {
  checkBulk,
  EMPTY_BULK,
  MAX_CREATE,
  previewRows,
  sampleNames,
  type BulkDraft,
  type FieldErrors,
  type BulkField,
} from './create-form';
import { controlClass, FormField } from '../../components/FormField';
import { PreviewTable } from './PreviewTable';
import { useCreateJob } from './use-create-job';
import { useCreateTarget } from './use-create-target';

export interface BulkCreateDialogProps {
  open: boolean;
  onClose(): void;
  /** Told the keys of the profiles the job made, once it ends (the table selects them). */
  onCreated(keys: readonly string[]): void;
  /** The connection to create in; the user may pick another. */
  connectionId?: string | undefined;
  /** Start from this profile: its group, tags, remark and, for CosLogin, its configuration. */
  likeProfileKey?: string | undefined;
}

/**
 * Many profiles from a name template, optionally one pasted proxy each. The user sees
 * every profile in a preview before one `create` job makes them.
 */
export function BulkCreateDialog(props: BulkCreateDialogProps) {
  return props.open ? <BulkCreateForm {...props} /> : null;
}

function BulkCreateForm({
  onClose,
  onCreated,
  connectionId,
  likeProfileKey,
}: BulkCreateDialogProps) {
  const { t } = useTranslation();
  const formId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const target = useCreateTarget(EMPTY_BULK, { connectionId, likeProfileKey });
  const { connection, draft, set, needs } = target;
  const [showErrors, setShowErrors] = useState(false);
  const [step, setStep] = useState<'form' | 'preview'>('form');
  const [startError, setStartError] = useState<string | null>(null);
  const job = useCreateJob(onCreated);

  const check = useMemo(() => checkBulk(draft, needs), [draft, needs]);
  const errors: FieldErrors<BulkField> = showErrors && !check.ok ? check.errors : {};
  const count = check.ok ? check.items.length : undefined;

  const toPreview = () => {
    if (!check.ok) {
      // Render the errors first, then put the cursor on the first field that is wrong.
      flushSync(() => setShowErrors(true));
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    setStep('preview');
  };

  const create = async () => {
    if (!connection || !check.ok) return;
    setStartError(null);
    try {
      await job.run({ kind: 'create', connectionId: connection.id, items: check.items });
      onClose();
    } catch (e) {
      setStartError(t('create.couldNotStart', { error: errorText(e) }));
    }
  };

  const preview = step === 'preview' && connection && check.ok;
  return (
    <Dialog
      wide
      title={preview ? t('create.bulk.previewTitle', { count }) : t('create.bulk.title')}
      onClose={onClose}
      footer={
        preview ? (
          <>
            <Button className="mr-auto" onClick={() => setStep('form')}>
              {t('create.bulk.back')}
            </Button>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button
              data-autofocus
              variant="primary"
              disabled={job.pending}
              onClick={() => void create()}
            >
              {job.pending ? t('create.starting') : t('create.bulk.createN', { count })}
            </Button>
          </>
        ) : (
          <>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button variant="primary" type="submit" form={formId} disabled={!connection}>
              {count ? t('create.bulk.previewN', { count }) : t('create.bulk.preview')}
            </Button>
          </>
        )
      }
    >
      {preview ? (
        <Preview connection={connection} draft={draft} items={check.items} error={startError} />
      ) : (
        <form
          id={formId}
          ref={formRef}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            toPreview();
          }}
          className="space-y-3"
        >
          <div className="grid grid-cols-[1fr_8rem] gap-3">
            <FormField label={t('create.field.connection')}>
              <ConnectionSelect
                connections={target.all}
                value={connection?.id ?? ''}
                onChange={target.chooseConnection}
              />
            </FormField>
            <FormField label={t('create.field.count')} error={errors.count}>
              <input
                data-autofocus
                type="number"
                min={1}
                max={MAX_CREATE}
                value={draft.count}
                onChange={(e) => set({ count: e.target.value })}
                className={controlClass}
              />
            </FormField>
          </div>
          <div className="grid grid-cols-[1fr_8rem_8rem] gap-3">
            <FormField
              label={t('create.field.nameTemplate')}
              hint={sampleNames(draft) ?? t('create.field.nameTemplateHint')}
              error={errors.template}
            >
              <input
                maxLength={200}
                value={draft.template}
                onChange={(e) => set({ template: e.target.value })}
                className={controlClass}
              />
            </FormField>
            <FormField label={t('create.field.startNumber')} error={errors.start}>
              <input
                type="number"
                min={0}
                value={draft.start}
                onChange={(e) => set({ start: e.target.value })}
                className={controlClass}
              />
            </FormField>
            <FormField
              label={t('create.field.zeroPadding')}
              hint={t('create.field.zeroPaddingHint')}
              error={errors.pad}
            >
              <input
                type="number"
                min={0}
                max={8}
                value={draft.pad}
                onChange={(e) => set({ pad: e.target.value })}
                className={controlClass}
              />
            </FormField>
          </div>
          {connection && (
            <>
              <CommonFields connection={connection} draft={draft} set={set} errors={errors} />
              <ProxyListField
                draft={draft}
                set={set}
                error={errors.proxies}
                lineErrors={!check.ok ? check.proxyLineErrors : []}
              />
            </>
          )}
        </form>
      )}
    </Dialog>
  );
}

/** What a pasted line without a scheme may be read as; scheme names are not translated. */
const DEFAULT_SCHEMES: BulkDraft['proxyDefaultType'][] = ['http', 'https', 'socks5'];

function ProxyListField({
  draft,
  set,
  error,
  lineErrors,
}: {
  draft: BulkDraft;
  set(patch: Partial<BulkDraft>): void;
  error: string | undefined;
  lineErrors: ProxyListError[];
}) {
  const read = useMemo(
    () =>
      draft.proxies.trim()
        ? parseProxyList(draft.proxies, { defaultType: draft.proxyDefaultType })
        : undefined,
    [draft.proxies, draft.proxyDefaultType],
  );
  const { t } = useTranslation();
  const warnings = read?.entries.filter((e) => e.warning) ?? [];
  return (
    <div className="space-y-1">
      <FormField
        label={t('create.bulk.proxyList')}
        hint={t('create.bulk.proxyListHint')}
        error={error}
      >
        <textarea
          rows={5}
          spellCheck={false}
          autoComplete="off"
          value={draft.proxies}
          onChange={(e) => set({ proxies: e.target.value })}
          className={`${controlClass} font-mono text-xs`}
        />
      </FormField>
      <div className="flex flex-wrap items-center gap-3 text-xs text-zinc-600 dark:text-zinc-400">
        <label className="flex items-center gap-1.5">
          {t('create.bulk.noScheme')}
          <select
            value={draft.proxyDefaultType}
            onChange={(e) =>
              set({ proxyDefaultType: e.target.value as BulkDraft['proxyDefaultType'] })
            }
            className="rounded border border-zinc-300 bg-white px-1 py-0.5 dark:border-zinc-700 dark:bg-zinc-950"
          >
            {DEFAULT_SCHEMES.map((scheme) => (
              <option key={scheme} value={scheme}>
                {scheme}
              </option>
            ))}
          </select>
        </label>
        {read && (
          <span data-testid="proxy-list-count">
            {read.errors.length > 0
              ? t('create.bulk.proxiesReadWrong', {
                  count: read.entries.length,
                  wrong: read.errors.length,
                })
              : t('create.bulk.proxiesRead', { count: read.entries.length })}
          </span>
        )}
      </div>
      {lineErrors.length > 0 && (
        <ul
          aria-label={t('create.bulk.lineErrors')}
          className="max-h-32 space-y-0.5 overflow-auto rounded border border-red-200 bg-red-50 p-2 text-xs text-red-800 dark:border-red-900 dark:bg-red-950/50 dark:text-red-200"
        >
          {lineErrors.map((e) => (
            <li key={e.line}>
              {t('create.bulk.line', { line: e.line, message: listProblemText(e.problem) })}
            </li>
          ))}
        </ul>
      )}
      {warnings.length > 0 && (
        <ul className="max-h-24 space-y-0.5 overflow-auto text-xs text-amber-800 dark:text-amber-300">
          {warnings.map((e) => (
            <li key={e.line}>
              {t('create.bulk.line', {
                line: e.line,
                message: e.warningProblem ? listProblemText(e.warningProblem) : e.warning,
              })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Preview({
  connection,
  draft,
  items,
  error,
}: {
  connection: Connection;
  draft: BulkDraft;
  items: CreateItem[];
  error: string | null;
}) {
  const { t } = useTranslation();
  const groups = useQuery(groupsQuery);
  const list = useQuery(profileListQuery);
  const rows = useMemo(() => {
    const names = new Map(
      (groups.data ?? [])
        .filter((g) => g.connectionId === connection.id)
        .map((g) => [g.id, g.name]),
    );
    const taken = new Set(
      (list.data?.profiles ?? [])
        .filter((p) => p.connectionId === connection.id)
        .map((p) => p.name),
    );
    return previewRows(
      items,
      (id) => (id ? (names.get(id) ?? t('create.groupById', { id })) : t('create.defaultGroup')),
      taken,
    );
  }, [groups.data, list.data, connection.id, items, t]);
  const taken = rows.filter((r) => r.nameTaken).length;
  const first = items[0];
  const vendor = VENDOR_LABEL[connection.vendor];
  return (
    <div className="space-y-3">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-0.5 text-xs">
        <dt className="text-zinc-500">{t('create.field.connection')}</dt>
        <dd>{connectionLabel(connection)}</dd>
        {first?.remark && (
          <>
            <dt className="text-zinc-500">{t('create.field.remark')}</dt>
            <dd className="truncate">{first.remark}</dd>
          </>
        )}
        {first?.startUrl && (
          <>
            <dt className="text-zinc-500">{t('create.field.startUrl')}</dt>
            <dd className="truncate">{first.startUrl}</dd>
          </>
        )}
        {connection.capabilities.createNeedsConfig && (
          <>
            <dt className="text-zinc-500">{t('create.config.title')}</dt>
            <dd>
              {draft.configSource === 'like'
                ? t('create.bulk.configLike', {
                    name:
                      list.data?.profiles.find((p) => p.key === draft.likeProfileKey)?.name ??
                      draft.likeProfileKey,
                  })
                : t('create.bulk.configDefault')}
            </dd>
          </>
        )}
      </dl>
      {taken > 0 && (
        <p
          role="note"
          className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-xs text-amber-900 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-200"
        >
          {t('create.bulk.namesTaken', { count: taken, vendor })}
        </p>
      )}
      <PreviewTable rows={rows} />
      {error && (
        <p role="alert" className="text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
