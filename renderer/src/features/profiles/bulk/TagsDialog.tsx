import { useId, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button } from '../../../components/Button';
import { Dialog } from '../../../components/Dialog';
import { tagsQuery } from '../queries';
import type { BulkDialogProps } from '../../../components/bulk-dialog';
import { parseTags } from '../../../lib/parse-tags';
import { Field, inputClass } from '../../../components/Field';
import { TAGS_MODES, tagsJob, tagsOnProfiles, type TagsMode } from './tags-change';
import { countLabel, useBulkJob } from './use-bulk-job';
import { useTranslation } from '../../../i18n';

export function TagsDialog({ profiles, onClose }: BulkDialogProps) {
  const [mode, setMode] = useState<TagsMode>('add');
  const [text, setText] = useState('');
  const [tried, setTried] = useState(false);
  const tags = useQuery(tagsQuery);
  const listId = useId();
  const errorId = useId();
  const job = useBulkJob();
  const { t } = useTranslation();
  const n = countLabel(profiles.length);
  const names = parseTags(text);
  const planned = tagsJob(mode, names, n);
  const onSelection = useMemo(() => tagsOnProfiles(profiles), [profiles]);
  const known = useMemo(
    () => [...new Set((tags.data ?? []).map((t) => t.name))].sort(),
    [tags.data],
  );
  // Removing offers what the selection has; adding and replacing, every tag there is.
  const offered =
    mode === 'remove'
      ? onSelection.map((tag) => ({
          name: tag.name,
          label: t('bulk.tags.counted', { name: tag.name, count: tag.count }),
        }))
      : known.map((tag) => ({ name: tag, label: tag }));
  const submit = async () => {
    setTried(true);
    if (!planned.ok) return;
    const keys = profiles.map((p) => p.key);
    if (await job.run(planned.action, keys, planned.what)) onClose();
  };
  return (
    <Dialog
      title={t('bulk.tags.title', { n })}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button variant="primary" type="submit" form="bulk-tags" disabled={job.pending}>
            {mode === 'replace' && names.length === 0
              ? t('bulk.tags.removeAll')
              : t(`bulk.tags.${mode satisfies TagsMode}`)}
          </Button>
        </>
      }
    >
      <form
        id="bulk-tags"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        className="space-y-3"
      >
        <fieldset className="flex gap-1" aria-label={t('bulk.tags.what')}>
          {TAGS_MODES.map((m) => (
            <label
              key={m}
              className="flex cursor-pointer items-center gap-1.5 rounded border border-zinc-300 px-2.5 py-1 text-[13px] has-checked:border-blue-500 has-checked:bg-blue-50 has-focus-visible:ring-2 has-focus-visible:ring-blue-400 dark:border-zinc-700 dark:has-checked:bg-blue-950/50"
            >
              <input
                type="radio"
                name="tags-mode"
                value={m}
                checked={mode === m}
                onChange={() => setMode(m)}
                className="accent-blue-600"
              />
              {t(`bulk.tags.mode.${m}`)}
            </label>
          ))}
        </fieldset>
        <Field label={t('bulk.tags.label')} hint={t(`bulk.tags.hint.${mode}`)}>
          <input
            data-autofocus
            list={listId}
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-invalid={tried && !planned.ok}
            aria-describedby={tried && !planned.ok ? errorId : undefined}
            className={inputClass}
          />
        </Field>
        {tried && !planned.ok && (
          <p id={errorId} role="alert" className="text-xs text-red-600 dark:text-red-400">
            {planned.message}
          </p>
        )}
        <datalist id={listId}>
          {offered.map((t) => (
            <option key={t.name} value={t.name} />
          ))}
        </datalist>
        {offered.length > 0 && (
          <div className="flex flex-wrap gap-1" aria-label={t('bulk.tags.toPick')}>
            {offered.slice(0, 30).map((t) => (
              <button
                key={t.name}
                type="button"
                onClick={() =>
                  setText(names.includes(t.name) ? text : [...names, t.name].join(', '))
                }
                className="rounded bg-zinc-100 px-1.5 py-px text-xs hover:bg-zinc-200 dark:bg-zinc-800 dark:hover:bg-zinc-700"
              >
                + {t.label}
              </button>
            ))}
          </div>
        )}
      </form>
    </Dialog>
  );
}
