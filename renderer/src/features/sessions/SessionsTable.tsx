import { memo, type ReactNode } from 'react';
import i18next from 'i18next';
import { VENDOR_LABEL, type Session } from '../../../../shared/model';
import { copyText } from '../../lib/copy';
import { CopyIcon } from './CopyIcon';
import { SessionThumbnail } from './SessionThumbnail';
import { RelativeTime } from '../../components/RelativeTime';
import { inlineButton } from '../../components/styles';
import { Button } from '../../components/Button';
import { useTranslation } from '../../i18n';
import type { en } from '../../i18n/catalogs/en';
import { sessionName } from './session-name';
import { sessionWords } from './session-words';
import { fill } from '../../i18n/row-words';

export interface SessionRowActions {
  onSnippets(session: Session): void;
  onDevtools(session: Session): void;
}

/** Pid as the vendor gave it: CosLogin reports it only in what /browser/open returned. */
export const sessionPid = (s: Session): string | undefined =>
  s.pid !== undefined ? String(s.pid) : s.extra?.['pid'];

// Fixed widths for the short columns; the three long values (address, ws URL, webdriver
// path) share what is left and truncate, with the full value on hover.
const COLUMNS: { id: keyof typeof en.sessions.columns; width?: string }[] = [
  { id: 'window', width: '7rem' },
  { id: 'profile', width: '9.5rem' },
  { id: 'connection', width: '7.5rem' },
  { id: 'debugAddress' },
  { id: 'port', width: '3.75rem' },
  { id: 'wsUrl' },
  { id: 'pid', width: '3.75rem' },
  { id: 'opened', width: '5.5rem' },
  { id: 'webdriver' },
  { id: 'engine', width: '5rem' },
  { id: 'actions', width: '11.5rem' },
];

/**
 * Every open profile. Rows are memoized on the session object: react-query's structural
 * sharing hands back the same object for a session that did not change, so a refresh
 * every 2 s re-renders only the rows that moved.
 */
export const SessionsTable = memo(function SessionsTable({
  sessions,
  connectionLabels,
  busyKey,
  actions,
}: {
  sessions: Session[];
  connectionLabels: ReadonlyMap<string, string>;
  busyKey: string | null;
  actions: SessionRowActions;
}) {
  const { t, i18n } = useTranslation();
  return (
    <table className="w-full min-w-[1000px] table-fixed border-collapse text-xs">
      <colgroup>
        {COLUMNS.map((c) => (
          <col key={c.id} style={c.width ? { width: c.width } : undefined} />
        ))}
      </colgroup>
      <thead className="sticky top-0 z-10 bg-zinc-50 text-left text-[11px] font-medium tracking-wide text-zinc-500 uppercase dark:bg-zinc-900 dark:text-zinc-400">
        <tr>
          {COLUMNS.map((c) => (
            <th
              key={c.id}
              scope="col"
              className="truncate border-b border-zinc-200 px-2 py-2 font-medium dark:border-zinc-800"
              title={t(`sessions.columns.${c.id}`)}
            >
              {t(`sessions.columns.${c.id}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {sessions.map((s) => (
          <SessionRow
            key={s.profileKey}
            session={s}
            connectionLabel={connectionLabels.get(s.connectionId) ?? s.connectionId}
            busy={busyKey === s.profileKey}
            actions={actions}
            language={i18n.language}
          />
        ))}
      </tbody>
    </table>
  );
});

const SessionRow = memo(function SessionRow({
  session: s,
  connectionLabel,
  busy,
  actions,
}: {
  session: Session;
  connectionLabel: string;
  busy: boolean;
  actions: SessionRowActions;
  /** The language the row is worded in: a switch re-renders the memoized rows. */
  language: string;
}) {
  const w = sessionWords();
  const name = sessionName(s);
  const pid = sessionPid(s);
  const profileDir = s.extra?.['profileDir'];
  return (
    <tr
      data-testid="session-row"
      data-profile-key={s.profileKey}
      className="border-b border-zinc-100 align-top hover:bg-zinc-50 dark:border-zinc-800/70 dark:hover:bg-zinc-900/60"
    >
      <td className="px-2 py-1.5">
        <SessionThumbnail session={s} />
      </td>
      <td className="px-2 py-1.5">
        <div className="truncate font-medium" title={name}>
          {name}
        </div>
        <div className="truncate font-mono text-[11px] text-zinc-500" title={s.profileKey}>
          {s.profileKey}
        </div>
        {profileDir && (
          <div className="truncate font-mono text-[11px] text-zinc-500" title={profileDir}>
            {fill(w.dir, profileDir)}
          </div>
        )}
      </td>
      <td className="px-2 py-1.5">
        <div className="truncate" title={connectionLabel}>
          {connectionLabel}
        </div>
        <div className="text-[11px] text-zinc-500">{VENDOR_LABEL[s.vendor]}</div>
      </td>
      <td className="px-2 py-1.5">
        <Copyable value={s.debugAddress} what="debugAddress" name={name} />
      </td>
      <td className="px-2 py-1.5 font-mono tabular-nums">
        {s.debugPort !== undefined ? s.debugPort : <Missing />}
      </td>
      <td className="px-2 py-1.5">
        <Copyable value={s.wsUrl} what="wsUrl" name={name} />
      </td>
      <td className="px-2 py-1.5 font-mono tabular-nums">{pid ?? <Missing />}</td>
      <td className="px-2 py-1.5 whitespace-nowrap">
        {s.openedAt !== undefined ? <RelativeTime at={s.openedAt} /> : <Missing />}
      </td>
      <td className="px-2 py-1.5">
        <Copyable value={s.webdriverPath} what="webdriver" name={name} />
      </td>
      <td className="px-2 py-1.5">
        {s.engine === 'unknown' ? <Missing /> : <EngineBadge engine={s.engine} />}
      </td>
      <td className="px-2 py-1.5">
        {/* Two buttons side by side where they fit; stacked in longer languages. */}
        <div className="flex flex-wrap gap-1">
          {s.engine !== 'firefox' && (
            <Button
              onClick={() => actions.onSnippets(s)}
              aria-label={fill(w.snippetsFor, name)}
              aria-haspopup="dialog"
            >
              {w.snippets}
            </Button>
          )}
          <DevtoolsAction session={s} name={name} busy={busy} onDevtools={actions.onDevtools} />
        </div>
      </td>
    </tr>
  );
});

function DevtoolsAction({
  session: s,
  name,
  busy,
  onDevtools,
}: {
  session: Session;
  name: string;
  busy: boolean;
  onDevtools(session: Session): void;
}) {
  const w = sessionWords();
  if (s.engine === 'firefox') {
    // Few rows: worded here (i18next's own t, the row re-renders on a language switch).
    const t = i18next.t;
    const pid = sessionPid(s);
    const where = [
      s.debugPort !== undefined && t('sessions.firefoxPort', { port: s.debugPort }),
      pid && t('sessions.firefoxPid', { pid }),
    ].filter((w): w is string => Boolean(w));
    return (
      <span
        className="text-[11px] leading-tight text-zinc-500"
        title={
          where.length
            ? t('sessions.firefoxWhyUse', { where: where.join(t('sessions.separator')) })
            : t('sessions.firefoxWhy')
        }
      >
        {t('sessions.firefox')}
      </span>
    );
  }
  if (s.engine !== 'chromium') {
    return (
      <Button disabled title={w.noEngine}>
        {w.devtools}
      </Button>
    );
  }
  return (
    <Button
      disabled={busy}
      aria-busy={busy}
      onClick={() => onDevtools(s)}
      aria-label={fill(w.devtoolsFor, name)}
    >
      {busy ? w.opening : w.devtools}
    </Button>
  );
}

/** Browser engines are product names, the same in every language. */
const ENGINE_NAME = { chromium: 'Chromium', firefox: 'Firefox' } as const;

function EngineBadge({ engine }: { engine: 'chromium' | 'firefox' }) {
  return (
    <span
      className={`rounded px-1.5 py-0.5 text-[11px] font-medium ${
        engine === 'chromium'
          ? 'bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-300'
          : 'bg-orange-100 text-orange-800 dark:bg-orange-950 dark:text-orange-300'
      }`}
    >
      {ENGINE_NAME[engine]}
    </span>
  );
}

/** A dash that says why it is a dash. */
export function Missing({ why }: { why?: string }) {
  const w = sessionWords();
  const said = why ?? w.notReported;
  return (
    <span className="text-zinc-400 dark:text-zinc-600" title={said}>
      —<span className="sr-only">{fill(w.missing, said)}</span>
    </span>
  );
}

function Copyable({
  value,
  what,
  name,
}: {
  value: string | undefined;
  what: 'debugAddress' | 'wsUrl' | 'webdriver';
  name: string;
}): ReactNode {
  const w = sessionWords().copy[what];
  if (!value) return <Missing />;
  return (
    <div className="flex min-w-0 items-center gap-1">
      <span className="truncate font-mono" title={value}>
        {value}
      </span>
      <button
        type="button"
        className={inlineButton}
        onClick={() => void copyText(value, i18next.t(`sessions.copy.${what}Copied`, { name }))}
        aria-label={fill(w.of, name)}
        title={w.label}
      >
        <CopyIcon />
      </button>
    </div>
  );
}
