/**
 * An append-only file of lines with one writer. Lines queue while a write is on disk and
 * then go out together; one fdatasync covers every line that asked to be durable (group
 * commit), so the concurrent vendor requests of a bulk job share their syncs instead of
 * paying one each, one after another.
 */
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface AppendLog {
  /** Written with the next batch; survives a crash of this process once written. */
  append(line: string): void;
  /** Resolves once the line is on disk (written and synced), even across a power loss. */
  appendDurable(line: string): Promise<void>;
  /** Resolves once everything appended so far is written. */
  flush(): Promise<void>;
  close(): Promise<void>;
  /** Writes and syncs so far: the cost the group commit keeps down. */
  readonly stats: { writes: number; syncs: number };
}

/**
 * Creates `path` and its directory (refusing an existing file: one log per file) on the
 * first write. A file
 * that cannot be written is reported once through `onError`; later lines are dropped and
 * durable appends resolve, so the work the log describes goes on.
 */
export function createAppendLog(path: string, onError: (e: unknown) => void): AppendLog {
  let handle: FileHandle | undefined;
  let broken = false;
  let queued: string[] = [];
  let waiting: Array<() => void> = [];
  let syncWanted = false;
  let draining: Promise<void> | undefined;
  const stats = { writes: 0, syncs: 0 };

  const openFile = async (): Promise<FileHandle> => {
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    const file = await open(path, 'wx', 0o600);
    // The new name must survive a power loss too, or the synced lines have no file.
    await syncDirectory(dirname(path));
    return file;
  };

  const drain = async (): Promise<void> => {
    while (queued.length > 0) {
      const lines = queued;
      const done = waiting;
      const sync = syncWanted;
      queued = [];
      waiting = [];
      syncWanted = false;
      if (!broken) {
        try {
          handle ??= await openFile();
          await handle.write(lines.join(''));
          stats.writes++;
          if (sync) {
            await handle.datasync();
            stats.syncs++;
          }
        } catch (e) {
          broken = true;
          onError(e);
        }
      }
      for (const resolve of done) resolve();
    }
    draining = undefined;
  };

  const push = (line: string) => {
    queued.push(`${line}\n`);
    draining ??= drain();
  };

  return {
    stats,
    append: push,
    appendDurable(line) {
      return new Promise<void>((resolve) => {
        waiting.push(resolve);
        syncWanted = true;
        push(line);
      });
    },
    async flush() {
      while (draining) await draining;
    },
    async close() {
      while (draining) await draining;
      broken = true;
      await handle?.close();
      handle = undefined;
    },
  };
}

async function syncDirectory(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Windows cannot open a directory for syncing; its file system orders the create itself.
  } finally {
    await handle?.close().catch(() => {});
  }
}
