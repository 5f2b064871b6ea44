import { toast } from 'sonner';
import { SHEET_COLUMNS } from '../../../../../shared/export/profile-sheet';
import { Button } from '../../../components/Button';
import { Dialog } from '../../../components/Dialog';
import type { BulkDialogProps } from '../../../components/bulk-dialog';
import { countLabel } from '../bulk/use-bulk-job';
import { exportProfiles } from './export-sheet';
import { useTranslation } from '../../../i18n';

/** The selection to a CSV file; the same file, edited, comes back through "Import CSV…". */
export function ExportSheetDialog({ profiles, connectionsById, onClose }: BulkDialogProps) {
  const { t } = useTranslation();
  const n = countLabel(profiles.length);
  const save = () => {
    exportProfiles(profiles, connectionsById.values());
    toast.success(t('bulk.exportSheet.done', { n }));
    onClose();
  };
  return (
    <Dialog
      title={t('bulk.exportSheet.title', { n })}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button variant="primary" onClick={save} data-autofocus>
            {t('bulk.exportSheet.export')}
          </Button>
        </>
      }
    >
      <div className="space-y-2">
        {/* The columns are the file's own header, the same in every language. */}
        <p>{t('bulk.exportSheet.columns', { columns: SHEET_COLUMNS.join(', ') })}</p>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">{t('bulk.exportSheet.about')}</p>
      </div>
    </Dialog>
  );
}
