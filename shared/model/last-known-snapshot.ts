/**
 * A connection's last full listing as main saves it (`<dataDir>/last-known/<id>.json`), and
 * how it is read back: by main when it needs the rows itself (a vendor that stopped
 * answering), and at start by the page. At start main hands the page the file's text as it
 * was read, not rows: a just-started main took 130-460 ms to parse and check 10,000 rows and
 * their copy over IPC as objects 70-400 ms more, where it now answers in 25-110 ms and the
 * text's copy takes 5-60 (start.lastknown10k.ms, README); the page reads the text once its
 * code has loaded.
 */
import type { ResponseOf } from '../ipc/contract';
import type { Profile } from './index';
import { isProfileRow } from './profile-row-check';
import { isRecord } from '../lib/is-record';

type LastKnownAnswer = ResponseOf<'profiles:last-known'>;

export const SNAPSHOT_VERSION = 1;

export interface LastKnown {
  profiles: Profile[];
  /** When the listing was taken (epoch ms). */
  listedAt: number;
}

/** The file's text, up to its rows: the rows follow as JSON, one after another. */
export const snapshotHead = (connectionId: string, listedAt: number): string =>
  `{"version":${SNAPSHOT_VERSION},"connectionId":${JSON.stringify(connectionId)},"listedAt":${listedAt},"profiles":[`;

/**
 * The rows of one connection's snapshot. Throws when the text is not a snapshot at all;
 * undefined when it is another connection's. A damaged row is dropped, not the snapshot.
 */
export function readSnapshot(text: string, connectionId: string): LastKnown | undefined {
  const file: unknown = JSON.parse(text);
  if (
    !isRecord(file) ||
    file['version'] !== SNAPSHOT_VERSION ||
    typeof file['connectionId'] !== 'string' ||
    typeof file['listedAt'] !== 'number' ||
    !Number.isFinite(file['listedAt']) ||
    !Array.isArray(file['profiles'])
  )
    throw new Error('not a last-known snapshot');
  if (file['connectionId'] !== connectionId) return undefined;
  const profiles: Profile[] = [];
  for (const raw of file['profiles'] as unknown[])
    if (isProfileRow(raw) && raw.connectionId === connectionId) profiles.push(raw);
  return { profiles, listedAt: file['listedAt'] };
}

/** A row from an earlier listing: whether its window is open now is not known. */
export function asStale(p: Profile): Profile {
  if (p.status === 'unknown' && p.debugPort === undefined) return p;
  const { debugPort: _debugPort, ...rest } = p;
  return { ...rest, status: 'unknown' };
}

/**
 * Main's answer with each snapshot it handed over read into rows, marked stale, and its
 * time; what could not be read shows nothing (the listing fills the table).
 */
export function readLastKnownAnswer(known: LastKnownAnswer): LastKnownAnswer {
  if (known.snapshots.length === 0) return known;
  const profiles = [...known.profiles];
  const connections = [...known.connections];
  for (const { connectionId, text } of known.snapshots) {
    let read: LastKnown | undefined;
    try {
      read = readSnapshot(text, connectionId);
    } catch {
      continue;
    }
    if (!read) continue;
    // Rows just parsed are no one else's: marked in place, not copied (10,000s at start).
    for (const p of read.profiles) {
      p.status = 'unknown';
      if (p.debugPort !== undefined) delete p.debugPort;
      profiles.push(p);
    }
    connections.push({ connectionId, listedAt: read.listedAt });
  }
  return { profiles, connections, snapshots: [] };
}
