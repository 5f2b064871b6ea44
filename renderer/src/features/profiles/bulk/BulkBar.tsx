import { Fragment } from 'react';
import type { Connection, Profile } from '../../../../../shared/model';
import { Button } from '../../../components/Button';
import { useKeepToastsOff } from '../../../components/toast-insets';
import { clearProfileSelection, useProfilesUi } from '../store';
import { BULK_ACTIONS, type BulkAction } from './bulk-actions';
import { countLabel, useBulkJob } from './use-bulk-job';

/** Acts on the whole selection, including selected rows the current filter hides. */
export function BulkBar({
  selected,
  hidden,
  connectionsById,
  actions = BULK_ACTIONS,
}: {
  selected: Profile[];
  /** How many selected rows the filter hides: the bar says so, since they are acted on too. */
  hidden: number;
  connectionsById: ReadonlyMap<string, Connection>;
  actions?: readonly BulkAction[];
}) {
  const openId = useProfilesUi((s) => s.bulkDialog);
  const openDialog = useProfilesUi((s) => s.openBulkDialog);
  const job = useBulkJob();
  const toastsOff = useKeepToastsOff('bottom');
  const n = countLabel(selected.length);
  const state = { selected, connectionsById, pending: job.pending };
  const open = actions.find((a) => a.id === openId);
  const Open = open && 'dialog' in open ? open.dialog : null;
  const press = (a: BulkAction) => {
    if ('dialog' in a) return openDialog(a.id);
    const { action, what } = a.start(n);
    void job.run(
      action,
      selected.map((p) => p.key),
      what,
    );
  };
  return (
    <div
      ref={toastsOff}
      role="toolbar"
      aria-label="Bulk actions"
      className="flex flex-wrap items-center gap-1.5 border-t border-blue-200 bg-blue-50 px-3 py-2 dark:border-blue-900 dark:bg-blue-950/40"
    >
      <span data-testid="bulk-count" className="mr-2 font-medium">
        {n} selected
        {hidden > 0 && (
          <span className="ml-1 font-normal text-zinc-600 dark:text-zinc-400">
            ({hidden.toLocaleString()} hidden by filters)
          </span>
        )}
      </span>
      {actions.map((a) => (
        <Fragment key={a.id}>
          {a.divider && <span className="mx-1 h-5 w-px bg-blue-200 dark:bg-blue-900" aria-hidden />}
          <Button
            variant={a.danger ? 'ghost' : 'secondary'}
            className={a.danger ? 'text-red-700 dark:text-red-400' : ''}
            onClick={() => press(a)}
            disabled={a.enabled ? !a.enabled(state) : false}
            title={a.title}
          >
            {a.label}
          </Button>
        </Fragment>
      ))}
      <Button
        variant="ghost"
        className="ml-auto"
        onClick={clearProfileSelection}
        title="Clear selection (Esc)"
      >
        Clear
      </Button>
      {Open && (
        <Open
          profiles={selected}
          connectionsById={connectionsById}
          onClose={() => openDialog(null)}
        />
      )}
    </div>
  );
}
