/**
 * The bulk bar's actions, in the order it shows them. A new job kind's bulk UI is its dialog
 * (a component taking BulkDialogProps) plus one entry here; the bar knows none by name.
 */
import type { ComponentType } from 'react';
import type { Connection, Profile } from '../../../../../shared/model';
import type { JobAction } from '../../../../../shared/model/job';
import type { BulkDialogProps } from '../../../components/bulk-dialog';
import { RunAutomationDialog } from '../../automation';
import { CLOSE_SHORTCUT, OPEN_SHORTCUT } from '../open-close-shortcuts';
import {
  CopyDialog,
  CopyToConnectionDialog,
  DeleteDialog,
  MoveGroupDialog,
  EditProxyDialog,
  ImportProxiesDialog,
  RemarkDialog,
  RenameDialog,
  TagsDialog,
} from './dialogs';
import { ExportSheetDialog } from '../sheet';

/** What an action's `enabled` sees. */
export interface BulkBarState {
  selected: readonly Profile[];
  connectionsById: ReadonlyMap<string, Connection>;
  /** A job from the bar is being started. */
  pending: boolean;
}

interface BulkActionBase {
  /** Unique; the profiles store remembers which action's dialog is open by it. */
  id: string;
  label: string;
  title?: string;
  /** A divider before this button, to start a group. */
  divider?: boolean;
  /** Drawn as a destructive action. */
  danger?: boolean;
  /** Absent: always enabled. */
  enabled?(state: BulkBarState): boolean;
}

export type BulkAction = BulkActionBase &
  (
    | { dialog: ComponentType<BulkDialogProps> }
    /** Starts a job on the selection at once; `n` is the count in words ("3 profiles"). */
    | {
        start(n: string): { action: JobAction; what: string };
        /** The column its results land in: shown when the job starts, if it was hidden. */
        reveals?: string;
      }
  );

const idle = ({ pending }: BulkBarState) => !pending;

export const BULK_ACTIONS: readonly BulkAction[] = [
  {
    id: 'open',
    label: 'Open',
    title: `Open the selected profiles (${OPEN_SHORTCUT} in the table)`,
    enabled: idle,
    start: (n) => ({ action: { kind: 'open' }, what: `Open ${n}` }),
  },
  {
    id: 'close',
    label: 'Close',
    title: `Close the selected profiles (${CLOSE_SHORTCUT} in the table)`,
    enabled: idle,
    start: (n) => ({ action: { kind: 'close' }, what: `Close ${n}` }),
  },
  { id: 'move-group', label: 'Move to group…', divider: true, dialog: MoveGroupDialog },
  { id: 'set-remark', label: 'Set remark…', dialog: RemarkDialog },
  { id: 'rename', label: 'Rename…', dialog: RenameDialog },
  {
    id: 'set-tags',
    label: 'Tags…',
    title: 'Add, remove or replace the tags of the selected profiles',
    dialog: TagsDialog,
  },
  { id: 'edit-proxy', label: 'Edit proxy…', dialog: EditProxyDialog },
  { id: 'import-proxies', label: 'Import proxy list…', dialog: ImportProxiesDialog },
  {
    id: 'check-proxy',
    label: 'Check proxy',
    title: "Try each selected profile's proxy from this machine: exit IP, country, latency",
    enabled: idle,
    start: (n) => ({ action: { kind: 'check-proxy' }, what: `Check the proxies of ${n}` }),
    reveals: 'proxyCheck',
  },
  { id: 'copy', label: 'Copy…', dialog: CopyDialog },
  { id: 'export-csv', label: 'Export CSV…', dialog: ExportSheetDialog },
  { id: 'copy-to-connection', label: 'Copy to connection…', dialog: CopyToConnectionDialog },
  { id: 'automate', label: 'Run automation…', divider: true, dialog: RunAutomationDialog },
  { id: 'delete', label: 'Delete…', danger: true, dialog: DeleteDialog },
];
