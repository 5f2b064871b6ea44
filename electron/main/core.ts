/**
 * createCore(deps): every service BrowserDeck's main process has, built from injected
 * effects so it runs in plain Node (unit tests, the browser harness, benchmarks) exactly
 * as it runs inside Electron. electron/main/index.ts only wires Electron to it.
 */
import type { AppInfo, Settings } from '../../shared/ipc/contract';
import { createDispatch, type Dispatch, type Handlers } from './ipc/handle';
import { createEventBus, type EventBus } from './events';
import type { Logger } from './log';
import type { SecretCipher } from './secrets/secret-store';
import { createSettingsStore } from './settings';

/** Starts child processes (the sandbox's browsers). Injected so tests can watch them. */
export interface ProcessLauncher {
  spawn: typeof import('node:child_process').spawn;
}

export interface CoreDeps {
  dataDir: string;
  cipher: SecretCipher;
  log: Logger;
  clock?: () => number;
  launcher?: ProcessLauncher;
  /** Opens a DevTools window on `url`, allowed to load only `origin`. */
  openWindow?: (url: string, origin: string) => Promise<void> | void;
  app: { name: string; version: string; platform: string; electron: string | null };
  /** Settings that override defaults (tests point the IP echo at loopback). */
  settings?: Partial<Settings>;
  /** Check every response against the contract (tests). */
  validateResponses?: boolean;
}

export interface Core {
  dispatch: Dispatch;
  events: EventBus;
  dispose(): Promise<void>;
}

export function createCore(deps: CoreDeps): Core {
  const events = createEventBus();
  const settings = createSettingsStore(deps.dataDir, deps.settings);
  const disposers: Array<() => Promise<void> | void> = [];

  const appInfo = async (): Promise<AppInfo> => ({
    ...deps.app,
    secretStorage: (await deps.cipher.isEncryptionAvailable()) ? 'encrypted' : 'memory',
    demo: { running: false, simulated: false },
  });

  const handlers: Handlers = {
    'app:info': appInfo,
    'settings:get': () => settings.get(),
    'settings:update': (patch) => settings.update(patch),
  };

  return {
    dispatch: createDispatch(handlers, {
      log: deps.log,
      validateResponses: deps.validateResponses,
    }),
    events,
    async dispose() {
      for (const d of disposers.reverse()) await d();
    },
  };
}
