import { useDeferredValue, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { VENDOR_LABEL, type Connection, type Session } from '../../../../shared/model';
import { DeckError } from '../../../../shared/ipc/result';
import { errorText } from '../../lib/deck';
import { connectionsQuery } from '../../lib/queries';
import { sessionsQuery } from './queries';
import { useUi } from '../../store';
import { DevtoolsDialog } from './DevtoolsDialog';
import { SessionsTable, type SessionRowActions } from './SessionsTable';
import { SnippetsDialog } from './SnippetsDialog';
import { ArrangeWindows } from './ArrangeWindows';
import { useDevtoolsAttach } from './use-devtools-attach';
import { errorBanner } from '../../components/styles';
import { Button } from '../../components/Button';
import { useTranslation } from '../../i18n';

const REFRESH_MS = 2000;

// Module-level so react-query memoizes the result: the map changes only when connections do.
const labelsOf = (connections: Connection[]): ReadonlyMap<string, string> =>
  new Map(connections.map((c) => [c.id, c.label || VENDOR_LABEL[c.vendor]]));
const NO_LABELS: ReadonlyMap<string, string> = new Map();

/**
 * Every open profile across connections with its debug endpoints, refreshed live. The
 * view is mounted only while shown, and polling stops while the window is hidden, so an
 * unseen list costs nothing.
 */
export function SessionsView() {
  const { t } = useTranslation();
  const sessions = useQuery({
    ...sessionsQuery,
    // A failing core is retried, but not hammered every 2 s.
    refetchInterval: (q) => (q.state.status === 'error' ? 10_000 : REFRESH_MS),
    refetchIntervalInBackground: false,
  });
  const labels = useQuery({ ...connectionsQuery, select: labelsOf }).data ?? NO_LABELS;
  const devtools = useDevtoolsAttach();
  const [snippetsFor, setSnippetsFor] = useState<Session | null>(null);
  const { attach } = devtools;
  // Stable, so memoized rows do not re-render when the view does.
  const actions = useMemo<SessionRowActions>(
    () => ({ onSnippets: setSnippetsFor, onDevtools: (s) => void attach(s) }),
    [attach],
  );

  const list = sessions.data?.sessions;
  // A refresh re-renders up to every row (a few hundred): as a deferred render React does
  // it a few ms at a time between frames, where as react-query's own (synchronous) update
  // it held the page for 100-200 ms every 2 s (sessions200.fps).
  const rows = useDeferredValue(list);
  return (
    <section className="flex h-full flex-col" aria-labelledby="sessions-title">
      <header className="flex flex-wrap items-baseline gap-3 px-6 pt-5 pb-3">
        <h1 id="sessions-title" className="text-lg font-semibold">
          {t('sessions.title')}
        </h1>
        {list && (
          <span className="text-xs text-zinc-500" data-testid="sessions-count">
            {t('sessions.count', { count: list.length, seconds: REFRESH_MS / 1000 })}
          </span>
        )}
        {list && list.length > 0 && <ArrangeWindows sessions={list} />}
      </header>

      <div className="space-y-2 px-6 empty:hidden">
        {sessions.isError && (
          <div role="alert" className={`${errorBanner} flex items-center justify-between gap-3`}>
            <span>{t('sessions.listFailed', { error: errorText(sessions.error) })}</span>
            <Button onClick={() => void sessions.refetch()}>{t('common.retry')}</Button>
          </div>
        )}
        {sessions.data?.errors.map((e) => (
          <div key={e.connectionId} role="alert" className={errorBanner}>
            <strong className="font-semibold">
              {labels.get(e.connectionId) ?? e.connectionId}
            </strong>
            {t('sessions.connectionFailed', { error: errorText(new DeckError(e.error)) })}
          </div>
        ))}
      </div>

      {/* Opaque, so it scrolls on its own layer (see ProfilesTable's grid). */}
      <div className="mt-2 min-h-0 flex-1 overflow-auto bg-white dark:bg-zinc-950">
        {sessions.isPending ? (
          <p className="px-6 text-xs text-zinc-500">{t('sessions.loading')}</p>
        ) : list && list.length === 0 ? (
          <EmptyState />
        ) : list ? (
          <SessionsTable
            sessions={rows ?? list}
            connectionLabels={labels}
            busyKey={devtools.busyKey}
            actions={actions}
          />
        ) : null}
      </div>

      {snippetsFor && <SnippetsDialog session={snippetsFor} onClose={() => setSnippetsFor(null)} />}
      {devtools.step && (
        <DevtoolsDialog
          step={devtools.step}
          busy={devtools.busyKey !== null}
          onChoose={(s, address, target) => void devtools.openTarget(s, address, target)}
          onRetry={(s) => {
            devtools.dismiss();
            void attach(s);
          }}
          onClose={devtools.dismiss}
        />
      )}
    </section>
  );
}

function EmptyState() {
  const { t } = useTranslation();
  const setView = useUi((s) => s.setView);
  return (
    <div className="mx-6 mt-8 rounded-lg border border-dashed border-zinc-300 p-8 text-center dark:border-zinc-700">
      <p className="text-sm font-medium">{t('sessions.empty')}</p>
      <p className="mt-1 text-xs text-zinc-500">{t('sessions.emptyHint')}</p>
      <Button className="mt-4" onClick={() => setView('profiles')}>
        {t('sessions.goToProfiles')}
      </Button>
    </div>
  );
}
