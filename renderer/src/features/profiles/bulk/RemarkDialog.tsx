import { useState } from 'react';
import { Button } from '../../../components/Button';
import { Dialog } from '../../../components/Dialog';
import type { BulkDialogProps } from '../../../components/bulk-dialog';
import { Field, inputClass } from '../../../components/Field';
import { countLabel, useBulkJob } from './use-bulk-job';
import { useTranslation } from '../../../i18n';

export function RemarkDialog({ profiles, onClose }: BulkDialogProps) {
  const [remark, setRemark] = useState('');
  const job = useBulkJob();
  const { t } = useTranslation();
  const n = countLabel(profiles.length);
  const submit = async () => {
    const keys = profiles.map((p) => p.key);
    if (await job.run({ kind: 'set-remark', remark }, keys, t('bulk.jobs.remark', { n })))
      onClose();
  };
  return (
    <Dialog
      title={t('bulk.remark.title', { n })}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button variant="primary" type="submit" form="bulk-remark" disabled={job.pending}>
            {remark ? t('bulk.remark.set') : t('bulk.remark.clear')}
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
        <Field label={t('bulk.remark.label')} hint={t('bulk.remark.hint')}>
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
