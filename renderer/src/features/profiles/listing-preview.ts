/**
 * What the table shows while the first listing is on its way: each connection's last-known
 * rows (from main's snapshot, at once), replaced page by page as the listing's pages arrive.
 * A connection stays marked stale until its listing is complete; then the real list takes
 * over. With a slow vendor (AdsPower answers one request a second) this is the difference
 * between an empty table for minutes and the user's rows within a blink.
 */
import type { ResponseOf } from '../../../../shared/ipc/contract';
import type { Profile } from '../../../../shared/model';
import { readLastKnownAnswer } from '../../../../shared/model/last-known-snapshot';

export interface ListingPreview {
  profiles: Profile[];
  /** Connections whose rows are (partly) from their last listing, by that listing's time. */
  staleSince: ReadonlyMap<string, number>;
}

export const EMPTY_PREVIEW: ListingPreview = { profiles: [], staleSince: new Map() };

/** Main's answer as rows; snapshots it handed over as text are read here if not yet. */
export function previewFromLastKnown(answer: ResponseOf<'profiles:last-known'>): ListingPreview {
  const known = readLastKnownAnswer(answer);
  return {
    profiles: known.profiles,
    staleSince: new Map(known.connections.map((c) => [c.connectionId, c.listedAt])),
  };
}

/** A fresh page of one connection: its rows replace the last-known ones with the same key. */
export function applyPage(
  preview: ListingPreview,
  page: { connectionId: string; profiles: Profile[] },
): ListingPreview {
  if (page.profiles.length === 0) return preview;
  const fresh = new Map(page.profiles.map((p) => [p.key, p]));
  const profiles: Profile[] = [];
  for (const p of preview.profiles) {
    const next = fresh.get(p.key);
    profiles.push(next ?? p);
    if (next) fresh.delete(p.key);
  }
  for (const p of fresh.values()) profiles.push(p);
  return { profiles, staleSince: preview.staleSince };
}

/** Pages that came before the last-known rows did: kept on top of them. */
export function mergePreviews(base: ListingPreview, pages: ListingPreview): ListingPreview {
  if (pages.profiles.length === 0) return base;
  const byConnection = new Map<string, Profile[]>();
  for (const p of pages.profiles) {
    const rows = byConnection.get(p.connectionId) ?? [];
    rows.push(p);
    byConnection.set(p.connectionId, rows);
  }
  let merged = base;
  for (const [connectionId, profiles] of byConnection)
    merged = applyPage(merged, { connectionId, profiles });
  return merged;
}
