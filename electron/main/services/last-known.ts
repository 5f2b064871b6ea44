/**
 * Each connection's last full listing, so an outage never empties the table: when a vendor
 * stops answering, its rows stay, marked stale with the time they were listed and the
 * error. Kept in memory, and on disk (`<dataDir>/last-known/<connectionId>.json`, written
 * atomically after each full listing) so they survive a restart. The model holds no secret
 * (passwords are only `hasPassword`), so neither does the file. Demo connections are kept
 * in memory only: their ports and ids change with every run.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { setImmediate as nextTick } from 'node:timers/promises';
import type { Profile } from '../../../shared/model';
import {
  readSnapshot,
  snapshotWriter,
  type LastKnown,
} from '../../../shared/model/last-known-snapshot';
import { writeFileAtomic } from '../fs/atomic-file';
import type { Logger } from '../log';

export type { LastKnown } from '../../../shared/model/last-known-snapshot';

/** What the page gets at start: rows main holds, or the snapshot's text for it to read. */
export type LastKnownForPage = { rows: LastKnown } | { text: string };

export interface LastKnownStore {
  /** A full listing came back: remember it (and write it, unless `persist` is false). */
  remember(connectionId: string, profiles: Profile[], opts: { persist: boolean }): void;
  /** The last full listing, from memory or from disk; undefined when there never was one. */
  recall(connectionId: string): Promise<LastKnown | undefined>;
  /**
   * For the page: the rows when main holds them, else the snapshot file's text unparsed
   * (the page reads it with readSnapshot, the same checks); undefined when there is none.
   */
  recallForPage(connectionId: string): Promise<LastKnownForPage | undefined>;
  forget(connectionId: string): Promise<void>;
  /** Starts reading the snapshots of these connections, so start-up finds them in memory. */
  preload(connectionIds: readonly string[]): void;
  /** Waits for the writes in progress (tests, shutdown). */
  flush(): Promise<void>;
}

/** Profiles serialized per slice, yielding between slices: 400,000 rows must not stall main. */
const SLICE = 2_000;

export function createLastKnownStore(deps: {
  dataDir: string;
  log: Pick<Logger, 'warn'>;
  clock?: () => number;
}): LastKnownStore {
  const clock = deps.clock ?? Date.now;
  const dir = join(deps.dataDir, 'last-known');
  const memory = new Map<string, LastKnown>();
  /** One write per connection at a time; a newer listing waiting replaces the one queued. */
  const writing = new Map<string, Promise<void>>();
  const queued = new Map<string, LastKnown>();
  const reading = new Map<string, Promise<LastKnown | undefined>>();
  /**
   * Files read at start and not yet handed to the page: only read, not parsed (main may never
   * need the rows itself: a listing that succeeds replaces them). Taken once.
   */
  const texts = new Map<string, Promise<string | undefined>>();
  const forgotten = new Set<string>();
  const fileOf = (connectionId: string) =>
    join(dir, `${connectionId.replace(/[^A-Za-z0-9_-]/g, '_')}.json`);

  async function* json(connectionId: string, known: LastKnown): AsyncIterable<string> {
    const writer = snapshotWriter(connectionId, known.listedAt);
    yield writer.head;
    for (let i = 0; i < known.profiles.length; i += SLICE) {
      yield writer.rows(known.profiles.slice(i, i + SLICE));
      await nextTick();
    }
    for (const piece of writer.tail(SLICE)) {
      yield piece;
      await nextTick();
    }
  }

  const write = (connectionId: string): Promise<void> => {
    const run = (async () => {
      for (;;) {
        const next = queued.get(connectionId);
        if (!next) return;
        queued.delete(connectionId);
        await writeFileAtomic(fileOf(connectionId), json(connectionId, next)).catch((e: unknown) =>
          deps.log.warn(`could not save the last listing of ${connectionId}`, (e as Error).message),
        );
      }
    })().finally(() => writing.delete(connectionId));
    writing.set(connectionId, run);
    return run;
  };

  const readText = (connectionId: string): Promise<string | undefined> =>
    readFile(fileOf(connectionId), 'utf8').catch(() => undefined);
  /** The file's text: the read begun at start if it is still unclaimed, else a new read. */
  const takeText = (connectionId: string): Promise<string | undefined> => {
    const preread = texts.get(connectionId);
    texts.delete(connectionId);
    return preread ?? readText(connectionId);
  };

  async function parseSnapshot(connectionId: string): Promise<LastKnown | undefined> {
    const text = await takeText(connectionId);
    if (text === undefined) return undefined;
    try {
      const read = readSnapshot(text, connectionId);
      if (!read) return undefined;
      // A listing that finished while the file was read is newer; a forgotten one stays gone.
      if (forgotten.has(connectionId)) return undefined;
      const known = memory.get(connectionId) ?? read;
      memory.set(connectionId, known);
      return known;
    } catch (e) {
      // Only a cache: an unreadable one is as good as none, and the next listing rewrites it.
      deps.log.warn(`the last listing of ${connectionId} could not be read`, (e as Error).message);
      return undefined;
    }
  }

  const store: LastKnownStore = {
    remember(connectionId, profiles, { persist }) {
      const known = { profiles, listedAt: clock() };
      forgotten.delete(connectionId);
      memory.set(connectionId, known);
      texts.delete(connectionId);
      if (!persist) return;
      queued.set(connectionId, known);
      if (!writing.has(connectionId)) void write(connectionId);
    },

    recall(connectionId) {
      const inMemory = memory.get(connectionId);
      if (inMemory) return Promise.resolve(inMemory);
      // One read of the file however many ask while it is read.
      let read = reading.get(connectionId);
      if (!read) {
        read = parseSnapshot(connectionId).finally(() => reading.delete(connectionId));
        reading.set(connectionId, read);
      }
      return read;
    },
    async recallForPage(connectionId) {
      const inMemory = memory.get(connectionId);
      if (inMemory) return { rows: inMemory };
      // Being parsed for main already: the page gets the rows.
      const parsing = reading.get(connectionId);
      if (parsing) {
        const rows = await parsing;
        return rows && { rows };
      }
      const text = await takeText(connectionId);
      if (forgotten.has(connectionId)) return undefined;
      const listed = memory.get(connectionId);
      if (listed) return { rows: listed };
      return text === undefined ? undefined : { text };
    },
    async forget(connectionId) {
      forgotten.add(connectionId);
      memory.delete(connectionId);
      texts.delete(connectionId);
      queued.delete(connectionId);
      await writing.get(connectionId);
      await rm(fileOf(connectionId), { force: true });
    },

    preload(connectionIds) {
      // Read, not parsed: the page parses what it is handed (recallForPage).
      for (const id of connectionIds)
        if (!memory.has(id) && !texts.has(id) && !reading.has(id)) texts.set(id, readText(id));
    },

    async flush() {
      while (writing.size) await Promise.all([...writing.values()]);
    },
  };
  return store;
}
