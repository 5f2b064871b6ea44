import { useQuery } from '@tanstack/react-query';
import { toast } from 'sonner';
import { connectionsQuery } from '../../lib/queries';
import { describeView, showsView, useSavedViews, type SavedView } from './saved-views';
import { COLUMN_SETTINGS, useProfilesUi } from './store';
import { useTranslation } from '../../i18n';

/**
 * Whether the table no longer shows the active view as saved. A boolean from the store's
 * selector: the sidebar re-renders when it flips, not on every filter keystroke.
 */
function useActiveChanged(active: SavedView | undefined): boolean {
  return useProfilesUi(
    (s) =>
      active !== undefined &&
      !showsView(active, {
        filters: s.filters,
        sorting: s.sorting,
        columns: Object.fromEntries(COLUMN_SETTINGS.map((k) => [k, s[k]])),
      }),
  );
}

/**
 * The saved views, in the sidebar under the screens: a click (or Enter) puts one on the
 * profiles table and shows it. Each can be deleted, with Undo.
 */
export function SavedViewsNav({ onOpen }: { onOpen(): void }) {
  const views = useSavedViews((s) => s.views);
  const activeId = useSavedViews((s) => s.activeId);
  const open = useSavedViews((s) => s.open);
  const remove = useSavedViews((s) => s.remove);
  const restore = useSavedViews((s) => s.restore);
  const active = views.find((v) => v.id === activeId);
  const changed = useActiveChanged(active);
  const connections = useQuery(connectionsQuery).data;
  const { t } = useTranslation();
  const connectionLabel = (id: string) => connections?.find((c) => c.id === id)?.label ?? id;
  const removeWithUndo = (view: SavedView) => {
    const at = views.indexOf(view);
    remove(view.id);
    toast(t('savedViews.deleted', { name: view.name }), {
      action: { label: t('common.undo'), onClick: () => restore(view, at) },
    });
  };
  return (
    <section
      aria-labelledby="saved-views-heading"
      className="mt-3 min-h-0 flex-1 overflow-y-auto px-2"
    >
      <h2
        id="saved-views-heading"
        className="px-2 pb-1 text-[11px] font-medium tracking-wide text-zinc-500 uppercase"
      >
        {t('savedViews.title')}
      </h2>
      {views.length === 0 ? (
        <p className="px-2 text-xs text-zinc-500">{t('savedViews.empty')}</p>
      ) : (
        <ul className="space-y-0.5">
          {views.map((view) => {
            const current = view.id === activeId;
            return (
              <li
                key={view.id}
                className="group flex items-center rounded hover:bg-zinc-200 dark:hover:bg-zinc-800"
              >
                <button
                  type="button"
                  aria-current={current ? 'true' : undefined}
                  data-changed={current && changed ? 'true' : undefined}
                  title={[
                    view.name,
                    ...describeView(view, connectionLabel),
                    ...(current && changed ? [t('savedViews.changed')] : []),
                  ].join('\n')}
                  onClick={() => {
                    open(view.id);
                    onOpen();
                  }}
                  className="min-w-0 flex-1 truncate rounded px-2 py-1 text-left aria-[current=true]:font-medium aria-[current=true]:text-blue-700 dark:aria-[current=true]:text-blue-400"
                >
                  {view.name}
                  {current && changed && (
                    <span aria-hidden className="ml-1 text-zinc-500">
                      •
                    </span>
                  )}
                </button>
                <button
                  type="button"
                  aria-label={t('savedViews.deleteLabel', { name: view.name })}
                  title={t('savedViews.deleteTitle')}
                  onClick={() => removeWithUndo(view)}
                  className="rounded px-1.5 text-zinc-500 opacity-0 group-hover:opacity-100 hover:text-zinc-900 focus:opacity-100 dark:hover:text-zinc-100"
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
