/**
 * Copy to connection: each selected profile made again in the target connection, of any
 * vendor, from what main reads of it in its own connection (copy-draft.ts): name, group and
 * tags matched by name on the target (created when missing), remark, and the proxy with its
 * password, which only main reads and sends. The source is only read, never written.
 *
 * Its items are the source profiles, in the target's connection: the engine then runs the
 * whole job on the target's provider (its limits and rate apply to every write, and groups
 * are created once), and refreshes the target's rows after it. A copy has no mark of the
 * job, so one cut off by a crash is not made again blindly.
 */
import { DeckError } from '../../../../../shared/ipc/result';
import {
  CopyToConnectionActionSchema,
  type ActionOf,
} from '../../../../../shared/model/job-actions';
import { profileKey, splitProfileKey, type Group, type Profile } from '../../../../../shared/model';
import type { CreateItem } from '../../../../../shared/model/job';
import type { CallOptions, VendorProvider } from '../../../providers/provider';
import { carryPasswords, draftCopy, readSources, type CopyDraft } from '../copy-draft';
import { refusal } from '../job-plan';
import { pendingItem, type JobTask } from '../job-task';
import { callOptions, eachProfile } from '../send-tasks';
import type { RunContext } from '../run-context';
import type { JobKindSpec } from './spec';
import { joinNotes, noted } from '../job-notes';

type Action = ActionOf<'copy-to-connection'>;

export const copyToConnectionKind: JobKindSpec<Action> = {
  schema: CopyToConnectionActionSchema,
  label: 'Copy to connection',
  affects: 'adds',
  untraceable: 'copied',
  // Items are keyed by their source profile but belong to the target connection.
  newProfiles: true,
  plan: (action, keys, labels) =>
    [...new Set(keys)].map((key) => ({
      item: pendingItem(key, action.targetConnectionId, labels[key] ?? key),
      vendorId: key.includes('/') ? splitProfileKey(key).vendorId : '',
    })),
  refuse(action, { item, vendorId }) {
    if (!item.key.includes('/') || !vendorId)
      return refusal('invalid-input', `"${item.key}" is not a profile key (connection/id)`, {
        reason: 'profile-key.invalid',
        params: { key: item.key },
      });
    if (splitProfileKey(item.key).connectionId === action.targetConnectionId)
      return refusal(
        'invalid-input',
        'This profile is already in the target connection: choose another connection',
        { reason: 'profile.already-in-target' },
      );
    return undefined;
  },
  async run(_action, target, tasks, ctx) {
    const opts = callOptions(ctx);
    const pending = () => tasks.filter((t) => t.item.state === 'pending');
    const drafts = await draftAll(pending(), target, ctx, opts);
    const groups = await groupIds(target, drafts, opts);
    await eachProfile(target, pending(), ctx, async (task, callOpts) => {
      const draft = drafts.get(task);
      if (!draft)
        throw DeckError.of('internal', 'The source profile was not read', {
          reason: 'copy.source-not-read',
        });
      if (draft instanceof DeckError) throw draft;
      const groupId = draft.draft.group ? groups.get(draft.draft.group) : undefined;
      if (groupId instanceof DeckError) throw groupId;
      const item: CreateItem = {
        name: draft.draft.name,
        remark: draft.draft.remark,
        tags: draft.draft.tags,
        ...(groupId !== undefined ? { groupId } : {}),
        ...(draft.proxy ? { proxy: draft.proxy } : {}),
      };
      const id = await target.createProfile(item, callOpts);
      const note = joinNotes(
        draft.draft.dropped.map((d) =>
          noted(`${d.field} not copied: ${d.reason}`, 'notCopied', {
            ...d.params,
            of: d.field,
            why: d.why,
          }),
        ),
      );
      return { resultKey: profileKey(target.connectionId, id), ...note };
    });
  },
};

interface Ready {
  draft: CopyDraft;
  proxy?: CreateItem['proxy'];
}

/**
 * Each task's draft, with the proxy password read from its source. A task whose source or
 * password cannot be read gets the reason, to fail once claimed.
 */
async function draftAll(
  tasks: readonly JobTask[],
  target: VendorProvider,
  ctx: RunContext,
  opts: CallOptions,
): Promise<Map<JobTask, Ready | DeckError>> {
  const out = new Map<JobTask, Ready | DeckError>();
  const providerOf = (connectionId: string) => ctx.provider(connectionId);
  const sources = await readSources(
    tasks.map((t) => t.item.key),
    providerOf,
    opts,
  );
  const drafted: Array<{ task: JobTask; profile: Profile; draft: CopyDraft }> = [];
  for (const task of tasks) {
    const source = sources.get(task.item.key);
    if (!source || source instanceof DeckError)
      out.set(
        task,
        source ??
          DeckError.of('internal', 'The source profile was not read', {
            reason: 'copy.source-not-read',
          }),
      );
    else drafted.push({ task, profile: source, draft: draftCopy(source, target) });
  }
  const proxies = await carryPasswords(drafted, providerOf, opts);
  for (const { task, profile, draft } of drafted) {
    const proxy = proxies.get(profile.key);
    if (proxy instanceof DeckError) out.set(task, proxy);
    else out.set(task, { draft, ...(proxy ? { proxy } : {}) });
  }
  return out;
}

/**
 * The target's id of every group name the drafts use: matched by name, created one at a
 * time when missing (two creates of one name would make two groups). A name that could not
 * be created maps to the reason, and only its profiles fail.
 */
async function groupIds(
  target: VendorProvider,
  drafts: ReadonlyMap<JobTask, Ready | DeckError>,
  opts: CallOptions,
): Promise<Map<string, string | DeckError>> {
  const names = new Set<string>();
  for (const d of drafts.values())
    if (!(d instanceof DeckError) && d.draft.group) names.add(d.draft.group);
  const out = new Map<string, string | DeckError>();
  if (names.size === 0) return out;
  let existing: Group[];
  try {
    existing = await target.listGroups(opts);
  } catch (e) {
    const error = groupError("The target's groups could not be listed", e);
    for (const name of names) out.set(name, error);
    return out;
  }
  const byName = new Map(existing.map((g) => [g.name, g.id]));
  for (const name of names) {
    const id = byName.get(name);
    if (id !== undefined) {
      out.set(name, id);
      continue;
    }
    try {
      out.set(name, (await target.createGroup(name, opts)).id);
    } catch (e) {
      out.set(name, groupError(`The group "${name}" could not be created on the target`, e));
    }
  }
  return out;
}

function groupError(what: string, e: unknown): DeckError {
  const reason = e instanceof DeckError ? e : undefined;
  return DeckError.of(
    reason?.code ?? 'internal',
    `${what}: ${reason?.message ?? 'unexpected error'}`,
    {
      retryable: reason?.retryable ?? false,
      ...(reason?.details ? { details: reason.details } : {}),
    },
  );
}
