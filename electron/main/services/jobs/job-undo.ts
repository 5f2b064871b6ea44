/**
 * Undo of a finished edit: what the edit overwrote was read just before it and kept in the
 * journal. An undo job puts each value back, but only on a profile that still holds what
 * the edit set: one edited since (by hand, or by another job) is left alone and the item
 * says why, so an undo never overwrites newer work.
 */
import type { JobItem } from '../../../../shared/model/job';
import type { CallOptions, VendorProvider } from '../../providers/provider';
import { EDIT_FIELDS, editOf, isEditKind, type FieldValue } from './edit-fields';
import type { RunContext } from './job-actions';
import { inRequests } from './in-requests';
import type { EditKind, EngineAction, JobTask, UndoAction } from './job-plan';
import { fetchProfiles } from './profile-fetch';
import { batchesEdit, requestShape } from './request-shape';

/** Items whose change may be on the profile: the vendor said ok, or it may have before a stop. */
const CHANGED: ReadonlySet<JobItem['state']> = new Set(['ok', 'interrupted']);

/** Reads the field an edit is about to overwrite on these (still pending) profiles. */
export async function readPrevious(
  action: EngineAction,
  provider: VendorProvider,
  tasks: readonly JobTask[],
  opts: CallOptions,
): Promise<Map<JobTask, FieldValue>> {
  const previous = new Map<JobTask, FieldValue>();
  if (!isEditKind(action.kind)) return previous;
  const field = EDIT_FIELDS[action.kind];
  const pending = tasks.filter((t) => t.item.state === 'pending');
  if (pending.length === 0) return previous;
  const { profiles } = await fetchProfiles(
    provider,
    pending.map((t) => t.vendorId),
    opts,
  );
  for (const task of pending) {
    const profile = profiles.get(task.vendorId);
    if (profile) previous.set(task, field.read(profile));
  }
  return previous;
}

/** Whether Undo has anything to put back in this finished job. */
export function canUndo(
  action: EngineAction,
  tasks: readonly JobTask[],
  previous: ReadonlyMap<number, FieldValue>,
): boolean {
  return (
    isEditKind(action.kind) && tasks.some((t, i) => CHANGED.has(t.item.state) && previous.has(i))
  );
}

/**
 * The undo job of a finished edit: one task per item whose change may be on the profile.
 * One without a recorded previous value is skipped at once, with the reason.
 */
export function planUndo(
  undoOf: string,
  action: EngineAction,
  tasks: readonly JobTask[],
  previous: ReadonlyMap<number, FieldValue>,
): { action: UndoAction; tasks: JobTask[] } | undefined {
  const edit = action.kind;
  if (!isEditKind(edit)) return undefined;
  const planned: JobTask[] = [];
  tasks.forEach((task, i) => {
    if (!CHANGED.has(task.item.state)) return;
    const { key, connectionId, label } = task.item;
    const item: JobItem = { key, connectionId, label, state: 'pending' };
    const restore = previous.get(i);
    const expected = editOf(action, task)?.target;
    if (restore === undefined || expected === undefined) {
      item.state = 'skipped';
      item.note = `Left as it is: its ${EDIT_FIELDS[edit].noun} before the edit could not be read`;
      planned.push({ item, vendorId: task.vendorId });
      return;
    }
    planned.push({ item, vendorId: task.vendorId, undo: { restore, expected } });
  });
  return { action: { kind: 'undo', undoOf, edit }, tasks: planned };
}

/** The request each edit kind is sent as, for how many profiles one request may carry. */
const WRITTEN_AS: Record<EditKind, EditKind> = {
  'set-remark': 'set-remark',
  'set-name': 'set-name',
  rename: 'set-name',
  'move-group': 'move-group',
  'set-tags': 'set-tags',
  'set-proxy': 'set-proxy',
  'assign-proxies': 'set-proxy',
};

/** Runs an undo's tasks on one connection: check each profile, then put values back. */
export async function restoreOnConnection(
  action: UndoAction,
  provider: VendorProvider,
  tasks: readonly JobTask[],
  ctx: RunContext,
  opts: CallOptions,
): Promise<void> {
  const field = EDIT_FIELDS[action.edit];
  const pending = tasks.filter((t) => t.item.state === 'pending' && t.undo);
  let fetched: Awaited<ReturnType<typeof fetchProfiles>>;
  try {
    fetched = await fetchProfiles(
      provider,
      pending.map((t) => t.vendorId),
      opts,
    );
  } catch (e) {
    for (const task of pending) ctx.fail(task, e);
    return;
  }
  const toWrite: JobTask[] = [];
  for (const task of pending) {
    const { restore, expected } = task.undo!;
    const error = fetched.errors.get(task.vendorId);
    const profile = fetched.profiles.get(task.vendorId);
    const why = (reason: string) => `Left as it is: ${reason}`;
    if (error) ctx.fail(task, error);
    else if (!profile) ctx.skip(task, why('the profile no longer exists'));
    else if (field.same(field.read(profile), restore))
      ctx.skip(task, why(`it already has its ${field.noun} from before the edit`));
    else if (!field.same(field.read(profile), expected))
      ctx.skip(
        task,
        why(
          `its ${field.noun} was changed after the edit (now ${field.describe(field.read(profile))}, the edit set ${field.describe(expected)})`,
        ),
      );
    else {
      const unrestorable = field.unrestorable?.(restore);
      if (unrestorable) ctx.skip(task, why(unrestorable));
      else toWrite.push(task);
    }
  }
  const caps = provider.capabilities;
  const shape = requestShape(batchesEdit(WRITTEN_AS[action.edit], caps), caps, ctx.chunkSize);
  await inRequests(
    toWrite,
    ctx,
    shape,
    (ids, claimed) => field.write(provider, ids, claimed[0]!.undo!.restore, opts),
    { groupOf: (task) => JSON.stringify(task.undo!.restore) },
  );
}
