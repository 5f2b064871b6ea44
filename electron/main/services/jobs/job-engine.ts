/**
 * The bulk job engine: one job per action over many profiles, split per connection, with a
 * result per profile, throttled progress, cancel, "Retry", "Undo", and the last jobs kept
 * for the Activity view, on disk (job-journal.ts) so they survive a quit or a crash. It
 * knows no kind of job by name: what each does is its spec in the kinds table (kinds/).
 */
import { setMaxListeners } from 'node:events';
import pLimit from 'p-limit';
import type { Settings } from '../../../../shared/ipc/contract';
import { DeckError, type DeckErrorValue } from '../../../../shared/ipc/result';
import type { Profile } from '../../../../shared/model';
import type { Job, JobAction, JobItemState, JobSummary } from '../../../../shared/model/job';
import type { JobItemOutput } from '../../../../shared/model/automation';
import type { EventBus } from '../../events';
import { DEFAULT_SETTINGS } from '../../settings';
import type { Logger } from '../../log';
import type { VendorProvider } from '../../providers/provider';
import { isEmptyChange, readAffected } from './affected-profiles';
import { jobsToCsv } from './job-csv';
import { createIntentWindow, type IntentWindow } from './intent-window';
import {
  COUNTED,
  finalState,
  type JobJournal,
  type JobLog,
  type JournaledJob,
} from './job-journal';
import { settleInterrupted } from './job-verify';
import type { FieldValue } from './edit-fields';
import { canUndo, planUndo, readPrevious } from './job-undo';
import { appliedOf, labelOf, labelWordsOf, planTasks, retryTask, validateTasks } from './job-plan';
import { STOPPED_BY_CANCEL, UNKNOWN_NOTE } from './job-notes';
import type { JobTask } from './job-task';
import { JOB_KINDS } from './kinds';
import { kindSpec, type JobKindSpec, type JobKinds, type KindAction } from './kinds/spec';
import type { ProfileProxyCheck, RunContext } from './run-context';
import type { AutomationRunner } from '../automation/automation-runner';
import { createProgressReporter, summarize, type ProgressReporter } from './job-progress';
import { createStatusLedger } from './status-ledger';

export interface JobEngineDeps {
  /** The connection's provider; throws DeckError 'not-found' for an unknown connection. */
  getProvider(connectionId: string): VendorProvider;
  events: Pick<EventBus, 'emit'>;
  log: Logger;
  settings: { get(): Promise<Settings> };
  clock?: () => number;
  /** Jobs kept for the Activity view, oldest dropped first. */
  maxHistory?: number;
  /** Profiles per vendor batch request. */
  chunkSize?: number;
  progressIntervalMs?: number;
  /** Without it, check-proxy items fail as unsupported. */
  checkProxy?: ProfileProxyCheck;
  /** The connection's "check proxy before opening" option; off when omitted. */
  checkProxyBeforeOpen?: (connectionId: string) => Promise<boolean>;
  /** Where jobs are written as they run; without it they live in memory only. */
  journal?: JobJournal;
  /** Every kind a job can run; JOB_KINDS when omitted. */
  kinds?: JobKinds;
  /** What main knows of a profile beyond its vendor (its last proxy check), put on refreshed rows. */
  annotate?(profile: Profile): Profile;
  /** Without it, automate items fail as unsupported. */
  automation?: AutomationRunner;
  /** A job left the history: what was kept for it elsewhere (its files) can go. */
  onForget?: (id: string) => void;
}

/** `A`: the actions of the engine's kinds; a test that adds a kind to the table adds its action. */
export interface StartJobRequest<A extends KindAction = JobAction> {
  action: A;
  keys: readonly string[];
  /** Windows opened at once by a bulk open; settings' openConcurrency when omitted. */
  concurrency?: number;
  /** Profile names by key, so results and exports read as names, not ids. */
  labels?: Readonly<Record<string, string>>;
}

export interface JobEngine<A extends KindAction = JobAction> {
  /** Resolves once the jobs kept on disk from earlier runs are back. */
  ready: Promise<void>;
  start(request: StartJobRequest<A>): Promise<JobSummary>;
  /** Newest first. */
  list(): JobSummary[];
  get(id: string): Job;
  cancel(id: string): JobSummary;
  /**
   * A new job over what did not go through: the failed items, and of an interrupted job
   * also the unknown ones (read from the vendor first) and those never started.
   */
  retryFailed(id: string): Promise<JobSummary>;
  /**
   * A new job putting back what a finished edit overwrote, on each profile that still holds
   * what the edit set; the others are skipped with the reason.
   */
  undo(id: string): Promise<JobSummary>;
  /** One job, or every kept job when id is omitted. */
  exportCsv(id?: string): string;
  /** Resolves once the job has finished and its changed rows were published. */
  settled(id: string): Promise<Job>;
  dispose(): Promise<void>;
}

interface JobRecord {
  job: Job;
  spec: JobKindSpec;
  action: KindAction;
  tasks: JobTask[];
  /** Each task's position in the job, which names it in the journal. */
  indexOf: Map<JobTask, number>;
  concurrency?: number;
  cancelRequested: boolean;
  /** Aborted by cancel: work a kind can stop midway stops. */
  cancel: AbortController;
  progress: ProgressReporter;
  log?: JobLog;
  intents?: IntentWindow;
  /** What an edit overwrote, by item index (Undo puts it back). */
  previous: Map<number, FieldValue>;
  settled: Promise<void>;
}

/** Items whose intent is written ahead of their request (see intent-window.ts). */
const INTENTS_AHEAD = 64;

const TERMINAL: ReadonlySet<JobItemState> = new Set([
  'ok',
  'failed',
  'cancelled',
  'interrupted',
  'skipped',
]);

export function createJobEngine<A extends KindAction = JobAction>(
  deps: JobEngineDeps,
): JobEngine<A> {
  const clock = deps.clock ?? Date.now;
  const maxHistory = deps.maxHistory ?? 200;
  const chunkSize = deps.chunkSize ?? 200;
  const progressIntervalMs = deps.progressIntervalMs ?? 100;
  const kinds = deps.kinds ?? JOB_KINDS;
  const jobs = new Map<string, JobRecord>();
  const shutdown = new AbortController();
  // Every request of every job listens to it; dozens at once are normal, not a leak.
  setMaxListeners(0, shutdown.signal);
  const statuses = createStatusLedger();
  let seq = 0;

  const progressOf = (job: Job) =>
    createProgressReporter(
      job,
      (p) => deps.events.emit('jobs:event:progress', p),
      progressIntervalMs,
    );

  /** The jobs of earlier runs, as their journals left them; files past the history go. */
  async function restore(journal: JobJournal): Promise<void> {
    let kept: JournaledJob[];
    try {
      kept = await journal.load(kinds);
    } catch (e) {
      deps.log.error('the job history on disk could not be read', e);
      return;
    }
    for (const { job } of kept.splice(0, Math.max(0, kept.length - maxHistory))) forget(job.id);
    for (const { job, tasks, action, concurrency, previous } of kept) {
      const spec = kindSpec(kinds, action.kind);
      if (canUndo(spec, tasks, previous)) job.undoable = true;
      jobs.set(job.id, {
        job,
        spec,
        action,
        tasks,
        indexOf: new Map(tasks.map((t, i) => [t, i])),
        concurrency,
        cancelRequested: false,
        cancel: new AbortController(),
        progress: progressOf(job),
        previous,
        settled: Promise.resolve(),
      });
    }
    for (const { job } of kept) {
      const undone = job.undoOf ? jobs.get(job.undoOf) : undefined;
      if (undone) undone.job.undoneBy = job.id;
    }
  }
  const ready = deps.journal ? restore(deps.journal) : Promise.resolve();

  function forget(id: string): void {
    jobs.delete(id);
    deps.onForget?.(id);
    deps.journal
      ?.remove(id)
      .catch((e: unknown) => deps.log.warn(`the journal of job ${id} could not be removed`, e));
  }

  const newId = (createdAt: number): string => {
    let id: string;
    do id = `${createdAt.toString(36)}-${(++seq).toString(36)}`;
    while (jobs.has(id));
    return id;
  };

  const record = (id: string): JobRecord => {
    const rec = jobs.get(id);
    if (!rec)
      throw DeckError.of('not-found', `Job ${id} is no longer kept`, {
        reason: 'job.gone',
        params: { id },
      });
    return rec;
  };

  const toErrorValue = (e: unknown): DeckErrorValue => {
    if (e instanceof DeckError) return e.toValue();
    deps.log.error('job item failed unexpectedly', e);
    return {
      code: 'internal',
      message: 'Unexpected error; see the log',
      retryable: false,
      details: { reason: 'internal.unexpected' },
    };
  };

  function settle(rec: JobRecord, task: JobTask, state: JobItemState, patch = {}): void {
    Object.assign(task.item, patch, { state });
    const counted = COUNTED[state];
    if (counted) rec.job[counted]++;
    rec.progress.changed(task.item);
    rec.log?.outcome(rec.indexOf.get(task)!, task.item, clock());
  }

  /** Marks tasks running, writes their intent, and hands back those still to be sent. */
  async function claim(rec: JobRecord, tasks: readonly JobTask[]): Promise<JobTask[]> {
    const claimed = tasks.filter((t) => t.item.state === 'pending');
    if (claimed.length === 0 || shutdown.signal.aborted) return [];
    for (const t of claimed) {
      t.item.state = 'running';
      rec.progress.changed(t.item);
    }
    await rec.intents?.cover(claimed.map((t) => rec.indexOf.get(t)!));
    // Cancelled or quitting while the intent was written: the request never goes out.
    if (rec.cancelRequested || shutdown.signal.aborted) {
      for (const t of claimed) settle(rec, t, rec.cancelRequested ? 'cancelled' : 'pending');
      return [];
    }
    return claimed;
  }

  function launch(
    spec: JobKindSpec,
    action: KindAction,
    tasks: JobTask[],
    options: { concurrency?: number; retryOf?: string; undoOf?: string },
  ): JobSummary {
    const providers = validateTasks(spec, action, tasks, deps.getProvider, {
      canCheckProxy: Boolean(deps.checkProxy),
      canAutomate: Boolean(deps.automation),
    });
    const createdAt = clock();
    const label = labelOf(spec, action) + (options.retryOf ? ' (retry)' : '');
    const { undoOf } = options;
    const job: Job = {
      id: newId(createdAt),
      kind: action.kind,
      label,
      state: 'running',
      createdAt,
      total: tasks.length,
      ok: 0,
      failed: 0,
      cancelled: 0,
      interrupted: 0,
      skipped: 0,
      items: tasks.map((t) => t.item),
      ...appliedOf(spec, action),
      ...labelWordsOf(spec, action),
      ...(options.retryOf ? { retryOf: options.retryOf } : {}),
      ...(undoOf ? { undoOf } : {}),
    };
    // Refused at planning (bad key, unknown connection) or skipped (undo without a value).
    for (const t of tasks) {
      const counted = COUNTED[t.item.state];
      if (counted) job[counted]++;
    }
    const rec: JobRecord = {
      job,
      spec,
      action,
      tasks,
      indexOf: new Map(tasks.map((t, i) => [t, i])),
      concurrency: options.concurrency,
      cancelRequested: false,
      cancel: new AbortController(),
      progress: progressOf(job),
      previous: new Map(),
      settled: Promise.resolve(),
      log: deps.journal?.start({
        id: job.id,
        kind: job.kind,
        label,
        createdAt,
        action,
        spec,
        tasks,
        concurrency: options.concurrency,
        retryOf: options.retryOf,
        undoOf,
      }),
    };
    if (rec.log) {
      // What an untraceable kind makes cannot be found after a crash: only what goes out is marked.
      const ahead = spec.untraceable !== undefined ? 0 : INTENTS_AHEAD;
      rec.intents = createIntentWindow(tasks, rec.log, { ahead, clock });
    }
    for (const t of tasks) if (t.item.state !== 'pending') rec.progress.changed(t.item);
    jobs.set(job.id, rec);
    forgetOldJobs();
    rec.progress.flush();
    rec.settled = run(rec, providers)
      .catch((e) => deps.log.error(`job ${job.id} broke`, e))
      .finally(() => rec.log?.close());
    return summarize(job);
  }

  function forgetOldJobs(): void {
    for (const [id, rec] of jobs) {
      if (jobs.size <= maxHistory) return;
      if (rec.job.state !== 'running') forget(id);
    }
  }

  async function run(rec: JobRecord, providers: Map<string, VendorProvider>): Promise<void> {
    const { job, spec, action } = rec;
    const settings = await deps.settings.get().catch(() => DEFAULT_SETTINGS);
    const fresh = new Map<string, Profile>();
    const ctx: RunContext = {
      claim: (tasks) => claim(rec, tasks),
      succeed: (task, extra = {}) => settle(rec, task, 'ok', extra),
      skip: (task, reason) => settle(rec, task, 'skipped', reason),
      fail: (task, e, output?: JobItemOutput) =>
        // Cut off by a quit: the vendor may have applied it; a retry reads before resending.
        shutdown.signal.aborted
          ? settle(rec, task, 'interrupted', { ...UNKNOWN_NOTE, ...(output && { output }) })
          : settle(rec, task, 'failed', { error: toErrorValue(e), ...(output && { output }) }),
      stopped: (task, output) =>
        settle(rec, task, 'cancelled', { ...STOPPED_BY_CANCEL, ...(output && { output }) }),
      status: (changes) => {
        statuses.record(changes);
        deps.events.emit('profiles:event:status', { changes });
      },
      before: (task) => rec.previous.get(rec.indexOf.get(task)!),
      fresh: (profile) => fresh.set(profile.key, profile),
      provider: deps.getProvider,
      jobId: job.id,
      signal: shutdown.signal,
      cancelSignal: AbortSignal.any([rec.cancel.signal, shutdown.signal]),
      chunkSize,
      openLimit: pLimit(rec.concurrency ?? spec.defaultConcurrency ?? settings.openConcurrency),
      proxyCheckLimit: pLimit(settings.proxyCheckConcurrency),
      checkProxy: deps.checkProxy,
      checkBeforeOpen: deps.checkProxyBeforeOpen,
      automation: deps.automation,
    };

    const byConnection = new Map<string, JobTask[]>();
    for (const task of rec.tasks) {
      if (task.item.state !== 'pending') continue;
      const list = byConnection.get(task.item.connectionId) ?? [];
      list.push(task);
      byConnection.set(task.item.connectionId, list);
    }
    // Connections run side by side; within one, the provider's own limits apply.
    await Promise.all(
      [...byConnection].map(async ([connectionId, tasks]) => {
        const provider = providers.get(connectionId)!;
        const opts = { signal: shutdown.signal };
        try {
          await settleInterrupted(spec, action, provider, tasks, ctx, opts);
          await keepPrevious(rec, provider, tasks, opts);
          await spec.run(action, provider, tasks, ctx);
        } catch (e) {
          deps.log.error(`job ${job.id} on ${connectionId} broke`, e);
        }
      }),
    );
    // Whatever a broken runner left behind is reported, never left "running" forever; on a
    // quit, what never started stays pending: not started, for a retry after the restart.
    for (const task of rec.tasks) {
      const { state } = task.item;
      if (state === 'pending' && shutdown.signal.aborted) {
        // Its intent may have been written ahead: the journal must say it never went out.
        rec.log?.outcome(rec.indexOf.get(task)!, task.item, clock());
      } else if (!TERMINAL.has(state)) ctx.fail(task, new Error('runner stopped early'));
    }

    job.state = finalState(job, rec.cancelRequested);
    if (canUndo(spec, rec.tasks, rec.previous)) job.undoable = true;
    job.finishedAt = clock();
    rec.log?.end(job.state, job.finishedAt);
    rec.progress.flush();

    const readFrom = statuses.mark();
    const change = await readAffected(spec.affects, rec.tasks, providers, fresh, {
      log: deps.log,
      signal: shutdown.signal,
    });
    const annotate = deps.annotate ?? ((p: Profile) => p);
    change.updated = change.updated.map((p) => annotate(statuses.latest(p, readFrom)));
    // Items started under their key only get the profile's name once it is known.
    const names = new Map(change.updated.map((p) => [p.key, p.name]));
    const relabelled: Array<[number, string]> = [];
    for (const task of rec.tasks) {
      const name = names.get(task.item.key);
      if (name && task.item.label === task.item.key) {
        task.item.label = name.slice(0, 200);
        rec.progress.changed(task.item);
        relabelled.push([rec.indexOf.get(task)!, task.item.label]);
      }
    }
    if (relabelled.length) {
      rec.log?.labels(relabelled);
      rec.progress.flush();
    }
    if (!isEmptyChange(change)) deps.events.emit('profiles:event:changed', change);
  }

  /** Reads and journals what an edit is about to overwrite, before its first request. */
  async function keepPrevious(
    rec: JobRecord,
    provider: VendorProvider,
    tasks: readonly JobTask[],
    opts: { signal: AbortSignal },
  ): Promise<void> {
    const { edit } = rec.spec;
    if (!edit) return;
    let previous: Map<JobTask, FieldValue>;
    try {
      previous = await readPrevious(edit.field, provider, tasks, opts);
    } catch (e) {
      // The edit still runs; its Undo will say these values could not be read.
      deps.log.warn(`job ${rec.job.id}: values before the edit could not be read`, e);
      return;
    }
    const values: Array<[number, FieldValue]> = [];
    for (const [task, value] of previous) {
      const index = rec.indexOf.get(task)!;
      rec.previous.set(index, value);
      values.push([index, value]);
    }
    rec.log?.previous(values);
  }

  function get(id: string): Job {
    const { job } = record(id);
    return { ...job, items: job.items.map((i) => ({ ...i })) };
  }

  function cancel(id: string): JobSummary {
    const rec = record(id);
    if (rec.job.state === 'running') {
      rec.cancelRequested = true;
      rec.cancel.abort();
      // In-flight calls finish: a vendor request cut halfway leaves less certainty than a late one.
      for (const task of rec.tasks)
        if (task.item.state === 'pending') settle(rec, task, 'cancelled');
      rec.progress.flush();
    }
    return summarize(rec.job);
  }

  return {
    ready,

    async start({ action, keys, concurrency, labels }) {
      await ready;
      const spec = kindSpec(kinds, action.kind);
      if (!spec.selectionOptional && keys.length === 0)
        throw DeckError.of('invalid-input', 'Select at least one profile', {
          details: { field: 'keys' },
          reason: 'keys.empty',
        });
      return launch(spec, action, planTasks(spec, action, keys, labels), { concurrency });
    },

    list: () => [...jobs.values()].reverse().map((r) => summarize(r.job)),

    get,
    cancel,

    async retryFailed(id) {
      await ready;
      const rec = record(id);
      if (rec.job.state === 'running')
        throw DeckError.of('conflict', 'The job is still running; retry once it has finished', {
          reason: 'job.running',
        });
      // Two retries at once would send the same items twice.
      for (const other of jobs.values())
        if (other.job.retryOf === id && other.job.state === 'running')
          throw DeckError.of('conflict', 'A retry of this job is still running', {
            reason: 'job.retry-running',
          });
      const interrupted = rec.job.state === 'interrupted';
      const again = rec.tasks.filter(
        ({ item }) =>
          item.state === 'failed' ||
          item.state === 'interrupted' ||
          (interrupted && item.state === 'pending'),
      );
      if (again.length === 0)
        throw DeckError.of('conflict', 'This job has nothing to retry', {
          reason: 'job.nothing-to-retry',
        });
      return launch(rec.spec, rec.action, again.map(retryTask), {
        concurrency: rec.concurrency,
        retryOf: id,
        // A retry of an undo still undoes the same job.
        undoOf: rec.job.undoOf,
      });
    },

    async undo(id) {
      await ready;
      const rec = record(id);
      const { action } = rec;
      if (rec.job.state === 'running')
        throw DeckError.of('conflict', 'The job is still running; undo it once it has finished', {
          reason: 'job.undo-running',
        });
      // An undo runs on what the profiles hold now: one per job at a time.
      const undo = rec.job.undoable && planUndo(id, rec.spec, action, rec.tasks, rec.previous);
      if (!undo)
        throw DeckError.of('conflict', 'This job kept no values to put back', {
          reason: 'job.nothing-to-undo',
        });
      if (rec.job.undoneBy && jobs.get(rec.job.undoneBy)?.job.state === 'running')
        throw DeckError.of('conflict', 'This job is being undone already', {
          reason: 'job.being-undone',
        });
      const summary = launch(kindSpec(kinds, undo.action.kind), undo.action, undo.tasks, {
        concurrency: rec.concurrency,
        undoOf: id,
      });
      rec.job.undoneBy = summary.id;
      rec.progress.flush();
      return summary;
    },

    exportCsv(id) {
      const kept = id ? [record(id)] : [...jobs.values()].reverse();
      return jobsToCsv(kept.map((r) => r.job));
    },

    async settled(id) {
      await record(id).settled;
      return get(id);
    },

    async dispose() {
      // Requests on the wire are cut and their items marked interrupted; items not started
      // stay so. The job ends 'interrupted', and its journal says so for the next start.
      shutdown.abort();
      await Promise.all([...jobs.values()].map((r) => r.settled));
    },
  };
}
