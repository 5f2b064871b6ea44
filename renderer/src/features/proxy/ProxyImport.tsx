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
} from '../../../../shared/proxy/proxy-list';
import { formatProxyInput } from '../../../../shared/proxy/proxy-format';
import { DialogActions } from '../../components/Dialog';

export interface ProxyImportProps {
  /** The selected profiles, in the order the proxies are handed out. */
  profiles: { key: string; name: string }[];
  onApply(assignments: Assignment[]): void;
  onCancel(): void;
}

type DefaultType = NonNullable<ParseOptions['defaultType']>;

/** Enough rows to check the pairing by eye; the rest is counted. */
const PREVIEW_ROWS = 500;

const buttonClass =
  'rounded border border-zinc-300 px-2.5 py-1 text-sm hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800';
const primaryClass =
  'rounded bg-blue-600 px-3 py-1 text-sm font-medium text-white hover:bg-blue-700 disabled:cursor-not-allowed disabled:opacity-50 dark:bg-blue-500 dark:hover:bg-blue-400';
const selectClass =
  'rounded border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900';

export function ProxyImport({ profiles, onApply, onCancel }: ProxyImportProps) {
  const [text, setText] = useState('');
  const [mode, setMode] = useState<AssignMode>('one-to-one');
  const [defaultType, setDefaultType] = useState<DefaultType>('http');
  const id = useId();

  const list = useMemo(() => parseProxyList(text, { defaultType }), [text, defaultType]);
  const keys = useMemo(() => profiles.map((p) => p.key), [profiles]);
  const { assignments, mismatch } = useMemo(
    () => assignProxies(keys, list.entries, mode),
    [keys, list.entries, mode],
  );
  const warnings = list.entries.filter((e) => e.warning);
  // Which pasted line each profile's proxy came from, for flags in the preview.
  const lineOf = (index: number) =>
    list.entries.length ? list.entries[index % list.entries.length] : undefined;

  const blocker =
    profiles.length === 0
      ? 'Select the profiles first.'
      : list.entries.length === 0
        ? 'Paste one proxy per line.'
        : list.errors.length > 0
          ? `Fix or remove the ${list.errors.length === 1 ? 'wrong line' : `${list.errors.length} wrong lines`} first.`
          : assignments.length < profiles.length
            ? 'Every selected profile needs a proxy.'
            : undefined;

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
      aria-label="Import proxy list"
      data-testid="proxy-import"
      onKeyDown={onKeyDown}
      className="flex flex-col gap-3 text-sm text-zinc-900 dark:text-zinc-100"
    >
      <h2 className="text-base font-semibold">
        Proxies for {profiles.length} {profiles.length === 1 ? 'profile' : 'profiles'}
      </h2>

      <div className="flex flex-col gap-1">
        <label
          htmlFor={`${id}-list`}
          className="text-xs font-medium text-zinc-600 dark:text-zinc-400"
        >
          Proxy list, one per line
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
          placeholder={
            'host:port\nhost:port:user:pass\nuser:pass@host:port\nsocks5://user:pass@host:port [https://refresh.example/x]\n[2001:db8::1]:8080'
          }
          aria-invalid={list.errors.length > 0 || undefined}
          aria-describedby={`${id}-problems`}
          className="w-full rounded border border-zinc-300 bg-white px-2 py-1 font-mono text-xs outline-none focus:border-blue-500 focus:ring-2 focus:ring-blue-500/30 aria-[invalid=true]:border-red-500 dark:border-zinc-700 dark:bg-zinc-900"
        />
      </div>

      <div className="flex flex-wrap items-center gap-4">
        <label className="flex items-center gap-2">
          Assign
          <select
            className={selectClass}
            value={mode}
            onChange={(e) => setMode(e.target.value as AssignMode)}
          >
            <option value="one-to-one">1:1 in order</option>
            <option value="round-robin">round-robin</option>
          </select>
        </label>
        <label className="flex items-center gap-2">
          Lines without a scheme are
          <select
            className={selectClass}
            value={defaultType}
            onChange={(e) => setDefaultType(e.target.value as DefaultType)}
          >
            <option value="http">HTTP</option>
            <option value="https">HTTPS</option>
            <option value="socks5">SOCKS5</option>
          </select>
        </label>
      </div>

      <div id={`${id}-problems`} className="flex flex-col gap-1" aria-live="polite">
        {list.errors.length > 0 && (
          <ul data-testid="proxy-import-errors" className="text-xs text-red-600 dark:text-red-400">
            {list.errors.map((e) => (
              <li key={e.line}>
                Line {e.line}: {e.message}
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
                Line {e.line}: {e.warning}
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
            <caption className="sr-only">Which profile gets which proxy</caption>
            <thead className="sticky top-0 bg-zinc-50 dark:bg-zinc-900">
              <tr>
                <th scope="col" className="px-2 py-1 font-medium">
                  Profile
                </th>
                <th scope="col" className="px-2 py-1 font-medium">
                  Proxy
                </th>
                <th scope="col" className="px-2 py-1 font-medium">
                  Line
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
                        <span className="text-zinc-400">none</span>
                      )}
                      {entry?.warning && (
                        <span
                          title={entry.warning}
                          className="ml-2 rounded bg-amber-100 px-1 text-amber-800 dark:bg-amber-900/40 dark:text-amber-300"
                        >
                          check
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
              … and {profiles.length - PREVIEW_ROWS} more profiles
            </p>
          )}
        </div>
      )}

      <DialogActions>
        {blocker && text.trim() !== '' && (
          <p className="mr-auto text-xs text-zinc-500 dark:text-zinc-400">{blocker}</p>
        )}
        <button type="button" className={buttonClass} onClick={cancel}>
          Cancel
        </button>
        <button
          type="button"
          className={primaryClass}
          disabled={blocker !== undefined}
          onClick={apply}
        >
          Apply to {profiles.length} {profiles.length === 1 ? 'profile' : 'profiles'}
        </button>
      </DialogActions>
    </section>
  );
}
