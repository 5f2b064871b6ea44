/**
 * What a job kind is. Each kind declares, in its own module under kinds/, everything the
 * engine, the planner, the journal, Undo and the retry after a crash need to know about
 * it; kinds/index.ts collects them in one table. None of those modules names a kind: they
 * look the action's kind up in the table and ask its spec.
 */
import type { z } from 'zod';
import type { Profile } from '../../../../../shared/model';
import { DeckError, type DeckErrorValue } from '../../../../../shared/ipc/result';
import type { VendorProvider } from '../../../providers/provider';
import type { LabelWords } from '../../../../../shared/model/job-words';
import type { Described, EditField, FieldValue } from '../edit-fields';
import type { JobTask } from '../job-task';
import type { RunContext } from '../run-context';

/** What every action has: its kind, the key into the kinds table. */
export interface KindAction {
  readonly kind: string;
}

/** What the profile read now says about an item that was on the wire when BrowserDeck stopped. */
export type Verdict = 'applied' | 'not-applied' | DeckError;

/** What this build can do, which decides whether some tasks can run at all. */
export interface Abilities {
  canCheckProxy: boolean;
  canAutomate: boolean;
}

/** The profile field an edit sets. */
export interface KindEdit<A extends KindAction = KindAction> {
  field: EditField;
  /**
   * What the edit sets on this task's profile. `before`: what the profile held just before
   * the edit, for an edit whose result depends on it (adding a tag); undefined when unknown.
   */
  target(action: A, task: JobTask, before?: FieldValue): FieldValue | undefined;
}

// Members that take the action are methods, so a spec of one kind's action fits the
// table's JobKindSpec (method parameters are compared both ways).
export interface JobKindSpec<A extends KindAction = KindAction> {
  /** The action as the journal reads it back; started kinds use their shared schema. */
  schema: z.ZodType<A>;
  /** What Activity calls the job: "Set remark". */
  label: string;
  /** A label that depends on the action (an undo names the edit it puts back). */
  labelOf?(action: A): string;
  /** `labelOf` as the renderer words it in the user's language. */
  labelWords?(action: A): LabelWords;
  /**
   * What the job sets, for Activity: "Warmup" (Move to group → Warmup). Never a password;
   * absent when the label says it all (Open).
   */
  sets?(action: A): Described | undefined;
  /** How many profiles it works on at once when the request names no concurrency. */
  defaultConcurrency?: number;
  /** The action lists what to do itself (items to create, assignments): no selection needed. */
  selectionOptional?: boolean;
  /** The tasks of a start; one per selected profile, in order, when omitted (profileTasks). */
  plan?(action: A, keys: readonly string[], labels: Readonly<Record<string, string>>): JobTask[];
  /** Its items are profiles still to be made (`create:<n>`), not profile keys. */
  newProfiles?: boolean;
  /** Why a task cannot run, told from the request alone, before its connection is looked up. */
  refuse?(action: A, task: JobTask, abilities: Abilities): DeckErrorValue | undefined;
  /** Why this connection's vendor cannot do it at all (a refusal, with its reason). */
  unsupported?(provider: VendorProvider): DeckErrorValue | undefined;
  /** Sends one connection's tasks to its vendor, each claimed and settled through ctx. */
  run(action: A, provider: VendorProvider, tasks: JobTask[], ctx: RunContext): Promise<void>;
  /** What a finished job did to the table's rows, so only those are refreshed. */
  affects: 'updates' | 'removes' | 'adds';
  /** The field an edit sets: what it overwrites is kept, and Undo can put it back. */
  edit?: KindEdit<A>;
  /**
   * Retry after a stop: whether an item that was on the wire applied, from its profile as
   * read now (undefined: gone). An edit answers from its field; a kind with neither this
   * nor `untraceable` is simply sent again.
   */
  applied?(action: A, task: JobTask, profile: Profile | undefined): Verdict;
  /**
   * Set when what the kind makes cannot be recognised after a crash, to what it does to
   * an item ('created'): no intent is written ahead of its requests, and an item that was
   * on the wire fails with the reason instead of being made twice.
   */
  untraceable?: string;
  /** The action as its journal keeps it: no password, nothing each item repeats. */
  stored?(action: A): unknown;
  /** The stored action made whole again from its items; it may mark tasks that cannot run. */
  restored?(stored: Readonly<Record<string, unknown>>, tasks: readonly JobTask[]): unknown;
}

/** Every kind a job can run, by name. */
export type JobKinds = Readonly<Record<string, JobKindSpec>>;

/** The kind of that name, if the table has it (never something inherited by every object). */
export const findKind = (kinds: JobKinds, kind: string): JobKindSpec | undefined =>
  Object.hasOwn(kinds, kind) ? kinds[kind] : undefined;

export function kindSpec(kinds: JobKinds, kind: string): JobKindSpec {
  const spec = findKind(kinds, kind);
  if (!spec)
    throw DeckError.of('invalid-input', `"${kind}" is not a kind of job`, {
      details: { field: 'action.kind' },
      reason: 'job.unknown-kind',
      params: { kind },
    });
  return spec;
}
