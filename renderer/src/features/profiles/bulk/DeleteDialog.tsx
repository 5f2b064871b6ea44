import { Button } from '../../../components/Button';
import { Dialog } from '../../../components/Dialog';
import type { BulkDialogProps } from '../../../components/bulk-dialog';
import { involvedConnections } from '../../../lib/involved-connections';
import { countLabel, useBulkJob } from './use-bulk-job';

export function DeleteDialog({ profiles, connectionsById, onClose }: BulkDialogProps) {
  const job = useBulkJob();
  const n = countLabel(profiles.length);
  const involved = involvedConnections(profiles, connectionsById);
  const submit = async () => {
    const keys = profiles.map((p) => p.key);
    if (await job.run({ kind: 'delete' }, keys, `Delete ${n}`)) onClose();
  };
  return (
    <Dialog
      title={`Delete ${n}?`}
      onClose={onClose}
      footer={
        <>
          <Button data-autofocus onClick={onClose}>
            Cancel
          </Button>
          <Button variant="danger" onClick={() => void submit()} disabled={job.pending}>
            Delete {n}
          </Button>
        </>
      }
    >
      <div className="space-y-2 text-[13px]">
        <p>
          {n} will be moved to the vendor client&apos;s recycle bin, where they can be restored.
        </p>
        {involved.length > 1 && (
          <ul className="list-inside list-disc text-zinc-600 dark:text-zinc-400">
            {involved.map((c) => (
              <li key={c.connectionId}>
                {c.label}: {countLabel(c.count)}
              </li>
            ))}
          </ul>
        )}
      </div>
    </Dialog>
  );
}
