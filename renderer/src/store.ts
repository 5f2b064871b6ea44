import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { storageMovedFrom } from './lib/moved-storage';

export const VIEWS = [
  'profiles',
  'sessions',
  'connections',
  'activity',
  'scripts',
  'settings',
] as const;
export type View = (typeof VIEWS)[number];

/**
 * App-wide UI state: which screen is shown. A feature's own UI state lives in the feature
 * (features/profiles/store.ts); server state lives in react-query.
 */
interface AppUi {
  view: View;
  setView(view: View): void;
}

export const useUi = create<AppUi>()(
  persist(
    (set) => ({
      view: 'profiles',
      setView: (view) => set({ view }),
    }),
    {
      name: 'browserdeck.view',
      version: 1,
      // Saved with the profiles table's settings until those moved into their feature.
      storage: storageMovedFrom('browserdeck.ui'),
      partialize: (s) => ({ view: s.view }),
      merge: (stored, current) => {
        const view = (stored as Partial<AppUi> | undefined)?.view;
        return { ...current, view: VIEWS.includes(view as View) ? (view as View) : current.view };
      },
    },
  ),
);
