/**
 * Undo: puts back what a finished edit overwrote (job-undo.ts plans it from that job),
 * on each profile that still holds what the edit set; the others are skipped with the
 * reason. Never started by jobs:start. Which field it writes comes from the spec of the
 * edit it undoes, looked up by name in the kinds table.
 */
import { z } from 'zod';
import { DeckError } from '../../../../../shared/ipc/result';
import type { EditField } from '../edit-fields';
import { inRequests } from '../in-requests';
import type { JobTask } from '../job-task';
import { fieldVerdict } from '../job-verify';
import { fetchProfiles } from '../profile-fetch';
import { batchesEdit, requestShape } from '../request-shape';
import type { RunContext } from '../run-context';
import { noted, type NoteArgs } from '../job-notes';
import { callOptions } from '../send-tasks';
import type { VendorProvider } from '../../../providers/provider';
import type { JobKindSpec, KindEdit } from './spec';

/** Puts back what the finished job `undoOf`, of kind `edit`, overwrote. */
export interface UndoAction {
  kind: 'undo';
  undoOf: string;
  edit: string;
}

/** The undo kind over a table of kinds, found by `kindOf` (the table it is part of). */
export function createUndoKind(
  kindOf: (kind: string) => JobKindSpec | undefined,
): JobKindSpec<UndoAction> {
  const undone = (action: UndoAction): { label: string; edit: KindEdit } => {
    const spec = kindOf(action.edit);
    if (!spec?.edit)
      throw DeckError.of('internal', `A ${action.edit} job cannot be undone`, {
        reason: 'job.undo-kind',
        params: { kind: action.edit },
      });
    return { label: spec.label, edit: spec.edit };
  };
  return {
    schema: z.object({
      kind: z.literal('undo'),
      undoOf: z.string(),
      edit: z.string().refine((kind) => kindOf(kind)?.edit !== undefined, 'not an edit'),
    }),
    label: 'Undo',
    labelOf: (action) => `Undo ${undone(action).label.toLowerCase()}`,
    labelWords: (action) => ({ key: 'undo', kind: action.edit }),
    affects: 'updates',
    plan() {
      throw DeckError.of('invalid-input', 'An undo starts from the job it undoes (jobs:undo)', {
        reason: 'job.undo-start',
      });
    },
    applied: (action, task, profile) =>
      fieldVerdict(undone(action).edit.field, task.undo?.restore, profile),
    run: (action, provider, tasks, ctx) =>
      restoreOnConnection(undone(action).edit.field, provider, tasks, ctx),
  };
}

/** Runs an undo's tasks on one connection: check each profile, then put values back. */
async function restoreOnConnection(
  field: EditField,
  provider: VendorProvider,
  tasks: readonly JobTask[],
  ctx: RunContext,
): Promise<void> {
  const opts = callOptions(ctx);
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
    const why = (reason: string, ...words: NoteArgs) => noted(`Left as it is: ${reason}`, ...words);
    if (error) ctx.fail(task, error);
    else if (!profile) ctx.skip(task, why('the profile no longer exists', 'undoGone'));
    else if (field.same(field.read(profile), restore))
      ctx.skip(
        task,
        why(`it already has its ${field.noun} from before the edit`, 'undoAlreadyBack', {
          field: field.noun,
        }),
      );
    else if (!field.same(field.read(profile), expected)) {
      const [now, set] = [field.describe(field.read(profile)), field.describe(expected)];
      ctx.skip(
        task,
        why(
          `its ${field.noun} was changed after the edit (now ${now.text}, the edit set ${set.text})`,
          'undoChangedSince',
          { field: field.noun },
          { now: now.words, set: set.words },
        ),
      );
    } else {
      const unrestorable = field.unrestorable?.(restore);
      if (unrestorable) ctx.skip(task, why(unrestorable.text, unrestorable.key));
      else toWrite.push(task);
    }
  }
  // Written as the edit's own request: as many per request as the vendor takes for it.
  const caps = provider.capabilities;
  const shape = requestShape(batchesEdit(field.batchFlag, caps), caps, ctx.chunkSize);
  await inRequests(
    toWrite,
    ctx,
    shape,
    (ids, claimed) => field.write(provider, ids, claimed[0]!.undo!.restore, opts),
    { groupOf: (task) => JSON.stringify(task.undo!.restore) },
  );
}
