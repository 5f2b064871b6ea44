/**
 * What "Copy to connection" will make, shown before it runs: each target profile as it will
 * be (no password, only whether one is carried), what the target vendor cannot take, and
 * the groups and tags that will be created on the target because it has none of that name.
 */
import { z } from 'zod';
import { DeckErrorSchema } from '../ipc/result';
import { ProxyConfigSchema, VendorSchema } from './index';
import { COPY_DROP_REASONS } from './job-values';

/** Rows a preview lists; the counts cover the whole selection. */
export const COPY_PREVIEW_ROWS = 200;

export { COPY_DROP_REASONS };

export const CopyDroppedSchema = z.object({
  field: z.enum(['group', 'tags', 'proxy']),
  why: z.enum(COPY_DROP_REASONS),
  /** The reason's values (vendor names, proxy types, the invalid field). */
  params: z.record(z.string().max(40), z.string().max(300)).optional(),
  /** The same in English, for logs. */
  reason: z.string(),
});
export type CopyDropped = z.infer<typeof CopyDroppedSchema>;

export const CopyPreviewItemSchema = z.object({
  /** The source profile's key. */
  key: z.string(),
  name: z.string(),
  /** The group's name on the target; '' = the target's default group. */
  group: z.string(),
  remark: z.string(),
  tags: z.array(z.string()),
  /** The proxy as the target gets it; null: none. */
  proxy: ProxyConfigSchema.nullable(),
  dropped: z.array(CopyDroppedSchema),
  /** The source profile could not be read: this one will fail. */
  error: DeckErrorSchema.optional(),
});
export type CopyPreviewItem = z.infer<typeof CopyPreviewItemSchema>;

export const CopyPreviewSchema = z.object({
  target: z.object({ connectionId: z.string(), label: z.string(), vendor: VendorSchema }),
  /** Profiles in the selection (items lists the first COPY_PREVIEW_ROWS). */
  total: z.number().int(),
  items: z.array(CopyPreviewItemSchema),
  /** Profiles that will fail as things stand (source unreadable, already in the target). */
  failing: z.number().int(),
  /** Group and tag names the target lacks, created by the job. */
  newGroups: z.array(z.string()),
  newTags: z.array(z.string()),
});
export type CopyPreview = z.infer<typeof CopyPreviewSchema>;
