import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { VENDOR_LABEL, VENDORS, type Connection, type Vendor } from '../../../../shared/model';
import { deck, errorText, unwrap } from '../../lib/deck';
import { keys } from '../../lib/queries';
import { Dialog } from '../../components/Dialog';
import { errorBanner, input } from '../../components/styles';
import { fieldErrorOf } from './field-errors';
import { DEFAULT_BASE_URL, takesToken } from './vendor-defaults';
import { Button } from '../../components/Button';
import { checkBaseUrl } from '../../../../shared/model/base-url';

export type ConnectionFormMode =
  { kind: 'add'; vendor?: Vendor; baseUrl?: string } | { kind: 'edit'; connection: Connection };

type Field = 'vendor' | 'label' | 'baseUrl' | 'token' | 'requestsPerSecond';
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
      toast.success(editing ? 'Connection saved' : 'Connection added', {
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
      setErrors({ token: 'Enter the new token, or keep the one that is set' });
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
      title={editing ? `Edit ${editing.label}` : 'Add a connection'}
      onClose={() => !save.isPending && onClose()}
    >
      <form noValidate onSubmit={submit} className="space-y-3.5">
        <FormField label="Vendor" error={errors.vendor} formId={formId} field="vendor">
          <select
            {...fieldProps('vendor')}
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

        <FormField label="Label" error={errors.label} formId={formId} field="label">
          <input
            {...fieldProps('label')}
            value={label}
            onChange={(e) => setLabel(e.target.value)}
            placeholder={`${VENDOR_LABEL[vendor]} on this machine`}
            maxLength={100}
            className={input}
            data-autofocus={editing ? true : undefined}
          />
        </FormField>

        <FormField
          label="Base URL"
          hint={`The client's Local API address; ${VENDOR_LABEL[vendor]} listens on ${DEFAULT_BASE_URL[vendor]} by default.`}
          error={errors.baseUrl}
          formId={formId}
          field="baseUrl"
        >
          <input
            {...fieldProps('baseUrl')}
            value={baseUrl}
            onChange={(e) => setBaseUrl(e.target.value)}
            spellCheck={false}
            autoComplete="off"
            className={`${input} font-mono`}
          />
        </FormField>

        {takesToken(vendor) && (
          <TokenField
            source={VENDORS[vendor].tokenSource}
            editing={editing}
            token={token}
            setToken={setToken}
            action={effectiveTokenAction}
            setAction={setTokenAction}
            movesClient={movesClient}
            error={errors.token}
            formId={formId}
            inputProps={fieldProps('token')}
          />
        )}

        {rates && (
          <FormField
            label="Requests per second"
            error={errors.requestsPerSecond}
            formId={formId}
            field="requestsPerSecond"
            hint={`${VENDORS[vendor].label} allows ${rates.choices.join(', ')} by account size; every call of this connection keeps to it.`}
          >
            <select
              {...fieldProps('requestsPerSecond')}
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

        {formError && (
          <p role="alert" className={errorBanner}>
            {formError}
          </p>
        )}

        <div className="flex justify-end gap-2 pt-1">
          <Button onClick={onClose} disabled={save.isPending}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : editing ? 'Save' : 'Add connection'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

const isField = (f: string): f is Field =>
  ['vendor', 'label', 'baseUrl', 'token', 'requestsPerSecond'].includes(f);

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
  source,
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
  /** Where the vendor shows its token (the vendor table says). */
  source: string | undefined;
  editing: Connection | undefined;
  token: string;
  setToken(t: string): void;
  action: TokenAction;
  setAction(a: TokenAction): void;
  error: string | undefined;
  formId: string;
  inputProps: Record<string, unknown>;
}) {
  const id = `${formId}-token`;
  const isSet = !!editing?.hasToken;
  const hint = movesClient
    ? 'A new address is another client: the stored token is cleared when you save. Enter the token for the new address, or leave this empty.'
    : `${source ? `${source} ` : ''}Stored encrypted; never shown again.`;
  if (isSet && action !== 'replace') {
    return (
      <div className="space-y-1">
        <span className="block text-xs font-medium">Token</span>
        <div className="flex items-center gap-2 text-xs" data-testid="token-state">
          {action === 'keep' ? (
            <>
              <span className="rounded bg-emerald-100 px-1.5 py-0.5 font-medium text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300">
                set
              </span>
              <Button onClick={() => setAction('replace')}>Replace</Button>
              <Button onClick={() => setAction('clear')}>Clear</Button>
            </>
          ) : (
            <>
              <span className="text-amber-700 dark:text-amber-400">
                The token will be cleared when you save.
              </span>
              <Button onClick={() => setAction('keep')}>Undo</Button>
            </>
          )}
        </div>
      </div>
    );
  }
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium">
        {isSet ? 'New token' : 'Token'}
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
            Keep current
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
