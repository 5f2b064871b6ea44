import { toast } from 'sonner';
import { SHEET_COLUMNS } from '../../../../../shared/export/profile-sheet';
import { Button } from '../../../components/Button';
import { Dialog } from '../../../components/Dialog';
import type { BulkDialogProps } from '../../../components/bulk-dialog';
import { countLabel } from '../bulk/use-bulk-job';
import { exportProfiles } from './export-sheet';

/** The selection to a CSV file; the same file, edited, comes back through "Import CSV…". */
export function ExportSheetDialog({ profiles, connectionsById, onClose }: BulkDialogProps) {
  const n = countLabel(profiles.length);
  const save = () => {
    exportProfiles(profiles, connectionsById.values());
    toast.success(`Exported ${n} to CSV`);
    onClose();
  };
  return (
    <Dialog
      title={`Export ${n} to CSV`}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" onClick={save} data-autofocus>
            Export
          </Button>
        </>
      }
    >
      <div className="space-y-2">
        <p>
          One row per profile, with the columns{' '}
          <span className="font-mono text-xs">{SHEET_COLUMNS.join(', ')}</span>.
        </p>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          UTF-8, so spreadsheet apps show every name right. Proxy passwords are never exported. Edit
          names, groups, tags, remarks or proxies, then bring the file back with “Import CSV…”: only
          what you changed is applied.
        </p>
      </div>
    </Dialog>
  );
}
