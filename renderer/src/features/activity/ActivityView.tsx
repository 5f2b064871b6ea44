import { useEffect, useRef } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import i18next from 'i18next';
import { toast } from 'sonner';
import type { JobState, JobSummary } from '../../../../shared/model/job';
import { Button } from '../../components/Button';
import { useFormat, useTranslation } from '../../i18n';
import type { Formatters } from '../../i18n/format';
import { deck, errorText, unwrap } from '../../lib/deck';
import {
  appliedText,
  doneCount,
  JobProgressBar,
  jobsQuery,
  jobTitle,
  MAX_JOBS,
  resultText,
  retryCount,
  retryLabel,
  useCancelJob,
  useRetryFailed,
  useUndoJob,
} from '../jobs';
import { useActivityUi } from './activity-ui';
import { downloadCsv } from '../../lib/download';
import { csvFileName, formatDuration } from './format';
import { JobItemsTable } from './JobItemsTable';

/** The last bulk jobs, newest first; open one to read its result per profile. */
export function ActivityView() {
  const { t } = useTranslation();
  const jobs = useQuery(jobsQuery);
  const exportCsv = useExportCsv();
  return (
    <section aria-labelledby="activity-title" className="flex h-full flex-col">
      <header className="flex items-center gap-4 border-b border-zinc-200 px-6 py-3 dark:border-zinc-800">
        <div className="min-w-0 flex-1">
          <h1 id="activity-title" className="text-lg font-semibold">
            {t('activity.title')}
          </h1>
          <p className="text-xs text-zinc-500">{t('activity.subtitle', { count: MAX_JOBS })}</p>
        </div>
        <Button
          onClick={() => exportCsv.mutate(undefined)}
          disabled={!jobs.data?.length || exportCsv.isPending}
        >
          {t('activity.exportAll')}
        </Button>
      </header>
      <div className="min-h-0 flex-1 overflow-auto px-6 py-4">
        {jobs.isPending ? (
          <p className="text-zinc-500">{t('activity.loading')}</p>
        ) : jobs.isError ? (
          <p role="alert" className="text-red-700 dark:text-red-400">
            {t('activity.loadFailed', { error: errorText(jobs.error) })}
          </p>
        ) : jobs.data.length === 0 ? (
          <p className="text-zinc-500">{t('activity.empty')}</p>
        ) : (
          <ol aria-label={t('activity.jobsLabel')} className="space-y-2">
            {jobs.data.map((job) => (
              <JobEntry key={job.id} job={job} onExport={() => exportCsv.mutate(job.id)} />
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}

function useExportCsv() {
  return useMutation({
    mutationFn: async (id: string | undefined) => {
      const { csv } = await unwrap(deck().jobs.exportCsv(id ? { id } : {}));
      downloadCsv(csv, csvFileName(id));
    },
    onError: (e) => toast.error(i18next.t('activity.exportFailed'), { description: errorText(e) }),
  });
}

// Signs, not words: the same in every language.
const MARK = { expanded: '▾', collapsed: '▸', applied: ' → ' };

const STATE_BADGE: Record<JobState, string> = {
  running: 'bg-blue-100 text-blue-800 dark:bg-blue-950 dark:text-blue-300',
  done: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300',
  failures: 'bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300',
  interrupted: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-300',
  cancelled: 'bg-zinc-200 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300',
};

function JobEntry({ job, onExport }: { job: JobSummary; onExport(): void }) {
  const expanded = useActivityUi((s) => s.expandedJobId === job.id);
  const toggle = useActivityUi((s) => s.toggle);
  const { t } = useTranslation();
  const format = useFormat();
  const cancel = useCancelJob();
  const retry = useRetryFailed();
  const undo = useUndoJob();
  const ref = useRef<HTMLLIElement>(null);
  // Opened from a toast's "Show in Activity": bring it into view.
  useEffect(() => {
    if (expanded) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [expanded]);

  const running = job.state === 'running';
  const title = jobTitle(job);
  const applied = appliedText(job);
  const done = doneCount(job);
  const again = retryCount(job);
  const note = jobNote(job);
  const panelId = `job-${job.id}-items`;
  return (
    <li
      ref={ref}
      data-testid="job-entry"
      data-job-id={job.id}
      className="rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900/40"
    >
      <div className="flex items-center gap-2 px-2 py-1.5">
        <button
          type="button"
          aria-expanded={expanded}
          aria-controls={panelId}
          onClick={() => toggle(job.id)}
          className="flex min-w-0 flex-1 items-center gap-3 rounded px-1.5 py-1 text-left hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-blue-500 dark:hover:bg-zinc-800/60"
        >
          <span aria-hidden className="w-3 text-zinc-500">
            {expanded ? MARK.expanded : MARK.collapsed}
          </span>
          <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATE_BADGE[job.state]}`}>
            {t(`activity.states.${job.state}`)}
          </span>
          <span className="min-w-0 truncate">
            <span className="font-medium">{title}</span>
            {applied && (
              <span data-testid="job-applied" className="text-zinc-600 dark:text-zinc-400">
                {MARK.applied}
                {applied}
              </span>
            )}
          </span>
          <span
            className={`whitespace-nowrap ${job.failed + job.interrupted > 0 ? 'text-red-700 dark:text-red-400' : 'text-zinc-600 dark:text-zinc-400'}`}
          >
            {running
              ? t(job.failed ? 'activity.runningCountFailed' : 'activity.runningCount', {
                  done,
                  total: job.total,
                  failed: job.failed,
                })
              : t('activity.endedCount', { result: resultText(job), total: job.total })}
          </span>
          {running && <JobProgressBar job={job} className="w-32 shrink-0" />}
          <span className="ml-auto whitespace-nowrap text-xs text-zinc-500">
            <time
              dateTime={new Date(job.createdAt).toISOString()}
              title={format.dateTime(job.createdAt)}
            >
              {startedText(format, job.createdAt)}
            </time>
            {job.finishedAt !== undefined && ` · ${formatDuration(job.finishedAt - job.createdAt)}`}
          </span>
        </button>
        {running && (
          <Button
            onClick={() => cancel.mutate(job.id)}
            disabled={cancel.isPending || cancel.isSuccess}
          >
            {cancel.isSuccess ? t('activity.cancelling') : t('common.cancel')}
          </Button>
        )}
        {again > 0 && (
          <Button
            variant="primary"
            onClick={() => retry.mutate(job.id)}
            disabled={retry.isPending}
            aria-label={t('activity.retryLabel', {
              action: retryLabel(job),
              count: again,
              job: title,
            })}
          >
            {retryLabel(job)}
          </Button>
        )}
        {job.undoneBy && <span className="text-xs text-zinc-500">{t('activity.undone')}</span>}
        {!running && job.undoable && !job.undoneBy && (
          <Button
            onClick={() => undo.mutate(job.id)}
            disabled={undo.isPending}
            aria-label={t('activity.undoLabel', { job: title })}
          >
            {t('common.undo')}
          </Button>
        )}
        <Button onClick={onExport} aria-label={t('activity.exportCsvLabel', { job: title })}>
          {t('activity.exportCsv')}
        </Button>
      </div>
      {note && (
        <p
          data-testid="job-note"
          className="-mt-1 px-9 pb-2 text-xs text-zinc-600 dark:text-zinc-400"
        >
          {t(note)}
        </p>
      )}
      {expanded && <JobItemsTable id={panelId} jobId={job.id} />}
    </li>
  );
}

const PROXY_EDITS = new Set(['set-proxy', 'assign-proxies']);

/** What the entry needs to say in a sentence: why a job stopped, or what its Undo cannot do. */
function jobNote(
  job: JobSummary,
): 'activity.noteInterrupted' | 'activity.noteProxyUndo' | undefined {
  if (job.state === 'interrupted') return 'activity.noteInterrupted';
  if (job.undoable && !job.undoneBy && PROXY_EDITS.has(job.kind)) return 'activity.noteProxyUndo';
  return undefined;
}

/** The time of day for a job of today, else the date too. */
function startedText(format: Formatters, at: number, now = Date.now()): string {
  const sameDay = new Date(now).toDateString() === new Date(at).toDateString();
  return sameDay ? format.time(at) : format.dateTime(at);
}
