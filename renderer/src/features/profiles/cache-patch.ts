/**
 * Applying main's push events to the cached profile list without reloading it. Rows that
 * did not change keep their object identity, so memoized table rows do not re-render and
 * per-row caches (search text, sort keys) stay valid.
 */
import type { EventOf, ResponseOf } from '../../../../shared/ipc/contract';
import type { Profile } from '../../../../shared/model';

export type ProfileList = ResponseOf<'profiles:list'>;

export function applyProfilesChanged(
  list: ProfileList,
  change: Pick<EventOf<'profiles:event:changed'>, 'updated' | 'removedKeys'>,
): ProfileList {
  if (change.updated.length === 0 && change.removedKeys.length === 0) return list;
  const updated = new Map(change.updated.map((p) => [p.key, p]));
  const removed = new Set(change.removedKeys);
  const profiles: Profile[] = [];
  for (const p of list.profiles) {
    if (removed.has(p.key)) continue;
    const next = updated.get(p.key);
    profiles.push(next ?? p);
    if (next) updated.delete(p.key);
  }
  // Updates for rows the cache did not have yet (e.g. created by the job) are appended.
  for (const p of updated.values()) profiles.push(p);
  return { ...list, profiles };
}

export function applyProfileStatus(
  list: ProfileList,
  event: EventOf<'profiles:event:status'>,
): ProfileList {
  const changes = new Map(event.changes.map((c) => [c.key, c]));
  let touched = false;
  const profiles = list.profiles.map((p) => {
    const c = changes.get(p.key);
    if (!c || (c.status === p.status && c.debugPort === p.debugPort)) return p;
    touched = true;
    return { ...p, status: c.status, debugPort: c.debugPort };
  });
  return touched ? { ...list, profiles } : list;
}

/**
 * Replaces the rows and errors of the refetched connections with `fresh`, keeping each
 * connection's block where it was so the unsorted order does not jump.
 */
export function mergeConnections(
  list: ProfileList,
  connectionIds: readonly string[],
  fresh: ProfileList,
): ProfileList {
  const ids = new Set(connectionIds);
  const freshBy = new Map<string, Profile[]>();
  for (const p of fresh.profiles) {
    const rows = freshBy.get(p.connectionId) ?? [];
    rows.push(p);
    freshBy.set(p.connectionId, rows);
  }
  const placed = new Set<string>();
  const profiles: Profile[] = [];
  for (const p of list.profiles) {
    if (!ids.has(p.connectionId)) {
      profiles.push(p);
      continue;
    }
    if (placed.has(p.connectionId)) continue;
    placed.add(p.connectionId);
    for (const q of freshBy.get(p.connectionId) ?? []) profiles.push(q);
  }
  for (const [id, rows] of freshBy) if (!placed.has(id)) for (const q of rows) profiles.push(q);
  const errors = [
    ...list.errors.filter((e) => !ids.has(e.connectionId)),
    ...fresh.errors.filter((e) => ids.has(e.connectionId)),
  ];
  return { profiles, errors };
}

/**
 * Rows an update brings that the table should point out: renamed ones (the name differs
 * from the cached row's) and ones the cache did not have yet (created).
 */
export function renamedOrNew(list: ProfileList | undefined, updated: readonly Profile[]): string[] {
  if (updated.length === 0) return [];
  const names = new Map(updated.map((p) => [p.key, p.name]));
  const out = new Set(names.keys());
  for (const p of list?.profiles ?? []) {
    const name = names.get(p.key);
    if (name !== undefined && name === p.name) out.delete(p.key);
  }
  return [...out];
}

/** Keys in `after` that `before` did not have: profiles a refetch brought (created). */
export function newKeys(before: ProfileList | undefined, after: ProfileList): string[] {
  const had = new Set(before?.profiles.map((p) => p.key));
  return after.profiles.filter((p) => !had.has(p.key)).map((p) => p.key);
}
