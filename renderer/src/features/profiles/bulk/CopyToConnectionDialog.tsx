import { useQuery } from '@tanstack/react-query';
import i18next from 'i18next';
import { useMemo, useState } from 'react';
import { VENDOR_LABEL, type ProxyConfig } from '../../../../../shared/model';
import type { CopyPreview, CopyPreviewItem } from '../../../../../shared/model/copy-preview';
import { droppedReason } from './copy-dropped';
import { Button } from '../../../components/Button';
import { Dialog } from '../../../components/Dialog';
import type { BulkDialogProps } from '../../../components/bulk-dialog';
import { Field, inputClass } from '../../../components/Field';
import { deck, errorText, unwrap } from '../../../lib/deck';
import { keys as queryKeys } from '../../../lib/queries';
import { countLabel, useBulkJob } from './use-bulk-job';
import { useTranslation } from '../../../i18n';

const previewQuery = (profileKeys: readonly string[], targetConnectionId: string) => ({
  queryKey: [...queryKeys.jobs, 'copy-preview', targetConnectionId, profileKeys] as const,
  queryFn: () => unwrap(deck().jobs.copyPreview({ keys: [...profileKeys], targetConnectionId })),
  enabled: targetConnectionId !== '',
  // What the target holds changes under the user only by their own doing: one read per choice.
  staleTime: Infinity,
  retry: false,
});

/**
 * Copy to another connection: choose the target, see what each profile will be there
 * (main reads the sources and the target; no password comes here), then run the job.
 */
export function CopyToConnectionDialog({ profiles, connectionsById, onClose }: BulkDialogProps) {
  const profileKeys = useMemo(() => profiles.map((p) => p.key), [profiles]);
  const sources = useMemo(() => new Set(profiles.map((p) => p.connectionId)), [profiles]);
  const targets = [...connectionsById.values()].filter((c) => !sources.has(c.id));
  const [target, setTarget] = useState('');
  const preview = useQuery(previewQuery(profileKeys, target));
  const job = useBulkJob();
  const { t } = useTranslation();
  const n = countLabel(profiles.length);
  const chosen = connectionsById.get(target);
  const submit = async () => {
    if (!chosen) return;
    const what = t('bulk.jobs.copyToConnection', { n, target: chosen.label || chosen.id });
    if (
      await job.run({ kind: 'copy-to-connection', targetConnectionId: target }, profileKeys, what)
    )
      onClose();
  };
  return (
    <Dialog
      wide
      title={t('bulk.copy.title', { n })}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            variant="primary"
            onClick={() => void submit()}
            disabled={!preview.data || job.pending || preview.data.failing === preview.data.total}
          >
            {chosen ? t('bulk.copy.copyN', { n }) : t('bulk.copy.copy')}
          </Button>
        </>
      }
    >
      <div className="min-w-0 space-y-3 text-[13px]">
        <Field label={t('bulk.copy.target')} hint={t('bulk.copy.targetHint')}>
          <select
            data-autofocus
            value={target}
            onChange={(e) => setTarget(e.target.value)}
            className={inputClass}
          >
            <option value="">{t('bulk.copy.choose')}</option>
            {targets.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label || c.id} ({VENDOR_LABEL[c.vendor]})
              </option>
            ))}
          </select>
        </Field>
        {targets.length === 0 && <p>{t('bulk.copy.noTarget')}</p>}
        {preview.isFetching && <p role="status">{t('bulk.copy.reading')}</p>}
        {preview.error && (
          <p role="alert" className="text-xs text-red-600 dark:text-red-400">
            {t('bulk.copy.noPreview', { error: errorText(preview.error) })}
          </p>
        )}
        {preview.data && <PreviewSummary preview={preview.data} />}
        {preview.data && <PreviewRows preview={preview.data} />}
      </div>
    </Dialog>
  );
}

function PreviewSummary({ preview }: { preview: CopyPreview }) {
  const { t } = useTranslation();
  const vendor = VENDOR_LABEL[preview.target.vendor];
  return (
    <ul aria-label={t('bulk.copy.summary')} className="list-inside list-disc space-y-0.5 text-xs">
      <li>
        {t('bulk.copy.willMake', {
          n: countLabel(preview.total - preview.failing),
          target: preview.target.label,
          vendor,
        })}
        {preview.failing > 0 && (
          <span className="text-red-700 dark:text-red-400">
            {t('bulk.copy.cannotCopy', { n: countLabel(preview.failing) })}
          </span>
        )}
      </li>
      {preview.newGroups.length > 0 && (
        <li>{t('bulk.copy.newGroups', { groups: preview.newGroups.join(', ') })}</li>
      )}
      {preview.newTags.length > 0 && (
        <li>{t('bulk.copy.newTags', { tags: preview.newTags.join(', ') })}</li>
      )}
      {[...droppedCounts(preview.items)].map(([text, count]) => (
        <li key={text} className="text-amber-800 dark:text-amber-300">
          {t('bulk.copy.notCopied', { n: countLabel(count), text })}
        </li>
      ))}
    </ul>
  );
}

/** Each distinct "field: reason" of the listed rows, with how many rows it concerns. */
function droppedCounts(items: readonly CopyPreviewItem[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items)
    for (const d of item.dropped) {
      const text = i18next.t('bulk.copy.dropped', {
        field: i18next.t(`bulk.copy.columns.${d.field}`),
        reason: droppedReason(d),
      });
      counts.set(text, (counts.get(text) ?? 0) + 1);
    }
  return counts;
}

const PREVIEW_COLUMNS = ['name', 'group', 'remark', 'tags', 'proxy', 'notCopied'] as const;

function PreviewRows({ preview }: { preview: CopyPreview }) {
  const { t } = useTranslation();
  const newGroups = new Set(preview.newGroups);
  const newTags = new Set(preview.newTags);
  const more = preview.total - preview.items.length;
  return (
    <div className="max-h-[45vh] overflow-auto rounded border border-zinc-200 dark:border-zinc-800">
      {/* Fixed columns: a long proxy wraps in its cell instead of widening the dialog. */}
      <table
        aria-label={t('bulk.copy.table')}
        className="w-full table-fixed border-collapse text-xs"
      >
        <colgroup>
          {['16%', '14%', '14%', '13%', '26%', '17%'].map((w, i) => (
            <col key={i} style={{ width: w }} />
          ))}
        </colgroup>
        <thead className="sticky top-0 bg-zinc-100 text-left text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">
          <tr>
            {PREVIEW_COLUMNS.map((h) => (
              <th key={h} scope="col" className="px-2 py-1 font-medium">
                {t(`bulk.copy.columns.${h}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.items.map((item) => (
            <PreviewRow key={item.key} item={item} newGroups={newGroups} newTags={newTags} />
          ))}
        </tbody>
      </table>
      {more > 0 && (
        <p className="px-2 py-1 text-xs text-zinc-500">
          {t('bulk.copy.more', { n: countLabel(more) })}
        </p>
      )}
    </div>
  );
}

function New() {
  const { t } = useTranslation();
  return (
    <span className="ml-1 rounded bg-sky-100 px-1 text-[11px] text-sky-900 dark:bg-sky-900/60 dark:text-sky-100">
      {t('bulk.copy.new')}
    </span>
  );
}

function PreviewRow({
  item,
  newGroups,
  newTags,
}: {
  item: CopyPreviewItem;
  newGroups: ReadonlySet<string>;
  newTags: ReadonlySet<string>;
}) {
  const { t } = useTranslation();
  const cell = 'px-2 py-0.5 align-top';
  if (item.error)
    return (
      <tr data-key={item.key} className="border-t border-zinc-100 dark:border-zinc-800">
        <td className={`${cell} font-medium`}>{item.name}</td>
        <td colSpan={5} className={`${cell} text-red-700 dark:text-red-400`}>
          {t('bulk.copy.fails', { message: errorText(item.error) })}
        </td>
      </tr>
    );
  return (
    <tr
      data-key={item.key}
      className="border-t border-zinc-100 odd:bg-white even:bg-zinc-50 dark:border-zinc-800 dark:odd:bg-zinc-900 dark:even:bg-zinc-900/60"
    >
      <td className={`${cell} truncate font-medium`} title={item.name}>
        {item.name}
      </td>
      <td className={cell}>
        {item.group ? (
          <>
            {item.group}
            {newGroups.has(item.group) && <New />}
          </>
        ) : (
          <span className="text-zinc-400">{t('bulk.copy.defaultGroup')}</span>
        )}
      </td>
      <td className={`${cell} truncate`} title={item.remark}>
        {item.remark}
      </td>
      <td className={cell}>
        {item.tags.length === 0 ? (
          <span className="text-zinc-400">{t('bulk.copy.none')}</span>
        ) : (
          item.tags.map((t) => (
            <span key={t} className="mr-1 inline-block max-w-full truncate align-top">
              {t}
              {newTags.has(t) && <New />}
            </span>
          ))
        )}
      </td>
      <td className={`${cell} font-mono text-[11px] [overflow-wrap:anywhere]`}>
        {proxyText(item.proxy)}
        {item.proxy?.hasPassword && (
          <span
            title={t('bulk.copy.passwordTitle')}
            className="ml-1 rounded bg-emerald-100 px-1 font-sans whitespace-nowrap text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-100"
          >
            {t('bulk.copy.password')}
          </span>
        )}
      </td>
      <td className={`${cell} text-amber-800 dark:text-amber-300`}>
        {item.dropped.map((d) => (
          <span key={d.field} title={droppedReason(d)} className="mr-1 whitespace-nowrap">
            {t(`bulk.copy.columns.${d.field}`)}
          </span>
        ))}
      </td>
    </tr>
  );
}

function proxyText(p: ProxyConfig | null): string {
  if (!p) return i18next.t('bulk.copy.none');
  if (p.method === 'api') return i18next.t('bulk.copy.fromLink', { type: p.type });
  const user = p.username ? `${p.username}@` : '';
  return `${p.type} ${user}${p.host}:${p.port ?? ''}`;
}
