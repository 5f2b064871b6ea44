/**
 * Each job's journal on disk, so neither a quit nor a crash loses what the vendor was asked
 * to do: `<dataDir>/jobs/<job id>.jsonl`, one JSON record a line, appended as the job runs.
 *
 *   job      header: the action and every item with what it needs to run again
 *   intent   the items of one vendor request, synced to disk before the request goes out
 *   outcome  one item's result
 *   prev     the values an edit is about to overwrite (Undo puts them back)
 *   end      the job's final state
 *   label    names learnt after the job, for items started under their key
 *
 * Proxy passwords never reach the file: a password being set is written as "withheld", and
 * an item that needs it cannot run again after a restart (withheld-password.ts). Each
 * kind's spec says what of its action is kept and how it is made whole again. Replaying a
 * file gives the job back; an item with an intent and no outcome was on the wire:
 * 'interrupted' (unknown).
 * A torn last line (a crash mid-write) is ignored.
 */
import { readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { DeckErrorSchema } from '../../../../shared/ipc/result';
import {
  CreateItemSchema,
  JobItemStateSchema,
  JobStateSchema,
  type Job,
  type JobItem,
  type JobItemState,
  type JobState,
} from '../../../../shared/model/job';
import { ProxyInputSchema } from '../../../../shared/model/proxy-input';
import { JobItemOutputSchema } from '../../../../shared/model/automation';
import { NotesWordsSchema } from '../../../../shared/model/job-words';
import { createAppendLog, type AppendLog } from '../../fs/append-log';
import type { Logger } from '../../log';
import { FieldValueSchema, type FieldValue } from './edit-fields';
import { JOB_KINDS } from './kinds';
import { kindSpec, type JobKindSpec, type JobKinds, type KindAction } from './kinds/spec';
import { appliedOf, labelWordsOf } from './job-plan';
import { UNKNOWN_NOTE } from './job-notes';
import type { JobTask } from './job-task';
import { restorePassword, withheld } from './withheld-password';

export const JOURNAL_VERSION = 1;
const FILE = /^([0-9a-z-]{1,100})\.jsonl$/;

/** What a job was asked to do, as the engine holds it while the job runs. */
export interface JournalHeader {
  id: string;
  kind: string;
  label: string;
  createdAt: number;
  action: KindAction;
  /** The action's kind, which says what of the action its journal keeps. */
  spec: JobKindSpec;
  tasks: readonly JobTask[];
  concurrency?: number;
  retryOf?: string;
  undoOf?: string;
}

/** One running job's journal. Items are named by their index in the header. */
export interface JobLog {
  /** Resolves once the intent is on disk: only then may the request go out. */
  intent(indexes: readonly number[], at: number): Promise<void>;
  outcome(index: number, item: JobItem, at: number): void;
  previous(values: ReadonlyArray<readonly [index: number, value: FieldValue]>): void;
  end(state: JobState, at: number): void;
  /** Names learnt after the job (items started under their key). */
  labels(values: ReadonlyArray<readonly [index: number, label: string]>): void;
  /** Everything written; the file is closed. */
  close(): Promise<void>;
  /** Writes and syncs so far. */
  readonly stats: AppendLog['stats'];
}

/** A job read back from its journal. */
export interface JournaledJob {
  job: Job;
  tasks: JobTask[];
  action: KindAction;
  concurrency?: number;
  /** Previous values by item index, for Undo. */
  previous: Map<number, FieldValue>;
}

export interface JobJournal {
  start(header: JournalHeader): JobLog;
  /** Every readable job on disk, oldest first; their actions are read by these kinds. */
  load(kinds?: JobKinds): Promise<JournaledJob[]>;
  remove(id: string): Promise<void>;
}

export function createJobJournal({ dir, log }: { dir: string; log: Logger }): JobJournal {
  const fileOf = (id: string) => join(dir, `${id}.jsonl`);

  return {
    start(header) {
      const file = createAppendLog(fileOf(header.id), (e) =>
        log.error(`job ${header.id}: its journal cannot be written; it runs without one`, e),
      );
      return createJobLog(file, header);
    },

    async load(kinds = JOB_KINDS) {
      let names: string[];
      try {
        names = (await readdir(dir)).filter((n) => FILE.test(n));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw e;
      }
      const jobs: JournaledJob[] = [];
      for (const name of names) {
        try {
          const replayed = replayJournal(await readFile(join(dir, name), 'utf8'), kinds);
          // Its file is found (and removed) by its id: the two must agree.
          if (`${replayed.job.id}.jsonl` !== name)
            throw new Error(`it holds job ${replayed.job.id}`);
          jobs.push(replayed);
        } catch (e) {
          log.warn(`job journal ${name} is unreadable and was left as it is`, e);
        }
      }
      return jobs.sort((a, b) => a.job.createdAt - b.job.createdAt || cmp(a.job.id, b.job.id));
    },

    async remove(id) {
      await rm(fileOf(id), { force: true });
    },
  };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function createJobLog(file: AppendLog, header: JournalHeader): JobLog {
  file.append(JSON.stringify(headerRecord(header)));
  return {
    intent: (indexes, at) => file.appendDurable(JSON.stringify({ t: 'intent', i: indexes, at })),
    outcome(index, item, at) {
      const { state, error, note, noteWords, resultKey, output } = item;
      file.append(
        JSON.stringify({
          t: 'outcome',
          i: index,
          s: state,
          error,
          note,
          noteWords,
          resultKey,
          output,
          at,
        }),
      );
    },
    previous(values) {
      if (values.length) file.append(JSON.stringify({ t: 'prev', v: values }));
    },
    end(state, at) {
      file.append(JSON.stringify({ t: 'end', s: state, at }));
    },
    labels(values) {
      if (values.length) file.append(JSON.stringify({ t: 'label', v: values }));
    },
    close: () => file.close(),
    stats: file.stats,
  };
}

// ---- Writing: the header, with every password being set withheld ----

function headerRecord(h: JournalHeader) {
  return {
    t: 'job',
    v: JOURNAL_VERSION,
    id: h.id,
    kind: h.kind,
    label: h.label,
    createdAt: h.createdAt,
    action: h.spec.stored ? h.spec.stored(h.action) : h.action,
    concurrency: h.concurrency,
    retryOf: h.retryOf,
    undoOf: h.undoOf,
    items: h.tasks.map(({ item, vendorId, name, proxy, create, verify, undo }) => ({
      key: item.key,
      connectionId: item.connectionId,
      label: item.label,
      state: item.state,
      error: item.error,
      vendorId,
      name,
      proxy: proxy && withheld(proxy),
      create: create && { ...create, proxy: create.proxy && withheld(create.proxy) },
      verify,
      undo,
    })),
  };
}

// ---- Reading ----

const StoredItem = z.object({
  key: z.string(),
  connectionId: z.string(),
  label: z.string(),
  state: JobItemStateSchema,
  error: DeckErrorSchema.optional(),
  vendorId: z.string(),
  name: z.string().optional(),
  proxy: z.unknown().optional(),
  create: z.unknown().optional(),
  verify: z.boolean().optional(),
  undo: z.object({ restore: FieldValueSchema, expected: FieldValueSchema }).optional(),
});

const Header = z.object({
  t: z.literal('job'),
  v: z.literal(JOURNAL_VERSION),
  id: z.string().min(1).max(100),
  kind: z.string(),
  label: z.string(),
  createdAt: z.number(),
  action: z.record(z.string(), z.unknown()),
  concurrency: z.number().int().min(1).max(16).optional(),
  retryOf: z.string().optional(),
  undoOf: z.string().optional(),
  items: z.array(StoredItem),
});

const Index = z.number().int().min(0);

const Record_ = z.discriminatedUnion('t', [
  z.object({ t: z.literal('intent'), i: z.array(Index), at: z.number() }),
  z.object({
    t: z.literal('outcome'),
    i: Index,
    s: JobItemStateSchema,
    error: DeckErrorSchema.optional(),
    note: z.string().optional(),
    // Absent on lines written before notes had keys, and dropped when a newer build wrote a
    // key this one does not know: either way the English note alone shows.
    noteWords: NotesWordsSchema.optional().catch(undefined),
    resultKey: z.string().optional(),
    output: JobItemOutputSchema.optional(),
    at: z.number(),
  }),
  z.object({ t: z.literal('prev'), v: z.array(z.tuple([Index, FieldValueSchema])) }),
  z.object({ t: z.literal('end'), s: JobStateSchema, at: z.number() }),
  z.object({ t: z.literal('label'), v: z.array(z.tuple([Index, z.string().max(200)])) }),
]);

/**
 * The job a journal describes, its action read by its kind in `kinds`. Throws on a file
 * that is not a journal of this version, or of a kind this build does not know.
 */
export function replayJournal(text: string, kinds: JobKinds = JOB_KINDS): JournaledJob {
  const lines = text.split('\n');
  // A crash mid-write leaves a last line without its newline: it never happened.
  if (!text.endsWith('\n')) lines.pop();
  const parsed: unknown[] = [];
  for (const line of lines) {
    if (!line) continue;
    try {
      parsed.push(JSON.parse(line));
    } catch {
      throw new Error(`a line is not JSON (${line.slice(0, 40)}…)`);
    }
  }
  const header = Header.parse(parsed[0]);
  const spec = kindSpec(kinds, header.kind);

  const tasks: JobTask[] = header.items.map((s) => {
    const item: JobItem = {
      key: s.key,
      connectionId: s.connectionId,
      label: s.label,
      state: s.state,
      ...(s.error ? { error: s.error } : {}),
    };
    const task: JobTask = { item, vendorId: s.vendorId };
    if (s.name !== undefined) task.name = s.name;
    if (s.verify) task.verify = true;
    if (s.undo) task.undo = s.undo;
    // A password withheld on disk comes back as "keep"; the task is marked so it never runs.
    if (s.proxy !== undefined) {
      const p = restorePassword(s.proxy);
      task.proxy = ProxyInputSchema.parse(p.value);
      if (p.withheld) task.withheld = true;
    }
    if (s.create !== undefined) {
      const c = s.create as { proxy?: unknown };
      const p = restorePassword(c.proxy);
      task.create = CreateItemSchema.parse({ ...c, proxy: p.value });
      if (p.withheld) task.withheld = true;
    }
    return task;
  });

  const action = spec.schema.parse(
    spec.restored ? spec.restored(header.action, tasks) : header.action,
  );

  const previous = new Map<number, FieldValue>();
  let end: { s: JobState; at: number } | undefined;
  let lastAt = header.createdAt;
  const at = (i: number) => {
    const task = tasks[i];
    if (!task) throw new Error(`a record names item ${i} of ${tasks.length}`);
    return task;
  };
  for (const raw of parsed.slice(1)) {
    const r = Record_.parse(raw);
    switch (r.t) {
      case 'intent':
        for (const i of r.i) {
          at(i).item.state = 'running';
        }
        lastAt = Math.max(lastAt, r.at);
        break;
      case 'outcome': {
        const { item } = at(r.i);
        item.state = r.s;
        for (const k of ['error', 'note', 'noteWords', 'resultKey', 'output'] as const) {
          if (r[k] === undefined) delete item[k];
          else Object.assign(item, { [k]: r[k] });
        }
        lastAt = Math.max(lastAt, r.at);
        break;
      }
      case 'prev':
        for (const [i, value] of r.v) {
          at(i);
          previous.set(i, value);
        }
        break;
      case 'end':
        end = r;
        break;
      case 'label':
        for (const [i, label] of r.v) at(i).item.label = label;
        break;
    }
  }

  // Sent and never answered: the vendor may or may not have applied it.
  for (const { item } of tasks) {
    if (item.state !== 'running') continue;
    item.state = 'interrupted';
    Object.assign(item, UNKNOWN_NOTE);
  }
  const job: Job = {
    id: header.id,
    kind: header.kind,
    label: header.label,
    state: 'running',
    createdAt: header.createdAt,
    finishedAt: end?.at ?? lastAt,
    total: tasks.length,
    ok: 0,
    failed: 0,
    cancelled: 0,
    interrupted: 0,
    skipped: 0,
    items: tasks.map((t) => t.item),
    // Worded from the action again, as when the job started.
    ...appliedOf(spec, action),
    ...labelWordsOf(spec, action),
    ...(header.retryOf ? { retryOf: header.retryOf } : {}),
    ...(header.undoOf ? { undoOf: header.undoOf } : {}),
  };
  for (const { item } of tasks) {
    const counted = COUNTED[item.state];
    if (counted) job[counted]++;
  }
  const unfinished = tasks.some(
    (t) => t.item.state === 'pending' || t.item.state === 'interrupted',
  );
  job.state = unfinished ? 'interrupted' : (end?.s ?? finalState(job, false));
  return {
    job,
    tasks,
    action,
    ...(header.concurrency ? { concurrency: header.concurrency } : {}),
    previous,
  };
}

/** The count an item in this state adds to. */
export const COUNTED: Partial<
  Record<JobItemState, 'ok' | 'failed' | 'cancelled' | 'interrupted' | 'skipped'>
> = {
  ok: 'ok',
  failed: 'failed',
  cancelled: 'cancelled',
  interrupted: 'interrupted',
  skipped: 'skipped',
};

/** How a job that stopped running ended, from its counts. */
export function finalState(job: Job, cancelRequested: boolean): JobState {
  if (job.interrupted > 0 || job.items.some((i) => i.state === 'pending')) return 'interrupted';
  if (cancelRequested && job.cancelled > 0) return 'cancelled';
  return job.failed > 0 ? 'failures' : 'done';
}
