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
import { profileKey } from './profile-key';
import { isProfileRow } from './profile-row-check';
import { readValueTable, valueTable } from './value-table';
import { isRecord } from '../lib/is-record';

type LastKnownAnswer = ResponseOf<'profiles:last-known'>;

/** Version 1 (each row whole) is still read: files written before version 2 are not lost. */
export const SNAPSHOT_VERSION = 2;

export interface LastKnown {
  profiles: Profile[];
  /** When the listing was taken (epoch ms). */
  listedAt: number;
}

type ObjectField = {
  [K in keyof Profile]-?: NonNullable<Profile[K]> extends object ? K : never;
}[keyof Profile];

/**
 * Fields written once each in the file's `values` (value-table.ts) and referred to from rows
 * by index: a proxy was half a row's text, and many rows share one (no proxy, a plan's
 * gateway) or the same tags.
 */
const BY_REFERENCE = ['proxy', 'tags', 'proxyCheck'] as const satisfies readonly ObjectField[];

/**
 * A snapshot's text, written piece by piece (400,000 rows are written in slices, so main
 * never stalls): `head`, then `rows` for each slice in order, then the pieces of `tail`
 * with the values the rows referred to.
 *
 * Each byte is paid for at every start: read by main, copied to the page, parsed there
 * (about 30 ms per MB on this project's machines). So a row leaves out what its file says
 * once: its key (made of the connection and its vendor id), connection and vendor, and its
 * window's state, which is not known once read back (the rows come back `unknown`, as
 * `asStale` has them). At 10,000 sandbox rows 4.6 MB (version 1) -> 1.8 MB.
 */
export function snapshotWriter(connectionId: string, listedAt: number) {
  const tables = new Map(BY_REFERENCE.map((field) => [field, valueTable()]));
  let vendor: Profile['vendor'] | undefined;
  let written = 0;
  return {
    head: `{"version":${SNAPSHOT_VERSION},"connectionId":${JSON.stringify(connectionId)},"listedAt":${listedAt},"profiles":[`,
    rows(profiles: readonly Profile[]): string {
      const texts = profiles.map((p) => {
        vendor ??= p.vendor;
        const { key, connectionId: id, vendor: v, status: _s, debugPort: _d, ...rest } = p;
        const row: Record<string, unknown> = rest;
        // Written out only where they are not what reading makes of them.
        if (key !== profileKey(connectionId, p.vendorId)) row['key'] = key;
        if (id !== connectionId) row['connectionId'] = id;
        if (v !== vendor) row['vendor'] = v;
        for (const [field, table] of tables)
          if (row[field] !== undefined) row[field] = table.ref(row[field]);
        return JSON.stringify(row);
      });
      const text = (written && texts.length ? ',' : '') + texts.join(',');
      written += texts.length;
      return text;
    },
    *tail(slice = Infinity): Generator<string> {
      yield `]${vendor ? `,"vendor":${JSON.stringify(vendor)}` : ''},"values":{`;
      let first = true;
      for (const [field, table] of tables) {
        yield `${first ? '' : ','}${JSON.stringify(field)}:`;
        first = false;
        yield* table.text(slice);
      }
      yield '}}';
    },
  };
}

/** A whole snapshot's text at once (tests, small listings). */
export function snapshotText(connectionId: string, known: LastKnown): string {
  const writer = snapshotWriter(connectionId, known.listedAt);
  return writer.head + writer.rows(known.profiles) + [...writer.tail()].join('');
}

/**
 * The rows of one connection's snapshot. Throws when the text is not a snapshot at all;
 * undefined when it is another connection's. A damaged row is dropped, not the snapshot.
 */
export function readSnapshot(text: string, connectionId: string): LastKnown | undefined {
  const file: unknown = JSON.parse(text);
  const version = isRecord(file) ? file['version'] : undefined;
  if (
    !isRecord(file) ||
    (version !== 1 && version !== SNAPSHOT_VERSION) ||
    typeof file['connectionId'] !== 'string' ||
    typeof file['listedAt'] !== 'number' ||
    !Number.isFinite(file['listedAt']) ||
    !Array.isArray(file['profiles']) ||
    (version === SNAPSHOT_VERSION && !isRecord(file['values']))
  )
    throw new Error('not a last-known snapshot');
  if (file['connectionId'] !== connectionId) return undefined;
  const compact = version === SNAPSHOT_VERSION;
  const tables = file['values'] as Record<string, unknown>;
  const values = compact ? BY_REFERENCE.map((field) => readValueTable(tables[field])) : [];
  const vendor = file['vendor'];
  const profiles: Profile[] = [];
  for (const raw of file['profiles'] as unknown[]) {
    // What the writer left out, put back; a reference to no value leaves the field
    // undefined, and the row is refused below.
    if (compact && isRecord(raw)) {
      for (let f = 0; f < BY_REFERENCE.length; f++) {
        const field = BY_REFERENCE[f]!;
        const i = raw[field];
        if (typeof i === 'number') raw[field] = values[f]![i];
      }
      if (raw['key'] === undefined && typeof raw['vendorId'] === 'string')
        raw['key'] = profileKey(connectionId, raw['vendorId']);
      raw['connectionId'] ??= connectionId;
      raw['vendor'] ??= vendor;
      raw['status'] ??= 'unknown';
    }
    if (isProfileRow(raw) && raw.connectionId === connectionId) profiles.push(raw);
  }
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
