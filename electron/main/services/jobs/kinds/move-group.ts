/** Move to group: a target group per connection of the selection, in vendor requests. */
import { MoveGroupActionSchema, type ActionOf } from '../../../../../shared/model/job-actions';
import { FIELDS } from '../edit-fields';
import { refusal } from '../job-plan';
import { sendEdit } from '../send-tasks';
import type { JobKindSpec } from './spec';

const field = FIELDS.group;

export const moveGroupKind: JobKindSpec<ActionOf<'move-group'>> = {
  schema: MoveGroupActionSchema,
  label: 'Move to group',
  affects: 'updates',
  sets(action) {
    const targets = Object.entries(action.groupIds).map(([connectionId, id]) => ({
      id,
      name: action.groupNames?.[connectionId],
    }));
    const names = [...new Set(targets.flatMap((t) => (t.name === undefined ? [] : [t.name])))];
    const ids = [...new Set(targets.flatMap((t) => (t.name === undefined ? [t.id] : [])))];
    return {
      text: [...new Set(targets.map((t) => t.name ?? `group ${t.id}`))].join(', '),
      words: { key: 'groups', params: { names, ids } },
    };
  },
  refuse: (action, { item }) =>
    action.groupIds[item.connectionId]
      ? undefined
      : refusal('invalid-input', `No target group chosen for connection ${item.connectionId}`, {
          reason: 'job.no-target-group',
          params: { id: item.connectionId },
        }),
  edit: {
    field,
    target(action, task) {
      const id = action.groupIds[task.item.connectionId];
      return id === undefined ? undefined : { id };
    },
  },
  run(action, provider, tasks, ctx) {
    const groupId = action.groupIds[provider.connectionId]!;
    return sendEdit(provider, tasks, ctx, field.batchFlag, (ids, opts) =>
      provider.moveToGroup(ids, groupId, opts),
    );
  },
};
