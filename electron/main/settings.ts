/**
 * `<dataDir>/settings.json`, read field by field: a bad field is dropped with a notice and
 * its default used, the other fields kept; a file that is not JSON at all is set aside.
 * Updates run one at a time, each validated whole before it is written.
 */
import { join } from 'node:path';
import pLimit from 'p-limit';
import { SettingsSchema, type Settings } from '../../shared/ipc/contract';
import { DeckError, describeZodError } from '../../shared/ipc/result';
import { writeFileAtomic } from './fs/atomic-file';
import {
  parseDataFile,
  readDataFile,
  type DroppedEntry,
  type UnreadableFiles,
} from './fs/unreadable-file';
import type { HandlerGroup } from './ipc/handle';
import { DEFAULT_OPEN_TIMEOUT_MS, DEFAULT_TIMEOUT_MS } from './providers/common/provider-options';
import { DEMO_PROFILES } from './services/demo';

export const DEFAULT_SETTINGS: Settings = {
  ipEchoUrl: 'https://api.ipify.org?format=json',
  openConcurrency: 2,
  proxyCheckConcurrency: 8,
  proxyCheckTimeoutMs: 10_000,
  theme: 'system',
  // Each vendor's own default (shared/model/vendors.ts) until the user sets one.
  vendorConcurrency: {},
  requestTimeoutMs: DEFAULT_TIMEOUT_MS,
  openTimeoutMs: DEFAULT_OPEN_TIMEOUT_MS,
  checkProxyBeforeOpen: false,
  demoProfiles: DEMO_PROFILES,
};

const DEFAULTS_USED = 'the default is used for each';

export function createSettingsStore(
  dataDir: string,
  deps: { unreadable: UnreadableFiles; overrides?: Partial<Settings> },
) {
  const file = join(dataDir, 'settings.json');
  // Fields this version does not know (a newer one wrote them): written back untouched.
  const unknownFields = new Map<string, unknown>();
  let writable = true;
  let current: Promise<Settings> | undefined;
  /** The settings once read: what code that cannot wait (a vendor request's limits) reads. */
  let latest: Settings | undefined;
  const listeners: Array<(settings: Settings) => void> = [];
  const oneAtATime = pLimit(1);

  const setAside = async (problem: string): Promise<Partial<Settings>> => {
    const backup = await deps.unreadable.setAside(file, problem, 'the default settings are used');
    writable = backup !== undefined;
    return {};
  };

  const readSaved = async (): Promise<Partial<Settings>> => {
    const read = await readDataFile(file);
    if (read.state === 'missing') return {};
    if (read.state === 'failed') return setAside(read.problem);
    const parsed = parseDataFile(read.bytes.toString('utf8'));
    if (!parsed.ok) return setAside(parsed.problem);
    const value = parsed.value;
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return setAside('not a settings file');
    const saved: Record<string, unknown> = {};
    const dropped: DroppedEntry[] = [];
    for (const [key, raw] of Object.entries(value)) {
      if (!Object.hasOwn(SettingsSchema.shape, key)) {
        unknownFields.set(key, raw);
        continue;
      }
      const field = SettingsSchema.shape[key as keyof Settings].safeParse(raw);
      if (field.success) saved[key] = field.data;
      else dropped.push({ name: key, problem: field.error.issues[0]?.message ?? 'invalid' });
    }
    await deps.unreadable.entriesDropped(file, dropped, DEFAULTS_USED);
    return saved as Partial<Settings>;
  };

  const get = (): Promise<Settings> =>
    (current ??= readSaved().then((saved) => {
      latest = { ...DEFAULT_SETTINGS, ...deps.overrides, ...saved };
      return latest;
    }));

  return {
    get,
    /** The settings as last read or saved; the defaults (with overrides) before the first read. */
    latest: (): Settings => latest ?? { ...DEFAULT_SETTINGS, ...deps.overrides },
    /** Refuses the whole patch, naming the field, when the result would not be valid settings. */
    update: (patch: Partial<Settings>): Promise<Settings> =>
      oneAtATime(async () => {
        const checked = SettingsSchema.safeParse({ ...(await get()), ...patch });
        if (!checked.success) {
          const { field, message, reason, params } = describeZodError(checked.error);
          throw DeckError.of('invalid-input', message, { details: { field }, reason, params });
        }
        if (writable) {
          const saved = { ...Object.fromEntries(unknownFields), ...checked.data };
          await writeFileAtomic(file, JSON.stringify(saved, null, 2));
        }
        current = Promise.resolve(checked.data);
        latest = checked.data;
        for (const listener of listeners) listener(checked.data);
        return checked.data;
      }),
    /** Called after each saved update (the Electron wiring applies the theme to the window). */
    onChange(listener: (settings: Settings) => void): void {
      listeners.push(listener);
    },
  };
}
export type SettingsStore = ReturnType<typeof createSettingsStore>;

/** The `settings:*` channels. */
export const settingsHandlers = (
  settings: SettingsStore,
): HandlerGroup<'settings:get' | 'settings:update'> => ({
  'settings:get': () => settings.get(),
  'settings:update': (patch) => settings.update(patch),
});
