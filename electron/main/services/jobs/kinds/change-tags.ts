/**
 * Add or remove tags, keeping each profile's other tags. The vendors only replace a
 * profile's tags, so each profile's new set is computed here from its tags as read from
 * the vendor at the start of the run (never from what the table showed), and profiles that
 * end with the same set share a request. A profile the change leaves as it is gets none.
 */
import { ChangeTagsActionSchema, type ActionOf } from '../../../../../shared/model/job-actions';
import { FIELDS, sortedNames } from '../edit-fields';
import { inRequests } from '../in-requests';
import type { JobTask } from '../job-task';
import { gone } from '../job-verify';
import { fetchProfiles } from '../profile-fetch';
import { batchesEdit, requestShape } from '../request-shape';
import type { RunContext } from '../run-context';
import { callOptions } from '../send-tasks';
import type { VendorProvider } from '../../../providers/provider';
import type { JobKindSpec } from './spec';
import { noted } from '../job-notes';

type ChangeTags = ActionOf<'change-tags'>;

const field = FIELDS.tags;

/** A profile's tags after the change: its own, plus `add`, less `remove`; sorted. */
export function tagsAfter(current: readonly string[], action: ChangeTags): string[] {
  const next = new Set([...current, ...action.add]);
  for (const t of action.remove) next.delete(t);
  return sortedNames([...next]);
}

const quoted = (names: readonly string[]) => names.map((t) => `"${t}"`).join(', ');

function labelOf({ add, remove }: ChangeTags): string {
  if (remove.length === 0) return `Add tags ${quoted(add)}`;
  if (add.length === 0) return `Remove tags ${quoted(remove)}`;
  return `Add tags ${quoted(add)}, remove ${quoted(remove)}`;
}

/** Each pending task's tags now: as read before the run, else read here. */
async function currentTags(
  provider: VendorProvider,
  tasks: readonly JobTask[],
  ctx: RunContext,
): Promise<Map<JobTask, string[]>> {
  const current = new Map<JobTask, string[]>();
  const unread: JobTask[] = [];
  for (const task of tasks) {
    if (task.item.state !== 'pending') continue;
    const before = ctx.before(task);
    if (Array.isArray(before)) current.set(task, before);
    else unread.push(task);
  }
  if (unread.length === 0) return current;
  // The read before the run failed: a profile whose tags are not known is never written.
  let fetched: Awaited<ReturnType<typeof fetchProfiles>>;
  try {
    fetched = await fetchProfiles(
      provider,
      unread.map((t) => t.vendorId),
      callOptions(ctx),
    );
  } catch (e) {
    for (const task of await ctx.claim(unread)) ctx.fail(task, e);
    return current;
  }
  const failed: JobTask[] = [];
  for (const task of unread) {
    const profile = fetched.profiles.get(task.vendorId);
    if (profile) current.set(task, field.read(profile));
    else failed.push(task);
  }
  for (const task of await ctx.claim(failed))
    ctx.fail(task, fetched.errors.get(task.vendorId) ?? gone());
  return current;
}

export const changeTagsKind: JobKindSpec<ChangeTags> = {
  schema: ChangeTagsActionSchema,
  label: 'Change tags',
  labelOf,
  labelWords: ({ add, remove }) => ({ key: 'changeTags', add, remove }),
  affects: 'updates',
  edit: {
    field,
    target: (action, _task, before) =>
      Array.isArray(before) ? tagsAfter(before as string[], action) : undefined,
  },
  async run(action, provider, tasks, ctx) {
    const next = new Map<JobTask, string[]>();
    const unchanged: JobTask[] = [];
    for (const [task, tags] of await currentTags(provider, tasks, ctx)) {
      const after = tagsAfter(tags, action);
      if (field.same(tags, after)) unchanged.push(task);
      else next.set(task, after);
    }
    for (const task of await ctx.claim(unchanged))
      ctx.succeed(
        task,
        action.add.length
          ? noted('already had these tags', 'alreadyHadTags')
          : noted('had none of these tags', 'hadNoneOfTags'),
      );
    const caps = provider.capabilities;
    const shape = requestShape(batchesEdit(field.batchFlag, caps), caps, ctx.chunkSize);
    const opts = callOptions(ctx);
    await inRequests(
      [...next.keys()],
      ctx,
      shape,
      (ids, claimed) => provider.setTags(ids, next.get(claimed[0]!)!, opts),
      { groupOf: (task) => JSON.stringify(next.get(task)) },
    );
  },
};
