/**
 * Replacing a data file so that a crash or power loss leaves either the old file or the new
 * one, never a torn mix: write a temp file next to it, fsync it, rename it over the old one,
 * then fsync the directory so the rename itself is on disk.
 */
import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { dirname } from 'node:path';

/** The file-system calls the protocol uses; tests inject failing ones. */
export type AtomicFs = Pick<typeof nodeFs, 'mkdir' | 'open' | 'rename' | 'unlink'>;

/** Writes `data` to `path` atomically, owner-only (0600). */
export async function writeFileAtomic(
  path: string,
  data: string | Buffer,
  fs: AtomicFs = nodeFs,
): Promise<void> {
  const dir = dirname(path);
  await fs.mkdir(dir, { recursive: true });
  // Random, so two writers in one millisecond never share a temp file.
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const handle = await fs.open(tmp, 'wx', 0o600);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, path);
  } catch (e) {
    await fs.unlink(tmp).catch(() => undefined);
    throw e;
  }
  await syncDirectory(dir, fs);
}

/**
 * Makes the rename durable. Windows cannot open a directory for fsync (and NTFS journals the
 * rename anyway), and some file systems refuse it: the data is already in place by then, so
 * such refusals are not errors.
 */
async function syncDirectory(dir: string, fs: AtomicFs): Promise<void> {
  if (process.platform === 'win32') return;
  let handle: nodeFs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // See above: best effort once the file itself is safe.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
