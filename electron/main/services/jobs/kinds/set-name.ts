/** Set name: the same name on every selected profile, in vendor requests. */
import { SetNameActionSchema, type ActionOf } from '../../../../../shared/model/job-actions';
import { FIELDS } from '../edit-fields';
import { sendEdit } from '../send-tasks';
import type { JobKindSpec } from './spec';

const field = FIELDS.name;

export const setNameKind: JobKindSpec<ActionOf<'set-name'>> = {
  schema: SetNameActionSchema,
  label: 'Set name',
  affects: 'updates',
  sets: (action) => field.describe(action.name),
  edit: { field, target: (action) => action.name },
  run: (action, provider, tasks, ctx) =>
    sendEdit(provider, tasks, ctx, field.batchFlag, (ids, opts) =>
      provider.setName(ids, action.name, opts),
    ),
};
