import { z } from 'zod';
import { DeckErrorSchema } from '../ipc/result';
import { JobItemOutputSchema } from './automation';
import { LabelWordsSchema, NotesWordsSchema, ValueWordsSchema } from './job-words';

export {
  CreateItemSchema,
  JobActionSchema,
  NameTemplateSchema,
  renderName,
  type ActionOf,
  type CreateItem,
  type JobAction,
  type JobKind,
  type NameTemplate,
} from './job-actions';

/**
 * 'pending' once the job has stopped means not started. 'interrupted': BrowserDeck stopped
 * (quit or crash) while the item's vendor call was out, so whether it applied is unknown
 * until a retry reads the vendor. 'skipped': an undo left the profile alone, with the reason.
 */
export const JobItemStateSchema = z.enum([
  'pending',
  'running',
  'ok',
  'failed',
  'cancelled',
  'interrupted',
  'skipped',
]);
export type JobItemState = z.infer<typeof JobItemStateSchema>;

export const JobItemSchema = z.object({
  /** Profile key; for creates, `create:<index>` until the vendor gives an id. */
  key: z.string(),
  connectionId: z.string(),
  label: z.string(),
  state: JobItemStateSchema,
  error: DeckErrorSchema.optional(),
  /** The profile this item produced (create, copy). */
  resultKey: z.string().optional(),
  /** Human note on success, e.g. "already open: attached": English, as a fallback. */
  note: z.string().optional(),
  /** The note as keys the renderer words (absent in journals older than these keys). */
  noteWords: NotesWordsSchema.optional(),
  /** What an automation run gave back for this profile: duration, result, log, files. */
  output: JobItemOutputSchema.optional(),
});
export type JobItem = z.infer<typeof JobItemSchema>;

/**
 * 'done' only when every item went through; 'failures' when the job finished with some
 * failed; 'interrupted' when BrowserDeck stopped before the job did.
 */
export const JobStateSchema = z.enum(['running', 'done', 'failures', 'cancelled', 'interrupted']);
export type JobState = z.infer<typeof JobStateSchema>;
export const JobSchema = z.object({
  id: z.string(),
  kind: z.string(),
  label: z.string(),
  /** The label as the renderer words it, for a kind whose name depends on its action. */
  labelWords: LabelWordsSchema.optional(),
  /** What the job sets, in words: "Warmup" for "Move to group" (never a password). */
  applied: z.string().optional(),
  /** `applied` as a key the renderer words; `applied` stays the English fallback. */
  appliedWords: ValueWordsSchema.optional(),
  state: JobStateSchema,
  createdAt: z.number(),
  finishedAt: z.number().optional(),
  total: z.number(),
  ok: z.number(),
  failed: z.number(),
  cancelled: z.number(),
  interrupted: z.number(),
  skipped: z.number(),
  items: z.array(JobItemSchema),
  retryOf: z.string().optional(),
  /** An undo job: the job whose changes it puts back. */
  undoOf: z.string().optional(),
  /** The undo job started for this one, once there is one. */
  undoneBy: z.string().optional(),
  /** A finished edit that kept the values it overwrote: "Undo" can put them back. */
  undoable: z.boolean().optional(),
});
export type Job = z.infer<typeof JobSchema>;
export type JobSummary = Omit<Job, 'items'>;
export const JobSummarySchema = JobSchema.omit({ items: true });

/** Pushed while a job runs: counts plus the items that changed since the last event. */
export const JobProgressSchema = JobSummarySchema.extend({ changed: z.array(JobItemSchema) });
export type JobProgress = z.infer<typeof JobProgressSchema>;
