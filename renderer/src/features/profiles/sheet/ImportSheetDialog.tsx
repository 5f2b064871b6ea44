/**
 * A CSV exported from the table (and edited in a spreadsheet) back in: per profile exactly
 * which fields change, per line what is wrong, then one job. Proxy passwords in the file go
 * from it to this dialog's state and from there, once, in the job's request to main; the
 * preview shows `user:•••`, and the state goes with the dialog.
 */
import { useId, useState, type ChangeEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  changeCounts,
  previewSheet,
  wrongLines,
  type SheetPreview,
} from '../../../../../shared/export/sheet-import';
import { EDITABLE_COLUMNS, type EditableColumn } from '../../../../../shared/export/profile-sheet';
import type { Connection, Profile } from '../../../../../shared/model';
import { Button } from '../../../components/Button';
import { Dialog } from '../../../components/Dialog';
import { errorBanner } from '../../../components/styles';
import { errorText } from '../../../lib/deck';
import { groupsQuery } from '../../../lib/queries';
import { countLabel, useBulkJob } from '../bulk/use-bulk-job';
import { useTranslation } from '../../../i18n';
import { sheetProblemText } from './sheet-problem-text';

/** Enough to check by eye; the rest is counted (the job still gets every row). */
const SHOWN_PROFILES = 300;
const SHOWN_PROBLEMS = 200;

type Read =
  | { state: 'empty' }
  | { state: 'reading'; file: string }
  | { state: 'failed'; file: string; message: string }
  | { state: 'read'; file: string; preview: SheetPreview };

export function ImportSheetDialog({
  profiles,
  connections,
  onClose,
}: {
  /** Every profile the table has: rows are matched against all of them, not a filter. */
  profiles: readonly Profile[];
  connections: readonly Connection[];
  onClose(): void;
}) {
  const [read, setRead] = useState<Read>({ state: 'empty' });
  const groups = useQuery(groupsQuery);
  const job = useBulkJob();
  const inputId = useId();
  const { t } = useTranslation();

  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setRead({ state: 'reading', file: file.name });
    try {
      const text = decodeUtf8(await file.arrayBuffer(), t('bulk.importSheet.notUtf8'));
      const known = groups.data ?? (await groups.refetch()).data ?? [];
      setRead({
        state: 'read',
        file: file.name,
        preview: previewSheet(text, { profiles, connections, groups: known }),
      });
    } catch (error) {
      setRead({ state: 'failed', file: file.name, message: errorText(error) });
    }
  };

  const preview = read.state === 'read' ? read.preview : undefined;
  const changed = preview?.changed ?? [];
  const wrong = preview ? wrongLines(preview) : 0;
  const apply = async () => {
    if (changed.length === 0) return;
    const keys = changed.map((c) => c.key);
    const what = t('bulk.jobs.importSheet', {
      n: countLabel(keys.length),
      file: read.state === 'read' ? read.file : 'CSV',
    });
    const edits = changed.map((c) => c.edit);
    if (await job.run({ kind: 'import-sheet', edits }, keys, what)) onClose();
  };

  return (
    <Dialog
      title={t('bulk.importSheet.title')}
      onClose={onClose}
      wide
      footer={
        <>
          {preview && wrong > 0 && changed.length > 0 && (
            <p className="mr-auto self-center text-xs text-amber-800 dark:text-amber-300">
              {t('bulk.importSheet.leftOut', { count: wrong })}
            </p>
          )}
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            variant="primary"
            disabled={changed.length === 0 || job.pending}
            onClick={() => void apply()}
          >
            {changed.length
              ? t('bulk.importSheet.applyTo', { n: countLabel(changed.length) })
              : t('bulk.importSheet.apply')}
          </Button>
        </>
      }
    >
      <div className="space-y-3">
        <div className="flex flex-wrap items-center gap-3">
          <label
            htmlFor={inputId}
            className="inline-flex cursor-pointer items-center rounded border border-zinc-300 bg-white px-2.5 py-1 hover:bg-zinc-100 focus-within:outline-2 focus-within:outline-blue-500 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800"
          >
            {read.state === 'empty'
              ? t('bulk.importSheet.choose')
              : t('bulk.importSheet.chooseAnother')}
          </label>
          <input
            id={inputId}
            data-autofocus
            type="file"
            accept=".csv,.tsv,.txt,text/csv"
            aria-label={t('bulk.importSheet.file')}
            onChange={(e) => void choose(e)}
            className="sr-only"
          />
          {read.state !== 'empty' && (
            <span className="truncate font-mono text-xs text-zinc-600 dark:text-zinc-400">
              {read.file}
            </span>
          )}
        </div>
        {read.state === 'empty' && (
          <p className="text-xs text-zinc-600 dark:text-zinc-400">{t('bulk.importSheet.about')}</p>
        )}
        {read.state === 'reading' && (
          <p role="status">{t('bulk.importSheet.reading', { file: read.file })}</p>
        )}
        {read.state === 'failed' && (
          <p role="alert" className={errorBanner}>
            {read.message}
          </p>
        )}
        {preview && <PreviewBody preview={preview} />}
      </div>
    </Dialog>
  );
}

/** UTF-8 as spreadsheet apps save it ("CSV UTF-8"); anything else would garble names. */
function decodeUtf8(bytes: ArrayBuffer, notUtf8: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(notUtf8);
  }
}

function PreviewBody({ preview }: { preview: SheetPreview }) {
  const { t } = useTranslation();
  const { changed, problems } = preview;
  const counts = changeCounts(changed);
  const wrong = wrongLines(preview);
  const byColumn = EDITABLE_COLUMNS.filter((c) => counts[c] > 0).map((c: EditableColumn) =>
    t(`bulk.importSheet.changed.${c}`, { count: counts[c] }),
  );
  const shown = changed.slice(0, SHOWN_PROFILES);
  return (
    <>
      <p data-testid="sheet-summary" role="status" className="text-[13px]">
        <strong className="font-semibold">
          {t('bulk.importSheet.rows', { count: preview.rows })}
        </strong>
        {t('bulk.importSheet.summary', {
          changes: changed.length
            ? t('bulk.importSheet.changes', {
                n: countLabel(changed.length),
                columns: byColumn.join(', '),
              })
            : t('bulk.importSheet.nothing'),
          unchanged: preview.unchanged,
        })}
        {wrong > 0 && (
          <span className="text-red-700 dark:text-red-400">
            {t('bulk.importSheet.wrong', { count: wrong })}
          </span>
        )}
        {t('bulk.importSheet.end')}
      </p>
      {problems.length > 0 && (
        <div className="max-h-40 overflow-auto rounded border border-zinc-200 dark:border-zinc-800">
          <table data-testid="sheet-problems" className="w-full text-left text-xs">
            <caption className="sr-only">{t('bulk.importSheet.problems')}</caption>
            <thead className="sticky top-0 bg-zinc-50 dark:bg-zinc-900">
              <tr>
                <th scope="col" className="w-14 px-2 py-1 font-medium">
                  {t('bulk.importSheet.line')}
                </th>
                <th scope="col" className="w-24 px-2 py-1 font-medium">
                  {t('bulk.importSheet.column')}
                </th>
                <th scope="col" className="px-2 py-1 font-medium">
                  {t('bulk.importSheet.problem')}
                </th>
              </tr>
            </thead>
            <tbody>
              {problems.slice(0, SHOWN_PROBLEMS).map((p, i) => (
                <tr
                  key={i}
                  data-line={p.line}
                  className={`border-t border-zinc-100 dark:border-zinc-800 ${p.warning ? 'text-amber-800 dark:text-amber-300' : 'text-red-700 dark:text-red-400'}`}
                >
                  <td className="px-2 py-1 tabular-nums">{p.line}</td>
                  <td className="px-2 py-1 font-mono">{p.column ?? ''}</td>
                  <td className="px-2 py-1">
                    {p.warning
                      ? t('bulk.importSheet.note', { message: sheetProblemText(p) })
                      : sheetProblemText(p)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {problems.length > SHOWN_PROBLEMS && (
            <p className="px-2 py-1 text-xs text-zinc-500">
              {t('bulk.importSheet.moreProblems', { count: problems.length - SHOWN_PROBLEMS })}
            </p>
          )}
        </div>
      )}
      {changed.length > 0 && (
        <div className="max-h-[min(22rem,40vh)] overflow-auto rounded border border-zinc-200 dark:border-zinc-800">
          <table data-testid="sheet-changes" className="w-full table-fixed text-left text-xs">
            <caption className="sr-only">{t('bulk.importSheet.changesCaption')}</caption>
            <colgroup>
              <col className="w-12" />
              <col className="w-[28%]" />
              <col className="w-16" />
              <col />
              <col />
            </colgroup>
            <thead className="sticky top-0 bg-zinc-50 dark:bg-zinc-900">
              <tr>
                <th scope="col" className="px-2 py-1 font-medium">
                  {t('bulk.importSheet.line')}
                </th>
                <th scope="col" className="px-2 py-1 font-medium">
                  {t('bulk.importSheet.profile')}
                </th>
                <th scope="col" className="px-2 py-1 font-medium">
                  {t('bulk.importSheet.field')}
                </th>
                <th scope="col" className="px-2 py-1 font-medium">
                  {t('bulk.importSheet.now')}
                </th>
                <th scope="col" className="px-2 py-1 font-medium">
                  {t('bulk.importSheet.after')}
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((c) =>
                c.changes.map((f, i) => (
                  <tr
                    key={`${c.key}:${f.column}`}
                    data-key={c.key}
                    className={`align-top ${i === 0 ? 'border-t border-zinc-200 dark:border-zinc-800' : ''}`}
                  >
                    <td className="px-2 py-0.5 tabular-nums text-zinc-500">
                      {i === 0 ? c.line : ''}
                    </td>
                    <td className="truncate px-2 py-0.5" title={`${c.connection} · ${c.name}`}>
                      {i === 0 && (
                        <>
                          {c.name}
                          <span className="ml-1 text-zinc-500">· {c.connection}</span>
                        </>
                      )}
                    </td>
                    <td className="px-2 py-0.5 font-mono text-zinc-600 dark:text-zinc-400">
                      {f.column}
                    </td>
                    <td className="px-2 py-0.5 break-words whitespace-pre-line text-zinc-500 line-through decoration-zinc-400/60">
                      {f.before}
                    </td>
                    <td className="px-2 py-0.5 break-words whitespace-pre-line">{f.after}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
          {changed.length > SHOWN_PROFILES && (
            <p className="px-2 py-1 text-xs text-zinc-500">
              {t('bulk.importSheet.moreProfiles', { count: changed.length - SHOWN_PROFILES })}
            </p>
          )}
        </div>
      )}
    </>
  );
}
