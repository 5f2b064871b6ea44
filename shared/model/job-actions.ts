/**
 * What each job kind a user starts (jobs:start) is asked to do: one named schema per kind,
 * and the union of them that the contract checks. A kind's schema is written once, here;
 * main's kind module (electron/main/services/jobs/kinds/) uses the same object to read the
 * action back from a journal, and the renderer builds its requests from the same types.
 */
import { z } from 'zod';
import { issueReason, schemaMessage } from '../ipc/error-reasons';
import { AUTOMATION_DEFAULTS, AutomationTaskSchema } from './automation';
import { ProxyInputSchema } from './proxy-input';
import { SHEET_EDIT_FIELDS } from './job-values';

const Id = z.string().min(1).max(200);
const Name = z.string().max(200);

/** A name template such as `Shop {n}`: {n} is the running number, zero-padded to `pad`. */
export const NameTemplateSchema = z.object({
  template: z
    .string()
    .min(1)
    .max(200)
    .refine((t) => t.includes('{n}'), schemaMessage('invalid.name-template', 'must contain {n}')),
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

export const OpenActionSchema = z.object({ kind: z.literal('open') });
export const CloseActionSchema = z.object({ kind: z.literal('close') });
export const MoveGroupActionSchema = z.object({
  kind: z.literal('move-group'),
  groupIds: PerConnection(Id),
  /** The groups' names as the user picked them, so Activity says where the profiles went. */
  groupNames: PerConnection(Name).optional(),
});
export const SetRemarkActionSchema = z.object({
  kind: z.literal('set-remark'),
  remark: z.string().max(1000),
});
export const RenameActionSchema = z.object({ kind: z.literal('rename'), name: NameTemplateSchema });
export const SetNameActionSchema = z.object({ kind: z.literal('set-name'), name: Name.min(1) });
export const SetTagsActionSchema = z.object({
  kind: z.literal('set-tags'),
  tags: z.array(Name.min(1)).max(50),
});
/**
 * Add and remove tags, keeping each profile's other tags. Vendors only replace a profile's
 * tags, so main computes each profile's new set from its tags as read at the start.
 */
export const ChangeTagsActionSchema = z
  .object({
    kind: z.literal('change-tags'),
    add: z.array(Name.trim().min(1)).max(50).default([]),
    remove: z.array(Name.trim().min(1)).max(50).default([]),
  })
  .superRefine((a, ctx) => {
    if (a.add.length === 0 && a.remove.length === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['add'],
        message: 'name a tag to add or remove',
        params: issueReason('invalid.tags-none'),
      });
    const both = a.add.find((t) => a.remove.includes(t));
    if (both !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['remove'],
        message: `"${both}" cannot be both added and removed`,
        params: issueReason('invalid.tags-both', { tag: both }),
      });
  });
export const SetProxyActionSchema = z.object({
  kind: z.literal('set-proxy'),
  proxy: ProxyInputSchema,
});
export const AssignProxiesActionSchema = z.object({
  kind: z.literal('assign-proxies'),
  /** One proxy per profile key, in the order the user previewed. */
  assignments: z.array(z.object({ key: Id, proxy: ProxyInputSchema })).max(100_000),
});
export const CopyActionSchema = z.object({
  kind: z.literal('copy'),
  name: NameTemplateSchema.optional(),
  groupIds: PerConnection(Id).optional(),
});
/**
 * Copy to another connection: each selected profile made again in the target connection
 * (any vendor) with its name, group and tags (by name), remark and proxy. Main reads all of
 * it from the source, proxy passwords included: the request carries only the target.
 */
export const CopyToConnectionActionSchema = z.object({
  kind: z.literal('copy-to-connection'),
  targetConnectionId: Id,
});
export const DeleteActionSchema = z.object({ kind: z.literal('delete') });
export const CheckProxyActionSchema = z.object({ kind: z.literal('check-proxy') });
export { SHEET_EDIT_FIELDS };

/**
 * One profile's row of an imported spreadsheet: only the fields that differ from the
 * profile as the preview read it. The group is an id of the profile's own connection.
 */
export const SheetEditSchema = z
  .object({
    key: Id,
    name: Name.min(1).optional(),
    remark: z.string().max(1000).optional(),
    groupId: Id.optional(),
    tags: z.array(Name.min(1)).max(50).optional(),
    proxy: ProxyInputSchema.optional(),
  })
  .refine(
    (e) => SHEET_EDIT_FIELDS.some((f) => e[f] !== undefined),
    schemaMessage(
      'invalid.sheet-edit-empty',
      'changes nothing: name, remark, groupId, tags or proxy',
    ),
  );
export type SheetEdit = z.infer<typeof SheetEditSchema>;

export const ImportSheetActionSchema = z.object({
  kind: z.literal('import-sheet'),
  /** One per profile, in the order of the file. */
  edits: z.array(SheetEditSchema).min(1).max(100_000),
});

export const CreateActionSchema = z.object({
  kind: z.literal('create'),
  connectionId: Id,
  items: z.array(CreateItemSchema).min(1).max(1000),
});

/**
 * Automation: a task in every selected profile over its DevTools endpoint. A closed profile
 * is opened for the task and closed again (unless `openClosed` is off: it then fails).
 */
export const AutomateActionSchema = z.object({
  kind: z.literal('automate'),
  task: AutomationTaskSchema,
  /** Per profile, for the task itself (opening and closing have the vendor's own limits). */
  timeoutMs: z.number().int().min(1000).max(3_600_000).default(AUTOMATION_DEFAULTS.timeoutMs),
  openClosed: z.boolean().default(true),
});

/** Every kind jobs:start takes. A new kind: its schema above, and one line here. */
export const JobActionSchema = z.discriminatedUnion('kind', [
  OpenActionSchema,
  CloseActionSchema,
  MoveGroupActionSchema,
  SetRemarkActionSchema,
  RenameActionSchema,
  SetNameActionSchema,
  SetTagsActionSchema,
  ChangeTagsActionSchema,
  SetProxyActionSchema,
  AssignProxiesActionSchema,
  CopyActionSchema,
  DeleteActionSchema,
  CheckProxyActionSchema,
  CreateActionSchema,
  ImportSheetActionSchema,
  CopyToConnectionActionSchema,
  AutomateActionSchema,
]);
export type JobAction = z.infer<typeof JobActionSchema>;
export type JobKind = JobAction['kind'];
/** The action of one kind: `ActionOf<'rename'>`. */
export type ActionOf<K extends JobKind> = Extract<JobAction, { kind: K }>;
