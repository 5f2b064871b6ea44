/** Set tags: the same tags on every selected profile, in vendor requests. */
import { SetTagsActionSchema, type ActionOf } from '../../../../../shared/model/job-actions';
import { FIELDS, sortedNames } from '../edit-fields';
import { sendEdit } from '../send-tasks';
import type { JobKindSpec } from './spec';

const field = FIELDS.tags;

export const setTagsKind: JobKindSpec<ActionOf<'set-tags'>> = {
  schema: SetTagsActionSchema,
  label: 'Set tags',
  affects: 'updates',
  sets: (action) => field.describe(action.tags),
  edit: { field, target: (action) => sortedNames(action.tags) },
  run: (action, provider, tasks, ctx) =>
    sendEdit(provider, tasks, ctx, field.batchFlag, (ids, opts) =>
      provider.setTags(ids, action.tags, opts),
    ),
};
