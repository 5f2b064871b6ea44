/**
 * What a job kind's run gets from the engine: how it claims and settles its tasks, pushes
 * profile statuses, and the limits shared by every job on this machine.
 */
import type { LimitFunction } from 'p-limit';
import type { EventOf } from '../../../../shared/ipc/contract';
import type { Profile, ProxyCheckResult } from '../../../../shared/model';
import type { JobItemOutput } from '../../../../shared/model/automation';
import type { NoteWords } from '../../../../shared/model/job-words';
import type { CallOptions, VendorProvider } from '../../providers/provider';
import type { FieldValue } from './edit-fields';
import type { AutomationRunner } from '../automation/automation-runner';
import type { JobTask } from './job-task';
import type { Noted } from './job-notes';

export type StatusChange = EventOf<'profiles:event:status'>['changes'][number];

/**
 * Checks one profile's proxy from this machine. Supplied by core, which knows where the
 * proxy's password lives; the engine never sees it.
 */
export type ProfileProxyCheck = (
  profile: Profile,
  provider: VendorProvider,
  opts: CallOptions,
) => Promise<ProxyCheckResult>;

export interface TaskSuccess {
  note?: string;
  /** The note as keys the renderer words; `note` stays its English. */
  noteWords?: NoteWords[];
  resultKey?: string;
  output?: JobItemOutput;
}

export interface RunContext {
  /**
   * Marks the still-pending tasks running and returns them once their intent is on disk;
   * cancelled ones drop out. Call it right before the request that carries them.
   */
  claim(tasks: readonly JobTask[]): Promise<JobTask[]>;
  succeed(task: JobTask, extra?: TaskSuccess): void;
  fail(task: JobTask, error: unknown, output?: JobItemOutput): void;
  /** Stopped midway by the user's cancel (work that can stop halfway, such as a script). */
  stopped(task: JobTask, output?: JobItemOutput): void;
  /** Left alone on purpose (an undo whose profile changed since), with the reason. */
  skip(task: JobTask, reason: Noted): void;
  status(changes: StatusChange[]): void;
  /**
   * What an edit's field held on the task's profile, read from the vendor just before the
   * run (the value Undo puts back); undefined when it could not be read.
   */
  before(task: JobTask): FieldValue | undefined;
  /** A profile this run already knows fresh (the refresh after the job skips it). */
  fresh(profile: Profile): void;
  /**
   * Another connection's provider, for a kind whose tasks read one connection and write
   * another (copy to connection); throws DeckError 'not-found' for an unknown connection.
   */
  provider(connectionId: string): VendorProvider;
  /** The job's id: what a kind that writes files per job names them by. */
  jobId: string;
  /** Aborted only on shutdown: a cancel lets in-flight calls finish. */
  signal: AbortSignal;
  /** Aborted by the user's cancel: what may stop midway (a script, not a vendor call) stops. */
  cancelSignal: AbortSignal;
  /** Profiles per request where the vendor has a batch endpoint for the edit. */
  chunkSize: number;
  /** Bounds a bulk open across all connections: windows cost the whole machine. */
  openLimit: LimitFunction;
  /** Bounds proxy checks across all connections: they share this machine's network. */
  proxyCheckLimit: LimitFunction;
  checkProxy?: ProfileProxyCheck;
  /** The connection's "check proxy before opening" option. */
  checkBeforeOpen?: (connectionId: string) => Promise<boolean>;
  /** Runs automation tasks in open profiles; without it automate items fail as unsupported. */
  automation?: AutomationRunner;
}
