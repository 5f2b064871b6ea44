import type { JSX } from 'react';
import type { Connection, Profile } from '../../../../../shared/model';
import { Button } from '../../../components/Button';
import { clearProfileSelection, useProfilesUi } from '../store';
import { CopyDialog } from './CopyDialog';
import { DeleteDialog } from './DeleteDialog';
import { MoveGroupDialog } from './MoveGroupDialog';
import { EditProxyDialog, ImportProxiesDialog } from './ProxyDialogs';
import { RemarkDialog } from './RemarkDialog';
import { RenameDialog } from './RenameDialog';
import { TagsDialog } from './TagsDialog';
import { CLOSE_SHORTCUT, OPEN_SHORTCUT } from '../open-close-shortcuts';
import { countLabel, useBulkJob } from './use-bulk-job';

export interface BulkDialogProps {
  /** The selected profiles in table order (the order a rename numbers them in). */
  profiles: Profile[];
  connectionsById: ReadonlyMap<string, Connection>;
  onClose(): void;
}

type BulkDialog =
  | 'move-group'
  | 'set-remark'
  | 'rename'
  | 'set-tags'
  | 'edit-proxy'
  | 'import-proxies'
  | 'copy'
  | 'delete';

const DIALOGS: Record<BulkDialog, (props: BulkDialogProps) => JSX.Element> = {
  'move-group': MoveGroupDialog,
  'set-remark': RemarkDialog,
  rename: RenameDialog,
  'set-tags': TagsDialog,
  'edit-proxy': EditProxyDialog,
  'import-proxies': ImportProxiesDialog,
  copy: CopyDialog,
  delete: DeleteDialog,
};

/** Acts on the whole selection, including selected rows the current filter hides. */
export function BulkBar({
  selected,
  hidden,
  connectionsById,
}: {
  selected: Profile[];
  /** How many selected rows the filter hides: the bar says so, since they are acted on too. */
  hidden: number;
  connectionsById: ReadonlyMap<string, Connection>;
}) {
  const dialog = useProfilesUi((s) => s.bulkDialog);
  const openDialog = useProfilesUi((s) => s.openBulkDialog);
  const job = useBulkJob();
  const n = countLabel(selected.length);
  const keys = () => selected.map((p) => p.key);
  const Open = dialog ? DIALOGS[dialog as BulkDialog] : null;
  return (
    <div
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
      <Button
        onClick={() => void job.run({ kind: 'open' }, keys(), `Open ${n}`)}
        disabled={job.pending}
        title={`Open the selected profiles (${OPEN_SHORTCUT} in the table)`}
      >
        Open
      </Button>
      <Button
        onClick={() => void job.run({ kind: 'close' }, keys(), `Close ${n}`)}
        disabled={job.pending}
        title={`Close the selected profiles (${CLOSE_SHORTCUT} in the table)`}
      >
        Close
      </Button>
      <span className="mx-1 h-5 w-px bg-blue-200 dark:bg-blue-900" aria-hidden />
      <Button onClick={() => openDialog('move-group')}>Move to group…</Button>
      <Button onClick={() => openDialog('set-remark')}>Set remark…</Button>
      <Button onClick={() => openDialog('rename')}>Rename…</Button>
      <Button onClick={() => openDialog('set-tags')}>Set tags…</Button>
      <Button onClick={() => openDialog('edit-proxy')}>Edit proxy…</Button>
      <Button onClick={() => openDialog('import-proxies')}>Import proxy list…</Button>
      <Button onClick={() => openDialog('copy')}>Copy…</Button>
      <Button
        variant="ghost"
        className="text-red-700 dark:text-red-400"
        onClick={() => openDialog('delete')}
      >
        Delete…
      </Button>
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
