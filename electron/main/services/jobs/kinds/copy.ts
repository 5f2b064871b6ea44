/**
 * Copy (ixBrowser only): one new profile per selected one, named from a template and put
 * in a group per connection when asked. A copy has no mark of the job, so one cut off by a
 * crash is not made again blindly.
 */
import {
  CopyActionSchema,
  renderName,
  type ActionOf,
} from '../../../../../shared/model/job-actions';
import { profileKey } from '../../../../../shared/model';
import { profileTasks, refusal } from '../job-plan';
import { eachProfile } from '../send-tasks';
import type { JobKindSpec } from './spec';

export const copyKind: JobKindSpec<ActionOf<'copy'>> = {
  schema: CopyActionSchema,
  label: 'Copy',
  affects: 'adds',
  untraceable: 'copied',
  sets: ({ name }) =>
    name
      ? {
          text: `named "${name.template}"`,
          words: { key: 'named', params: { template: name.template } },
        }
      : undefined,
  plan: (action, keys, labels) =>
    profileTasks(keys, labels, (task, index) => {
      if (action.name) task.name = renderName(action.name, index);
    }),
  unsupported: (provider) =>
    provider.capabilities.copy
      ? undefined
      : refusal(
          'unsupported',
          `Copy is not offered by this vendor's Local API (${provider.vendor}); ixBrowser profiles only`,
          { reason: 'copy.unsupported', params: { vendor: provider.vendor } },
        ),
  run(action, provider, tasks, ctx) {
    const groupId = action.groupIds?.[provider.connectionId];
    return eachProfile(provider, tasks, ctx, async (task, opts) => {
      const id = await provider.copyProfile(task.vendorId, { name: task.name, groupId }, opts);
      return { resultKey: profileKey(provider.connectionId, id) };
    });
  },
};
