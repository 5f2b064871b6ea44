import { memo, type ReactNode } from 'react';
import { VENDOR_LABEL, type Session } from '../../../../shared/model';
import { copyText } from '../../lib/copy';
import { CopyIcon } from './CopyIcon';
import { SessionThumbnail } from './SessionThumbnail';
import { RelativeTime } from '../../components/RelativeTime';
import { inlineButton } from '../../components/styles';
import { Button } from '../../components/Button';

export interface SessionRowActions {
  onSnippets(session: Session): void;
  onDevtools(session: Session): void;
}

const NOT_REPORTED = 'The vendor did not report this';

/** Pid as the vendor gave it: CosLogin reports it only in what /browser/open returned. */
export const sessionPid = (s: Session): string | undefined =>
  s.pid !== undefined ? String(s.pid) : s.extra?.['pid'];

// Fixed widths for the short columns; the three long values (address, ws URL, webdriver
// path) share what is left and truncate, with the full value on hover.
const COLUMNS: { label: string; width?: string }[] = [
  { label: 'Window', width: '7rem' },
  { label: 'Profile', width: '9.5rem' },
  { label: 'Connection', width: '7.5rem' },
  { label: 'Debugging address' },
  { label: 'Port', width: '3.75rem' },
  { label: 'ws URL' },
  { label: 'PID', width: '3.75rem' },
  { label: 'Opened', width: '5.5rem' },
  { label: 'Webdriver' },
  { label: 'Engine', width: '5rem' },
  { label: 'Actions', width: '11.5rem' },
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
  return (
    <table className="w-full min-w-[1000px] table-fixed border-collapse text-xs">
      <colgroup>
        {COLUMNS.map((c) => (
          <col key={c.label} style={c.width ? { width: c.width } : undefined} />
        ))}
      </colgroup>
      <thead className="sticky top-0 z-10 bg-zinc-50 text-left text-[11px] font-medium tracking-wide text-zinc-500 uppercase dark:bg-zinc-900 dark:text-zinc-400">
        <tr>
          {COLUMNS.map((c) => (
            <th
              key={c.label}
              scope="col"
              className="border-b border-zinc-200 px-2 py-2 font-medium dark:border-zinc-800"
            >
              {c.label}
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
}) {
  const name = s.profileName || `Profile ${s.vendorId}`;
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
            dir {profileDir}
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
        <Copyable value={s.debugAddress} what="debugging address" name={name} />
      </td>
      <td className="px-2 py-1.5 font-mono tabular-nums">
        {s.debugPort !== undefined ? s.debugPort : <Missing />}
      </td>
      <td className="px-2 py-1.5">
        <Copyable value={s.wsUrl} what="ws URL" name={name} />
      </td>
      <td className="px-2 py-1.5 font-mono tabular-nums">{pid ?? <Missing />}</td>
      <td className="px-2 py-1.5 whitespace-nowrap">
        {s.openedAt !== undefined ? <RelativeTime at={s.openedAt} /> : <Missing />}
      </td>
      <td className="px-2 py-1.5">
        <Copyable value={s.webdriverPath} what="webdriver path" name={name} />
      </td>
      <td className="px-2 py-1.5">
        {s.engine === 'unknown' ? <Missing /> : <EngineBadge engine={s.engine} />}
      </td>
      <td className="px-2 py-1.5">
        <div className="flex gap-1">
          {s.engine !== 'firefox' && (
            <Button
              onClick={() => actions.onSnippets(s)}
              aria-label={`Snippets for ${name}`}
              aria-haspopup="dialog"
            >
              Snippets
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
  if (s.engine === 'firefox') {
    const where = [
      s.debugPort !== undefined && `debug port ${s.debugPort}`,
      sessionPid(s) && `pid ${sessionPid(s)}`,
    ]
      .filter(Boolean)
      .join(', ');
    return (
      <span
        className="text-[11px] leading-tight text-zinc-500"
        title={`Chrome DevTools does not attach to Firefox.${where ? ` Use ${where}.` : ''}`}
      >
        Firefox: Chrome DevTools does not attach
      </span>
    );
  }
  if (s.engine !== 'chromium') {
    return (
      <Button disabled title="The vendor did not report the engine, so DevTools is not offered">
        DevTools
      </Button>
    );
  }
  return (
    <Button
      disabled={busy}
      aria-busy={busy}
      onClick={() => onDevtools(s)}
      aria-label={`DevTools for ${name}`}
    >
      {busy ? 'Opening…' : 'DevTools'}
    </Button>
  );
}

function EngineBadge({ engine }: { engine: 'chromium' | 'firefox' }) {
  return (
    <span
      className={`rounded px-1.5 py-0.5 text-[11px] font-medium ${
        engine === 'chromium'
          ? 'bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-300'
          : 'bg-orange-100 text-orange-800 dark:bg-orange-950 dark:text-orange-300'
      }`}
    >
      {engine === 'chromium' ? 'Chromium' : 'Firefox'}
    </span>
  );
}

/** A dash that says why it is a dash. */
export function Missing({ why = NOT_REPORTED }: { why?: string }) {
  return (
    <span className="text-zinc-400 dark:text-zinc-600" title={why}>
      —<span className="sr-only"> ({why})</span>
    </span>
  );
}

function Copyable({
  value,
  what,
  name,
}: {
  value: string | undefined;
  what: string;
  name: string;
}): ReactNode {
  if (!value) return <Missing />;
  return (
    <div className="flex min-w-0 items-center gap-1">
      <span className="truncate font-mono" title={value}>
        {value}
      </span>
      <button
        type="button"
        className={inlineButton}
        onClick={() => void copyText(value, `${what} of ${name}`)}
        aria-label={`Copy ${what} of ${name}`}
        title={`Copy ${what}`}
      >
        <CopyIcon />
      </button>
    </div>
  );
}
