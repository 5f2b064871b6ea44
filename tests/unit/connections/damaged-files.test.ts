/**
 * Damaged connections.json and secrets.bin, against real files in a temp dir and the real
 * core: an unreadable file is moved aside with its original bytes and the user is told
 * which file, what is wrong and where the backup is; start-up detection and token edits
 * never write over what could not be read; one damaged entry drops only itself.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AppInfo, Notice } from '../../../shared/ipc/contract';
import type { Connection } from '../../../shared/model';
import { createCore, type Core } from '../../../electron/main/core';
import { createLogger } from '../../../electron/main/log';
import { createTestCipher, type SecretCipher } from '../../../electron/main/secrets/secret-store';
import { createTokenVault } from '../../../electron/main/secrets/token-vault';
import { createConnectionsStore } from '../../../electron/main/services/connections-store';
import type { UnreadableFiles } from '../../../electron/main/fs/unreadable-file';
import { startSandbox, type Sandbox } from '../../../electron/sandbox';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({
    ixProfiles: 3,
    cosProfiles: 2,
    chromiumPath: null,
    cosToken: 'cos-token-A',
  });
});
afterAll(() => sandbox.stop());

const cores: Core[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.dispose();
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function newDataDir() {
  const dir = await mkdtemp(join(tmpdir(), 'deck-damaged-'));
  dirs.push(dir);
  return dir;
}

function core(dataDir: string, opts: { cipher?: SecretCipher; detect?: number[] } = {}) {
  const c = createCore({
    dataDir,
    cipher: opts.cipher ?? createTestCipher('k'),
    log: createLogger(() => {}),
    app: { name: 'BrowserDeck', version: 't', platform: process.platform, electron: null },
    validateResponses: true,
    detectPorts: { ixbrowser: opts.detect ?? [], cos: [] },
  });
  cores.push(c);
  return c;
}

async function call<T>(c: Core, channel: string, request: unknown = {}): Promise<T> {
  const r = await c.dispatch(channel, request);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data as T;
}

const notices = async (c: Core): Promise<Notice[]> => (await call<AppInfo>(c, 'app:info')).notices;

async function backupsOf(dir: string, name: string): Promise<string[]> {
  return (await readdir(dir)).filter((f) => f.startsWith(`${name}.unreadable-`)).sort();
}

const SAVED = JSON.stringify(
  {
    version: 1,
    connections: [
      { id: 'ix-aaaaaa', vendor: 'ixbrowser', label: 'Office', baseUrl: 'http://127.0.0.1:9' },
    ],
    dismissed: [],
  },
  null,
  2,
);

describe('connections.json', () => {
  it.each([
    { what: 'truncated', bytes: SAVED.slice(0, 90), problem: 'truncated' },
    { what: 'empty', bytes: '', problem: 'empty' },
    { what: 'garbage', bytes: 'PK\u0003\u0004 not json at all', problem: 'not JSON' },
    {
      what: 'newer-version',
      bytes: JSON.stringify({ version: 2, connections: [], workspaces: [{ id: 'w1' }] }),
      problem: 'newer version 2',
    },
  ])(
    'a $what file is moved aside with its bytes; start-up detection does not write over it',
    async ({ bytes, problem }) => {
      const dir = await newDataDir();
      const file = join(dir, 'connections.json');
      await writeFile(file, bytes);
      const c = core(dir, { detect: [Number(new URL(sandbox.ix.url).port)] });
      await c.services.connections.ready;

      // Detection found the sandbox and saved it, into a new file, not over the old one.
      const listed = await call<Connection[]>(c, 'connections:list');
      expect(listed.map((l) => l.baseUrl)).toEqual([sandbox.ix.url]);
      expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({
        connections: [{ baseUrl: sandbox.ix.url, detected: true }],
      });
      const [backup] = await backupsOf(dir, 'connections.json');
      expect(await readFile(join(dir, backup!), 'utf8')).toBe(bytes);

      const [notice, ...others] = await notices(c);
      expect(others).toEqual([]);
      expect(notice).toMatchObject({
        kind: 'unreadable-file',
        file,
        backup: join(dir, backup!),
        problem,
      });
      expect(notice!.message).toContain(`connections.json could not be read (${problem})`);
    },
  );

  it('a second damaged file gets its own backup; the first is never overwritten', async () => {
    const dir = await newDataDir();
    await writeFile(join(dir, 'connections.json'), 'first damage');
    await core(dir).services.connections.ready;
    await writeFile(join(dir, 'connections.json'), 'second damage');
    await core(dir).services.connections.ready;
    const backups = await backupsOf(dir, 'connections.json');
    expect(backups).toHaveLength(2);
    const contents = await Promise.all(backups.map((b) => readFile(join(dir, b), 'utf8')));
    expect(contents.sort()).toEqual(['first damage', 'second damage']);
  });

  it('one damaged entry is dropped alone, named in a notice, and kept in a copy', async () => {
    const dir = await newDataDir();
    const file = join(dir, 'connections.json');
    const original = JSON.stringify({
      version: 1,
      connections: [
        { id: 'ix-111111', vendor: 'ixbrowser', label: 'Office', baseUrl: 'http://127.0.0.1:9' },
        { id: 'cos-22222', vendor: 'gologin', label: 'Broken one', baseUrl: 'http://127.0.0.1:8' },
        { id: 'cos-33333', vendor: 'cos', label: 'Shop', baseUrl: sandbox.cos.url },
      ],
    });
    await writeFile(file, original);
    const c = core(dir);
    const listed = await call<Connection[]>(c, 'connections:list');
    expect(listed.map((l) => l.label)).toEqual(['Office', 'Shop']);

    const [notice, ...others] = await notices(c);
    expect(others).toEqual([]);
    expect(notice).toMatchObject({ kind: 'dropped-entries', file, problem: '1 damaged entry' });
    expect(notice!.message).toContain('connection "Broken one" (vendor:');
    // The next save drops the entry from connections.json; the copy still has it.
    await call(c, 'connections:update', { id: 'ix-111111', label: 'Office 2' });
    expect(await readFile(file, 'utf8')).not.toContain('Broken one');
    expect(await readFile(notice!.backup!, 'utf8')).toBe(original);
  });
});

describe('secrets.bin', () => {
  /** safeStorage after the OS keychain changed: the blob is there but will not decrypt. */
  const lockedOut = (): SecretCipher => ({
    ...createTestCipher('k'),
    decrypt: async () => {
      throw new Error('Error while decrypting the ciphertext provided to safeStorage');
    },
  });

  it('a blob that fails to decrypt is moved aside, never rewritten; the notice names who needs a token', async () => {
    const dir = await newDataDir();
    const file = join(dir, 'secrets.bin');
    const first = core(dir);
    const shop = await call<Connection>(first, 'connections:add', {
      vendor: 'cos',
      baseUrl: sandbox.cos.url,
      token: 'cos-token-A',
      label: 'Shop',
    });
    await call(first, 'connections:add', {
      vendor: 'cos',
      baseUrl: 'http://127.0.0.1:9',
      token: 'other-token',
      label: 'Studio',
    });
    await call(first, 'connections:add', { vendor: 'ixbrowser', baseUrl: sandbox.ix.url });
    await first.dispose();
    const blob = await readFile(file);

    const second = core(dir, { cipher: lockedOut() });
    const [notice, ...others] = await notices(second);
    expect(others).toEqual([]);
    expect(notice).toMatchObject({ kind: 'unreadable-file', file, problem: 'could not decrypt' });
    expect(notice!.message).toContain('Enter the token again for: Shop, Studio');
    expect(notice!.message).not.toContain('ixBrowser');

    // The next token edit writes a new blob; the unread one survives byte for byte.
    await call(second, 'connections:update', { id: shop.id, token: 'cos-token-A' });
    expect((await readFile(notice!.backup!)).equals(blob)).toBe(true);
    expect((await readFile(file)).equals(blob)).toBe(false);
    // When the keychain comes back, the backup still holds both tokens.
    const restored = await createTestCipher('k').decrypt(await readFile(notice!.backup!));
    const { tokens } = JSON.parse(restored) as { tokens: Record<string, string> };
    expect(Object.values(tokens).sort()).toEqual(['cos-token-A', 'other-token']);
  });

  it('a damaged token is dropped alone and named', async () => {
    const dir = await newDataDir();
    const cipher = createTestCipher('k');
    await writeFile(
      join(dir, 'secrets.bin'),
      await cipher.encrypt(JSON.stringify({ version: 1, tokens: { 'cos-1': 'tok', 'cos-2': 5 } })),
    );
    const c = core(dir, { cipher });
    const [notice] = await notices(c);
    expect(notice).toMatchObject({ kind: 'dropped-entries', problem: '1 damaged entry' });
    expect(notice!.message).toContain('the token of connection cos-2');
  });
});

describe('a file that could not be moved aside', () => {
  /** As when the data dir refuses the rename: the stores are told the file is still there. */
  const stuck: UnreadableFiles = {
    setAside: async () => undefined,
    entriesDropped: async () => {},
  };
  const log = { warn: () => {}, addSecret: () => {}, removeSecret: () => {} };

  it('connections.json is never saved over', async () => {
    const file = join(await newDataDir(), 'connections.json');
    await writeFile(file, '{"version":1,"connections":[{"id":"a"');
    const store = createConnectionsStore(file, { log, unreadable: stuck });
    expect(await store.load()).toEqual({ connections: [], dismissed: [] });
    await store.save({ connections: [], dismissed: ['http://127.0.0.1:53200'] });
    expect(await readFile(file, 'utf8')).toBe('{"version":1,"connections":[{"id":"a"');
  });

  it('secrets.bin is never saved over', async () => {
    const file = join(await newDataDir(), 'secrets.bin');
    await writeFile(file, 'an unreadable blob');
    const vault = createTokenVault({ file, cipher: createTestCipher('k'), log, unreadable: stuck });
    await vault.set('cos-1', 'new-token');
    expect(vault.get('cos-1')).toBe('new-token');
    expect(await readFile(file, 'utf8')).toBe('an unreadable blob');
  });
});
