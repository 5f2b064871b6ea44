import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './fs/atomic-file';
import { SettingsSchema, type Settings } from '../../shared/ipc/contract';

export const DEFAULT_SETTINGS: Settings = {
  ipEchoUrl: 'https://api.ipify.org?format=json',
  openConcurrency: 2,
  proxyCheckConcurrency: 8,
  proxyCheckTimeoutMs: 10_000,
};

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
