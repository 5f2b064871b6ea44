/**
 * Retry after a restart: an item that was on the wire when BrowserDeck stopped may have
 * been applied. Before anything is sent again, the vendor is read: an item whose profile
 * already holds what the job set is done, one that does not is sent, and one that cannot
 * be told (a create or copy leaves nothing to recognise) fails with the reason instead of
 * risking a duplicate.
 */
import type { Profile } from '../../../../shared/model';
import type { JobKind } from '../../../../shared/model/job';
import { DeckError } from '../../../../shared/ipc/result';
import type { CallOptions, VendorProvider } from '../../providers/provider';
import { editOf } from './edit-fields';
import type { RunContext } from './job-actions';
import type { EngineAction, JobTask } from './job-plan';
import { fetchProfiles } from './profile-fetch';

type Verdict = 'applied' | 'not-applied' | DeckError;

/** What the profile as read now says about the interrupted item (undefined: it is gone). */
function verdict(action: EngineAction, task: JobTask, profile: Profile | undefined): Verdict {
  const edit = editOf(action, task);
  if (edit) {
    if (!profile) return gone();
    const { field, target } = edit;
    if (target === undefined) return 'not-applied';
    return field.same(field.read(profile), target) ? 'applied' : 'not-applied';
  }
  switch (action.kind) {
    case 'delete':
      return profile ? 'not-applied' : 'applied';
    case 'open':
      if (!profile) return gone();
      return profile.status === 'open' ? 'applied' : 'not-applied';
    case 'close':
      if (!profile) return gone();
      return profile.status === 'closed' ? 'applied' : 'not-applied';
    case 'check-proxy':
      return 'not-applied';
    case 'copy':
    case 'create':
      return cannotTell(action.kind);
    default:
      return 'not-applied';
  }
}

const gone = () => DeckError.of('not-found', 'The profile no longer exists in its connection');

function cannotTell(kind: Extract<JobKind, 'copy' | 'create'>): DeckError {
  const what = kind === 'create' ? 'created' : 'copied';
  return DeckError.of(
    'conflict',
    `BrowserDeck stopped while this was being ${what}: look for it in the vendor's list before doing it again`,
  );
}

/** Settles the interrupted items that need no request; the rest stay pending, to be sent. */
export async function settleInterrupted(
  action: EngineAction,
  provider: VendorProvider,
  tasks: readonly JobTask[],
  ctx: Pick<RunContext, 'succeed' | 'fail'>,
  opts: CallOptions,
): Promise<void> {
  const unknown = tasks.filter((t) => t.verify && t.item.state === 'pending');
  if (unknown.length === 0) return;
  const needsRead = !['copy', 'create', 'check-proxy'].includes(action.kind);
  let fetched: Awaited<ReturnType<typeof fetchProfiles>> = {
    profiles: new Map(),
    errors: new Map(),
  };
  if (needsRead) {
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
  }
  for (const task of unknown) {
    const error = fetched.errors.get(task.vendorId);
    if (error) {
      ctx.fail(task, couldNotRead(error));
      continue;
    }
    const v = verdict(action, task, fetched.profiles.get(task.vendorId));
    if (v === 'applied')
      ctx.succeed(task, { note: 'had already applied when BrowserDeck stopped' });
    else if (v !== 'not-applied') ctx.fail(task, v);
  }
}

function couldNotRead(e: unknown): DeckError {
  const reason = e instanceof DeckError ? e.message : 'the vendor did not answer';
  return DeckError.of(
    'unreachable',
    `Could not read the profile to see whether the interrupted edit applied: ${reason}`,
    { retryable: true },
  );
}
