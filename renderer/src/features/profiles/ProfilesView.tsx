import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { toast } from 'sonner';
import { DeckError } from '../../../../shared/ipc/deck-error';
import { Button } from '../../components/Button';
import { lazyComponent } from '../../components/lazy';
import { ContextMenu } from '../../components/Menu';
import { errorText } from '../../lib/deck';
import { useTranslation } from '../../i18n';
import { useProfilesUi } from './store';
import { ConnectionFormDialog, DemoOffer, useDemoStart } from '../connections';
import { BulkCreateDialog, NewProfileDialog } from '../create';
import { BulkBar } from './bulk/BulkBar';
import { BULK_ACTIONS } from './bulk/bulk-actions';
import { useBulkActions } from './bulk/use-bulk-actions';
import { ColumnsMenu } from './ColumnsMenu';
import { FilterBar, PROFILE_SEARCH_ID, ProfileCounts } from './FilterBar';
import { ProfilesTable } from './ProfilesTable';
import { SaveViewButton } from './SaveViewDialog';
import { isTyping } from './shortcuts';
import { useUndoShortcut } from './undo-shortcut';
import { formatTime } from './format';
import { useSelectCreated } from './select-created';
import { exportProfiles, ImportSheetDialog } from './sheet';
import { positionsOf, selectedInOrder } from './selection';
import { useProfileRows } from './use-profile-rows';
import { useProfilesLive } from './use-profiles-live';

// Opened on demand: loaded when first shown (components/lazy.tsx).
const ProfilePanel = lazyComponent(() => import('./ProfilePanel').then((m) => m.ProfilePanel));
const ShortcutsDialog = lazyComponent(() =>
  import('./ShortcutsDialog').then((m) => m.ShortcutsDialog),
);

export function ProfilesView() {
  useProfilesLive();
  useUndoShortcut();
  const rows = useProfileRows();
  const { list, connectionsResult, connectionsById } = rows;
  const selection = useProfilesUi((s) => s.selection);
  const panelKey = useProfilesUi((s) => s.panelKey);
  const clearFilters = useProfilesUi((s) => s.clearFilters);
  const demoStart = useDemoStart();
  const [creating, setCreating] = useState<'one' | 'bulk' | null>(null);
  const [importing, setImporting] = useState(false);
  const [addingConnection, setAddingConnection] = useState(false);
  const selectCreated = useSelectCreated();
  const [menuAt, setMenuAt] = useState<{ x: number; y: number } | null>(null);
  const [showShortcuts, setShowShortcuts] = useState(false);
  const { t } = useTranslation();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || document.querySelector('dialog[open]')) return;
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        const search = document.getElementById(PROFILE_SEARCH_ID) as HTMLInputElement | null;
        search?.focus();
        search?.select();
      } else if (e.key === '?' && !isTyping(e.target)) {
        e.preventDefault();
        setShowShortcuts(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Row positions, built once per list (ahead, while idle), so a click that changes the
  // selection costs the selection's size, not the list's.
  useEffect(() => {
    const id = requestIdleCallback(() => positionsOf(rows.sorted));
    return () => cancelIdleCallback(id);
  }, [rows.sorted]);
  const anySelected = selection.keys.size > 0;
  const positions = useMemo(
    () => (anySelected ? positionsOf(rows.sorted) : undefined),
    [rows.sorted, anySelected],
  );
  const shownKeys = useMemo(
    () =>
      anySelected && rows.visible !== rows.sorted
        ? new Set(rows.visible.map((p) => p.key))
        : undefined,
    [rows.visible, rows.sorted, anySelected],
  );
  const selected = useMemo(
    () => selectedInOrder(rows.sorted, selection.keys, positions),
    [rows.sorted, selection.keys, positions],
  );
  const bulk = useBulkActions(selected, connectionsById);
  const hidden = useMemo(
    () => (shownKeys ? selected.filter((p) => !shownKeys.has(p.key)).length : 0),
    [shownKeys, selected],
  );
  const panelProfile = useMemo(
    () => (panelKey ? rows.all.find((p) => p.key === panelKey) : undefined),
    [rows.all, panelKey],
  );

  const noConnections = connectionsResult.isSuccess && rows.connections.length === 0;
  const listErrors = list.data?.errors ?? [];
  const failed = new Set(listErrors.map((e) => e.connectionId));
  const freshConnections = rows.connections.filter((c) => !failed.has(c.id)).length;
  const staleCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const p of rows.all)
      if (rows.staleConnections.has(p.connectionId))
        counts.set(p.connectionId, (counts.get(p.connectionId) ?? 0) + 1);
    return counts;
  }, [rows.all, rows.staleConnections]);

  return (
    <section aria-label={t('profiles.title')} className="flex h-full flex-col">
      {/* One line at 1280 px even with 50,000 profiles counted and "Reloading…": below
          1400 px the gaps tighten and the title is left to the sidebar (and screen readers).
          Longer words (a translation) wrap onto a second line rather than overflow. */}
      <header className="flex flex-wrap items-center gap-x-2 gap-y-1.5 px-3 pt-2.5 pb-1 whitespace-nowrap min-[1400px]:gap-x-3">
        <h1 className="text-base font-semibold max-[1400px]:sr-only">{t('profiles.title')}</h1>
        <Button
          variant="ghost"
          onClick={() => void list.refetch()}
          disabled={list.isFetching}
          title={t('profiles.reloadTitle')}
        >
          {list.isFetching && !list.isPending ? t('profiles.reloading') : t('profiles.reload')}
        </Button>
        <Button
          onClick={() => setCreating('one')}
          disabled={rows.connections.length === 0}
          title={t('profiles.newProfileTitle')}
        >
          {t('profiles.newProfile')}
        </Button>
        <Button
          onClick={() => setCreating('bulk')}
          disabled={rows.connections.length === 0}
          title={t('profiles.bulkCreateTitle')}
        >
          {t('profiles.bulkCreate')}
        </Button>
        <Button
          variant="ghost"
          onClick={() => {
            exportProfiles(rows.visible, connectionsById.values());
            toast.success(t('profiles.exported', { count: rows.visible.length }));
          }}
          disabled={rows.visible.length === 0}
          title={t('profiles.exportCsvTitle')}
        >
          {t('profiles.exportCsv')}
        </Button>
        <Button
          variant="ghost"
          onClick={() => setImporting(true)}
          disabled={rows.all.length === 0}
          title={t('profiles.importCsvTitle')}
        >
          {t('profiles.importCsv')}
        </Button>
        <div className="ml-auto flex items-center gap-2 min-[1400px]:gap-3">
          <ProfileCounts
            shown={rows.visible.length}
            total={rows.all.length}
            selected={selection.keys.size}
          />
          <SaveViewButton connectionLabel={(id) => connectionsById.get(id)?.label ?? id} />
          <ColumnsMenu />
          <Button
            variant="ghost"
            onClick={() => setShowShortcuts(true)}
            aria-label={t('profiles.shortcutsLabel')}
            title={t('profiles.shortcutsTitle')}
          >
            ?
          </Button>
        </div>
      </header>
      <FilterBar connections={rows.connections} facets={rows.facets} />
      {connectionsResult.isError && (
        <Banner>
          {t('profiles.connectionsFailed', { error: errorText(connectionsResult.error) })}
        </Banner>
      )}
      {/* From the start of the listing, not from the rows' arrival: appearing with them, it
          pushed the table down as they landed, and the table drew them twice. */}
      {list.isPending && !noConnections && (
        <Banner role="status">
          {rows.previewing && rows.staleConnections.size > 0
            ? t('profiles.listingStale', {
                connections: [...rows.staleConnections.keys()]
                  .map((id) => connectionsById.get(id)?.label ?? id)
                  .join(', '),
                time: formatTime(Math.min(...rows.staleConnections.values())),
              })
            : t('profiles.listing')}
        </Banner>
      )}
      {listErrors.map((e) => {
        const label = connectionsById.get(e.connectionId)?.label ?? e.connectionId;
        const why = errorText(new DeckError(e.error));
        const count = staleCounts.get(e.connectionId) ?? 0;
        return (
          <Banner key={e.connectionId}>
            {e.lastKnownAt !== undefined
              ? t('profiles.notAnswering', {
                  label,
                  error: why,
                  count,
                  time: formatTime(e.lastKnownAt),
                })
              : t(freshConnections > 0 ? 'profiles.notListedOthersShown' : 'profiles.notListed', {
                  label,
                  error: why,
                })}
          </Banner>
        );
      })}
      <div className="flex min-h-0 flex-1">
        <div className="relative min-w-0 flex-1">
          {noConnections ? (
            <EmptyState>
              <p>{t('profiles.noConnections')}</p>
              <DemoOffer start={demoStart} onAddManually={() => setAddingConnection(true)} />
            </EmptyState>
          ) : list.isError ? (
            <EmptyState>
              <p role="alert" className="text-red-600 dark:text-red-400">
                {t('profiles.loadFailed', { error: errorText(list.error) })}
              </p>
              <Button onClick={() => void list.refetch()}>{t('profiles.tryAgain')}</Button>
            </EmptyState>
          ) : (
            <>
              <ProfilesTable
                rows={rows.visible}
                ordered={rows.sorted}
                connectionsById={connectionsById}
                staleConnections={rows.staleConnections}
                onMenu={setMenuAt}
              />
              {/* The table is there while the rows are on their way, so that they land in
                  it: mounted only with them, it measured its box (a forced layout) and drew
                  them in a second render, 15-25 ms after the last-known rows had arrived. */}
              {list.isPending && !rows.previewing ? (
                <EmptyState overlay>
                  <p role="status">{t('profiles.loading')}</p>
                </EmptyState>
              ) : (
                rows.visible.length === 0 && (
                  <EmptyState overlay>
                    {rows.all.length === 0 ? (
                      freshConnections === 0 && listErrors.length > 0 ? (
                        <p>{t('profiles.noneAnswered')}</p>
                      ) : (
                        <p>{t('profiles.noProfiles')}</p>
                      )
                    ) : (
                      <>
                        <p>{t('profiles.noMatch')}</p>
                        <Button onClick={clearFilters}>{t('profiles.clearFilters')}</Button>
                      </>
                    )}
                  </EmptyState>
                )
              )}
            </>
          )}
        </div>
        {panelKey && (
          <ProfilePanel
            key={panelKey}
            profile={panelProfile}
            connection={panelProfile && connectionsById.get(panelProfile.connectionId)}
          />
        )}
      </div>
      <NewProfileDialog
        open={creating === 'one'}
        onClose={() => setCreating(null)}
        onCreated={selectCreated}
        connectionId={selected[0]?.connectionId}
      />
      <BulkCreateDialog
        open={creating === 'bulk'}
        onClose={() => setCreating(null)}
        onCreated={selectCreated}
        connectionId={selected[0]?.connectionId}
      />
      {addingConnection && (
        <ConnectionFormDialog mode={{ kind: 'add' }} onClose={() => setAddingConnection(false)} />
      )}
      {importing && (
        <ImportSheetDialog
          profiles={rows.all}
          connections={rows.connections}
          onClose={() => setImporting(false)}
        />
      )}
      {selected.length > 0 && (
        <BulkBar selected={selected} hidden={hidden} connectionsById={connectionsById} />
      )}
      <ContextMenu
        at={selected.length > 0 ? menuAt : null}
        label={t('profiles.actionsFor', { count: selected.length })}
        items={BULK_ACTIONS.map(bulk.menuEntry)}
        onClose={() => setMenuAt(null)}
      />
      {showShortcuts && <ShortcutsDialog onClose={() => setShowShortcuts(false)} />}
    </section>
  );
}

function Banner({ children, role = 'alert' }: { children: ReactNode; role?: 'alert' | 'status' }) {
  return (
    <div
      role={role}
      className="border-b border-amber-200 bg-amber-50 px-3 py-1.5 text-[13px] text-amber-900 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-200"
    >
      {children}
    </div>
  );
}

function EmptyState({ children, overlay = false }: { children: ReactNode; overlay?: boolean }) {
  return (
    <div
      className={`flex flex-col items-center justify-center gap-3 p-8 text-center text-zinc-600 dark:text-zinc-400 ${
        overlay
          ? 'pointer-events-none absolute inset-x-0 top-10 [&_button]:pointer-events-auto'
          : 'h-full'
      }`}
    >
      {children}
    </div>
  );
}
