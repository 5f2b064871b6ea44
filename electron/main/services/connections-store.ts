/**
 * `<dataDir>/connections.json`: the user's connections without any secret (tokens live in
 * the token vault), written atomically with owner-only permissions. Demo (sandbox)
 * connections are never written: their ports change with every run.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { VendorSchema } from '../../../shared/model';
import type { Logger } from '../log';
import { writeFileAtomic } from '../fs/atomic-file';

export const StoredConnectionSchema = z.object({
  id: z.string().min(1),
  vendor: VendorSchema,
  label: z.string(),
  baseUrl: z.string(),
  checkProxyBeforeOpen: z.boolean().default(false),
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
  dismissed: z.array(z.string()).default([]),
});

export interface ConnectionsFile {
  connections: StoredConnection[];
  dismissed: string[];
}

export function createConnectionsStore(file: string, log: Pick<Logger, 'warn'>) {
  let writes: Promise<void> = Promise.resolve();
  return {
    async load(): Promise<ConnectionsFile> {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch {
        return { connections: [], dismissed: [] };
      }
      const parsed = FileSchema.safeParse(safeJson(text));
      if (!parsed.success) {
        log.warn(`${file} is not a connections file; starting without saved connections`);
        return { connections: [], dismissed: [] };
      }
      // One damaged entry must not lose the others.
      const connections: StoredConnection[] = [];
      for (const raw of parsed.data.connections) {
        const c = StoredConnectionSchema.safeParse(raw);
        if (c.success) connections.push(c.data);
        else log.warn('skipped a damaged saved connection');
      }
      return { connections, dismissed: parsed.data.dismissed };
    },
    save(data: ConnectionsFile): Promise<void> {
      const run = writes.then(() =>
        writeFileAtomic(
          file,
          JSON.stringify(
            { version: 1, connections: data.connections, dismissed: data.dismissed },
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

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
