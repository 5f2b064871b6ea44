/** Delete: in vendor requests; deleted rows leave the table. */
import { DeleteActionSchema, type ActionOf } from '../../../../../shared/model/job-actions';
import { sendEdit } from '../send-tasks';
import type { JobKindSpec } from './spec';

export const deleteKind: JobKindSpec<ActionOf<'delete'>> = {
  schema: DeleteActionSchema,
  label: 'Delete',
  affects: 'removes',
  applied: (_action, _task, profile) => (profile ? 'not-applied' : 'applied'),
  run: (_action, provider, tasks, ctx) =>
    sendEdit(provider, tasks, ctx, 'batchDelete', (ids, opts) =>
      provider.deleteProfiles(ids, opts),
    ),
};
