/**
 * Vendor tokens by connection id. On disk only as one blob encrypted by the injected
 * SecretCipher (safeStorage in Electron); where the OS offers no real encryption they live
 * in memory for this session and nothing is written. Every token is registered with the
 * log so it is masked in every line.
 */
import { writeFileAtomic } from '../fs/atomic-file';
import {
  parseDataFile,
  readDataFile,
  type DroppedEntry,
  type UnreadableFiles,
} from '../fs/unreadable-file';
import type { Logger } from '../log';
import type { SecretCipher } from './secret-store';

export interface TokenVault {
  /** Reads the encrypted blob once; later calls return the same promise. */
  load(): Promise<void>;
  get(connectionId: string): string | undefined;
  /** Whether any connection's token is this string (the log keeps masking it then). */
  holds(secret: string): boolean;
  /** `persist: false` keeps it for the session only (demo connections). */
  set(connectionId: string, token: string | null, opts?: { persist?: boolean }): Promise<void>;
  delete(connectionId: string): Promise<void>;
  /** Whether tokens survive a restart on this machine. */
  isPersistent(): Promise<boolean>;
}

const KNOWN_VERSION = 1;

interface Entry {
  token: string;
  persist: boolean;
}

export function createTokenVault(options: {
  file: string;
  cipher: SecretCipher;
  log: Pick<Logger, 'warn' | 'addSecret' | 'removeSecret'>;
  unreadable: UnreadableFiles;
  /** Labels of the connections that would need their token again if the blob is lost. */
  lostTokensFor?: () => string[];
}): TokenVault {
  const { cipher, log, file, unreadable } = options;
  const entries = new Map<string, Entry>();
  let loaded: Promise<void> | undefined;
  // True once the blob on disk was read, set aside, or found absent: only then may it be written.
  let readable = false;
  let writes: Promise<void> = Promise.resolve();

  const isPersistent = () => cipher.isEncryptionAvailable();
  /** A token no connection holds any more is dropped from the log's masks. */
  const forget = (token: string | undefined) => {
    if (token && ![...entries.values()].some((e) => e.token === token)) log.removeSecret(token);
  };

  const load = () =>
    (loaded ??= (async () => {
      if (!(await isPersistent())) return;
      const read = await readDataFile(file);
      if (read.state === 'missing') {
        readable = true; // first start
        return;
      }
      if (read.state === 'failed') return setAside(read.problem);
      let text: string;
      try {
        text = await cipher.decrypt(read.bytes);
      } catch {
        return setAside('could not decrypt');
      }
      const parsed = parseDataFile(text, KNOWN_VERSION);
      if (!parsed.ok) return setAside(parsed.problem);
      const tokens = (parsed.value as { tokens?: unknown } | null)?.tokens;
      if (!tokens || typeof tokens !== 'object' || Array.isArray(tokens))
        return setAside('not a token file');
      const dropped: DroppedEntry[] = [];
      for (const [id, token] of Object.entries(tokens)) {
        if (typeof token !== 'string' || !token) {
          dropped.push({ name: `the token of connection ${id.slice(0, 80)}`, problem: 'not text' });
          continue;
        }
        log.addSecret(token);
        entries.set(id, { token, persist: true });
      }
      await unreadable.entriesDropped(file, dropped, 'enter those tokens again');
      readable = true;
    })());

  /** A blob we could not read is moved aside, never rewritten: the keychain may come back. */
  const setAside = async (problem: string) => {
    const lost = options.lostTokensFor?.() ?? [];
    const consequence =
      'the saved tokens are not available (the backup may be readable again if the OS ' +
      `keychain that encrypted it comes back)${lost.length ? `. Enter the token again for: ${lost.join(', ')}` : ''}`;
    readable = (await unreadable.setAside(file, problem, consequence)) !== undefined;
  };

  const save = (): Promise<void> => {
    const run = writes.then(async () => {
      // Never over a blob that is still there unread: it holds other connections' tokens.
      if (!readable || !(await isPersistent())) return;
      const tokens: Record<string, string> = {};
      for (const [id, e] of entries) if (e.persist) tokens[id] = e.token;
      await writeFileAtomic(
        file,
        await cipher.encrypt(JSON.stringify({ version: KNOWN_VERSION, tokens })),
      );
    });
    writes = run.catch((e: unknown) => log.warn('could not save tokens', (e as Error).message));
    return run;
  };

  return {
    load,
    isPersistent,
    get: (id) => entries.get(id)?.token,
    holds: (secret) => [...entries.values()].some((e) => e.token === secret),
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
