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
import type { TFunction } from 'i18next';
import { Trans } from 'react-i18next';
import { useTranslation } from '../../i18n';
import { DialogActions } from '../../components/Dialog';
import { deck, errorText, unwrap } from '../../lib/deck';
import {
  canKeepPassword,
  draftFrom,
  fieldLabel,
  PROXY_FIELD as F,
  PROXY_FIELDS,
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

const METHODS: ProxyMethod[] = ['custom', 'api', 'vendor'];
/** Protocol names are not translated; "direct" is worded. */
const TYPES: { value: ProxyType; protocol?: string }[] = [
  { value: 'direct' },
  { value: 'http', protocol: 'HTTP' },
  { value: 'https', protocol: 'HTTPS' },
  { value: 'socks5', protocol: 'SOCKS5' },
  { value: 'ssh', protocol: 'SSH' },
];
/** Example addresses, the same in every language. */
const EXTRACTION_EXAMPLE = 'https://provider.example/get?num=1';
const REFRESH_EXAMPLE = 'https://provider.example/rotate';
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
  const { t } = useTranslation();
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
    const first = PROXY_FIELDS.find((f) => result.errors[f]);
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
      <Field id={idOf(name)} label={fieldLabel(name)} error={errors[name]} hint={hint}>
        {control}
      </Field>
    ) : null;

  const aria = (name: ProxyField) => ({
    id: idOf(name),
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `${idOf(name)}-error` : undefined,
  });

  const testable = draft.method === 'custom' && draft.type !== 'ssh';
  const title = count > 1 ? t('proxy.titleMany', { count }) : t('proxy.title');

  return (
    <form
      noValidate
      onSubmit={submit}
      onKeyDown={onKeyDown}
      aria-label={title}
      data-testid="proxy-editor"
      className="flex flex-col gap-3 text-sm text-zinc-900 dark:text-zinc-100"
    >
      <h2 className="text-base font-semibold">{title}</h2>

      {field(
        F.method,
        <select
          {...aria(F.method)}
          className={inputClass}
          value={draft.method}
          onChange={(e) => update(withMethod(draft, e.target.value as ProxyMethod))}
        >
          {METHODS.map((m) => (
            <option key={m} value={m}>
              {t(`proxy.method.${m}`)}
            </option>
          ))}
        </select>,
      )}

      {field(
        F.type,
        <select
          {...aria(F.type)}
          className={inputClass}
          value={draft.type}
          onChange={(e) => update({ type: e.target.value as ProxyType })}
        >
          {TYPES.filter((ty) => draft.method !== 'api' || ty.value !== 'direct').map((ty) => (
            <option key={ty.value} value={ty.value}>
              {ty.protocol ?? t('proxy.direct')}
            </option>
          ))}
        </select>,
      )}

      {(shown.has(F.host) || shown.has(F.port)) && (
        <div className="grid grid-cols-[1fr_7rem] gap-2">
          {field(
            F.host,
            <input
              {...aria(F.host)}
              className={inputClass}
              value={draft.host}
              autoComplete="off"
              spellCheck={false}
              placeholder={t('proxy.hostPlaceholder')}
              onChange={(e) => update({ host: e.target.value })}
            />,
          )}
          {field(
            F.port,
            <input
              {...aria(F.port)}
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
        F.username,
        <input
          {...aria(F.username)}
          className={inputClass}
          value={draft.username}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => update({ username: e.target.value })}
        />,
      )}

      {field(
        F.password,
        draft.password.mode === 'keep' ? (
          <div className="flex items-center gap-2">
            <span
              id={idOf('password')}
              tabIndex={-1}
              data-testid="password-state"
              className="rounded bg-zinc-100 px-2 py-1 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300"
            >
              {initial?.hasPassword ? t('proxy.password.set') : t('proxy.password.eachKeeps')}
            </span>
            <button
              type="button"
              aria-label={t('proxy.password.replaceLabel')}
              className={buttonClass}
              onClick={editPassword}
            >
              {t('proxy.password.replace')}
            </button>
            <button
              type="button"
              aria-label={t('proxy.password.clearLabel')}
              className={buttonClass}
              onClick={editPassword}
            >
              {t('proxy.password.clear')}
            </button>
          </div>
        ) : (
          <div className="flex items-center gap-2">
            <input
              {...aria(F.password)}
              type="password"
              className={inputClass}
              value={draft.password.value}
              autoComplete="new-password"
              placeholder={keepable ? t('proxy.password.newPlaceholder') : t('proxy.password.none')}
              onChange={(e) => update({ password: { mode: 'edit', value: e.target.value } })}
            />
            {keepable && (
              <button
                type="button"
                className={`${buttonClass} shrink-0`}
                onClick={() => update({ password: { mode: 'keep' } })}
              >
                {t('proxy.password.keep')}
              </button>
            )}
          </div>
        ),
        draft.password.mode === 'edit'
          ? keepable && !draft.password.value
            ? t('proxy.password.emptyClears')
            : undefined
          : keptPasswordHint(initial, draft, t),
      )}

      {field(
        F.extractionUrl,
        <input
          {...aria(F.extractionUrl)}
          className={inputClass}
          value={draft.extractionUrl}
          type="url"
          autoComplete="off"
          spellCheck={false}
          placeholder={EXTRACTION_EXAMPLE}
          onChange={(e) => update({ extractionUrl: e.target.value })}
        />,
        t('proxy.extractionUrlHint'),
      )}

      {field(
        F.extractionChannel,
        <input
          {...aria(F.extractionChannel)}
          className={inputClass}
          value={draft.extractionChannel}
          autoComplete="off"
          onChange={(e) => update({ extractionChannel: e.target.value })}
        />,
      )}

      {field(
        F.refreshUrl,
        <input
          {...aria(F.refreshUrl)}
          className={inputClass}
          value={draft.refreshUrl}
          type="url"
          autoComplete="off"
          spellCheck={false}
          placeholder={t('proxy.optional', { example: REFRESH_EXAMPLE })}
          onChange={(e) => update({ refreshUrl: e.target.value })}
        />,
      )}

      {field(
        F.checkService,
        <>
          <input
            {...aria(F.checkService)}
            className={inputClass}
            value={draft.checkService}
            list={`${baseId}-check-services`}
            autoComplete="off"
            placeholder={t('proxy.vendorDefault')}
            onChange={(e) => update({ checkService: e.target.value })}
          />
          <datalist id={`${baseId}-check-services`}>
            {CHECK_SERVICES.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </>,
      )}

      {shown.has(F.socks5Udp) && (
        <label className="flex items-center gap-2">
          <input
            {...aria(F.socks5Udp)}
            type="checkbox"
            checked={draft.socks5Udp}
            onChange={(e) => update({ socks5Udp: e.target.checked })}
          />
          {fieldLabel(F.socks5Udp)}
          {errors.socks5Udp && (
            <FieldError id={`${idOf('socks5Udp')}-error`}>{errors.socks5Udp}</FieldError>
          )}
        </label>
      )}

      {field(
        F.vendorProxyId,
        <input
          {...aria(F.vendorProxyId)}
          className={inputClass}
          value={draft.vendorProxyId}
          autoComplete="off"
          onChange={(e) => update({ vendorProxyId: e.target.value })}
        />,
        t('proxy.vendorProxyIdHint'),
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
            {test.state === 'running' ? t('proxy.test.running') : t('proxy.test.run')}
          </button>
        )}
        <button type="button" className={buttonClass} onClick={onCancel}>
          {t('proxy.cancel')}
        </button>
        <button type="submit" className={primaryClass}>
          {count > 1 ? t('proxy.applyTo', { count }) : t('proxy.apply')}
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
  const { t } = useTranslation();
  let content: ReactNode = null;
  if (test.state === 'running') content = t('proxy.test.checking');
  if (test.state === 'failed')
    content = <span className="text-red-600 dark:text-red-400">{test.message}</span>;
  if (test.state === 'done') {
    const r = test.result;
    content = r.ok ? (
      <span className="text-green-700 dark:text-green-400">
        <Trans
          t={t}
          i18nKey="proxy.test.works"
          values={{ ip: r.exitIp, ms: r.latencyMs }}
          components={{ ip: <span className="font-mono" /> }}
        />
      </span>
    ) : (
      <span className="text-red-600 dark:text-red-400">
        {r.reason
          ? t('proxy.test.failedWhy', {
              reason: t(`proxy.test.reason.${r.reason}`),
              message: r.message,
            })
          : t('proxy.test.failed', { message: r.message })}
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
function keptPasswordHint(
  initial: ProxyConfig | undefined,
  draft: ProxyDraft,
  t: TFunction,
): string | undefined {
  if (draft.method !== 'custom' || draft.type === 'direct') return undefined;
  if (!initial) return t('proxy.password.eachKeepsHint');
  if (!initial.hasPassword) return undefined;
  const moved =
    initial.host.trim().toLowerCase() !== draft.host.trim().toLowerCase() ||
    String(initial.port ?? '') !== draft.port.trim();
  return moved
    ? t('proxy.password.belongsTo', { address: `${initial.host}:${initial.port ?? ''}` })
    : undefined;
}
