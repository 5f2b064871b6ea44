import { Button } from '../../../components/Button';
import { Dialog } from '../../../components/Dialog';
import type { BulkDialogProps } from '../../../components/bulk-dialog';
import { involvedConnections } from '../../../lib/involved-connections';
import { countLabel, useBulkJob } from './use-bulk-job';
import { useTranslation } from '../../../i18n';

export function DeleteDialog({ profiles, connectionsById, onClose }: BulkDialogProps) {
  const job = useBulkJob();
  const { t } = useTranslation();
  const n = countLabel(profiles.length);
  const involved = involvedConnections(profiles, connectionsById);
  const submit = async () => {
    const keys = profiles.map((p) => p.key);
    if (await job.run({ kind: 'delete' }, keys, t('bulk.jobs.delete', { n }))) onClose();
  };
  return (
    <Dialog
      title={t('bulk.delete.title', { n })}
      onClose={onClose}
      footer={
        <>
          <Button data-autofocus onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button variant="danger" onClick={() => void submit()} disabled={job.pending}>
            {t('bulk.delete.confirm', { n })}
          </Button>
        </>
      }
    >
      <div className="space-y-2 text-[13px]">
        <p>{t('bulk.delete.body', { n })}</p>
        {involved.length > 1 && (
          <ul className="list-inside list-disc text-zinc-600 dark:text-zinc-400">
            {involved.map((c) => (
              <li key={c.connectionId}>
                {t('bulk.delete.perConnection', { label: c.label, n: countLabel(c.count) })}
              </li>
            ))}
          </ul>
        )}
      </div>
    </Dialog>
  );
}
