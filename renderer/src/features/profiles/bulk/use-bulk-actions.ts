import type { Connection, Profile } from '../../../../../shared/model';
import type { MenuEntry } from '../../../components/Menu';
import { ACTION_SHORTCUTS } from '../shortcuts';
import { useProfilesUi } from '../store';
import { actionLabel, type BulkAction, type BulkBarState } from './bulk-actions';
import { countLabel, useBulkJob } from './use-bulk-job';

/**
 * Runs the bulk actions on the selection, for the bar, its "More" menu and the rows'
 * context menu alike: a dialog action opens its dialog (the bar shows it), a job action
 * starts its job.
 */
export function useBulkActions(
  selected: readonly Profile[],
  connectionsById: ReadonlyMap<string, Connection>,
) {
  const openDialog = useProfilesUi((s) => s.openBulkDialog);
  const job = useBulkJob();
  const state: BulkBarState = { selected, connectionsById, pending: job.pending };
  const isEnabled = (a: BulkAction) => (a.enabled ? a.enabled(state) : true);
  const press = (a: BulkAction) => {
    if (!isEnabled(a)) return;
    if ('dialog' in a) return openDialog(a.id);
    const { action, what } = a.start(countLabel(selected.length));
    if (a.reveals) {
      const ui = useProfilesUi.getState();
      if (ui.columnVisibility[a.reveals] === false)
        ui.setColumnVisibility({ ...ui.columnVisibility, [a.reveals]: true });
    }
    void job.run(
      action,
      selected.map((p) => p.key),
      what,
    );
  };
  const menuEntry = (a: BulkAction): MenuEntry => ({
    id: a.id,
    label: actionLabel(a),
    onSelect: () => press(a),
    disabled: !isEnabled(a),
    ...(a.danger ? { danger: true } : {}),
    ...(a.divider ? { divider: true } : {}),
    ...(ACTION_SHORTCUTS[a.id] ? { shortcut: ACTION_SHORTCUTS[a.id] } : {}),
  });
  return { state, isEnabled, press, menuEntry };
}
