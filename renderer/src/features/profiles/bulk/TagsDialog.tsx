import { useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button } from '../../../components/Button';
import { Dialog } from '../../../components/Dialog';
import { tagsQuery } from '../queries';
import type { BulkDialogProps } from '../../../components/bulk-dialog';
import { parseTags } from '../../../lib/parse-tags';
import { Field, inputClass } from '../../../components/Field';
import { countLabel, useBulkJob } from './use-bulk-job';

export function TagsDialog({ profiles, onClose }: BulkDialogProps) {
  const [text, setText] = useState('');
  const tags = useQuery(tagsQuery);
  const listId = useId();
  const job = useBulkJob();
  const n = countLabel(profiles.length);
  const names = parseTags(text);
  const known = [...new Set((tags.data ?? []).map((t) => t.name))].sort();
  const submit = async () => {
    const keys = profiles.map((p) => p.key);
    if (await job.run({ kind: 'set-tags', tags: names }, keys, `Set tags on ${n}`)) onClose();
  };
  return (
    <Dialog
      title={`Set tags on ${n}`}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" type="submit" form="bulk-tags" disabled={job.pending}>
            {names.length ? 'Set tags' : 'Remove all tags'}
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
        <Field
          label="Tags, comma-separated"
          hint="Replaces the tags of every selected profile. Tags that do not exist yet are created."
        >
          <input
            data-autofocus
            list={listId}
            value={text}
            onChange={(e) => setText(e.target.value)}
            className={inputClass}
          />
        </Field>
        <datalist id={listId}>
          {known.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
        {known.length > 0 && (
          <div className="flex flex-wrap gap-1">
            {known.slice(0, 30).map((t) => (
              <button
                key={t}
                type="button"
                onClick={() => setText(names.includes(t) ? text : [...names, t].join(', '))}
                className="rounded bg-zinc-100 px-1.5 py-px text-xs hover:bg-zinc-200 dark:bg-zinc-800 dark:hover:bg-zinc-700"
              >
                + {t}
              </button>
            ))}
          </div>
        )}
      </form>
    </Dialog>
  );
}
