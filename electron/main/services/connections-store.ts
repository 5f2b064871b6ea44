/**
 * `<dataDir>/connections.json`: the user's connections without any secret (tokens live in
 * the token vault), written atomically with owner-only permissions. Demo (sandbox)
 * connections are never written: their ports change with every run. A file that cannot be
 * read is set aside (never saved over); a damaged entry is dropped alone, with a notice.
 */
import { z } from 'zod';
import { describeZodError } from '../../../shared/ipc/result';
import { VendorSchema } from '../../../shared/model';
import { writeFileAtomic } from '../fs/atomic-file';
import {
  parseDataFile,
  readDataFile,
  type DroppedEntry,
  type UnreadableFiles,
} from '../fs/unreadable-file';
import type { Logger } from '../log';

export const StoredConnectionSchema = z.object({
  id: z.string().min(1),
  vendor: VendorSchema,
  label: z.string(),
  baseUrl: z.string(),
  checkProxyBeforeOpen: z.boolean().default(false),
  /** A rate-limited vendor's (AdsPower's) requests per second; absent: the vendor's default. */
  requestsPerSecond: z.number().int().positive().optional(),
  /** Added by start-up detection rather than by the user. */
  detected: z.boolean().default(false),
  /** CosLogin: the `config` new windows are created from. */
  configTemplate: z.record(z.string(), z.unknown()).optional(),
});
export type StoredConnection = z.infer<typeof StoredConnectionSchema>;

const FileSchema = z.object({
  version: z.literal(1),
  connections: z.array(z.unknown()),
  /** Base URLs of detected clients the user removed: start-up detection leaves them out. */
  dismissed: z.array(z.unknown()).default([]),
});

export interface ConnectionsFile {
  connections: StoredConnection[];
  dismissed: string[];
}

const KNOWN_VERSION = 1;
const NO_CONNECTIONS = 'BrowserDeck started without the connections saved in it';

export function createConnectionsStore(
  file: string,
  deps: { log: Pick<Logger, 'warn'>; unreadable: UnreadableFiles },
) {
  let writes: Promise<void> = Promise.resolve();
  // False when the file could not be read nor moved aside: writing would destroy it.
  let writable = true;

  const setAside = async (problem: string): Promise<ConnectionsFile> => {
    writable = (await deps.unreadable.setAside(file, problem, NO_CONNECTIONS)) !== undefined;
    return { connections: [], dismissed: [] };
  };

  return {
    async load(): Promise<ConnectionsFile> {
      const read = await readDataFile(file);
      if (read.state === 'missing') return { connections: [], dismissed: [] };
      if (read.state === 'failed') return setAside(read.problem);
      const parsed = parseDataFile(read.bytes.toString('utf8'), KNOWN_VERSION);
      if (!parsed.ok) return setAside(parsed.problem);
      const shape = FileSchema.safeParse(parsed.value);
      if (!shape.success) return setAside('not a connections file');
      // One damaged entry must not lose the others.
      const connections: StoredConnection[] = [];
      const dropped: DroppedEntry[] = [];
      shape.data.connections.forEach((raw, index) => {
        const c = StoredConnectionSchema.safeParse(raw);
        if (c.success) connections.push(c.data);
        else
          dropped.push({ name: entryName(raw, index), problem: describeZodError(c.error).message });
      });
      await deps.unreadable.entriesDropped(file, dropped, 'the other connections are kept');
      const dismissed = shape.data.dismissed.filter((u): u is string => typeof u === 'string');
      return { connections, dismissed };
    },
    save(data: ConnectionsFile): Promise<void> {
      if (!writable) {
        deps.log.warn(`not saving ${file}: it could not be read and is left as it was`);
        return Promise.resolve();
      }
      const run = writes.then(() =>
        writeFileAtomic(
          file,
          JSON.stringify(
            { version: KNOWN_VERSION, connections: data.connections, dismissed: data.dismissed },
            null,
            2,
          ),
        ),
      );
      writes = run.catch(() => undefined);
      return run;
    },
  };
}
export type ConnectionsStore = ReturnType<typeof createConnectionsStore>;

/** A damaged entry as the user knows it: its label, else its id, else its position. */
function entryName(raw: unknown, index: number): string {
  const { label, id } = (raw ?? {}) as { label?: unknown; id?: unknown };
  if (typeof label === 'string' && label.trim()) return `connection "${label.trim().slice(0, 80)}"`;
  if (typeof id === 'string' && id) return `connection ${id.slice(0, 80)}`;
  return `connection #${index + 1}`;
}
