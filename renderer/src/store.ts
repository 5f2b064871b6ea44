import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { ColumnSizingState, SortingState, VisibilityState } from '@tanstack/react-table';
import { EMPTY_FILTERS, type ProfileFilters } from './features/profiles/filter';
import { clearSelection, EMPTY_SELECTION, type Selection } from './features/profiles/selection';

export type View = 'profiles' | 'sessions' | 'connections' | 'activity';

/** The bulk dialogs the profiles bulk bar can open. */
export type BulkDialog =
  | 'move-group'
  | 'set-remark'
  | 'rename'
  | 'set-tags'
  | 'edit-proxy'
  | 'import-proxies'
  | 'copy'
  | 'delete';

/** Unsaved edits in the profile side panel, per profile key, so a view switch keeps them. */
export interface ProfileDraft {
  name?: string;
  groupId?: string;
  tags?: string;
  remark?: string;
}

/** UI state only. Server state lives in react-query; never copy query data in here. */
interface UiState {
  view: View;
  setView(view: View): void;

  // Profiles table: filters and column settings are remembered across restarts.
  filters: ProfileFilters;
  setFilter<K extends keyof ProfileFilters>(key: K, value: ProfileFilters[K]): void;
  clearFilters(): void;
  sorting: SortingState;
  setSorting(sorting: SortingState): void;
  columnVisibility: VisibilityState;
  setColumnVisibility(v: VisibilityState): void;
  columnSizing: ColumnSizingState;
  setColumnSizing(v: ColumnSizingState): void;

  // Selection, focus and panels: per session only.
  selection: Selection;
  setSelection(selection: Selection): void;
  panelKey: string | null;
  openPanel(key: string | null): void;
  bulkDialog: BulkDialog | null;
  openBulkDialog(dialog: BulkDialog | null): void;
  drafts: Record<string, ProfileDraft>;
  setDraft(key: string, draft: ProfileDraft | null): void;
}

export const useUi = create<UiState>()(
  persist(
    (set) => ({
      view: 'profiles',
      setView: (view) => set({ view }),

      filters: EMPTY_FILTERS,
      setFilter: (key, value) => set((s) => ({ filters: { ...s.filters, [key]: value } })),
      clearFilters: () => set({ filters: EMPTY_FILTERS }),
      sorting: [],
      setSorting: (sorting) => set({ sorting }),
      columnVisibility: {},
      setColumnVisibility: (columnVisibility) => set({ columnVisibility }),
      columnSizing: {},
      setColumnSizing: (columnSizing) => set({ columnSizing }),

      selection: EMPTY_SELECTION,
      // A bulk dialog is about the selection: it goes when the selection does.
      setSelection: (selection) =>
        set(selection.keys.size > 0 ? { selection } : { selection, bulkDialog: null }),
      panelKey: null,
      openPanel: (panelKey) => set({ panelKey }),
      bulkDialog: null,
      openBulkDialog: (bulkDialog) => set({ bulkDialog }),
      drafts: {},
      setDraft: (key, draft) =>
        set((s) => {
          const drafts = { ...s.drafts };
          if (draft) drafts[key] = draft;
          else delete drafts[key];
          return { drafts };
        }),
    }),
    {
      name: 'browserdeck.ui',
      version: 1,
      partialize: (s) => ({
        view: s.view,
        filters: s.filters,
        sorting: s.sorting,
        columnVisibility: s.columnVisibility,
        columnSizing: s.columnSizing,
      }),
      // A stored filter set from an older build may lack newer fields.
      merge: (stored, current) => {
        const s = (stored ?? {}) as Partial<UiState>;
        return { ...current, ...s, filters: { ...EMPTY_FILTERS, ...s.filters } };
      },
    },
  ),
);

/** Esc and "Clear selection": keeps the focus row so the keyboard user stays in place. */
export const clearProfileSelection = (): void =>
  useUi.getState().setSelection(clearSelection(useUi.getState().selection));
