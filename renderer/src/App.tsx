import { Suspense } from 'react';
import { useQuery } from '@tanstack/react-query';
import { appInfoQuery } from './lib/queries';
import { errorText } from './lib/deck';
import { useUi, type View } from './store';
import { ProfilesView } from './features/profiles/ProfilesView';
import { SavedViewsNav } from './features/profiles/SavedViewsNav';
import { JobProgressToasts } from './features/activity/JobProgressToasts';
import { NoticesBanner } from './features/notices/NoticesBanner';
import { ScriptsView } from './features/automation';
import { useAppliedTheme } from './lib/theme';
import { lazyComponent } from './components/lazy';
import { LanguagePicker } from './components/LanguagePicker';
import { useTranslation } from './i18n';

// The screens other than Profiles load when first shown (components/lazy.tsx).
const SessionsView = lazyComponent(() =>
  import('./features/sessions/SessionsView').then((m) => m.SessionsView),
);
const ConnectionsView = lazyComponent(() =>
  import('./features/connections/ConnectionsView').then((m) => m.ConnectionsView),
);
const ActivityView = lazyComponent(() =>
  import('./features/activity/ActivityView').then((m) => m.ActivityView),
);
const SettingsView = lazyComponent(() =>
  import('./features/settings/SettingsView').then((m) => m.SettingsView),
);

const NAV = [
  { view: 'profiles', label: 'nav.profiles', hint: 'nav.profilesHint' },
  { view: 'sessions', label: 'nav.sessions', hint: 'nav.sessionsHint' },
  { view: 'connections', label: 'nav.connections', hint: 'nav.connectionsHint' },
  { view: 'activity', label: 'nav.activity', hint: 'nav.activityHint' },
  { view: 'scripts', label: 'nav.scripts', hint: 'nav.scriptsHint' },
  { view: 'settings', label: 'nav.settings', hint: 'nav.settingsHint' },
] as const satisfies readonly { view: View; label: string; hint: string }[];

export function App() {
  useAppliedTheme();
  const view = useUi((s) => s.view);
  const setView = useUi((s) => s.setView);
  const { t } = useTranslation();
  return (
    <div className="flex h-full">
      <nav
        aria-label={t('nav.label')}
        className="flex w-48 shrink-0 flex-col border-r border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900"
      >
        <div className="px-4 py-3 text-sm font-semibold tracking-tight">BrowserDeck</div>
        <ul className="space-y-0.5 px-2">
          {NAV.map((item) => (
            <li key={item.view}>
              <button
                type="button"
                title={t(item.hint)}
                aria-current={view === item.view ? 'page' : undefined}
                onClick={() => setView(item.view)}
                className="w-full rounded px-2 py-1.5 text-left hover:bg-zinc-200 aria-[current=page]:bg-zinc-200 aria-[current=page]:font-medium dark:hover:bg-zinc-800 dark:aria-[current=page]:bg-zinc-800"
              >
                {t(item.label)}
              </button>
            </li>
          ))}
        </ul>
        <SavedViewsNav onOpen={() => setView('profiles')} />
        <LanguagePicker />
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
      return (
        <Suspense fallback={null}>
          <ScriptsView />
        </Suspense>
      );
    case 'settings':
      return <SettingsView />;
  }
}

function AppInfoFooter() {
  const info = useQuery(appInfoQuery);
  const { t } = useTranslation();
  if (info.isPending)
    return <div className="p-3 text-xs text-zinc-500">{t('appInfo.connecting')}</div>;
  if (info.isError)
    return (
      <div role="alert" className="p-3 text-xs text-red-600">
        {t('appInfo.unavailable', { error: errorText(info.error) })}
      </div>
    );
  const d = info.data;
  return (
    <dl
      data-testid="app-info"
      className="space-y-0.5 border-t border-zinc-200 p-3 text-xs text-zinc-500 dark:border-zinc-800"
    >
      <div>
        <dt className="inline">{t('appInfo.version')} </dt>
        <dd className="inline font-mono" data-testid="app-version">
          {d.version}
        </dd>
      </div>
      <div>
        <dt className="inline">{t('appInfo.platform')} </dt>
        <dd className="inline font-mono">
          {d.platform}
          {d.electron ? ` · Electron ${d.electron}` : ` · ${t('appInfo.harness')}`}
        </dd>
      </div>
      <div
        title={
          d.secretStorage === 'memory'
            ? t('appInfo.secretsMemoryHint')
            : t('appInfo.secretsEncryptedHint')
        }
      >
        <dt className="inline">{t('appInfo.secrets')} </dt>
        <dd className="inline">
          {d.secretStorage === 'encrypted'
            ? t('appInfo.secretsEncrypted')
            : t('appInfo.secretsMemory')}
        </dd>
      </div>
    </dl>
  );
}
