/**
 * The bulk bar's actions, in the order it shows them. A new job kind's bulk UI is its dialog
 * (a component taking BulkDialogProps) plus one entry here; the bar knows none by name.
 */
import type { ComponentType } from 'react';
import i18next from 'i18next';
import type { Catalog } from '../../../i18n/catalogs/en';
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

/** A string of the bulk actions' catalog (bulk.actions): worded where it is shown. */
export type BulkActionText = keyof Catalog['bulk']['actions'];

interface BulkActionBase {
  /** Unique; the profiles store remembers which action's dialog is open by it. */
  id: string;
  label: BulkActionText;
  title?: BulkActionText;
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

/** An action's label, in the language chosen now. */
export const actionLabel = (a: BulkAction): string => i18next.t(`bulk.actions.${a.label}`);

/** An action's tooltip, in the language chosen now (shortcuts filled in). */
export const actionTitle = (a: BulkAction): string | undefined =>
  a.title &&
  i18next.t(`bulk.actions.${a.title}`, {
    shortcut: a.id === 'close' ? CLOSE_SHORTCUT : OPEN_SHORTCUT,
  });

export const BULK_ACTIONS: readonly BulkAction[] = [
  {
    id: 'open',
    label: 'open',
    title: 'openTitle',
    enabled: idle,
    start: (n) => ({ action: { kind: 'open' }, what: i18next.t('bulk.jobs.open', { n }) }),
  },
  {
    id: 'close',
    label: 'close',
    title: 'closeTitle',
    enabled: idle,
    start: (n) => ({ action: { kind: 'close' }, what: i18next.t('bulk.jobs.close', { n }) }),
  },
  { id: 'move-group', label: 'moveGroup', divider: true, dialog: MoveGroupDialog },
  { id: 'set-remark', label: 'setRemark', dialog: RemarkDialog },
  { id: 'rename', label: 'rename', dialog: RenameDialog },
  {
    id: 'set-tags',
    label: 'setTags',
    title: 'setTagsTitle',
    dialog: TagsDialog,
  },
  { id: 'edit-proxy', label: 'editProxy', dialog: EditProxyDialog },
  { id: 'import-proxies', label: 'importProxies', dialog: ImportProxiesDialog },
  {
    id: 'check-proxy',
    label: 'checkProxy',
    title: 'checkProxyTitle',
    enabled: idle,
    start: (n) => ({
      action: { kind: 'check-proxy' },
      what: i18next.t('bulk.jobs.checkProxy', { n }),
    }),
    reveals: 'proxyCheck',
  },
  { id: 'copy', label: 'copy', dialog: CopyDialog },
  { id: 'export-csv', label: 'exportCsv', dialog: ExportSheetDialog },
  { id: 'copy-to-connection', label: 'copyToConnection', dialog: CopyToConnectionDialog },
  { id: 'automate', label: 'automate', divider: true, dialog: RunAutomationDialog },
  { id: 'delete', label: 'delete', danger: true, dialog: DeleteDialog },
];
