/**
 * Undo of a finished edit: what the edit overwrote was read just before it and kept in the
 * journal. An undo job puts each value back, but only on a profile that still holds what
 * the edit set: one edited since (by hand, or by another job) is left alone and the item
 * says why, so an undo never overwrites newer work. The undo job's own kind is
 * kinds/undo.ts; which field an edit sets comes from the edit's spec.
 */
import type { JobItem } from '../../../../shared/model/job';
import type { CallOptions, VendorProvider } from '../../providers/provider';
import type { EditField, FieldValue } from './edit-fields';
import type { JobKindSpec, KindAction } from './kinds/spec';
import type { UndoAction } from './kinds/undo';
import type { JobTask } from './job-task';
import { noted } from './job-notes';
import { fetchProfiles } from './profile-fetch';

/** Items whose change may be on the profile: the vendor said ok, or it may have before a stop. */
const CHANGED: ReadonlySet<JobItem['state']> = new Set(['ok', 'interrupted']);

/** Reads the field an edit is about to overwrite on these (still pending) profiles. */
export async function readPrevious(
  field: EditField,
  provider: VendorProvider,
  tasks: readonly JobTask[],
  opts: CallOptions,
): Promise<Map<JobTask, FieldValue>> {
  const previous = new Map<JobTask, FieldValue>();
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
  spec: JobKindSpec,
  tasks: readonly JobTask[],
  previous: ReadonlyMap<number, FieldValue>,
): boolean {
  return (
    spec.edit !== undefined && tasks.some((t, i) => CHANGED.has(t.item.state) && previous.has(i))
  );
}

/**
 * The undo job of a finished edit: one task per item whose change may be on the profile.
 * One without a recorded previous value is skipped at once, with the reason.
 */
export function planUndo(
  undoOf: string,
  spec: JobKindSpec,
  action: KindAction,
  tasks: readonly JobTask[],
  previous: ReadonlyMap<number, FieldValue>,
): { action: UndoAction; tasks: JobTask[] } | undefined {
  const { edit } = spec;
  if (!edit) return undefined;
  const planned: JobTask[] = [];
  tasks.forEach((task, i) => {
    if (!CHANGED.has(task.item.state)) return;
    const { key, connectionId, label } = task.item;
    const item: JobItem = { key, connectionId, label, state: 'pending' };
    const restore = previous.get(i);
    const expected = edit.target(action, task, restore);
    if (restore === undefined || expected === undefined) {
      item.state = 'skipped';
      Object.assign(
        item,
        noted(
          `Left as it is: its ${edit.field.noun} before the edit could not be read`,
          'undoNotRead',
          { field: edit.field.noun },
        ),
      );
      planned.push({ item, vendorId: task.vendorId });
      return;
    }
    planned.push({ item, vendorId: task.vendorId, undo: { restore, expected } });
  });
  return { action: { kind: 'undo', undoOf, edit: action.kind }, tasks: planned };
}
