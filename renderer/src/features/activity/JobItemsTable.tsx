import { useCallback, useMemo, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { JobItem, JobItemState } from '../../../../shared/model/job';
import { useTranslation } from '../../i18n';
import { errorText } from '../../lib/deck';
import { connectionsQuery } from '../../lib/queries';
import { jobQuery, noteText } from '../jobs';
import { ItemOutput } from './ItemOutput';
import { itemStateText, itemsFailuresFirst, needsAttention, vendorReason } from './format';

const STATE_STYLE: Record<JobItemState, string> = {
  failed: 'bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300',
  interrupted: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-300',
  skipped: 'bg-zinc-200 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300',
  cancelled: 'bg-zinc-200 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300',
  running: 'bg-blue-100 text-blue-800 dark:bg-blue-950 dark:text-blue-300',
  pending: 'bg-zinc-100 text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400',
  ok: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300',
};

/** Rows are measured as they render: a vendor's reason may wrap onto several lines. */
const ESTIMATED_ROW = 32;

/** One job's result per profile, failures first, virtualized for jobs of thousands. */
export function JobItemsTable({ id, jobId }: { id: string; jobId: string }) {
  const { t } = useTranslation();
  const job = useQuery(jobQuery(jobId));
  // Items name their connection by id; people know it by its label.
  const connections = useQuery(connectionsQuery);
  const labelOf = useMemo(() => {
    const labels = new Map((connections.data ?? []).map((c) => [c.id, c.label]));
    return (id: string) => labels.get(id) ?? id;
  }, [connections.data]);
  const [failuresOnly, setFailuresOnly] = useState(false);
  const rows = useMemo(() => {
    const sorted = itemsFailuresFirst(job.data?.items ?? []);
    return failuresOnly ? sorted.filter(needsAttention) : sorted;
  }, [job.data, failuresOnly]);
  const scrollRef = useRef<HTMLDivElement>(null);
  // Stable while the rows are, or the virtualizer re-measures every row on each render.
  const getItemKey = useCallback((i: number) => rows[i]!.key, [rows]);
  // eslint-disable-next-line react-hooks/incompatible-library -- read during render only; rows are not memoized
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW,
    overscan: 10,
    getItemKey,
  });

  if (job.isPending)
    return <p className="px-3 pb-3 text-zinc-500">{t('activity.items.loading')}</p>;
  if (job.isError)
    return (
      <p role="alert" className="px-3 pb-3 text-red-700 dark:text-red-400">
        {t('activity.items.loadFailed', { error: errorText(job.error) })}
      </p>
    );

  const virtual = virtualizer.getVirtualItems();
  const padTop = virtual[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (virtual.at(-1)?.end ?? 0);
  return (
    <div id={id} className="border-t border-zinc-200 dark:border-zinc-800">
      <div className="flex items-center gap-3 px-3 py-1.5 text-xs text-zinc-600 dark:text-zinc-400">
        <label className="inline-flex items-center gap-1.5">
          <input
            type="checkbox"
            checked={failuresOnly}
            onChange={(e) => setFailuresOnly(e.target.checked)}
            className="accent-blue-600"
          />
          {t('activity.items.failuresOnly')}
        </label>
        <span>
          {t('activity.items.shown', { shown: rows.length, count: job.data.items.length })}
        </span>
      </div>
      <div
        ref={scrollRef}
        tabIndex={0}
        aria-label={t('activity.items.region')}
        role="region"
        className="max-h-[26rem] overflow-auto outline-none focus-visible:ring-2 focus-visible:ring-blue-500/40 focus-visible:ring-inset"
      >
        <table className="w-full table-fixed border-collapse text-left">
          <colgroup>
            <col className="w-24" />
            <col className="w-[26%]" />
            <col className="w-32" />
            <col className="w-28" />
            <col className="w-28" />
            <col />
          </colgroup>
          <thead className="sticky top-0 z-10 bg-zinc-50 text-xs whitespace-nowrap text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400">
            <tr>
              <th className="truncate px-3 py-1.5 font-medium" title={t('activity.items.result')}>
                {t('activity.items.result')}
              </th>
              <th className="truncate px-3 py-1.5 font-medium" title={t('activity.items.profile')}>
                {t('activity.items.profile')}
              </th>
              <th
                className="truncate px-3 py-1.5 font-medium"
                title={t('activity.items.connection')}
              >
                {t('activity.items.connection')}
              </th>
              <th
                className="truncate px-3 py-1.5 font-medium"
                title={t('activity.items.errorCode')}
              >
                {t('activity.items.errorCode')}
              </th>
              <th
                className="truncate px-3 py-1.5 font-medium"
                title={t('activity.items.vendorCode')}
              >
                {t('activity.items.vendorCode')}
              </th>
              <th className="truncate px-3 py-1.5 font-medium" title={t('activity.items.reason')}>
                {t('activity.items.reason')}
              </th>
            </tr>
          </thead>
          <tbody>
            {padTop > 0 && (
              <tr aria-hidden>
                <td colSpan={6} style={{ height: padTop }} />
              </tr>
            )}
            {virtual.map((v) => (
              <ItemRow
                key={v.key}
                item={rows[v.index]!}
                jobId={jobId}
                index={v.index}
                jobRunning={job.data.state === 'running'}
                connection={labelOf(rows[v.index]!.connectionId)}
                measure={virtualizer.measureElement}
              />
            ))}
            {padBottom > 0 && (
              <tr aria-hidden>
                <td colSpan={6} style={{ height: padBottom }} />
              </tr>
            )}
          </tbody>
        </table>
        {rows.length === 0 && (
          <p className="px-3 py-3 text-zinc-500">
            {failuresOnly ? t('activity.items.noFailures') : t('activity.items.none')}
          </p>
        )}
      </div>
    </div>
  );
}

function ItemRow({
  item,
  jobId,
  index,
  jobRunning,
  connection,
  measure,
}: {
  item: JobItem;
  jobId: string;
  index: number;
  jobRunning: boolean;
  /** The connection's label (its id when it is gone). */
  connection: string;
  measure: (el: Element | null) => void;
}) {
  const { t } = useTranslation();
  const vendor = vendorReason(item);
  const note = noteText(item);
  return (
    <tr
      ref={measure}
      data-index={index}
      data-testid="job-item"
      data-state={item.state}
      className="border-t border-zinc-100 align-top dark:border-zinc-800/60"
    >
      <td className="px-3 py-1.5">
        <span
          className={`rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ${STATE_STYLE[item.state]}`}
        >
          {itemStateText(item.state, jobRunning)}
        </span>
      </td>
      <td className="px-3 py-1.5">
        <div className="truncate" title={item.label}>
          {item.label}
        </div>
        {item.label !== item.key && (
          <div className="truncate font-mono text-xs text-zinc-500" title={item.key}>
            {item.key}
          </div>
        )}
      </td>
      <td className="truncate px-3 py-1.5 text-xs" title={item.connectionId}>
        {connection}
      </td>
      <td className="px-3 py-1.5 font-mono text-xs">{item.error?.code ?? ''}</td>
      <td className="px-3 py-1.5 font-mono text-xs">{item.error?.details?.vendorCode ?? ''}</td>
      <td className="px-3 py-1.5 break-words">
        {item.error ? (
          <>
            <span className="text-red-700 dark:text-red-400">{errorText(item.error)}</span>
            {vendor && (
              <span className="block text-xs text-zinc-500">
                {t('activity.items.vendor', { reason: vendor })}
              </span>
            )}
          </>
        ) : (
          <span className="text-zinc-600 dark:text-zinc-400">
            {item.resultKey
              ? note
                ? t('activity.items.createdNote', { key: item.resultKey, note })
                : t('activity.items.created', { key: item.resultKey })
              : note}
          </span>
        )}
        {item.output && <ItemOutput jobId={jobId} itemKey={item.key} output={item.output} />}
      </td>
    </tr>
  );
}
