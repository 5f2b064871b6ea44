import { useEffect, useId, useRef, useState } from 'react';
import { VENDOR_LABEL } from '../../../../shared/model';
import type { ProxyInput } from '../../../../shared/model/proxy-input';
import { formatProxyInput } from '../../../../shared/proxy/proxy-format';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { errorText } from '../../lib/deck';
import { useTranslation } from '../../i18n';
import { ProxyEditor } from '../proxy';
import { CommonFields } from './CommonFields';
import { ConnectionSelect } from './ConnectionSelect';
import { checkSingle, EMPTY_COMMON, type SingleDraft } from './create-form';
import { controlClass, FormField } from '../../components/FormField';
import { itemFailure } from './job-outcome';
import { useCreateJob } from './use-create-job';
import { useCreateTarget } from './use-create-target';

export interface NewProfileDialogProps {
  open: boolean;
  onClose(): void;
  /** Told the keys of the profiles the job made, once it ends (the table selects them). */
  onCreated(keys: readonly string[]): void;
  /** The connection to create in; the user may pick another. */
  connectionId?: string | undefined;
  /** Start from this profile: its group, tags, remark and, for CosLogin, its configuration. */
  likeProfileKey?: string | undefined;
}

type Outcome =
  | { state: 'idle' }
  | { state: 'creating' }
  /** The vendor (or main) refused: its reason, said plainly. */
  | { state: 'refused'; message: string };

/** Creates one profile and waits for it, so a refusal is shown here, where it can be fixed. */
export function NewProfileDialog(props: NewProfileDialogProps) {
  return props.open ? <NewProfileForm {...props} /> : null;
}

const EMPTY_SINGLE: SingleDraft = { ...EMPTY_COMMON, name: '' };

function NewProfileForm({
  onClose,
  onCreated,
  connectionId,
  likeProfileKey,
}: NewProfileDialogProps) {
  const { t } = useTranslation();
  const formId = useId();
  const target = useCreateTarget(EMPTY_SINGLE, { connectionId, likeProfileKey });
  const { connection, draft, set, needs } = target;
  const [proxy, setProxy] = useState<ProxyInput | undefined>();
  const [editingProxy, setEditingProxy] = useState(false);
  const [showErrors, setShowErrors] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ state: 'idle' });
  const job = useCreateJob(onCreated);
  // Closed while the job ran: the job's toast reports the result, not this dialog.
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const check = checkSingle(draft, proxy, needs);
  const errors = showErrors && !check.ok ? check.errors : {};
  const vendor = connection ? VENDOR_LABEL[connection.vendor] : t('create.theVendor');

  const submit = async () => {
    if (!connection) return;
    if (!check.ok) {
      setShowErrors(true);
      return;
    }
    setOutcome({ state: 'creating' });
    try {
      const { done } = await job.run({
        kind: 'create',
        connectionId: connection.id,
        items: [check.value],
      });
      const finished = await done;
      if (!mounted.current) return;
      const item = finished.items[0];
      if (item?.state === 'ok') return onClose();
      setOutcome({
        state: 'refused',
        message:
          item?.state === 'cancelled'
            ? t('create.single.cancelled')
            : t('create.single.refused', {
                vendor,
                name: check.value.name,
                reason: itemFailure(item) ?? t('create.single.noReason'),
              }),
      });
    } catch (e) {
      if (mounted.current)
        setOutcome({
          state: 'refused',
          message: t('create.couldNotStart', { error: errorText(e) }),
        });
    }
  };

  const configFrom =
    needs.createNeedsConfig &&
    (draft.configSource === 'like'
      ? t('create.single.configFromLike')
      : t('create.single.configFromDefault'));

  return (
    <>
      <Dialog
        title={t('create.single.title')}
        onClose={onClose}
        footer={
          <>
            <Button onClick={onClose}>
              {outcome.state === 'creating' ? t('create.close') : t('common.cancel')}
            </Button>
            <Button
              variant="primary"
              type="submit"
              form={formId}
              disabled={!connection || outcome.state === 'creating'}
            >
              {outcome.state === 'creating' ? t('create.creating') : t('create.single.submit')}
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
          className="space-y-3"
        >
          <FormField label={t('create.field.connection')}>
            <ConnectionSelect
              connections={target.all}
              value={connection?.id ?? ''}
              onChange={(id) => {
                target.chooseConnection(id);
                // A refusal from another vendor says nothing about this one.
                setOutcome({ state: 'idle' });
              }}
            />
          </FormField>
          {connection && (
            <>
              <FormField label={t('create.field.name')} error={errors.name}>
                <input
                  data-autofocus
                  maxLength={200}
                  value={draft.name}
                  onChange={(e) => set({ name: e.target.value })}
                  className={controlClass}
                />
              </FormField>
              <CommonFields connection={connection} draft={draft} set={set} errors={errors} />
              <div className="space-y-1">
                <span className="block text-xs font-medium text-zinc-600 dark:text-zinc-400">
                  {t('create.field.proxy')}
                </span>
                <div className="flex items-center gap-2">
                  <span
                    data-testid="new-profile-proxy"
                    className="min-w-0 flex-1 truncate font-mono text-xs"
                  >
                    {proxy ? formatProxyInput(proxy) : t('create.single.proxyNone')}
                  </span>
                  <Button onClick={() => setEditingProxy(true)}>
                    {proxy ? t('create.single.changeProxy') : t('create.single.setProxy')}
                  </Button>
                  {proxy && (
                    <Button variant="ghost" onClick={() => setProxy(undefined)}>
                      {t('common.remove')}
                    </Button>
                  )}
                </div>
              </div>
            </>
          )}
          {outcome.state === 'refused' && (
            <div
              role="alert"
              className="space-y-1 rounded border border-red-300 bg-red-50 px-3 py-2 text-xs text-red-800 dark:border-red-900 dark:bg-red-950/60 dark:text-red-200"
            >
              <p className="font-medium">{outcome.message}</p>
              {configFrom && <p>{configFrom}</p>}
            </div>
          )}
          {outcome.state === 'creating' && (
            <p role="status" className="text-xs text-zinc-500">
              {t('create.single.creatingIn', { vendor })}
            </p>
          )}
        </form>
      </Dialog>
      {/* A sibling, not a child: the editor is a form of its own, and a dialog nested in
        the React tree would pass its Esc (cancel) up to this one and close both. */}
      {editingProxy && (
        <Dialog title={t('create.single.proxyTitle')} onClose={() => setEditingProxy(false)}>
          <ProxyEditor
            count={1}
            onApply={(p) => {
              setProxy(p);
              setEditingProxy(false);
            }}
            onCancel={() => setEditingProxy(false)}
          />
        </Dialog>
      )}
    </>
  );
}
