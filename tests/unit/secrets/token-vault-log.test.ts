/** The token vault tells the log which tokens to mask, and which are gone. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTestCipher } from '../../../electron/main/secrets/secret-store';
import { createTokenVault, type TokenVault } from '../../../electron/main/secrets/token-vault';

let dir: string;
let vault: TokenVault;
let masked: Set<string>;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'browserdeck-vault-'));
  masked = new Set();
  vault = createTokenVault({
    file: join(dir, 'secrets.bin'),
    cipher: createTestCipher(),
    log: {
      warn: () => undefined,
      addSecret: (s) => void masked.add(s),
      removeSecret: (s) => void masked.delete(s),
    },
    // A fresh dir: no file is ever unreadable here.
    unreadable: { setAside: async () => undefined, entriesDropped: async () => undefined },
  });
});
afterEach(() => rm(dir, { recursive: true, force: true }));

it('a replaced, cleared or removed token is no longer kept by the log', async () => {
  await vault.set('c1', 'token-one');
  await vault.set('c2', 'token-two');
  expect([...masked].sort()).toEqual(['token-one', 'token-two']);

  await vault.set('c1', 'token-one-b');
  await vault.set('c2', null);
  expect([...masked]).toEqual(['token-one-b']);
  await vault.delete('c1');
  expect([...masked]).toEqual([]);
});

it('keeps masking a token another connection still holds, and one set again unchanged', async () => {
  await vault.set('c1', 'shared-token');
  await vault.set('c2', 'shared-token', { persist: false });
  await vault.delete('c1');
  await vault.set('c2', 'shared-token', { persist: false });
  expect([...masked]).toEqual(['shared-token']);
});
