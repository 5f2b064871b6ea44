/**
 * Paste a proxy list for the selected profiles, see which profile gets which proxy, then
 * apply. Nothing is applied while a line is wrong or a profile would be left without a
 * proxy. The pasted text holds passwords: it is cleared once applied or cancelled, and the
 * preview shows `user:•••`, never the password.
 */
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import {
  assignProxies,
  parseProxyList,
  type AssignMode,
  type Assignment,
  type ParseOptions,
  type ProxyListEntry,
} from '../../../../shared/proxy/proxy-list';
import { formatProxyInput } from '../../../../shared/proxy/proxy-format';
import type { TFunction } from 'i18next';
import { DialogActions } from '../../components/Dialog';
import { useTranslation } from '../../i18n';
import { listProblemText } from '../../lib/proxy-list-text';

/** Which reading of a line that reads two ways was taken, in the chosen language. */
const warningText = (e: Pick<ProxyListEntry, 'warning' | 'warningProblem'>) =>
  e.warningProblem ? listProblemText(e.warningProblem) : (e.warning ?? '');

export interface ProxyImportProps {
  /** The selected profiles, in the order the proxies are handed out. */
  profiles: { key: string; name: string }[];
  onApply(assignments: Assignment[]): void;
  onCancel(): void;
}

type DefaultType = NonNullable<ParseOptions['defaultType']>;

/** The line formats a list may use: notation, the same in every language. */
export const PROXY_LIST_EXAMPLE =
  'host:port\nhost:port:user:pass\nuser:pass@host:port\nsocks5://user:pass@host:port [https://refresh.example/x]\n[2001:db8::1]:8080';
/** What a line without a scheme may be read as; protocol names are not translated. */
const DEFAULT_TYPES: { value: DefaultType; protocol: string }[] = [
  { value: 'http', protocol: 'HTTP' },
  { value: 'https', protocol: 'HTTPS' },
  { value: 'socks5', protocol: 'SOCKS5' },
];

/** Enough rows to check the pairing by eye; the rest is counted. */
const PREVIEW_ROWS = 500;

const buttonClass =
  'rounded border border-zinc-300 px-2.5 py-1 text-sm hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800';
const primaryClass =
  'rounded bg-blue-600 px-3 py-1 text-sm font-medium text-white hover:bg-blue-700 disabled:cursor-not-allowed disabled:opacity-50 dark:bg-blue-500 dark:hover:bg-blue-400';
const selectClass =
  'rounded border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900';

export function ProxyImport({ profiles, onApply, onCancel }: ProxyImportProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [mode, setMode] = useState<AssignMode>('one-to-one');
  const [defaultType, setDefaultType] = useState<DefaultType>('http');
  const id = useId();

  const list = useMemo(() => parseProxyList(text, { defaultType }), [text, defaultType]);
  const keys = useMemo(() => profiles.map((p) => p.key), [profiles]);
  const { assignments } = useMemo(
    () => assignProxies(keys, list.entries, mode),
    [keys, list.entries, mode],
  );
  const warnings = list.entries.filter((e) => e.warning);
  // Which pasted line each profile's proxy came from, for flags in the preview.
  const lineOf = (index: number) =>
    list.entries.length ? list.entries[index % list.entries.length] : undefined;

  const blocker =
    profiles.length === 0
      ? t('proxy.import.selectFirst')
      : list.entries.length === 0
        ? t('proxy.import.pasteFirst')
        : list.errors.length > 0
          ? t('proxy.import.fixLines', { count: list.errors.length })
          : assignments.length < profiles.length
            ? t('proxy.import.everyNeedsOne')
            : undefined;
  const mismatch = mismatchText(profiles.length, list.entries.length, mode, t);

  const apply = () => {
    if (blocker) return;
    onApply(assignments);
    setText('');
  };
  const cancel = () => {
    setText('');
    onCancel();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      cancel();
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      apply();
    }
  };

  return (
    <section
      aria-label={t('proxy.import.label')}
      data-testid="proxy-import"
      onKeyDown={onKeyDown}
      className="flex flex-col gap-3 text-sm text-zinc-900 dark:text-zinc-100"
    >
      <h2 className="text-base font-semibold">
        {t('proxy.import.title', { count: profiles.length })}
      </h2>

      <div className="flex flex-col gap-1">
        <label
          htmlFor={`${id}-list`}
          className="text-xs font-medium text-zinc-600 dark:text-zinc-400"
        >
          {t('proxy.import.list')}
        </label>
        <textarea
          id={`${id}-list`}
          data-testid="proxy-import-text"
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={8}
          spellCheck={false}
          autoComplete="off"
          autoCorrect="off"
          autoCapitalize="off"
          placeholder={PROXY_LIST_EXAMPLE}
          aria-invalid={list.errors.length > 0 || undefined}
          aria-describedby={`${id}-problems`}
          className="w-full rounded border border-zinc-300 bg-white px-2 py-1 font-mono text-xs outline-none focus:border-blue-500 focus:ring-2 focus:ring-blue-500/30 aria-[invalid=true]:border-red-500 dark:border-zinc-700 dark:bg-zinc-900"
        />
      </div>

      <div className="flex flex-wrap items-center gap-4">
        <label className="flex items-center gap-2">
          {t('proxy.import.assign')}
          <select
            className={selectClass}
            value={mode}
            onChange={(e) => setMode(e.target.value as AssignMode)}
          >
            <option value="one-to-one">{t('proxy.import.oneToOne')}</option>
            <option value="round-robin">{t('proxy.import.roundRobin')}</option>
          </select>
        </label>
        <label className="flex items-center gap-2">
          {t('proxy.import.noScheme')}
          <select
            className={selectClass}
            value={defaultType}
            onChange={(e) => setDefaultType(e.target.value as DefaultType)}
          >
            {DEFAULT_TYPES.map((d) => (
              <option key={d.value} value={d.value}>
                {d.protocol}
              </option>
            ))}
          </select>
        </label>
      </div>

      <div id={`${id}-problems`} className="flex flex-col gap-1" aria-live="polite">
        {list.errors.length > 0 && (
          <ul data-testid="proxy-import-errors" className="text-xs text-red-600 dark:text-red-400">
            {list.errors.map((e) => (
              <li key={e.line}>
                {t('proxy.import.line', { line: e.line, message: listProblemText(e.problem) })}
              </li>
            ))}
          </ul>
        )}
        {warnings.length > 0 && (
          <ul
            data-testid="proxy-import-warnings"
            className="text-xs text-amber-700 dark:text-amber-400"
          >
            {warnings.map((e) => (
              <li key={e.line}>
                {t('proxy.import.line', { line: e.line, message: warningText(e) })}
              </li>
            ))}
          </ul>
        )}
        {mismatch && list.errors.length === 0 && (
          <p
            data-testid="proxy-import-mismatch"
            className="text-xs text-amber-700 dark:text-amber-400"
          >
            {mismatch}
          </p>
        )}
      </div>

      {list.entries.length > 0 && (
        <div className="max-h-72 overflow-auto rounded border border-zinc-200 dark:border-zinc-800">
          <table data-testid="proxy-import-preview" className="w-full text-left text-xs">
            <caption className="sr-only">{t('proxy.import.caption')}</caption>
            <thead className="sticky top-0 bg-zinc-50 dark:bg-zinc-900">
              <tr>
                <th scope="col" className="px-2 py-1 font-medium">
                  {t('proxy.import.profile')}
                </th>
                <th scope="col" className="px-2 py-1 font-medium">
                  {t('proxy.import.proxy')}
                </th>
                <th scope="col" className="px-2 py-1 font-medium">
                  {t('proxy.import.lineColumn')}
                </th>
              </tr>
            </thead>
            <tbody>
              {profiles.slice(0, PREVIEW_ROWS).map((profile, i) => {
                const assigned = assignments[i];
                const entry = assigned ? lineOf(i) : undefined;
                return (
                  <tr key={profile.key} className="border-t border-zinc-100 dark:border-zinc-800">
                    <td className="px-2 py-1">{profile.name}</td>
                    <td className="px-2 py-1 font-mono">
                      {assigned ? (
                        formatProxyInput(assigned.proxy)
                      ) : (
                        <span className="text-zinc-400">{t('proxy.import.none')}</span>
                      )}
                      {entry?.warning && (
                        <span
                          title={warningText(entry)}
                          className="ml-2 rounded bg-amber-100 px-1 text-amber-800 dark:bg-amber-900/40 dark:text-amber-300"
                        >
                          {t('proxy.import.check')}
                        </span>
                      )}
                    </td>
                    <td className="px-2 py-1 text-zinc-500">{entry?.line ?? ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {profiles.length > PREVIEW_ROWS && (
            <p className="px-2 py-1 text-xs text-zinc-500">
              {t('proxy.import.more', { count: profiles.length - PREVIEW_ROWS })}
            </p>
          )}
        </div>
      )}

      <DialogActions>
        {blocker && text.trim() !== '' && (
          <p className="mr-auto text-xs text-zinc-500 dark:text-zinc-400">{blocker}</p>
        )}
        <button type="button" className={buttonClass} onClick={cancel}>
          {t('proxy.cancel')}
        </button>
        <button
          type="button"
          className={primaryClass}
          disabled={blocker !== undefined}
          onClick={apply}
        >
          {t('proxy.applyTo', { count: profiles.length })}
        </button>
      </DialogActions>
    </section>
  );
}

/**
 * What a 1:1 pairing leaves over, said in the chosen language (the pairing itself is
 * `assignProxies`'): profiles without a proxy, or proxies no profile gets.
 */
function mismatchText(
  profiles: number,
  proxies: number,
  mode: AssignMode,
  t: TFunction,
): string | undefined {
  if (profiles === 0) return undefined;
  if (proxies === 0) return t('proxy.import.noProxies');
  if (mode === 'round-robin' || profiles === proxies) return undefined;
  const counts = {
    profiles: t('proxy.import.profiles', { count: profiles }),
    proxies: t('proxy.import.proxies', { count: proxies }),
  };
  return profiles > proxies
    ? t('proxy.import.tooFew', {
        ...counts,
        left: t('proxy.import.profiles', { count: profiles - proxies }),
      })
    : t('proxy.import.tooMany', {
        ...counts,
        unused: t('proxy.import.proxies', { count: proxies - profiles }),
      });
}
