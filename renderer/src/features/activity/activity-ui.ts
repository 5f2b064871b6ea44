import { create } from 'zustand';
import { useUi } from '../../store';

/** Which job the Activity view has open. UI state only: the jobs themselves live in Query. */
interface ActivityUi {
  expandedJobId: string | null;
  toggle(id: string): void;
}

export const useActivityUi = create<ActivityUi>()((set) => ({
  expandedJobId: null,
  toggle: (id) => set((s) => ({ expandedJobId: s.expandedJobId === id ? null : id })),
}));

/** "Show in Activity" from anywhere: switch the view and open that job. */
export function showJobInActivity(id: string): void {
  useActivityUi.setState({ expandedJobId: id });
  useUi.getState().setView('activity');
}
