import { useState } from 'react';
import { Button } from '../../../components/Button';
import { Dialog } from '../../../components/Dialog';
import type { BulkDialogProps } from '../../../components/bulk-dialog';
import { Field, inputClass } from '../../../components/Field';
import { countLabel, useBulkJob } from './use-bulk-job';

export function RemarkDialog({ profiles, onClose }: BulkDialogProps) {
  const [remark, setRemark] = useState('');
  const job = useBulkJob();
  const n = countLabel(profiles.length);
  const submit = async () => {
    const keys = profiles.map((p) => p.key);
    if (await job.run({ kind: 'set-remark', remark }, keys, `Set remark on ${n}`)) onClose();
  };
  return (
    <Dialog
      title={`Set remark on ${n}`}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" type="submit" form="bulk-remark" disabled={job.pending}>
            {remark ? 'Set remark' : 'Clear remarks'}
          </Button>
        </>
      }
    >
      <form
        id="bulk-remark"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Field
          label="Remark"
          hint="Replaces the remark of every selected profile; leave empty to clear it."
        >
          <textarea
            data-autofocus
            rows={3}
            maxLength={1000}
            value={remark}
            onChange={(e) => setRemark(e.target.value)}
            className={inputClass}
          />
        </Field>
      </form>
    </Dialog>
  );
}
