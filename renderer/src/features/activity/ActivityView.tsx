import { useEffect, useRef } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { toast } from 'sonner';
import type { JobState, JobSummary } from '../../../../shared/model/job';
import { Button } from '../../components/Button';
import { deck, errorText, unwrap } from '../../lib/deck';
import {
  doneCount,
  JobProgressBar,
  jobsQuery,
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
import { csvFileName, formatDuration, formatStarted } from './format';
import { JobItemsTable } from './JobItemsTable';

/** The last bulk jobs, newest first; open one to read its result per profile. */
export function ActivityView() {
  const jobs = useQuery(jobsQuery);
  const exportCsv = useExportCsv();
  return (
    <section aria-labelledby="activity-title" className="flex h-full flex-col">
      <header className="flex items-center gap-4 border-b border-zinc-200 px-6 py-3 dark:border-zinc-800">
        <div className="min-w-0 flex-1">
          <h1 id="activity-title" className="text-lg font-semibold">
            Activity
          </h1>
          <p className="text-xs text-zinc-500">
            The last {MAX_JOBS} bulk jobs, with the result for every profile.
          </p>
        </div>
        <Button
          onClick={() => exportCsv.mutate(undefined)}
          disabled={!jobs.data?.length || exportCsv.isPending}
        >
          Export all as CSV
        </Button>
      </header>
      <div className="min-h-0 flex-1 overflow-auto px-6 py-4">
        {jobs.isPending ? (
          <p className="text-zinc-500">Loading jobs…</p>
        ) : jobs.isError ? (
          <p role="alert" className="text-red-700 dark:text-red-400">
            Could not load the jobs: {errorText(jobs.error)}
          </p>
        ) : jobs.data.length === 0 ? (
          <p className="text-zinc-500">
            No bulk jobs yet. Select profiles in Profiles and pick an action: every job and its
            results show up here.
          </p>
        ) : (
          <ol aria-label="Jobs" className="space-y-2">
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
    onError: (e) => toast.error('Could not export', { description: errorText(e) }),
  });
}

const STATE_BADGE: Record<JobState, { text: string; style: string }> = {
  running: {
    text: 'Running',
    style: 'bg-blue-100 text-blue-800 dark:bg-blue-950 dark:text-blue-300',
  },
  done: {
    text: 'Done',
    style: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300',
  },
  failures: {
    text: 'Failures',
    style: 'bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300',
  },
  interrupted: {
    text: 'Interrupted',
    style: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-300',
  },
  cancelled: {
    text: 'Cancelled',
    style: 'bg-zinc-200 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300',
  },
};

function JobEntry({ job, onExport }: { job: JobSummary; onExport(): void }) {
  const expanded = useActivityUi((s) => s.expandedJobId === job.id);
  const toggle = useActivityUi((s) => s.toggle);
  const cancel = useCancelJob();
  const retry = useRetryFailed();
  const undo = useUndoJob();
  const ref = useRef<HTMLLIElement>(null);
  // Opened from a toast's "Show in Activity": bring it into view.
  useEffect(() => {
    if (expanded) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [expanded]);

  const running = job.state === 'running';
  const badge = STATE_BADGE[job.state];
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
            {expanded ? '▾' : '▸'}
          </span>
          <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${badge.style}`}>
            {badge.text}
          </span>
          <span className="min-w-0 truncate">
            <span className="font-medium">{job.label}</span>
            {job.applied && (
              <span data-testid="job-applied" className="text-zinc-600 dark:text-zinc-400">
                {' → '}
                {job.applied}
              </span>
            )}
          </span>
          <span
            className={`whitespace-nowrap ${job.failed + job.interrupted > 0 ? 'text-red-700 dark:text-red-400' : 'text-zinc-600 dark:text-zinc-400'}`}
          >
            {running
              ? `${done.toLocaleString()}/${job.total.toLocaleString()}${job.failed ? `, ${job.failed} failed` : ''}`
              : `${resultText(job)} of ${job.total.toLocaleString()}`}
          </span>
          {running && <JobProgressBar job={job} className="w-32 shrink-0" />}
          <span className="ml-auto whitespace-nowrap text-xs text-zinc-500">
            <time
              dateTime={new Date(job.createdAt).toISOString()}
              title={new Date(job.createdAt).toLocaleString()}
            >
              {formatStarted(job.createdAt)}
            </time>
            {job.finishedAt !== undefined && ` · ${formatDuration(job.finishedAt - job.createdAt)}`}
          </span>
        </button>
        {running && (
          <Button
            onClick={() => cancel.mutate(job.id)}
            disabled={cancel.isPending || cancel.isSuccess}
          >
            {cancel.isSuccess ? 'Cancelling…' : 'Cancel'}
          </Button>
        )}
        {again > 0 && (
          <Button
            variant="primary"
            onClick={() => retry.mutate(job.id)}
            disabled={retry.isPending}
            aria-label={`${retryLabel(job)}: ${again.toLocaleString()} of ${job.label}`}
          >
            {retryLabel(job)}
          </Button>
        )}
        {job.undoneBy && <span className="text-xs text-zinc-500">Undone</span>}
        {!running && job.undoable && !job.undoneBy && (
          <Button
            onClick={() => undo.mutate(job.id)}
            disabled={undo.isPending}
            aria-label={`Undo: ${job.label}`}
          >
            Undo
          </Button>
        )}
        <Button onClick={onExport} aria-label={`Export CSV: ${job.label}`}>
          Export CSV
        </Button>
      </div>
      {note && (
        <p
          data-testid="job-note"
          className="-mt-1 px-9 pb-2 text-xs text-zinc-600 dark:text-zinc-400"
        >
          {note}
        </p>
      )}
      {expanded && <JobItemsTable id={panelId} jobId={job.id} />}
    </li>
  );
}

const PROXY_EDITS = new Set(['set-proxy', 'assign-proxies']);

/** What the entry needs to say in a sentence: why a job stopped, or what its Undo cannot do. */
function jobNote(job: JobSummary): string | undefined {
  if (job.state === 'interrupted')
    return 'BrowserDeck stopped while this job ran. "Unknown" items were on their way to the vendor: Retry checks them with the vendor first, then sends what is not applied and what was not started.';
  if (job.undoable && !job.undoneBy && PROXY_EDITS.has(job.kind))
    return 'Undo puts back previous proxies that had no password. A profile whose previous proxy had one is skipped: BrowserDeck never keeps proxy passwords.';
  return undefined;
}
