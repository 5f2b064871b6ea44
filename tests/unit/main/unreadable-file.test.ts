/**
 * The "data file we could not read" module: what it calls each kind of damage, where it
 * moves the file (never over an earlier backup) and what it tells the user when it cannot.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createUnreadableFiles, parseDataFile } from '../../../electron/main/fs/unreadable-file';
import { createNotices } from '../../../electron/main/notices';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'deck-unreadable-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const AT = Date.UTC(2026, 0, 2, 3, 4, 5, 678);
const silent = { warn: () => {} };

it.each([
  ['', 'empty'],
  ['  \n', 'empty'],
  ['{"version":1,"connections":[{"id":"a"', 'truncated'],
  ['{"label":"Sho', 'truncated'],
  ['{"a":1,}', 'not JSON'],
  ['<?xml version="1.0"?>', 'not JSON'],
  ['{"version":7,"connections":[]}', 'newer version 7'],
])('parseDataFile(%j) is "%s"', (text, problem) => {
  expect(parseDataFile(text, 1)).toEqual({ ok: false, problem });
});

it('parseDataFile accepts a known version and files without one', () => {
  expect(parseDataFile('{"version":1}', 1)).toEqual({ ok: true, value: { version: 1 } });
  expect(parseDataFile('{"openConcurrency":2}')).toEqual({
    ok: true,
    value: { openConcurrency: 2 },
  });
});

it('moves a file to a filesystem-safe timestamped name, never over an earlier backup', async () => {
  const notices = createNotices();
  const files = createUnreadableFiles({ notices, log: silent, clock: () => AT });
  const file = join(dir, 'connections.json');
  await writeFile(file, 'first');
  const first = await files.setAside(file, 'not JSON', 'starting without it');
  await writeFile(file, 'second');
  const second = await files.setAside(file, 'empty', 'starting without it');

  expect(first).toBe(`${file}.unreadable-2026-01-02T03-04-05-678Z`);
  expect(second).toBe(`${file}.unreadable-2026-01-02T03-04-05-678Z-2`);
  expect(await readFile(first!, 'utf8')).toBe('first');
  expect(await readFile(second!, 'utf8')).toBe('second');
  expect((await readdir(dir)).sort()).toEqual(
    [first, second].map((p) => p!.slice(dir.length + 1)).sort(),
  );
  expect(notices.list()).toMatchObject([
    { kind: 'unreadable-file', file, backup: first, problem: 'not JSON' },
    { kind: 'unreadable-file', file, backup: second, problem: 'empty' },
  ]);
});

it('a file it cannot move is reported without a backup, and the caller is told not to write', async () => {
  const notices = createNotices();
  const files = createUnreadableFiles({ notices, log: silent, clock: () => AT });
  const file = join(dir, 'gone', 'settings.json');
  expect(await files.setAside(file, 'could not be read (EIO)', 'the defaults are used')).toBe(
    undefined,
  );
  const [notice] = notices.list();
  expect(notice).toMatchObject({
    kind: 'unreadable-file',
    file,
    problem: 'could not be read (EIO)',
  });
  expect(notice).not.toHaveProperty('backup');
  expect(notice!.message).toContain('saves no changes to it');
});

it('dropped entries are named (the first few) and the file is copied, not moved', async () => {
  const notices = createNotices();
  const files = createUnreadableFiles({ notices, log: silent, clock: () => AT });
  const file = join(dir, 'connections.json');
  await writeFile(file, 'as it was');
  const entries = Array.from({ length: 7 }, (_, i) => ({ name: `entry ${i}`, problem: 'bad' }));
  await files.entriesDropped(file, entries, 'the others are kept');
  const [notice] = notices.list();
  expect(notice).toMatchObject({ kind: 'dropped-entries', problem: '7 damaged entries' });
  expect(notice!.message).toBe(
    'connections.json: dropped entry 0 (bad); entry 1 (bad); entry 2 (bad); entry 3 (bad); ' +
      'entry 4 (bad) and 2 more; the others are kept.',
  );
  expect(await readFile(file, 'utf8')).toBe('as it was');
  expect(await readFile(notice!.backup!, 'utf8')).toBe('as it was');
  await files.entriesDropped(file, [], 'nothing');
  expect(notices.list()).toHaveLength(1);
});
