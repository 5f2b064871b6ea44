import { readFile, writeFile, mkdir, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { SettingsSchema, type Settings } from '../../shared/ipc/contract';

export const DEFAULT_SETTINGS: Settings = {
  ipEchoUrl: 'https://api.ipify.org?format=json',
  openConcurrency: 2,
  proxyCheckConcurrency: 8,
  proxyCheckTimeoutMs: 10_000,
};

/** Writes a file atomically (tmp + rename) with owner-only permissions. */
export async function writeFileAtomic(path: string, data: string | Buffer): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(tmp, data, { mode: 0o600 });
  await rename(tmp, path);
}

export function createSettingsStore(dataDir: string, overrides: Partial<Settings> = {}) {
  const file = join(dataDir, 'settings.json');
  let current: Settings | undefined;
  const load = async (): Promise<Settings> => {
    if (current) return current;
    try {
      const parsed = SettingsSchema.partial().safeParse(JSON.parse(await readFile(file, 'utf8')));
      current = { ...DEFAULT_SETTINGS, ...overrides, ...(parsed.success ? parsed.data : {}) };
    } catch {
      current = { ...DEFAULT_SETTINGS, ...overrides };
    }
    return current;
  };
  return {
    get: load,
    async update(patch: Partial<Settings>): Promise<Settings> {
      current = { ...(await load()), ...patch };
      await writeFileAtomic(file, JSON.stringify(current, null, 2));
      return current;
    },
  };
}
export type SettingsStore = ReturnType<typeof createSettingsStore>;
