/** Set remark: the same remark on every selected profile, in vendor requests. */
import { SetRemarkActionSchema, type ActionOf } from '../../../../../shared/model/job-actions';
import { FIELDS } from '../edit-fields';
import { sendEdit } from '../send-tasks';
import type { JobKindSpec } from './spec';

const field = FIELDS.remark;

export const setRemarkKind: JobKindSpec<ActionOf<'set-remark'>> = {
  schema: SetRemarkActionSchema,
  label: 'Set remark',
  affects: 'updates',
  sets: (action) => field.describe(action.remark),
  edit: { field, target: (action) => action.remark },
  run: (action, provider, tasks, ctx) =>
    sendEdit(provider, tasks, ctx, field.batchFlag, (ids, opts) =>
      provider.setRemark(ids, action.remark, opts),
    ),
};
