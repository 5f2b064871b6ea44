import type { BulkDialogProps } from '../../../components/bulk-dialog';
import { CopyProfilesDialog } from '../../create';
import { useSelectCreated } from '../select-created';

/** The create feature's copy dialog on the selection; the copies get selected when made. */
export function CopyDialog({ profiles, onClose }: BulkDialogProps) {
  const selectCreated = useSelectCreated();
  return (
    <CopyProfilesDialog
      open
      keys={profiles.map((p) => p.key)}
      onClose={onClose}
      onCreated={selectCreated}
    />
  );
}
