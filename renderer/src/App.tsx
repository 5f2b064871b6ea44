import { useQuery } from '@tanstack/react-query';
import { appInfoQuery } from './lib/queries';
import { errorText } from './lib/deck';
import { useUi, type View } from './store';
import { ProfilesView } from './features/profiles/ProfilesView';
import { SessionsView } from './features/sessions/SessionsView';
import { ConnectionsView } from './features/connections/ConnectionsView';
import { ActivityView } from './features/activity/ActivityView';
import { JobProgressToasts } from './features/activity/JobProgressToasts';
import { NoticesBanner } from './features/notices/NoticesBanner';
import { ScriptsView } from './features/automation';

const NAV: { view: View; label: string; hint: string }[] = [
  { view: 'profiles', label: 'Profiles', hint: 'Every profile of every connection' },
  { view: 'sessions', label: 'Sessions', hint: 'Open profiles and their debug endpoints' },
  { view: 'connections', label: 'Connections', hint: 'Vendor clients BrowserDeck talks to' },
  { view: 'activity', label: 'Activity', hint: 'Bulk jobs and their results' },
  { view: 'scripts', label: 'Scripts', hint: 'Automation scripts to run on profiles' },
];

export function App() {
  const view = useUi((s) => s.view);
  const setView = useUi((s) => s.setView);
  return (
    <div className="flex h-full">
      <nav
        aria-label="Main"
        className="flex w-48 shrink-0 flex-col border-r border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900"
      >
        <div className="px-4 py-3 text-sm font-semibold tracking-tight">BrowserDeck</div>
        <ul className="flex-1 space-y-0.5 px-2">
          {NAV.map((item) => (
            <li key={item.view}>
              <button
                type="button"
                title={item.hint}
                aria-current={view === item.view ? 'page' : undefined}
                onClick={() => setView(item.view)}
                className="w-full rounded px-2 py-1.5 text-left hover:bg-zinc-200 aria-[current=page]:bg-zinc-200 aria-[current=page]:font-medium dark:hover:bg-zinc-800 dark:aria-[current=page]:bg-zinc-800"
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
        <AppInfoFooter />
      </nav>
      <main className="flex min-w-0 flex-1 flex-col overflow-hidden">
        <NoticesBanner />
        <div className="min-h-0 flex-1">
          <ViewPane view={view} />
        </div>
      </main>
      <JobProgressToasts />
    </div>
  );
}

function ViewPane({ view }: { view: View }) {
  switch (view) {
    case 'profiles':
      return <ProfilesView />;
    case 'sessions':
      return <SessionsView />;
    case 'connections':
      return <ConnectionsView />;
    case 'activity':
      return <ActivityView />;
    case 'scripts':
      return <ScriptsView />;
  }
}

function AppInfoFooter() {
  const info = useQuery(appInfoQuery);
  if (info.isPending) return <div className="p-3 text-xs text-zinc-500">Connecting to core…</div>;
  if (info.isError)
    return (
      <div role="alert" className="p-3 text-xs text-red-600">
        Core unavailable: {errorText(info.error)}
      </div>
    );
  const d = info.data;
  return (
    <dl
      data-testid="app-info"
      className="space-y-0.5 border-t border-zinc-200 p-3 text-xs text-zinc-500 dark:border-zinc-800"
    >
      <div>
        <dt className="inline">Version </dt>
        <dd className="inline font-mono" data-testid="app-version">
          {d.version}
        </dd>
      </div>
      <div>
        <dt className="inline">Platform </dt>
        <dd className="inline font-mono">
          {d.platform}
          {d.electron ? ` · Electron ${d.electron}` : ' · browser harness'}
        </dd>
      </div>
      <div
        title={
          d.secretStorage === 'memory'
            ? 'No OS encryption: tokens are kept in memory for this session only'
            : 'Tokens are encrypted by the OS'
        }
      >
        <dt className="inline">Secrets </dt>
        <dd className="inline">
          {d.secretStorage === 'encrypted' ? 'OS-encrypted' : 'memory only'}
        </dd>
      </div>
    </dl>
  );
}
