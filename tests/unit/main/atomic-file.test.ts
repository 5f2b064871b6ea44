/**
 * writeFileAtomic against real files in a temp dir: a crash between the temp write and the
 * rename leaves the old file whole, the data is fsynced before it replaces the old file, and
 * concurrent writers never trip over each other's temp files.
 */
import * as fs from 'node:fs/promises';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { writeFileAtomic, type AtomicFs } from '../../../electron/main/fs/atomic-file';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'deck-atomic-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

it('writes owner-only and leaves no temp file', async () => {
  const file = join(dir, 'nested', 'settings.json');
  await writeFileAtomic(file, '{"a":1}');
  expect(await readFile(file, 'utf8')).toBe('{"a":1}');
  if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
  expect(await readdir(join(dir, 'nested'))).toEqual(['settings.json']);
});

it('a crash between the temp write and the rename leaves the old file intact', async () => {
  const file = join(dir, 'connections.json');
  await writeFile(file, 'the old contents');
  const crashing: AtomicFs = {
    ...fs,
    rename: async () => {
      throw Object.assign(new Error('simulated crash before rename'), { code: 'EIO' });
    },
  };
  await expect(writeFileAtomic(file, 'the new contents', crashing)).rejects.toThrow(
    'simulated crash',
  );
  expect(await readFile(file, 'utf8')).toBe('the old contents');
  expect(await readdir(dir)).toEqual(['connections.json']);
});

it('fsyncs the data before the rename and the directory after it', async () => {
  const file = join(dir, 'secrets.bin');
  const steps: string[] = [];
  const name = (p: unknown) => (String(p) === dir ? 'dir' : String(p).endsWith('.tmp') ? 'tmp' : p);
  const recording: AtomicFs = {
    ...fs,
    open: (async (path: string, ...rest: unknown[]) => {
      const handle = await (fs.open as (...a: unknown[]) => Promise<fs.FileHandle>)(path, ...rest);
      const sync = handle.sync.bind(handle);
      const write = handle.writeFile.bind(handle);
      handle.sync = async () => {
        steps.push(`sync ${name(path)}`);
        return sync();
      };
      handle.writeFile = (async (...a: Parameters<typeof write>) => {
        steps.push(`write ${name(path)}`);
        return write(...a);
      }) as typeof handle.writeFile;
      return handle;
    }) as AtomicFs['open'],
    rename: async (from, to) => {
      steps.push(`rename ${name(from)} -> ${to === file ? 'file' : String(to)}`);
      return fs.rename(from, to);
    },
  };
  await writeFileAtomic(file, Buffer.from([1, 2, 3]), recording);
  const expected = ['write tmp', 'sync tmp', 'rename tmp -> file'];
  // Windows cannot fsync a directory; everywhere else the rename is made durable too.
  if (process.platform !== 'win32') expected.push('sync dir');
  expect(steps).toEqual(expected);
  expect([...(await readFile(file))]).toEqual([1, 2, 3]);
});

it('concurrent writers to one file all succeed and leave one whole version', async () => {
  const file = join(dir, 'settings.json');
  const versions = Array.from({ length: 20 }, (_, i) => JSON.stringify({ version: i }));
  await Promise.all(versions.map((v) => writeFileAtomic(file, v)));
  expect(versions).toContain(await readFile(file, 'utf8'));
  expect(await readdir(dir)).toEqual(['settings.json']);
});
