/**
 * A data file BrowserDeck could not read (empty, truncated, not JSON, written by a newer
 * version, undecryptable, unreadable on disk) is never written over: it is moved aside to
 * `<name>.unreadable-<time>` and the user is told which file, what is wrong with it and where
 * the backup is. A file that loses only some damaged entries is copied there first, so the
 * next save does not take the only copy of them with it.
 */
import { copyFile, open, readFile, rename, unlink } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Logger } from '../log';
import type { Notices } from '../notices';

export type DataFileRead =
  { state: 'missing' } | { state: 'read'; bytes: Buffer } | { state: 'failed'; problem: string };

/** Reads a data file. Missing is a first start; any other failure is a problem to report. */
export async function readDataFile(file: string): Promise<DataFileRead> {
  try {
    return { state: 'read', bytes: await readFile(file) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { state: 'missing' };
    return { state: 'failed', problem: `could not be read (${code ?? (e as Error).message})` };
  }
}

export type ParsedDataFile = { ok: true; value: unknown } | { ok: false; problem: string };

/**
 * Parses a JSON data file, naming what is wrong the way a user can act on: "empty",
 * "truncated" (a write cut short), "not JSON", or "newer version N" when a later BrowserDeck
 * wrote a format this one does not know (`knownVersion` given).
 */
export function parseDataFile(text: string, knownVersion?: number): ParsedDataFile {
  if (!text.trim()) return { ok: false, problem: 'empty' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    // V8 either says "end of JSON input" or points at the position where the text stops.
    const message = (e as Error).message;
    const at = /at position (\d+)/.exec(message);
    const cut =
      /end of JSON input/i.test(message) || (at !== null && Number(at[1]) >= text.trimEnd().length);
    return { ok: false, problem: cut ? 'truncated' : 'not JSON' };
  }
  const version = (value as { version?: unknown } | null)?.version;
  if (knownVersion !== undefined && typeof version === 'number' && version > knownVersion)
    return { ok: false, problem: `newer version ${version}` };
  return { ok: true, value };
}

export interface DroppedEntry {
  /** How the user knows the entry: a label, an id, or its position. */
  name: string;
  problem: string;
}

export interface UnreadableFiles {
  /**
   * Moves `file` aside and tells the user; `consequence` says what BrowserDeck does without
   * it. Resolves with the backup path, or undefined when the file could not be moved: the
   * caller must then not write over it.
   */
  setAside(file: string, problem: string, consequence: string): Promise<string | undefined>;
  /** Keeps a copy of `file` and tells the user which entries were dropped from it. */
  entriesDropped(file: string, entries: DroppedEntry[], consequence: string): Promise<void>;
}

const NAMED_ENTRIES = 5;

export function createUnreadableFiles(deps: {
  notices: Pick<Notices, 'add'>;
  log: Pick<Logger, 'warn'>;
  clock?: () => number;
}): UnreadableFiles {
  const clock = deps.clock ?? Date.now;
  const { notices, log } = deps;

  return {
    async setAside(file, problem, consequence) {
      const name = basename(file);
      let backup: string | undefined;
      let failure = '';
      try {
        backup = await reserveBackup(file, clock());
        try {
          await rename(file, backup);
        } catch (e) {
          await unlink(backup).catch(() => undefined);
          throw e;
        }
      } catch (e) {
        backup = undefined;
        failure = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      }
      const message = backup
        ? `${name} could not be read (${problem}). It was moved aside; ${consequence}.`
        : `${name} could not be read (${problem}) and could not be moved aside (${failure}). ` +
          `BrowserDeck leaves it as it is and saves no changes to it until it restarts; ${consequence}.`;
      log.warn(
        `${file}: ${problem}; ${backup ? `moved to ${backup}` : `left in place: ${failure}`}`,
      );
      notices.add({
        kind: 'unreadable-file',
        file,
        ...(backup ? { backup } : {}),
        problem,
        message,
      });
      return backup;
    },

    async entriesDropped(file, entries, consequence) {
      if (!entries.length) return;
      let backup: string | undefined;
      try {
        backup = await reserveBackup(file, clock());
        await copyFile(file, backup);
      } catch (e) {
        log.warn(`${file}: could not keep a copy before dropping damaged entries`, e);
        if (backup) await unlink(backup).catch(() => undefined);
        backup = undefined;
      }
      const named = entries.slice(0, NAMED_ENTRIES).map((e) => `${e.name} (${e.problem})`);
      const more = entries.length - named.length;
      const problem =
        entries.length === 1 ? '1 damaged entry' : `${entries.length} damaged entries`;
      const message =
        `${basename(file)}: dropped ${named.join('; ')}${more > 0 ? ` and ${more} more` : ''}; ` +
        `${consequence}.`;
      log.warn(`${message} File: ${file}${backup ? `; copy at ${backup}` : ''}`);
      notices.add({
        kind: 'dropped-entries',
        file,
        ...(backup ? { backup } : {}),
        problem,
        message,
      });
    },
  };
}

/**
 * Claims `<file>.unreadable-<ISO time>` (a counter added when taken) by creating it
 * exclusively, so an earlier backup is never overwritten.
 */
async function reserveBackup(file: string, now: number): Promise<string> {
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  for (let n = 1; ; n++) {
    const candidate = `${file}.unreadable-${stamp}${n > 1 ? `-${n}` : ''}`;
    try {
      await (await open(candidate, 'wx', 0o600)).close();
      return candidate;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || n >= 1000) throw e;
    }
  }
}
