/**
 * The closed lists the job schemas (job-words.ts, job-actions.ts, copy-preview.ts) are built
 * from, as plain lists: the renderer words jobs from them on its first screen (Activity's
 * chip, a job's toast) without loading zod (start.lastknown10k.ms), as row-values.ts does for
 * a profile's values.
 */

/** The profile fields an edit sets, as words name them ("its remark"). */
export const FIELD_NOUNS = ['remark', 'name', 'group', 'tags', 'proxy'] as const;
export type FieldNoun = (typeof FIELD_NOUNS)[number];

/** The fields a spreadsheet row may set, in the order they are written to the vendor. */
export const SHEET_EDIT_FIELDS = ['name', 'remark', 'groupId', 'tags', 'proxy'] as const;

/** Why the target does not get a field: worded in the UI's language from these and `params`. */
export const COPY_DROP_REASONS = [
  'no-tag-calls',
  'unnamed-group',
  'vendor-proxy',
  'no-extraction-link',
  'proxy-type',
  'invalid-proxy',
] as const;
