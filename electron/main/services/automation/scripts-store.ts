/**
 * Custom scripts, saved in the data dir: `<dataDir>/scripts/<id>.json`, one file a script
 * (`{ v, id, name, source, updatedAt }`), written atomically. A file that cannot be read is
 * left where it is and not listed, so one damaged script never hides the others.
 */
import { randomBytes } from 'node:crypto';
import { readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { DeckError } from '../../../../shared/ipc/result';
import type { Script, ScriptSummary } from '../../../../shared/model/automation';
import { writeFileAtomic } from '../../fs/atomic-file';
import type { HandlerGroup } from '../../ipc/handle';
import type { Logger } from '../../log';

const VERSION = 1;
const ID = /^[0-9a-f]{16}$/;
/** More than anyone writes by hand; a folder filled by something else is not read whole. */
const MAX_SCRIPTS = 1000;

const StoredScript = z.object({
  v: z.literal(VERSION),
  id: z.string().regex(ID),
  name: z.string().min(1).max(100),
  source: z.string(),
  updatedAt: z.number(),
});

export interface ScriptsStore {
  list(): Promise<ScriptSummary[]>;
  get(id: string): Promise<Script>;
  save(input: { id?: string; name: string; source: string }): Promise<Script>;
  remove(id: string): Promise<void>;
}

export function createScriptsStore(deps: {
  dataDir: string;
  log: Pick<Logger, 'warn'>;
  clock?: () => number;
}): ScriptsStore {
  const dir = join(deps.dataDir, 'scripts');
  const clock = deps.clock ?? Date.now;
  const fileOf = (id: string) => join(dir, `${id}.json`);
  const missing = () =>
    DeckError.of('not-found', 'That script no longer exists', { reason: 'script.gone' });

  async function read(id: string): Promise<Script> {
    if (!ID.test(id)) throw missing();
    let text: string;
    try {
      text = await readFile(fileOf(id), 'utf8');
    } catch {
      throw missing();
    }
    const parsed = StoredScript.safeParse(safeJson(text));
    if (!parsed.success || parsed.data.id !== id) {
      deps.log.warn(`script file ${id}.json is unreadable and was left as it is`);
      throw DeckError.of('internal', 'That script file is damaged; it was left as it is', {
        reason: 'script.damaged',
      });
    }
    const { name, source, updatedAt } = parsed.data;
    return { id, name, source, updatedAt, size: source.length };
  }

  return {
    async list() {
      let names: string[];
      try {
        names = (await readdir(dir)).filter((n) => ID.test(n.replace(/\.json$/, '')));
      } catch {
        return [];
      }
      const scripts = await Promise.all(
        names.slice(0, MAX_SCRIPTS).map((n) => read(n.replace(/\.json$/, '')).catch(() => null)),
      );
      return scripts
        .filter((s): s is Script => s !== null)
        .map(({ source: _source, ...summary }) => summary)
        .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    },

    get: read,

    async save({ id, name, source }) {
      if (id !== undefined) await read(id);
      const script = {
        v: VERSION,
        id: id ?? randomBytes(8).toString('hex'),
        name: name.trim(),
        source,
        updatedAt: clock(),
      };
      await writeFileAtomic(fileOf(script.id), JSON.stringify(script));
      return {
        id: script.id,
        name: script.name,
        source,
        updatedAt: script.updatedAt,
        size: source.length,
      };
    },

    async remove(id) {
      await read(id);
      await rm(fileOf(id), { force: true });
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export const scriptsHandlers = (
  store: ScriptsStore,
): HandlerGroup<'scripts:list' | 'scripts:get' | 'scripts:save' | 'scripts:delete'> => ({
  'scripts:list': () => store.list(),
  'scripts:get': ({ id }) => store.get(id),
  'scripts:save': (input) => store.save(input),
  'scripts:delete': async ({ id }) => {
    await store.remove(id);
    return { deleted: true };
  },
});
