/**
 * createCore(deps): every service BrowserDeck's main process has, built from injected
 * effects so it runs in plain Node (unit tests, the browser harness, benchmarks) exactly
 * as it runs inside Electron. electron/main/index.ts only wires Electron to it.
 */
import { join } from 'node:path';
import type { AppInfo, Settings } from '../../shared/ipc/contract';
import { createDispatch, type Dispatch, type Handlers } from './ipc/handle';
import { createEventBus, type EventBus } from './events';
import type { Logger } from './log';
import type { SecretCipher } from './secrets/secret-store';
import { createSettingsStore } from './settings';
import type { Vendor } from '../../shared/model';
import {
  createConnectionsService,
  type ConnectionsService,
  type ProviderDefaults,
} from './services/connections';
import { createProfilesService, type ProfilesService } from './services/profiles';
import { createProxyChecker } from './services/proxy-check';
import { createJobEngine } from './services/jobs/job-engine';
import { createJobHandlers } from './services/jobs/job-handlers';
import { createJobJournal } from './services/jobs/job-journal';
import { quitQuestion, type QuitQuestion } from './services/jobs/quit-question';
import { createProfileProxyCheck } from './services/jobs/profile-proxy-check';
import { createSessionsService, type SessionsService } from './services/sessions';
import { createDevtools } from './services/devtools';
import { createDemoService, type DemoService } from './services/demo';
import type { Sandbox, SandboxOptions } from '../sandbox';
import { DeckError } from '../../shared/ipc/result';

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
  /** Ports probed for vendor clients at start (default ixBrowser 53200, CosLogin 54345); tests pass their own or none. */
  detectPorts?: Partial<Record<Vendor, number[]>>;
  /** Vendor request defaults: timeouts, retry backoff, page size (tests shorten them). */
  providerDefaults?: ProviderDefaults;
  /** The built-in sandbox of demo mode: which browser (null = simulated), headless, or a stand-in. */
  demo?: {
    chromiumPath?: string | null;
    headless?: boolean;
    startSandbox?: (options: SandboxOptions) => Promise<Sandbox>;
  };
}

export interface Core {
  dispatch: Dispatch;
  events: EventBus;
  /** Services other modules (and tests) use directly. */
  services: {
    connections: ConnectionsService;
    profiles: ProfilesService;
    sessions: SessionsService;
    demo: DemoService;
  };
  /** What to ask before quitting (jobs still running), or undefined: quit at once. */
  quitQuestion(): QuitQuestion | undefined;
  dispose(): Promise<void>;
}

export function createCore(deps: CoreDeps): Core {
  const events = createEventBus();
  const settings = createSettingsStore(deps.dataDir, deps.settings);
  const disposers: Array<() => Promise<void> | void> = [];

  const appInfo = async (): Promise<AppInfo> => ({
    ...deps.app,
    secretStorage: (await deps.cipher.isEncryptionAvailable()) ? 'encrypted' : 'memory',
    demo: demo.status(),
  });

  const connections = createConnectionsService({
    dataDir: deps.dataDir,
    cipher: deps.cipher,
    log: deps.log,
    events,
    clock: deps.clock,
    detectPorts: deps.detectPorts,
    providerDefaults: deps.providerDefaults,
  });
  disposers.push(() => connections.dispose());
  const profiles = createProfilesService({ connections, log: deps.log });

  const demo = createDemoService({
    connections,
    log: deps.log,
    chromiumPath: deps.demo?.chromiumPath,
    headless: deps.demo?.headless,
    startSandbox: deps.demo?.startSandbox,
    spawn: deps.launcher?.spawn,
  });
  // Connections first (they hold providers to the sandbox), then the sandbox and its browsers.
  disposers.unshift(async () => {
    await demo.stop();
  });

  const sessions = createSessionsService({
    // Callers always pass the ids (sessions:list resolves "all" first).
    providers: (ids = []) =>
      ids.flatMap((id) => {
        try {
          return [connections.providerFor(id)];
        } catch {
          return [];
        }
      }),
  });
  const devtools = createDevtools({
    sessionFor: (key) => sessions.sessionFor(key),
    openWindow: async (url, origin) => {
      if (!deps.openWindow) throw DeckError.of('unsupported', 'This build cannot open windows');
      await deps.openWindow(url, origin);
    },
  });

  const proxyChecker = createProxyChecker({ settings, log: deps.log, clock: deps.clock });

  const jobs = createJobEngine({
    getProvider: (connectionId) => connections.providerFor(connectionId),
    events,
    log: deps.log,
    settings,
    clock: deps.clock,
    maxHistory: 200,
    checkProxy: createProfileProxyCheck(proxyChecker, deps.clock),
    checkProxyBeforeOpen: async (id) => (await connections.get(id)).checkProxyBeforeOpen,
    journal: createJobJournal({ dir: join(deps.dataDir, 'jobs'), log: deps.log }),
  });
  disposers.push(() => jobs.dispose());

  const handlers: Handlers = {
    'app:info': appInfo,
    'settings:get': () => settings.get(),
    'settings:update': (patch) => settings.update(patch),
    'proxy:check': ({ proxy }) => proxyChecker.checkInput(proxy),
    ...createJobHandlers(jobs),
    ...connections.handlers,
    'connections:remove': async ({ id }) => {
      const removed = await connections.remove(id);
      if (removed) await demo.connectionRemoved(id);
      return { removed };
    },
    'demo:start': ({ profiles: total }) => demo.start(total),
    'demo:stop': async () => ({ stopped: await demo.stop() }),
    'sessions:list': async ({ connectionIds }) =>
      sessions.list(connectionIds ?? (await connections.ids())),
    'devtools:targets': ({ profileKey }) => devtools.targets(profileKey),
    'devtools:open': ({ profileKey, targetId }) => devtools.open(profileKey, targetId),
    ...profiles.handlers,
  };

  return {
    dispatch: createDispatch(handlers, {
      log: deps.log,
      validateResponses: deps.validateResponses,
    }),
    events,
    services: { connections, profiles, sessions, demo },
    quitQuestion: () => quitQuestion(jobs.list()),
    async dispose() {
      for (const d of disposers.reverse()) await d();
    },
  };
}
