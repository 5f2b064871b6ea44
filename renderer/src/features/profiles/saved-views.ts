/**
 * Saved views: a name for the table as it is now (filters, sort, column settings), listed
 * in the sidebar and put back with one click. Remembered across restarts. What a view
 * keeps of the columns is the profiles store's COLUMN_SETTINGS, so a column setting added
 * there is saved and put back with no change here.
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { SortingState } from '@tanstack/react-table';
import i18next from 'i18next';
import { columnLabel } from './columns';
import {
  PROXY_CHECK_STATES,
  proxyCheckStateLabel,
  readFilters,
  type ProfileFilters,
  type ProxyCheckState,
} from './filter';
import { COLUMN_SETTINGS, useProfilesUi, type ColumnSettings } from './store';
import { isRecord } from '../../../../shared/lib/is-record';

export interface SavedView {
  id: string;
  name: string;
  filters: ProfileFilters;
  sorting: SortingState;
  /** Column settings by store field; one saved before a setting existed lacks it. */
  columns: Partial<ColumnSettings>;
}

export const VIEW_NAME_MAX = 60;

/** The table's state now, as a view would keep it. */
export function currentView(): Omit<SavedView, 'id' | 'name'> {
  const ui = useProfilesUi.getState();
  const columns: Partial<ColumnSettings> = {};
  for (const key of COLUMN_SETTINGS) Object.assign(columns, { [key]: ui[key] });
  return { filters: ui.filters, sorting: ui.sorting, columns };
}

/** Puts the view's filters, sort and column settings on the table. */
export function applyView(view: SavedView): void {
  useProfilesUi.setState({ filters: view.filters, sorting: view.sorting, ...view.columns });
}

/** Whether the table still shows the view as saved. */
export function showsView(view: SavedView, now = currentView()): boolean {
  const kept = (v: Omit<SavedView, 'id' | 'name'>) =>
    JSON.stringify([v.filters, v.sorting, COLUMN_SETTINGS.map((k) => v.columns[k] ?? null)]);
  return kept(view) === kept(now);
}

/** A view name as typed: trimmed, or why it cannot be one. */
export function checkViewName(
  raw: string,
): { ok: true; name: string } | { ok: false; message: string } {
  const name = raw.trim();
  if (!name) return { ok: false, message: i18next.t('profiles.saveView.nameMissing') };
  if (name.length > VIEW_NAME_MAX)
    return {
      ok: false,
      message: i18next.t('profiles.saveView.nameTooLong', { max: VIEW_NAME_MAX }),
    };
  return { ok: true, name };
}

const sameName = (a: string, b: string) =>
  a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

export const findViewNamed = (views: readonly SavedView[], name: string) =>
  views.find((v) => sameName(v.name, name.trim()));

// Above the store: it reads storage as it is created.

/** Views as storage holds them (another build's, or edited by hand): what cannot be read is dropped. */
export function readSavedViews(stored: unknown): SavedView[] {
  if (!Array.isArray(stored)) return [];
  const views: SavedView[] = [];
  for (const v of stored) {
    if (!isRecord(v) || typeof v.id !== 'string' || typeof v.name !== 'string') continue;
    const name = checkViewName(v.name);
    if (!name.ok || views.some((w) => w.id === v.id)) continue;
    const sorting = Array.isArray(v.sorting)
      ? v.sorting.filter(
          (k): k is SortingState[number] =>
            isRecord(k) && typeof k.id === 'string' && typeof k.desc === 'boolean',
        )
      : [];
    const columns: Partial<ColumnSettings> = {};
    if (isRecord(v.columns))
      for (const key of COLUMN_SETTINGS)
        // Read as loosely as the profiles store reads its own saved columns.
        if (v.columns[key] != null) Object.assign(columns, { [key]: v.columns[key] });
    views.push({ id: v.id, name: name.name, filters: readFilters(v.filters), sorting, columns });
  }
  return views;
}

interface SavedViews {
  views: SavedView[];
  /** The view last put on the table or saved, shown as current in the sidebar. */
  activeId: string | null;
  /** Saves the table as it is now under `name`; a view of that name is replaced. */
  save(name: string): SavedView;
  open(id: string): void;
  remove(id: string): void;
  /** Puts a removed view back where it was (Undo). */
  restore(view: SavedView, at: number): void;
}

const newId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

export const useSavedViews = create<SavedViews>()(
  persist(
    (set, get) => ({
      views: [],
      activeId: null,
      save(name) {
        const existing = findViewNamed(get().views, name);
        const view: SavedView = {
          id: existing?.id ?? newId(),
          name: name.trim(),
          ...currentView(),
        };
        set((s) => ({
          views: existing ? s.views.map((v) => (v.id === view.id ? view : v)) : [...s.views, view],
          activeId: view.id,
        }));
        return view;
      },
      open(id) {
        const view = get().views.find((v) => v.id === id);
        if (!view) return;
        applyView(view);
        set({ activeId: id });
      },
      remove(id) {
        set((s) => ({
          views: s.views.filter((v) => v.id !== id),
          activeId: s.activeId === id ? null : s.activeId,
        }));
      },
      restore(view, at) {
        set((s) => {
          if (s.views.some((v) => v.id === view.id)) return s;
          const views = [...s.views];
          views.splice(Math.min(at, views.length), 0, view);
          return { views };
        });
      },
    }),
    {
      name: 'browserdeck.saved-views',
      version: 1,
      // Throws in Node (unit tests): the store then lives in memory, as zustand does.
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ views: s.views, activeId: s.activeId }),
      merge: (stored, current) => {
        const s = (stored ?? {}) as { views?: unknown; activeId?: unknown };
        const views = readSavedViews(s.views);
        const activeId =
          typeof s.activeId === 'string' && views.some((v) => v.id === s.activeId)
            ? s.activeId
            : null;
        return { ...current, views, activeId };
      },
    },
  ),
);

const FACETS: readonly Exclude<keyof ProfileFilters, 'text'>[] = [
  'connectionId',
  'group',
  'tag',
  'status',
  'proxyType',
  'proxyCheck',
];

/**
 * What a view puts on the table, in a line per part: its tooltip and the save dialog.
 * Worded in the language chosen when called.
 */
export function describeView(
  view: Omit<SavedView, 'id' | 'name'>,
  connectionLabel: (id: string) => string = (id) => id,
): string[] {
  const t = i18next.t;
  const lines: string[] = [];
  if (view.filters.text.trim())
    lines.push(t('profiles.view.search', { text: view.filters.text.trim() }));
  for (const facet of FACETS) {
    const values = view.filters[facet];
    if (values.length === 0) continue;
    const shown =
      facet === 'connectionId'
        ? values.map(connectionLabel)
        : facet === 'proxyCheck'
          ? values.map((v) =>
              (PROXY_CHECK_STATES as readonly string[]).includes(v)
                ? proxyCheckStateLabel(v as ProxyCheckState)
                : v,
            )
          : values;
    lines.push(
      t('profiles.view.facet', { facet: t(`profiles.facets.${facet}`), values: shown.join(', ') }),
    );
  }
  if (lines.length === 0) lines.push(t('profiles.view.everyProfile'));
  const [sort] = view.sorting;
  if (sort) {
    const column = columnLabel(sort.id);
    lines.push(t(sort.desc ? 'profiles.view.sortedByDesc' : 'profiles.view.sortedBy', { column }));
  }
  const hidden = Object.values(view.columns.columnVisibility ?? {}).filter((v) => v === false);
  if (hidden.length) lines.push(t('profiles.view.hidden', { count: hidden.length }));
  return lines;
}
