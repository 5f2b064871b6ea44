import { z } from 'zod';
import { DeckErrorSchema } from '../ipc/result';
import { ProxyInputSchema } from './proxy-input';

const Id = z.string().min(1).max(200);
const Name = z.string().max(200);

/** A name template such as `Shop {n}`: {n} is the running number, zero-padded to `pad`. */
export const NameTemplateSchema = z.object({
  template: z
    .string()
    .min(1)
    .max(200)
    .refine((t) => t.includes('{n}'), 'must contain {n}'),
  start: z.number().int().min(0).max(1_000_000).default(1),
  pad: z.number().int().min(0).max(8).default(0),
});
export type NameTemplate = z.infer<typeof NameTemplateSchema>;

export function renderName(t: NameTemplate, index: number): string {
  return t.template.replaceAll('{n}', String(t.start + index).padStart(t.pad, '0'));
}

export const CreateItemSchema = z.object({
  name: Name.min(1),
  groupId: Id.optional(),
  tags: z.array(Name).max(50).default([]),
  remark: z.string().max(1000).default(''),
  proxy: ProxyInputSchema.optional(),
  startUrl: z.string().max(2048).optional(),
  /** CosLogin: build `config` like this existing profile (its key). */
  likeProfileKey: Id.optional(),
});
export type CreateItem = z.infer<typeof CreateItemSchema>;

/** Per-connection choices, e.g. the target group in each connection of a spanning selection. */
const PerConnection = <T extends z.ZodType>(value: T) => z.record(Id, value);

export const JobActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('open') }),
  z.object({ kind: z.literal('close') }),
  z.object({ kind: z.literal('move-group'), groupIds: PerConnection(Id) }),
  z.object({ kind: z.literal('set-remark'), remark: z.string().max(1000) }),
  z.object({ kind: z.literal('rename'), name: NameTemplateSchema }),
  z.object({ kind: z.literal('set-name'), name: Name.min(1) }),
  z.object({ kind: z.literal('set-tags'), tags: z.array(Name.min(1)).max(50) }),
  z.object({ kind: z.literal('set-proxy'), proxy: ProxyInputSchema }),
  z.object({
    kind: z.literal('assign-proxies'),
    /** One proxy per profile key, in the order the user previewed. */
    assignments: z.array(z.object({ key: Id, proxy: ProxyInputSchema })).max(100_000),
  }),
  z.object({
    kind: z.literal('copy'),
    name: NameTemplateSchema.optional(),
    groupIds: PerConnection(Id).optional(),
  }),
  z.object({ kind: z.literal('delete') }),
  z.object({ kind: z.literal('check-proxy') }),
  z.object({
    kind: z.literal('create'),
    connectionId: Id,
    items: z.array(CreateItemSchema).min(1).max(1000),
  }),
]);
export type JobAction = z.infer<typeof JobActionSchema>;
export type JobKind = JobAction['kind'];

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
  /** Human note on success, e.g. "already open: attached". */
  note: z.string().optional(),
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
