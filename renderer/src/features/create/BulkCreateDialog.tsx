import { useId, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useQuery } from '@tanstack/react-query';
import { VENDOR_LABEL, type Connection } from '../../../../shared/model';
import type { CreateItem } from '../../../../shared/model/job';
import { parseProxyList, type ProxyListError } from '../../../../shared/proxy/proxy-list';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { errorText } from '../../lib/deck';
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
      setStartError(`Could not start: ${errorText(e)}`);
    }
  };

  const preview = step === 'preview' && connection && check.ok;
  return (
    <Dialog
      wide
      title={preview ? `Create ${count} profiles: preview` : 'Create many profiles'}
      onClose={onClose}
      footer={
        preview ? (
          <>
            <Button className="mr-auto" onClick={() => setStep('form')}>
              Back
            </Button>
            <Button onClick={onClose}>Cancel</Button>
            <Button
              data-autofocus
              variant="primary"
              disabled={job.pending}
              onClick={() => void create()}
            >
              {job.pending ? 'Starting…' : `Create ${count} profiles`}
            </Button>
          </>
        ) : (
          <>
            <Button onClick={onClose}>Cancel</Button>
            <Button variant="primary" type="submit" form={formId} disabled={!connection}>
              {count ? `Preview ${count} profiles` : 'Preview'}
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
            <FormField label="Connection">
              <ConnectionSelect
                connections={target.all}
                value={connection?.id ?? ''}
                onChange={target.chooseConnection}
              />
            </FormField>
            <FormField label="Count" error={errors.count}>
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
              label="Name template"
              hint={
                sampleNames(draft) ?? (
                  <>
                    {'{n}'} is the running number: Shop {'{n}'}
                  </>
                )
              }
              error={errors.template}
            >
              <input
                maxLength={200}
                value={draft.template}
                onChange={(e) => set({ template: e.target.value })}
                className={controlClass}
              />
            </FormField>
            <FormField label="Start number" error={errors.start}>
              <input
                type="number"
                min={0}
                value={draft.start}
                onChange={(e) => set({ start: e.target.value })}
                className={controlClass}
              />
            </FormField>
            <FormField label="Zero padding" hint="digits, e.g. 3 → 001" error={errors.pad}>
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
  const warnings = read?.entries.filter((e) => e.warning) ?? [];
  return (
    <div className="space-y-1">
      <FormField
        label="Proxy list (optional, one per line, assigned 1:1 in order)"
        hint="host:port, host:port:user:pass, user:pass@host:port or scheme://user:pass@host:port"
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
          Lines without a scheme are
          <select
            value={draft.proxyDefaultType}
            onChange={(e) =>
              set({ proxyDefaultType: e.target.value as BulkDraft['proxyDefaultType'] })
            }
            className="rounded border border-zinc-300 bg-white px-1 py-0.5 dark:border-zinc-700 dark:bg-zinc-950"
          >
            <option value="http">http</option>
            <option value="https">https</option>
            <option value="socks5">socks5</option>
          </select>
        </label>
        {read && (
          <span data-testid="proxy-list-count">
            {read.entries.length} {read.entries.length === 1 ? 'proxy' : 'proxies'} read
            {read.errors.length > 0 && `, ${read.errors.length} wrong`}
          </span>
        )}
      </div>
      {lineErrors.length > 0 && (
        <ul
          aria-label="Proxy lines that could not be read"
          className="max-h-32 space-y-0.5 overflow-auto rounded border border-red-200 bg-red-50 p-2 text-xs text-red-800 dark:border-red-900 dark:bg-red-950/50 dark:text-red-200"
        >
          {lineErrors.map((e) => (
            <li key={e.line}>
              Line {e.line}: {e.message}
            </li>
          ))}
        </ul>
      )}
      {warnings.length > 0 && (
        <ul className="max-h-24 space-y-0.5 overflow-auto text-xs text-amber-800 dark:text-amber-300">
          {warnings.map((e) => (
            <li key={e.line}>
              Line {e.line}: {e.warning}
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
      (id) => (id ? (names.get(id) ?? `Group ${id}`) : 'Default group'),
      taken,
    );
  }, [groups.data, list.data, connection.id, items]);
  const taken = rows.filter((r) => r.nameTaken).length;
  const first = items[0];
  const vendor = VENDOR_LABEL[connection.vendor];
  return (
    <div className="space-y-3">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-0.5 text-xs">
        <dt className="text-zinc-500">Connection</dt>
        <dd>{connectionLabel(connection)}</dd>
        {first?.remark && (
          <>
            <dt className="text-zinc-500">Remark</dt>
            <dd className="truncate">{first.remark}</dd>
          </>
        )}
        {first?.startUrl && (
          <>
            <dt className="text-zinc-500">Start URL</dt>
            <dd className="truncate">{first.startUrl}</dd>
          </>
        )}
        {connection.capabilities.createNeedsConfig && (
          <>
            <dt className="text-zinc-500">Configuration</dt>
            <dd>
              {draft.configSource === 'like'
                ? `like ${list.data?.profiles.find((p) => p.key === draft.likeProfileKey)?.name ?? draft.likeProfileKey}`
                : 'the connection’s default template'}
            </dd>
          </>
        )}
      </dl>
      {taken > 0 && (
        <p
          role="note"
          className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-xs text-amber-900 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-200"
        >
          {taken === 1 ? '1 name is' : `${taken} names are`} already used in this connection (marked
          below); {vendor} may refuse duplicate names, and the rest are still created.
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
