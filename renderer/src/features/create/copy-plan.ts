/**
 * Which selected profiles a copy job can take (ixBrowser's `profile-copy`), which it skips
 * and why, and the job action the dialog's choices make.
 */
import type { TFunction } from 'i18next';
import { VENDOR_LABEL, type Connection, type Profile, type Vendor } from '../../../../shared/model';
import type { JobAction, NameTemplate } from '../../../../shared/model/job';
import { involvedConnections, splitByCapability } from '../../lib/involved-connections';

export interface CopyTarget {
  connectionId: string;
  /** `Main (ixBrowser)`. */
  label: string;
  profiles: Profile[];
}

/** Why profiles are skipped, worded where shown (so it follows a language switch). */
export type SkipReason =
  { kind: 'cannot-copy'; vendor: Vendor } | { kind: 'connection-gone' } | { kind: 'not-in-table' };

export interface SkippedCopies {
  /** The connection's label; absent for profiles no longer in the table. */
  label?: string;
  count: number;
  reason: SkipReason;
}

export interface CopyPlan {
  /** Copyable profiles per connection, each in selection order. */
  targets: CopyTarget[];
  /** Every profile to copy, in selection order (a name template numbers them so). */
  profiles: Profile[];
  keys: string[];
  skipped: SkippedCopies[];
}

/** The group a connection's selected profiles share, so the dialog can offer it first. */
export function sharedGroupId(profiles: readonly Profile[]): string {
  const first = profiles[0]?.groupId ?? '';
  return profiles.every((p) => p.groupId === first) ? first : '';
}

export function planCopy(
  keys: readonly string[],
  profilesByKey: ReadonlyMap<string, Profile>,
  connectionsById: ReadonlyMap<string, Connection>,
): CopyPlan {
  const profiles: Profile[] = [];
  let missing = 0;
  for (const key of new Set(keys)) {
    const p = profilesByKey.get(key);
    if (p) profiles.push(p);
    else missing++;
  }
  const { supported, skipped } = splitByCapability(profiles, connectionsById, 'copy');
  const targets = involvedConnections(supported, connectionsById).map((c) => ({
    connectionId: c.connectionId,
    label: c.label,
    profiles: supported.filter((p) => p.connectionId === c.connectionId),
  }));
  const reasons: SkippedCopies[] = skipped.map((c) => ({
    label: c.label,
    count: c.count,
    reason: c.connection
      ? { kind: 'cannot-copy', vendor: c.connection.vendor }
      : { kind: 'connection-gone' },
  }));
  if (missing > 0) reasons.push({ count: missing, reason: { kind: 'not-in-table' } });
  return { targets, profiles: supported, keys: supported.map((p) => p.key), skipped: reasons };
}

/**
 * The copy job's action. A connection without a chosen group is left out of `groupIds`:
 * the vendor then puts its copies in its default group (ixBrowser: group 1).
 */
export function copyAction(
  name: NameTemplate | undefined,
  groupByConnection: Readonly<Record<string, string>>,
): Extract<JobAction, { kind: 'copy' }> {
  const groupIds = Object.fromEntries(Object.entries(groupByConnection).filter(([, id]) => id));
  return {
    kind: 'copy',
    ...(name ? { name } : {}),
    ...(Object.keys(groupIds).length ? { groupIds } : {}),
  };
}

/** "Cos (CosLogin): 2 profiles (CosLogin's Local API cannot copy profiles)". */
export function skippedText(s: SkippedCopies, t: TFunction): string {
  const r = s.reason;
  const reason =
    r.kind === 'cannot-copy'
      ? t('create.copy.cannotCopy', { vendor: VENDOR_LABEL[r.vendor] })
      : r.kind === 'connection-gone'
        ? t('create.copy.connectionGone')
        : t('create.copy.noLongerListed');
  const label = s.label ?? t('create.copy.notInTable');
  return t('create.copy.skippedItem', { label, count: s.count, reason });
}
