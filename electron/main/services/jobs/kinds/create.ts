/**
 * Create: one new profile per listed item, in the connection the action names; no
 * selection. Items are kept with their tasks (the journal does not repeat them in the
 * action), and one cut off by a crash is not made again blindly.
 */
import { CreateActionSchema, type ActionOf } from '../../../../../shared/model/job-actions';
import { splitProfileKey, profileKey } from '../../../../../shared/model';
import { refusal } from '../job-plan';
import { pendingItem } from '../job-task';
import { eachProfile } from '../send-tasks';
import type { JobKindSpec } from './spec';

export const createKind: JobKindSpec<ActionOf<'create'>> = {
  schema: CreateActionSchema,
  label: 'Create profiles',
  affects: 'adds',
  untraceable: 'created',
  selectionOptional: true,
  newProfiles: true,
  plan: (action) =>
    action.items.map((create, index) => ({
      item: pendingItem(`create:${index}`, action.connectionId, create.name),
      vendorId: '',
      create,
    })),
  refuse(_action, task) {
    const like = task.create?.likeProfileKey;
    return like && splitProfileKey(like).connectionId !== task.item.connectionId
      ? refusal('invalid-input', `The template profile ${like} is not in this connection`, {
          reason: 'job.template-elsewhere',
          params: { like },
        })
      : undefined;
  },
  run: (_action, provider, tasks, ctx) =>
    eachProfile(provider, tasks, ctx, async (task, opts) => {
      const like = task.create!.likeProfileKey;
      const id = await provider.createProfile(task.create!, {
        ...opts,
        likeVendorId: like ? splitProfileKey(like).vendorId : undefined,
      });
      return { resultKey: profileKey(provider.connectionId, id) };
    }),
  stored: (action) => ({ ...action, items: [] }),
  restored: (stored, tasks) => ({ ...stored, items: tasks.map((t) => t.create) }),
};
