import { create } from 'zustand';
import { persist } from 'zustand/middleware';

export type View = 'profiles' | 'sessions' | 'connections' | 'activity';

/** UI state only. Server state lives in react-query; never copy query data in here. */
interface UiState {
  view: View;
  setView(view: View): void;
}

export const useUi = create<UiState>()(
  persist(
    (set) => ({
      view: 'profiles',
      setView: (view) => set({ view }),
    }),
    { name: 'browserdeck.ui', partialize: (s) => ({ view: s.view }) },
  ),
);
