import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type {
  ColumnOrderState,
  ColumnPinningState,
  ColumnSizingState,
  SortingState,
  VisibilityState,
} from '@tanstack/react-table';
import { storageMovedFrom } from '../../lib/moved-storage';
import {
  DEFAULT_COLUMN_PINNING,
  DEFAULT_COLUMN_VISIBILITY,
  DENSITIES,
  type Density,
} from './column-layout';
import { EMPTY_FILTERS, readFilters, type ProfileFilters } from './filter';
import { clearSelection, EMPTY_SELECTION, type Selection } from './selection';

/** Unsaved edits in the profile side panel, per profile key, so a view switch keeps them. */
export interface ProfileDraft {
  name?: string;
  groupId?: string;
  tags?: string;
  remark?: string;
}

/** The profiles screen's UI state. Server state lives in react-query; never copy query data in here. */
interface ProfilesUi {
  // Filters and column settings are remembered across restarts.
  filters: ProfileFilters;
  setFilter<K extends keyof ProfileFilters>(key: K, value: ProfileFilters[K]): void;
  clearFilters(): void;
  sorting: SortingState;
  setSorting(sorting: SortingState): void;
  columnVisibility: VisibilityState;
  setColumnVisibility(v: VisibilityState): void;
  columnSizing: ColumnSizingState;
  setColumnSizing(v: ColumnSizingState): void;
  columnOrder: ColumnOrderState;
  setColumnOrder(v: ColumnOrderState): void;
  columnPinning: ColumnPinningState;
  setColumnPinning(v: ColumnPinningState): void;
  density: Density;
  setDensity(d: Density): void;
  /** Every column back to its default place, width and visibility. */
  resetColumns(): void;

  // Selection, focus and panels: per session only.
  selection: Selection;
  setSelection(selection: Selection): void;
  panelKey: string | null;
  openPanel(key: string | null): void;
  /** The id of the bulk action (bulk/bulk-actions.ts) whose dialog is open. */
  bulkDialog: string | null;
  openBulkDialog(id: string | null): void;
  drafts: Record<string, ProfileDraft>;
  setDraft(key: string, draft: ProfileDraft | null): void;
  /** Rows renamed or created just now: the table scrolls to them and flashes them. */
  highlight: { keys: ReadonlySet<string>; at: number } | null;
  highlightRows(keys: readonly string[]): void;
}

/** How long rows stay highlighted; the flash itself (styles.css) is a little shorter. */
export const HIGHLIGHT_MS = 4000;

type Saved = Pick<
  ProfilesUi,
  | 'filters'
  | 'sorting'
  | 'columnVisibility'
  | 'columnSizing'
  | 'columnOrder'
  | 'columnPinning'
  | 'density'
>;

/** The column settings a saved view keeps and puts back: a new column setting is one more name. */
export const COLUMN_SETTINGS = [
  'columnVisibility',
  'columnSizing',
  'columnOrder',
  'columnPinning',
  'density',
] as const satisfies readonly (keyof ProfilesUi)[];
export type ColumnSettings = Pick<ProfilesUi, (typeof COLUMN_SETTINGS)[number]>;

export const useProfilesUi = create<ProfilesUi>()(
  persist(
    (set) => ({
      filters: EMPTY_FILTERS,
      setFilter: (key, value) => set((s) => ({ filters: { ...s.filters, [key]: value } })),
      clearFilters: () => set({ filters: EMPTY_FILTERS }),
      sorting: [],
      setSorting: (sorting) => set({ sorting }),
      columnVisibility: DEFAULT_COLUMN_VISIBILITY,
      setColumnVisibility: (columnVisibility) => set({ columnVisibility }),
      columnSizing: {},
      setColumnSizing: (columnSizing) => set({ columnSizing }),
      columnOrder: [],
      setColumnOrder: (columnOrder) => set({ columnOrder }),
      columnPinning: DEFAULT_COLUMN_PINNING,
      setColumnPinning: (columnPinning) => set({ columnPinning }),
      density: 'standard',
      setDensity: (density) => set({ density }),
      resetColumns: () =>
        set({
          columnVisibility: DEFAULT_COLUMN_VISIBILITY,
          columnSizing: {},
          columnOrder: [],
          columnPinning: DEFAULT_COLUMN_PINNING,
        }),

      selection: EMPTY_SELECTION,
      // A bulk dialog is about the selection: it goes when the selection does.
      setSelection: (selection) =>
        set(selection.keys.size > 0 ? { selection } : { selection, bulkDialog: null }),
      panelKey: null,
      openPanel: (panelKey) => set({ panelKey }),
      bulkDialog: null,
      openBulkDialog: (bulkDialog) => set({ bulkDialog }),
      highlight: null,
      highlightRows: (keys) => {
        const highlight = { keys: new Set(keys), at: performance.now() };
        set({ highlight });
        setTimeout(() => {
          if (useProfilesUi.getState().highlight === highlight) set({ highlight: null });
        }, HIGHLIGHT_MS);
      },
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
      name: 'browserdeck.profiles',
      version: 2,
      // Saved with the app's view under one key until this state moved into the feature.
      storage: storageMovedFrom('browserdeck.ui'),
      partialize: (s): Saved => ({
        filters: s.filters,
        sorting: s.sorting,
        columnVisibility: s.columnVisibility,
        columnSizing: s.columnSizing,
        columnOrder: s.columnOrder,
        columnPinning: s.columnPinning,
        density: s.density,
      }),
      // Version 1 showed every column by default: a column the user never touched takes
      // today's default, so Status fits a laptop after the update too.
      migrate: (stored, version) => {
        const s = (stored ?? {}) as Partial<Saved>;
        return version < 2
          ? { ...s, columnVisibility: { ...DEFAULT_COLUMN_VISIBILITY, ...s.columnVisibility } }
          : s;
      },
      // Only the fields saved above; filters from an older build are read into today's shape.
      merge: (stored, current) => {
        const s = (stored ?? {}) as Partial<Saved>;
        return {
          ...current,
          filters: readFilters(s.filters),
          sorting: s.sorting ?? current.sorting,
          columnVisibility: s.columnVisibility ?? current.columnVisibility,
          columnSizing: s.columnSizing ?? current.columnSizing,
          columnOrder: s.columnOrder ?? current.columnOrder,
          columnPinning: s.columnPinning ?? current.columnPinning,
          density: DENSITIES.includes(s.density as Density) ? s.density! : current.density,
        };
      },
    },
  ),
);

/** Esc and "Clear selection": keeps the focus row so the keyboard user stays in place. */
export const clearProfileSelection = (): void =>
  useProfilesUi.getState().setSelection(clearSelection(useProfilesUi.getState().selection));
