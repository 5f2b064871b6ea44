/**
 * Vendor tokens by connection id. On disk only as one blob encrypted by the injected
 * SecretCipher (safeStorage in Electron); where the OS offers no real encryption they live
 * in memory for this session and nothing is written. Every token is registered with the
 * log so it is masked in every line.
 */
import { readFile } from 'node:fs/promises';
import type { Logger } from '../log';
import { writeFileAtomic } from '../settings';
import type { SecretCipher } from './secret-store';

export interface TokenVault {
  /** Reads the encrypted blob once; later calls return the same promise. */
  load(): Promise<void>;
  get(connectionId: string): string | undefined;
  /** `persist: false` keeps it for the session only (demo connections). */
  set(connectionId: string, token: string | null, opts?: { persist?: boolean }): Promise<void>;
  delete(connectionId: string): Promise<void>;
  /** Whether tokens survive a restart on this machine. */
  isPersistent(): Promise<boolean>;
}

interface Entry {
  token: string;
  persist: boolean;
}

export function createTokenVault(options: {
  file: string;
  cipher: SecretCipher;
  log: Pick<Logger, 'warn' | 'addSecret' | 'removeSecret'>;
}): TokenVault {
  const { cipher, log, file } = options;
  const entries = new Map<string, Entry>();
  let loaded: Promise<void> | undefined;
  let writes: Promise<void> = Promise.resolve();

  const isPersistent = () => cipher.isEncryptionAvailable();
  /** A token no connection holds any more is dropped from the log's masks. */
  const forget = (token: string | undefined) => {
    if (token && ![...entries.values()].some((e) => e.token === token)) log.removeSecret(token);
  };

  const load = () =>
    (loaded ??= (async () => {
      if (!(await isPersistent())) return;
      let blob: Buffer;
      try {
        blob = await readFile(file);
      } catch {
        return; // first start
      }
      try {
        const parsed: unknown = JSON.parse(await cipher.decrypt(blob));
        const tokens = (parsed as { tokens?: unknown })?.tokens;
        if (tokens && typeof tokens === 'object') {
          for (const [id, token] of Object.entries(tokens)) {
            if (typeof token !== 'string' || !token) continue;
            log.addSecret(token);
            entries.set(id, { token, persist: true });
          }
        }
      } catch (e) {
        // A keychain reset makes old blobs unreadable: the user re-enters the token.
        log.warn(
          'stored tokens could not be decrypted; connections need their token again',
          (e as Error).message,
        );
      }
    })());

  const save = (): Promise<void> => {
    const run = writes.then(async () => {
      if (!(await isPersistent())) return;
      const tokens: Record<string, string> = {};
      for (const [id, e] of entries) if (e.persist) tokens[id] = e.token;
      await writeFileAtomic(file, await cipher.encrypt(JSON.stringify({ version: 1, tokens })));
    });
    writes = run.catch((e: unknown) => log.warn('could not save tokens', (e as Error).message));
    return run;
  };

  return {
    load,
    isPersistent,
    get: (id) => entries.get(id)?.token,
    async set(id, token, opts = {}) {
      await load();
      const persist = opts.persist ?? true;
      const before = entries.get(id);
      if (token) {
        log.addSecret(token);
        entries.set(id, { token, persist });
      } else entries.delete(id);
      if (before?.token !== token) forget(before?.token);
      if (persist || before?.persist) await save();
    },
    async delete(id) {
      await load();
      const before = entries.get(id);
      entries.delete(id);
      forget(before?.token);
      if (before?.persist) await save();
    },
  };
}
