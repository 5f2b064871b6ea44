/**
 * Rename: a name per profile from a template (`Shop {n}`), numbered in selection order at
 * planning, so a retry gives profile #7 "Shop 7" again. One call per profile.
 */
import {
  RenameActionSchema,
  renderName,
  type ActionOf,
} from '../../../../../shared/model/job-actions';
import { FIELDS } from '../edit-fields';
import { profileTasks } from '../job-plan';
import { eachProfile, single } from '../send-tasks';
import type { JobKindSpec } from './spec';
import { noted } from '../job-notes';

export const renameKind: JobKindSpec<ActionOf<'rename'>> = {
  schema: RenameActionSchema,
  label: 'Rename',
  affects: 'updates',
  plan: (action, keys, labels) =>
    profileTasks(keys, labels, (task, index) => {
      task.name = renderName(action.name, index);
    }),
  sets: ({ name: { template, start } }) => ({
    text: `"${template}" from ${start}`,
    words: { key: 'template', params: { template, start } },
  }),
  edit: { field: FIELDS.name, target: (_action, task) => task.name },
  run: (_action, provider, tasks, ctx) =>
    eachProfile(provider, tasks, ctx, async (task, opts) => {
      single(await provider.setName([task.vendorId], task.name!, opts), task.vendorId);
      return noted(`renamed to "${task.name}"`, 'renamedTo', { name: task.name! });
    }),
};
