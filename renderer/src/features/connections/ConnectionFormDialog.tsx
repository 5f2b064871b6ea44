import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { VENDOR_LABEL, VENDORS, type Connection, type Vendor } from '../../../../shared/model';
import { deck, errorText, unwrap } from '../../lib/deck';
import { keys } from '../../lib/queries';
import { Dialog, DialogActions } from '../../components/Dialog';
import { errorBanner, input } from '../../components/styles';
import { fieldErrorOf } from './field-errors';
import { DEFAULT_BASE_URL, takesToken } from './vendor-defaults';
import { Button } from '../../components/Button';
import { checkBaseUrl } from '../../../../shared/model/base-url';
import { useTranslation } from '../../i18n';

export type ConnectionFormMode =
  { kind: 'add'; vendor?: Vendor; baseUrl?: string } | { kind: 'edit'; connection: Connection };

type Field = 'vendor' | 'label' | 'baseUrl' | 'token' | 'requestsPerSecond';
/** Each field by name (what main's `invalid-input` names, and the inputs' ids). */
const FIELD = {
  vendor: 'vendor',
  label: 'label',
  baseUrl: 'baseUrl',
  token: 'token',
  requestsPerSecond: 'requestsPerSecond',
} as const satisfies { [K in Field]: K };
/** On edit the token is write-only: keep it, replace it, or clear it. */
type TokenAction = 'keep' | 'replace' | 'clear';

/**
 * Add or edit a connection. Main validates; an `invalid-input` naming a field shows under
 * that field. The token never comes back from main: editing shows only whether one is set.
 */
export function ConnectionFormDialog({
  mode,
  onClose,
}: {
  mode: ConnectionFormMode;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const editing = mode.kind === 'edit' ? mode.connection : undefined;
  const [vendor, setVendor] = useState<Vendor>(
    editing?.vendor ?? (mode.kind === 'add' ? mode.vendor : undefined) ?? 'ixbrowser',
  );
  const [label, setLabel] = useState(editing?.label ?? '');
  const [baseUrl, setBaseUrl] = useState(
    editing?.baseUrl ??
      (mode.kind === 'add' ? mode.baseUrl : undefined) ??
      DEFAULT_BASE_URL[vendor],
  );
  const [token, setToken] = useState('');
  // A vendor that limits requests per second (the vendor table says which, and the rates).
  const rates = VENDORS[vendor].rateLimit;
  const [rate, setRate] = useState<number | undefined>(editing?.requestsPerSecond);
  const [tokenAction, setTokenAction] = useState<TokenAction>(
    editing?.hasToken ? 'keep' : 'replace',
  );
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const formId = useId();
  // Main drops the stored token when the address names another client; say so before saving.
  const movesClient = (() => {
    if (!editing?.hasToken) return false;
    const before = checkBaseUrl(VENDORS[editing.vendor], editing.baseUrl);
    const after = checkBaseUrl(VENDORS[editing.vendor], baseUrl);
    return before.ok && after.ok && before.clientKey !== after.clientKey;
  })();
  const effectiveTokenAction: TokenAction =
    movesClient && tokenAction === 'keep' ? 'replace' : tokenAction;
  const save = useMutation({
    mutationFn: (): Promise<Connection> => {
      if (editing) {
        return unwrap(
          deck().connections.update({
            id: editing.id,
            ...(label.trim() !== editing.label ? { label: label.trim() } : {}),
            ...(baseUrl.trim() !== editing.baseUrl ? { baseUrl: baseUrl.trim() } : {}),
            ...(effectiveTokenAction === 'clear' ? { token: null } : {}),
            ...(effectiveTokenAction === 'replace' && token ? { token } : {}),
            ...(rates && rate !== undefined && rate !== editing.requestsPerSecond
              ? { requestsPerSecond: rate }
              : {}),
          }),
        );
      }
      return unwrap(
        deck().connections.add({
          vendor,
          baseUrl: baseUrl.trim(),
          ...(label.trim() ? { label: label.trim() } : {}),
          ...(takesToken(vendor) && token ? { token } : {}),
          ...(rates && rate !== undefined ? { requestsPerSecond: rate } : {}),
        }),
      );
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: keys.connections });
      void queryClient.invalidateQueries({ queryKey: keys.profiles });
      toast.success(editing ? t('connections.form.toastSaved') : t('connections.form.toastAdded'), {
        description: `${saved.label} · ${saved.baseUrl}`,
      });
      onClose();
    },
    onError: (error) => {
      const named = fieldErrorOf(error);
      if (named && isField(named.field)) {
        setErrors({ [named.field]: named.message });
        document.getElementById(`${formId}-${named.field}`)?.focus();
      } else {
        setFormError(errorText(error));
      }
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    setFormError(null);
    // Only what main cannot tell apart from "unchanged": an empty replacement token.
    if (editing && tokenAction === 'replace' && editing.hasToken && !token && !movesClient) {
      setErrors({ token: t('connections.form.tokenMissing') });
      return;
    }
    save.mutate();
  };

  const changeVendor = (next: Vendor) => {
    setVendor(next);
    // Follow the vendor's default port unless the user typed their own.
    if (!baseUrl.trim() || Object.values(DEFAULT_BASE_URL).includes(baseUrl.trim())) {
      setBaseUrl(DEFAULT_BASE_URL[next]);
    }
  };

  const fieldProps = (field: Field) => ({
    id: `${formId}-${field}`,
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': errors[field] ? `${formId}-${field}-error` : undefined,
  });

  return (
    <Dialog
      title={
        editing
          ? t('connections.form.editTitle', { label: editing.label })
          : t('connections.form.addTitle')
      }
      onClose={() => !save.isPending && onClose()}
    >
      <form noValidate onSubmit={submit} className="space-y-3.5">
        <FormField
          label={t('connections.form.vendor')}
          error={errors.vendor}
          formId={formId}
          field="vendor"
        >
          <select
            {...fieldProps(FIELD.vendor)}
            value={vendor}
            disabled={!!editing}
            onChange={(e) => changeVendor(e.target.value as Vendor)}
            className={input}
            data-autofocus={editing ? undefined : true}
          >
            {(Object.keys(VENDOR_LABEL) as Vendor[]).map((v) => (
              <option key={v} value={v}>
                {VENDOR_LABEL[v]}
              </option>
            ))}
          </select>
        </FormField>

        <FormField
          label={t('connections.form.label')}
          error={errors.label}
          formId={formId}
          field="label"
        >
          <input
            {...fieldProps(FIELD.label)}
            value={label}
            onChange={(e) => setLabel(e.target.value)}
            placeholder={t('connections.form.labelPlaceholder', { vendor: VENDOR_LABEL[vendor] })}
            maxLength={100}
            className={input}
            data-autofocus={editing ? true : undefined}
          />
        </FormField>

        <FormField
          label={t('connections.form.baseUrl')}
          hint={t('connections.form.baseUrlHint', {
            vendor: VENDOR_LABEL[vendor],
            url: DEFAULT_BASE_URL[vendor],
          })}
          error={errors.baseUrl}
          formId={formId}
          field="baseUrl"
        >
          <input
            {...fieldProps(FIELD.baseUrl)}
            value={baseUrl}
            onChange={(e) => setBaseUrl(e.target.value)}
            spellCheck={false}
            autoComplete="off"
            className={`${input} font-mono`}
          />
        </FormField>

        {hasTokenField(vendor) && (
          <TokenField
            vendor={vendor}
            editing={editing}
            token={token}
            setToken={setToken}
            action={effectiveTokenAction}
            setAction={setTokenAction}
            movesClient={movesClient}
            error={errors.token}
            formId={formId}
            inputProps={fieldProps(FIELD.token)}
          />
        )}

        {rates && (
          <FormField
            label={t('connections.form.rate')}
            error={errors.requestsPerSecond}
            formId={formId}
            field="requestsPerSecond"
            hint={t('connections.form.rateHint', {
              vendor: VENDORS[vendor].label,
              choices: rates.choices.join(', '),
            })}
          >
            <select
              {...fieldProps(FIELD.requestsPerSecond)}
              value={rate ?? rates.default}
              onChange={(e) => setRate(Number(e.target.value))}
              className={input}
            >
              {rates.choices.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </FormField>
        )}

        {/* The error sits by the button, so a short screen shows both. */}
        <DialogActions>
          {formError && (
            <p role="alert" className={`${errorBanner} mr-auto min-w-0`}>
              {formError}
            </p>
          )}
          <Button onClick={onClose} disabled={save.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="primary" disabled={save.isPending}>
            {save.isPending
              ? t('connections.form.saving')
              : editing
                ? t('connections.form.save')
                : t('connections.add')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

/** The vendors with a token field; each has its "where to find it" in the catalog. */
type TokenVendor = Exclude<Vendor, 'ixbrowser'>;
const hasTokenField = (v: Vendor): v is TokenVendor => takesToken(v);

const isField = (f: string): f is Field => Object.hasOwn(FIELD, f);

function FormField({
  label,
  hint,
  error,
  formId,
  field,
  children,
}: {
  label: string;
  hint?: string;
  error: string | undefined;
  formId: string;
  field: Field;
  children: ReactNode;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={`${formId}-${field}`} className="block text-xs font-medium">
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${formId}-${field}-error`} className="text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : (
        hint && <p className="text-[11px] text-zinc-500">{hint}</p>
      )}
    </div>
  );
}

function TokenField({
  vendor,
  editing,
  token,
  setToken,
  action,
  setAction,
  error,
  formId,
  inputProps,
  movesClient,
}: {
  movesClient: boolean;
  /** Its vendor: the vendor table says whether and where it shows a token. */
  vendor: TokenVendor;
  editing: Connection | undefined;
  token: string;
  setToken(t: string): void;
  action: TokenAction;
  setAction(a: TokenAction): void;
  error: string | undefined;
  formId: string;
  inputProps: Record<string, unknown>;
}) {
  const { t } = useTranslation();
  const id = `${formId}-token`;
  const isSet = !!editing?.hasToken;
  const hint = movesClient
    ? t('connections.form.movesClient')
    : VENDORS[vendor].tokenSource
      ? t('connections.form.tokenHintFrom', {
          source: t(`connections.form.tokenSource.${vendor}`),
        })
      : t('connections.form.tokenHint');
  if (isSet && action !== 'replace') {
    return (
      <div className="space-y-1">
        <span className="block text-xs font-medium">{t('connections.form.token')}</span>
        <div className="flex items-center gap-2 text-xs" data-testid="token-state">
          {action === 'keep' ? (
            <>
              <span className="rounded bg-emerald-100 px-1.5 py-0.5 font-medium text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300">
                {t('connections.form.tokenSet')}
              </span>
              <Button onClick={() => setAction('replace')}>{t('connections.form.replace')}</Button>
              <Button onClick={() => setAction('clear')}>{t('connections.form.clear')}</Button>
            </>
          ) : (
            <>
              <span className="text-amber-700 dark:text-amber-400">
                {t('connections.form.willClear')}
              </span>
              <Button onClick={() => setAction('keep')}>{t('common.undo')}</Button>
            </>
          )}
        </div>
      </div>
    );
  }
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium">
        {isSet ? t('connections.form.newToken') : t('connections.form.token')}
      </label>
      <div className="flex gap-2">
        <input
          {...inputProps}
          type="password"
          value={token}
          onChange={(e) => setToken(e.target.value)}
          autoComplete="new-password"
          spellCheck={false}
          className={`${input} font-mono`}
          autoFocus={isSet}
        />
        {isSet && !movesClient && (
          <Button
            onClick={() => {
              setToken('');
              setAction('keep');
            }}
          >
            {t('connections.form.keepCurrent')}
          </Button>
        )}
      </div>
      {error ? (
        <p id={`${id}-error`} className="text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : (
        <p
          className={`text-[11px] ${movesClient ? 'text-amber-700 dark:text-amber-400' : 'text-zinc-500'}`}
          data-testid="token-hint"
        >
          {hint}
        </p>
      )}
    </div>
  );
}
