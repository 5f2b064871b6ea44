import { useState } from 'react';
import { renderName } from '../../../../../shared/model/job';
import { Button } from '../../../components/Button';
import { Dialog } from '../../../components/Dialog';
import type { BulkDialogProps } from '../../../components/bulk-dialog';
import { Field, inputClass } from '../../../components/Field';
import { checkNameTemplate, N_TOKEN, previewNames, type NameTemplateDraft } from './name-template';
import { countLabel, useBulkJob } from './use-bulk-job';
import { useTranslation } from '../../../i18n';

const ARROW = '→';

/** Rename by template: numbered in the table's current order, which the preview shows. */
export function RenameDialog({ profiles, onClose }: BulkDialogProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<NameTemplateDraft>(() => ({
    template: `${t('bulk.rename.defaultName')} ${N_TOKEN}`,
    start: '1',
    pad: '0',
  }));
  const job = useBulkJob();
  const n = countLabel(profiles.length);
  const check = checkNameTemplate(draft);
  const set = (patch: Partial<NameTemplateDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const submit = async () => {
    if (!check.ok) return;
    const keys = profiles.map((p) => p.key);
    if (await job.run({ kind: 'rename', name: check.value }, keys, t('bulk.jobs.rename', { n })))
      onClose();
  };
  return (
    <Dialog
      title={t('bulk.rename.title', { n })}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            variant="primary"
            type="submit"
            form="bulk-rename"
            disabled={!check.ok || job.pending}
          >
            {t('bulk.rename.rename')}
          </Button>
        </>
      }
    >
      <form
        id="bulk-rename"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        className="space-y-3"
      >
        <Field
          label={t('bulk.rename.template')}
          hint={t('bulk.rename.templateHint', { n: N_TOKEN })}
        >
          <input
            data-autofocus
            value={draft.template}
            onChange={(e) => set({ template: e.target.value })}
            className={inputClass}
          />
        </Field>
        <div className="grid grid-cols-2 gap-3">
          <Field label={t('bulk.rename.start')}>
            <input
              type="number"
              min={0}
              value={draft.start}
              onChange={(e) => set({ start: e.target.value })}
              className={inputClass}
            />
          </Field>
          <Field label={t('bulk.rename.pad')}>
            <input
              type="number"
              min={0}
              max={8}
              value={draft.pad}
              onChange={(e) => set({ pad: e.target.value })}
              className={inputClass}
            />
          </Field>
        </div>
        {check.ok ? (
          <div
            aria-label={t('bulk.rename.preview')}
            className="rounded border border-zinc-200 p-2 text-xs dark:border-zinc-800"
          >
            <div className="mb-1 font-medium text-zinc-600 dark:text-zinc-400">
              {t('bulk.rename.previewTitle')}
            </div>
            <ul className="space-y-0.5">
              {previewNames(check.value, profiles).map((r, i) => (
                <li key={i} className="truncate">
                  <span className="text-zinc-500">{r.from}</span> {ARROW}{' '}
                  <span className="font-medium">{r.to}</span>
                </li>
              ))}
              {profiles.length > 3 && (
                <li className="text-zinc-500">
                  {t('bulk.rename.last', { name: renderName(check.value, profiles.length - 1) })}
                </li>
              )}
            </ul>
          </div>
        ) : (
          <p role="alert" className="text-xs text-red-600">
            {check.message}
          </p>
        )}
      </form>
    </Dialog>
  );
}
