/**
 * Edit the proxy of one profile or of many at once. The password is write-only: main never
 * sends it, so the form shows "set" and offers Replace / Clear; what goes out is a
 * PasswordChange (keep, set, clear).
 */
import {
  useId,
  useMemo,
  useState,
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import type {
  ProxyCheckResult,
  ProxyConfig,
  ProxyMethod,
  ProxyType,
} from '../../../../shared/model';
import type { ProxyInput } from '../../../../shared/model/proxy-input';
import { flushSync } from 'react-dom';
import { DialogActions } from '../../components/Dialog';
import { deck, errorText, unwrap } from '../../lib/deck';
import {
  canKeepPassword,
  draftFrom,
  FIELD_LABEL,
  toProxyInput,
  visibleFields,
  withMethod,
  type ProxyDraft,
  type ProxyField,
} from './proxy-draft';

export interface ProxyEditorProps {
  /** The proxy as it is now (one profile), or nothing when many profiles differ. */
  initial?: ProxyConfig;
  /** How many profiles the proxy will be applied to. */
  count: number;
  onApply(proxy: ProxyInput): void;
  onCancel(): void;
}

const METHODS: { value: ProxyMethod; label: string }[] = [
  { value: 'custom', label: 'Custom' },
  { value: 'api', label: 'API extraction' },
  { value: 'vendor', label: 'Vendor-managed' },
];
const TYPES: { value: ProxyType; label: string }[] = [
  { value: 'direct', label: 'Direct (no proxy)' },
  { value: 'http', label: 'HTTP' },
  { value: 'https', label: 'HTTPS' },
  { value: 'socks5', label: 'SOCKS5' },
  { value: 'ssh', label: 'SSH' },
];
/** Values the vendors document (CosLogin `ipCheckService`, ixBrowser `proxy_check_line`). */
const CHECK_SERVICES = ['ip-api', 'ipinfo', 'global_line', 'cn_line'];

type TestState =
  | { state: 'idle' }
  | { state: 'running' }
  | { state: 'done'; result: ProxyCheckResult }
  | { state: 'failed'; message: string };

const inputClass =
  'w-full rounded border border-zinc-300 bg-white px-2 py-1 text-sm outline-none focus:border-blue-500 focus:ring-2 focus:ring-blue-500/30 aria-[invalid=true]:border-red-500 dark:border-zinc-700 dark:bg-zinc-900 dark:focus:border-blue-400';
const buttonClass =
  'rounded border border-zinc-300 px-2.5 py-1 text-sm hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800';
const primaryClass =
  'rounded bg-blue-600 px-3 py-1 text-sm font-medium text-white hover:bg-blue-700 disabled:opacity-50 dark:bg-blue-500 dark:hover:bg-blue-400';

export function ProxyEditor({ initial, count, onApply, onCancel }: ProxyEditorProps) {
  const [draft, setDraft] = useState<ProxyDraft>(() => draftFrom(initial, count));
  const [showErrors, setShowErrors] = useState(false);
  const [test, setTest] = useState<TestState>({ state: 'idle' });
  const baseId = useId();
  const idOf = (field: ProxyField) => `${baseId}-${field}`;

  const shown = visibleFields(draft);
  const result = useMemo(() => toProxyInput(draft), [draft]);
  const errors = showErrors && !result.ok ? result.errors : {};
  const keepable = canKeepPassword(initial, count);

  const update = (patch: Partial<ProxyDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setTest({ state: 'idle' });
  };

  /** The input if valid; otherwise shows the errors and focuses the first wrong field. */
  const validInput = (): ProxyInput | undefined => {
    if (result.ok) return result.input;
    setShowErrors(true);
    const first = (Object.keys(FIELD_LABEL) as ProxyField[]).find((f) => result.errors[f]);
    if (first) document.getElementById(idOf(first))?.focus();
    return undefined;
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input = validInput();
    if (input) onApply(input);
  };

  const runTest = async () => {
    const input = validInput();
    if (!input) return;
    setTest({ state: 'running' });
    try {
      setTest({ state: 'done', result: await unwrap(deck().proxy.check({ proxy: input })) });
    } catch (error) {
      setTest({ state: 'failed', message: errorText(error) });
    }
  };

  /** Replace and Clear both open an empty field: typed is the new password, empty clears it. */
  const editPassword = () => {
    flushSync(() => update({ password: { mode: 'edit', value: '' } }));
    document.getElementById(idOf('password'))?.focus();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onCancel();
    }
  };

  const field = (name: ProxyField, control: ReactNode, hint?: ReactNode) =>
    shown.has(name) ? (
      <Field id={idOf(name)} label={FIELD_LABEL[name]} error={errors[name]} hint={hint}>
        {control}
      </Field>
    ) : null;

  const aria = (name: ProxyField) => ({
    id: idOf(name),
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `${idOf(name)}-error` : undefined,
  });

  const testable = draft.method === 'custom' && draft.type !== 'ssh';

  return (
    <form
      noValidate
      onSubmit={submit}
      onKeyDown={onKeyDown}
      aria-label={count > 1 ? `Proxy for ${count} profiles` : 'Proxy'}
      data-testid="proxy-editor"
      className="flex flex-col gap-3 text-sm text-zinc-900 dark:text-zinc-100"
    >
      <h2 className="text-base font-semibold">
        {count > 1 ? `Proxy for ${count} profiles` : 'Proxy'}
      </h2>

      {field(
        'method',
        <select
          {...aria('method')}
          className={inputClass}
          value={draft.method}
          onChange={(e) => update(withMethod(draft, e.target.value as ProxyMethod))}
        >
          {METHODS.map((m) => (
            <option key={m.value} value={m.value}>
              {m.label}
            </option>
          ))}
        </select>,
      )}

      {field(
        'type',
        <select
          {...aria('type')}
          className={inputClass}
          value={draft.type}
          onChange={(e) => update({ type: e.target.value as ProxyType })}
        >
          {TYPES.filter((t) => draft.method !== 'api' || t.value !== 'direct').map((t) => (
            <option key={t.value} value={t.value}>
              {t.label}
            </option>
          ))}
        </select>,
      )}

      {(shown.has('host') || shown.has('port')) && (
        <div className="grid grid-cols-[1fr_7rem] gap-2">
          {field(
            'host',
            <input
              {...aria('host')}
              className={inputClass}
              value={draft.host}
              autoComplete="off"
              spellCheck={false}
              placeholder="1.2.3.4, 2001:db8::1 or proxy.example.com"
              onChange={(e) => update({ host: e.target.value })}
            />,
          )}
          {field(
            'port',
            <input
              {...aria('port')}
              className={inputClass}
              value={draft.port}
              inputMode="numeric"
              autoComplete="off"
              placeholder="1-65535"
              onChange={(e) => update({ port: e.target.value })}
            />,
          )}
        </div>
      )}

      {field(
        'username',
        <input
          {...aria('username')}
          className={inputClass}
          value={draft.username}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => update({ username: e.target.value })}
        />,
      )}

      {field(
        'password',
        draft.password.mode === 'keep' ? (
          <div className="flex items-center gap-2">
            <span
              id={idOf('password')}
              tabIndex={-1}
              data-testid="password-state"
              className="rounded bg-zinc-100 px-2 py-1 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300"
            >
              {initial?.hasPassword ? 'set' : 'unchanged (each profile keeps its own)'}
            </span>
            <button
              type="button"
              aria-label="Replace password"
              className={buttonClass}
              onClick={editPassword}
            >
              Replace
            </button>
            <button
              type="button"
              aria-label="Clear password"
              className={buttonClass}
              onClick={editPassword}
            >
              Clear
            </button>
          </div>
        ) : (
          <div className="flex items-center gap-2">
            <input
              {...aria('password')}
              type="password"
              className={inputClass}
              value={draft.password.value}
              autoComplete="new-password"
              placeholder={keepable ? 'new password; empty clears it' : 'no password'}
              onChange={(e) => update({ password: { mode: 'edit', value: e.target.value } })}
            />
            {keepable && (
              <button
                type="button"
                className={`${buttonClass} shrink-0`}
                onClick={() => update({ password: { mode: 'keep' } })}
              >
                Keep current
              </button>
            )}
          </div>
        ),
        draft.password.mode === 'edit'
          ? keepable && !draft.password.value
            ? 'Left empty, the password is cleared.'
            : undefined
          : keptPasswordHint(initial, draft),
      )}

      {field(
        'extractionUrl',
        <input
          {...aria('extractionUrl')}
          className={inputClass}
          value={draft.extractionUrl}
          type="url"
          autoComplete="off"
          spellCheck={false}
          placeholder="https://provider.example/get?num=1"
          onChange={(e) => update({ extractionUrl: e.target.value })}
        />,
        'The vendor client calls this URL to get a proxy when the profile opens.',
      )}

      {field(
        'extractionChannel',
        <input
          {...aria('extractionChannel')}
          className={inputClass}
          value={draft.extractionChannel}
          autoComplete="off"
          onChange={(e) => update({ extractionChannel: e.target.value })}
        />,
      )}

      {field(
        'refreshUrl',
        <input
          {...aria('refreshUrl')}
          className={inputClass}
          value={draft.refreshUrl}
          type="url"
          autoComplete="off"
          spellCheck={false}
          placeholder="https://provider.example/rotate (optional)"
          onChange={(e) => update({ refreshUrl: e.target.value })}
        />,
      )}

      {field(
        'checkService',
        <>
          <input
            {...aria('checkService')}
            className={inputClass}
            value={draft.checkService}
            list={`${baseId}-check-services`}
            autoComplete="off"
            placeholder="vendor default"
            onChange={(e) => update({ checkService: e.target.value })}
          />
          <datalist id={`${baseId}-check-services`}>
            {CHECK_SERVICES.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </>,
      )}

      {shown.has('socks5Udp') && (
        <label className="flex items-center gap-2">
          <input
            {...aria('socks5Udp')}
            type="checkbox"
            checked={draft.socks5Udp}
            onChange={(e) => update({ socks5Udp: e.target.checked })}
          />
          {FIELD_LABEL.socks5Udp}
          {errors.socks5Udp && (
            <FieldError id={`${idOf('socks5Udp')}-error`}>{errors.socks5Udp}</FieldError>
          )}
        </label>
      )}

      {field(
        'vendorProxyId',
        <input
          {...aria('vendorProxyId')}
          className={inputClass}
          value={draft.vendorProxyId}
          autoComplete="off"
          onChange={(e) => update({ vendorProxyId: e.target.value })}
        />,
        'A purchased or traffic-package proxy, by its id in the vendor client.',
      )}

      <TestOutcome test={test} />

      <DialogActions>
        {testable && (
          <button
            type="button"
            className={`${buttonClass} mr-auto`}
            disabled={test.state === 'running'}
            onClick={() => void runTest()}
          >
            {test.state === 'running' ? 'Testing…' : 'Test proxy'}
          </button>
        )}
        <button type="button" className={buttonClass} onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className={primaryClass}>
          {count > 1 ? `Apply to ${count} profiles` : 'Apply'}
        </button>
      </DialogActions>
    </form>
  );
}

function Field(props: {
  id: string;
  label: string;
  error?: string;
  hint?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={props.id} className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
        {props.label}
      </label>
      {props.children}
      {props.error ? (
        <FieldError id={`${props.id}-error`}>{props.error}</FieldError>
      ) : props.hint ? (
        <p className="text-xs text-zinc-500 dark:text-zinc-400">{props.hint}</p>
      ) : null}
    </div>
  );
}

function FieldError({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="text-xs text-red-600 dark:text-red-400">
      {children}
    </p>
  );
}

function TestOutcome({ test }: { test: TestState }) {
  let content: ReactNode = null;
  if (test.state === 'running') content = 'Checking through the proxy…';
  if (test.state === 'failed')
    content = <span className="text-red-600 dark:text-red-400">{test.message}</span>;
  if (test.state === 'done') {
    const r = test.result;
    content = r.ok ? (
      <span className="text-green-700 dark:text-green-400">
        Works: exit IP <span className="font-mono">{r.exitIp}</span>, {r.latencyMs} ms
      </span>
    ) : (
      <span className="text-red-600 dark:text-red-400">
        Failed{r.reason ? ` (${r.reason})` : ''}: {r.message}
      </span>
    );
  }
  return (
    <div
      role="status"
      aria-live="polite"
      data-testid="proxy-test-result"
      className="min-h-5 text-sm"
    >
      {content}
    </div>
  );
}

/**
 * A stored password belongs to its proxy's host and port: main refuses to keep it for a
 * proxy that moves elsewhere, so say so before the user applies.
 */
function keptPasswordHint(initial: ProxyConfig | undefined, draft: ProxyDraft): string | undefined {
  if (draft.method !== 'custom' || draft.type === 'direct') return undefined;
  if (!initial)
    return 'Each profile keeps its own password where its proxy stays at this host and port; a profile whose proxy moves needs a new password.';
  if (!initial.hasPassword) return undefined;
  const moved =
    initial.host.trim().toLowerCase() !== draft.host.trim().toLowerCase() ||
    String(initial.port ?? '') !== draft.port.trim();
  return moved
    ? `The stored password belongs to ${initial.host}:${initial.port ?? ''}. For a new address, enter its password or clear it.`
    : undefined;
}
