/**
 * What main says about a job in words the renderer can put in the user's language: a key
 * from a closed list plus the data it names (a profile name, an IP, a count). Main still
 * sends its English beside it (`note`, `applied`, `label`): a journal written before these
 * keys existed has only that, and so do CSV exports.
 */
import { z } from 'zod';
import { AUTOMATION_TASK_LABEL, type AutomationTaskType } from './automation';
import { FIELD_NOUNS } from './job-values';

const AutomationTaskTypeSchema = z.enum(
  Object.keys(AUTOMATION_TASK_LABEL) as [AutomationTaskType, ...AutomationTaskType[]],
);

/** Data put into a worded text: a name or an address, a count, a list of names. */
const WordValueSchema = z.union([
  z.string().max(300),
  z.number(),
  z.array(z.string().max(200)).max(50),
]);
const WordParamsSchema = z
  .record(z.string().max(40), WordValueSchema)
  .refine((p) => Object.keys(p).length <= 12, 'at most 12 parameters');
export type WordParams = z.infer<typeof WordParamsSchema>;

/** The profile fields an edit sets, as words name them ("its remark"). */
export const FieldNounSchema = z.enum(FIELD_NOUNS);
export type { FieldNoun } from './job-values';

/** A value a job set or found on a profile: what Activity shows after the job's name. */
export const ValueKeySchema = z.enum([
  /** `"text"` (a name or remark, cut at 60 characters). */
  'text',
  'empty',
  /** `"a", "b"`: `tags`. */
  'tags',
  'noTags',
  /** `group 12`: a group without a name, by `id`. */
  'groupId',
  /** Groups moved to: `names`, then `ids` of those without a name. */
  'groups',
  /** A rename's template: `"Shop {n}" from 3` (`template`, `start`). */
  'template',
  /** A copy's name: `named "Shop {n}"` (`template`). */
  'named',
  /** Assign proxies: `count` proxies from a list. */
  'proxyList',
  /** An import: how many of each field, `names`, `remarks`, `groups`, `tagSets`, `proxies`. */
  'sheet',
  /** A proxy set: `proxy` as written (`socks5 user:•••@1.2.3.4:1080`). */
  'proxy',
  'proxyDirect',
  /** `vendor-managed #id` (`id` when there is one). */
  'proxyVendor',
  /** A proxy extraction link of `type`. */
  'proxyApi',
  /** A profile's proxy in an undo's reason: `url` (`socks5://1.2.3.4:1080`). */
  'proxyUrl',
  'noProxy',
  'someVendorProxy',
  'someApiProxy',
]);
export type ValueKey = z.infer<typeof ValueKeySchema>;

export const ValueWordsSchema = z.object({
  key: ValueKeySchema,
  params: WordParamsSchema.optional(),
});
export type ValueWords = z.infer<typeof ValueWordsSchema>;

/** What an item's note says (one note may say several, joined). */
export const NoteKeySchema = z.enum([
  'openedAndClosed',
  'alreadyOpen',
  'alreadyClosed',
  /** Open's proxy check passed; `ip` when known. */
  'proxyChecked',
  /** Open's proxy check could not run: `reason` as main gave it. */
  'proxyNotChecked',
  /** A proxy check passed; `ip` and `ms` when known. */
  'proxyWorks',
  'alreadyHadTags',
  'hadNoneOfTags',
  /** An import wrote these `fields` (field nouns). */
  'fieldsSet',
  /** `name` */
  'renamedTo',
  'alreadyApplied',
  /** Copy to connection left a field out: `of` (a field noun), `why` (a copy drop reason), its values. */
  'notCopied',
  'stoppedByCancel',
  'unknownOutcome',
  /** Undo skips: `field` is a FieldNoun. */
  'undoNotRead',
  'undoGone',
  'undoAlreadyBack',
  /** `field`, and `now` / `set` (value words) as the profile holds it and as the edit set it. */
  'undoChangedSince',
  'undoNameEmpty',
  'undoProxyPassword',
]);
export type NoteKey = z.infer<typeof NoteKeySchema>;

export const NoteWordsSchema = z.object({
  key: NoteKeySchema,
  params: WordParamsSchema.optional(),
  /** Values the note names, worded in turn (an undo's "now … , the edit set …"). */
  values: z.record(z.string().max(40), ValueWordsSchema).optional(),
});
export type NoteWords = z.infer<typeof NoteWordsSchema>;
export const NotesWordsSchema = z.array(NoteWordsSchema).max(8);

/** A job's name where its action words it: tags added, the task run, the edit undone. */
export const LabelWordsSchema = z.discriminatedUnion('key', [
  z.object({
    key: z.literal('changeTags'),
    add: z.array(z.string().max(200)).max(50),
    remove: z.array(z.string().max(200)).max(50),
  }),
  z.object({ key: z.literal('automation'), task: AutomationTaskTypeSchema }),
  z.object({ key: z.literal('script'), name: z.string().max(200).optional() }),
  /** `kind`: the kind of the job undone. */
  z.object({ key: z.literal('undo'), kind: z.string().max(40) }),
]);
export type LabelWords = z.infer<typeof LabelWordsSchema>;
