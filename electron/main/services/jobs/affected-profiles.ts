/**
 * After a job: tell the table which rows changed, and only those. Rows a kind removes go,
 * a kind that adds profiles (create, copy) makes their connection refetch, every other
 * touched row is read back from the vendor (failed ones too: a failed batch may have
 * half-applied).
 */
import type { EventOf } from '../../../../shared/ipc/contract';
import type { Profile } from '../../../../shared/model';
import type { Logger } from '../../log';
import type { VendorProvider } from '../../providers/provider';
import type { JobKindSpec } from './kinds/spec';
import type { JobTask } from './job-task';
import { fetchProfiles } from './profile-fetch';

export type ProfilesChanged = EventOf<'profiles:event:changed'>;

export async function readAffected(
  affects: JobKindSpec['affects'],
  tasks: readonly JobTask[],
  providers: ReadonlyMap<string, VendorProvider>,
  known: ReadonlyMap<string, Profile>,
  { log, signal }: { log: Logger; signal: AbortSignal },
): Promise<ProfilesChanged> {
  const change: ProfilesChanged = { updated: [], removedKeys: [], refetchConnections: [] };
  const ran = tasks.filter((t) => t.item.state === 'ok' || t.item.state === 'failed');
  if (affects === 'removes') {
    change.removedKeys = ran.filter((t) => t.item.state === 'ok').map((t) => t.item.key);
    return change;
  }
  if (affects === 'adds') {
    change.refetchConnections = [
      ...new Set(ran.filter((t) => t.item.state === 'ok').map((t) => t.item.connectionId)),
    ];
    return change;
  }
  change.updated.push(...known.values());
  const toRead = new Map<string, string[]>();
  for (const t of ran) {
    if (known.has(t.item.key)) continue;
    const ids = toRead.get(t.item.connectionId) ?? [];
    ids.push(t.vendorId);
    toRead.set(t.item.connectionId, ids);
  }
  await Promise.all(
    [...toRead].map(async ([connectionId, ids]) => {
      const provider = providers.get(connectionId);
      if (!provider) return;
      try {
        const { profiles, errors } = await fetchProfiles(provider, ids, { signal });
        change.updated.push(...profiles.values());
        if (errors.size > 0) change.refetchConnections.push(connectionId);
      } catch (e) {
        // The rows may be stale now: let the table reload this connection instead.
        log.warn(`reading back ${ids.length} profiles of ${connectionId} after a job failed`, e);
        change.refetchConnections.push(connectionId);
      }
    }),
  );
  return change;
}

export const isEmptyChange = (c: ProfilesChanged): boolean =>
  c.updated.length === 0 && c.removedKeys.length === 0 && c.refetchConnections.length === 0;
