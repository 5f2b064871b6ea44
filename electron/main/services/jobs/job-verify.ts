/**
 * Retry after a restart: an item that was on the wire when BrowserDeck stopped may have
 * been applied. Before anything is sent again, the vendor is read: an item whose profile
 * already holds what the job set is done, one that does not is sent, and one that cannot
 * be told (a create or copy leaves nothing to recognise) fails with the reason instead of
 * risking a duplicate. Each kind's spec says which of these applies to it.
 */
import type { Profile } from '../../../../shared/model';
import { DeckError } from '../../../../shared/ipc/result';
import type { CallOptions, VendorProvider } from '../../providers/provider';
import type { EditField, FieldValue } from './edit-fields';
import type { JobKindSpec, KindAction, Verdict } from './kinds/spec';
import type { JobTask } from './job-task';
import type { RunContext } from './run-context';
import { fetchProfiles } from './profile-fetch';
import { ALREADY_APPLIED } from './job-notes';

export const gone = () =>
  DeckError.of('not-found', 'The profile no longer exists in its connection', {
    reason: 'profile.gone',
  });

/** Whether the profile (undefined: gone) holds the value something set on its field. */
export function fieldVerdict(
  field: EditField,
  target: FieldValue | undefined,
  profile: Profile | undefined,
): Verdict {
  if (!profile) return gone();
  if (target === undefined) return 'not-applied';
  return field.same(field.read(profile), target) ? 'applied' : 'not-applied';
}

/** How the kind tells from a profile whether an item applied; undefined: it cannot read it. */
function verdictOf(
  spec: JobKindSpec,
  action: KindAction,
): ((task: JobTask, profile: Profile | undefined) => Verdict) | undefined {
  const { edit, applied } = spec;
  if (edit) return (task, profile) => fieldVerdict(edit.field, edit.target(action, task), profile);
  if (applied) return (task, profile) => applied(action, task, profile);
  return undefined;
}

function cannotTell(what: string): DeckError {
  return DeckError.of(
    'conflict',
    `BrowserDeck stopped while this was being ${what}: look for it in the vendor's list before doing it again`,
    { reason: 'job.cannot-tell', params: { context: what } },
  );
}

/** Settles the interrupted items that need no request; the rest stay pending, to be sent. */
export async function settleInterrupted(
  spec: JobKindSpec,
  action: KindAction,
  provider: VendorProvider,
  tasks: readonly JobTask[],
  ctx: Pick<RunContext, 'succeed' | 'fail'>,
  opts: CallOptions,
): Promise<void> {
  const unknown = tasks.filter((t) => t.verify && t.item.state === 'pending');
  if (unknown.length === 0) return;
  if (spec.untraceable !== undefined) {
    for (const task of unknown) ctx.fail(task, cannotTell(spec.untraceable));
    return;
  }
  const verdict = verdictOf(spec, action);
  // Nothing to read (a proxy check): the items are simply sent again.
  if (!verdict) return;
  let fetched: Awaited<ReturnType<typeof fetchProfiles>>;
  try {
    fetched = await fetchProfiles(
      provider,
      unknown.map((t) => t.vendorId),
      opts,
    );
  } catch (e) {
    for (const task of unknown) ctx.fail(task, couldNotRead(e));
    return;
  }
  for (const task of unknown) {
    const error = fetched.errors.get(task.vendorId);
    if (error) {
      ctx.fail(task, couldNotRead(error));
      continue;
    }
    const v = verdict(task, fetched.profiles.get(task.vendorId));
    if (v === 'applied') ctx.succeed(task, ALREADY_APPLIED);
    else if (v !== 'not-applied') ctx.fail(task, v);
  }
}

function couldNotRead(e: unknown): DeckError {
  const reason = e instanceof DeckError ? e.message : 'the vendor did not answer';
  return DeckError.of(
    'unreachable',
    `Could not read the profile to see whether the interrupted edit applied: ${reason}`,
    {
      retryable: true,
      reason: 'job.verify-unread',
      params: e instanceof DeckError ? { problem: reason } : { context: 'noAnswer' },
    },
  );
}
