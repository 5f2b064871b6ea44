/**
 * createCore(deps): every service BrowserDeck's main process has, built from injected
 * effects so it runs in plain Node (unit tests, the browser harness, benchmarks) exactly
 * as it runs inside Electron. electron/main/index.ts only wires Electron to it.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { AppInfo, Settings } from '../../shared/ipc/contract';
import { createDispatch, mergeHandlers, type Dispatch, type Handlers } from './ipc/handle';
import { createEventBus, type EventBus } from './events';
import type { Logger } from './log';
import type { SecretCipher } from './secrets/secret-store';
import { createSettingsStore, settingsHandlers, type SettingsStore } from './settings';
import { createNotices, noticesHandlers } from './notices';
import { createUnreadableFiles } from './fs/unreadable-file';
import type { Vendor } from '../../shared/model';
import {
  createConnectionsService,
  type ConnectionsService,
  type ProviderDefaults,
} from './services/connections';
import { createProfilesService, type ProfilesService } from './services/profiles';
import { createLastKnownStore } from './services/last-known';
import { createProxyChecker, proxyCheckHandlers } from './services/proxy-check';
import { createProxyCheckResults } from './services/proxy-check-results';
import { createJobEngine } from './services/jobs/job-engine';
import { createJobHandlers } from './services/jobs/job-handlers';
import { copyPreviewHandlers } from './services/jobs/copy-preview';
import { createJobJournal } from './services/jobs/job-journal';
import { quitQuestion, type QuitQuestion } from './services/jobs/quit-question';
import { createProfileProxyCheck } from './services/jobs/profile-proxy-check';
import { createSessionsService, sessionsHandlers, type SessionsService } from './services/sessions';
import { createDevtools, devtoolsHandlers } from './services/devtools';
import { createDemoService, demoHandlers, type DemoService } from './services/demo';
import { createAutomationRunner } from './services/automation/automation-runner';
import { createJobFiles } from './services/automation/job-files';
import type { ScriptLauncher } from './services/automation/script-launcher';
import { createScriptsStore, scriptsHandlers } from './services/automation/scripts-store';
import {
  createSessionWindows,
  sessionWindowsHandlers,
  type Display,
} from './services/automation/session-windows';
import type { Sandbox, SandboxOptions } from '../sandbox';
import type { VendorTable } from './providers';
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
  /** The screens and their work areas, for arranging windows (Electron's screen in the app). */
  displays?: () => Display[];
  app: { name: string; version: string; platform: string; electron: string | null };
  /** Settings that override defaults (tests point the IP echo at loopback). */
  settings?: Partial<Settings>;
  /** The UI chose a language: main's own words (the native menu) follow. */
  onLanguage?: (language: string) => void;
  /** Check every response against the contract (tests). */
  validateResponses?: boolean;
  /** Ports probed for vendor clients at start (default ixBrowser 53200, CosLogin 54345); tests pass their own or none. */
  detectPorts?: Partial<Record<Vendor, number[]>>;
  /** Vendor request defaults: retry backoff, page size (tests shorten them). */
  providerDefaults?: ProviderDefaults;
  /** Which vendors exist (default: the app's vendor table; a test may add one). */
  vendors?: VendorTable;
  /**
   * The built-in sandbox of demo mode: which browser (null = simulated), Chromium's own
   * sandbox (undefined: on, except as root on Linux), headless, or a stand-in.
   */
  demo?: {
    chromiumPath?: string | null;
    chromiumSandbox?: boolean;
    headless?: boolean;
    startSandbox?: (options: SandboxOptions) => Promise<Sandbox>;
  };
  /**
   * How custom scripts run: the launcher of their processes (utilityProcess in the app,
   * child_process.fork in Node) and the built script host. Without it scripts are refused;
   * the built-in automation tasks still run.
   */
  scripts?: {
    launcher: ScriptLauncher;
    hostPath: string;
    /** Ask the runtime to limit the script's file access (Node's permission model); default on. */
    restrictFiles?: boolean;
    /** Where each run's temporary directory is made (the OS temp dir by default). */
    tempRoot?: string;
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
    settings: SettingsStore;
  };
  /** What to ask before quitting (jobs still running), or undefined: quit at once. */
  quitQuestion(): QuitQuestion | undefined;
  dispose(): Promise<void>;
}

/** playwright-core's entry file, for a script's process to load. */
const resolvePlaywright = () => createRequire(__filename).resolve('playwright-core');

export function createCore(deps: CoreDeps): Core {
  const events = createEventBus();
  const notices = createNotices();
  const unreadable = createUnreadableFiles({ notices, log: deps.log, clock: deps.clock });
  const settings = createSettingsStore(deps.dataDir, { unreadable, overrides: deps.settings });
  // Read at once: vendor requests take their limits from it (settings.latest()).
  void settings.get();
  const disposers: Array<() => Promise<void> | void> = [];

  const appInfo = async (): Promise<AppInfo> => {
    // Every data file has been read (or set aside) before the notices are told.
    await Promise.all([settings.get(), connections.loaded.catch(() => undefined)]);
    return {
      ...deps.app,
      secretStorage: (await deps.cipher.isEncryptionAvailable()) ? 'encrypted' : 'memory',
      demo: demo.status(),
      notices: notices.list(),
    };
  };

  const connections = createConnectionsService({
    dataDir: deps.dataDir,
    cipher: deps.cipher,
    log: deps.log,
    events,
    clock: deps.clock,
    detectPorts: deps.detectPorts,
    providerDefaults: deps.providerDefaults,
    vendors: deps.vendors,
    unreadable,
    tuning: (vendor) => {
      const s = settings.latest();
      return {
        concurrency: s.vendorConcurrency[vendor],
        timeoutMs: s.requestTimeoutMs,
        openTimeoutMs: s.openTimeoutMs,
      };
    },
    checkProxyBeforeOpen: () => settings.latest().checkProxyBeforeOpen,
  });
  disposers.push(() => connections.dispose());
  const lastKnown = createLastKnownStore({
    dataDir: deps.dataDir,
    log: deps.log,
    clock: deps.clock,
  });
  disposers.push(() => lastKnown.flush());
  // Read each connection's snapshot while the window loads, off the path of its first request.
  void connections.ready.then(
    async () => lastKnown.preload(await connections.ids()),
    () => undefined,
  );
  const proxyChecks = createProxyCheckResults();
  const profiles = createProfilesService({
    connections,
    lastKnown,
    log: deps.log,
    events,
    annotate: proxyChecks.withCheck,
  });

  const demo = createDemoService({
    connections,
    log: deps.log,
    chromiumPath: deps.demo?.chromiumPath,
    chromiumSandbox: deps.demo?.chromiumSandbox,
    headless: deps.demo?.headless,
    startSandbox: deps.demo?.startSandbox,
    spawn: deps.launcher?.spawn,
    defaultProfiles: async () => (await settings.get()).demoProfiles,
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
      if (!deps.openWindow)
        throw DeckError.of('unsupported', 'This build cannot open windows', {
          reason: 'windows.unsupported',
        });
      await deps.openWindow(url, origin);
    },
  });

  const windows = createSessionWindows({ sessionFor: (key) => sessions.sessionFor(key) });
  disposers.push(() => windows.dispose());

  const proxyChecker = createProxyChecker({ settings, log: deps.log, clock: deps.clock });

  const jobFiles = createJobFiles(deps.dataDir);
  const scripts = createScriptsStore({ dataDir: deps.dataDir, log: deps.log, clock: deps.clock });
  const automation = createAutomationRunner({
    files: jobFiles,
    settings,
    scriptSource: async (id) => (await scripts.get(id)).source,
    scriptHost: deps.scripts && {
      launcher: deps.scripts.launcher,
      hostPath: deps.scripts.hostPath,
      playwrightPath: resolvePlaywright(),
      restrictFiles: deps.scripts.restrictFiles ?? true,
      tempRoot: deps.scripts.tempRoot,
    },
  });

  const jobs = createJobEngine({
    getProvider: (connectionId) => connections.providerFor(connectionId),
    events,
    log: deps.log,
    settings,
    clock: deps.clock,
    maxHistory: 200,
    checkProxy: createProfileProxyCheck(proxyChecker, deps.clock, proxyChecks),
    annotate: proxyChecks.withCheck,
    checkProxyBeforeOpen: async (id) => (await connections.get(id)).checkProxyBeforeOpen,
    journal: createJobJournal({ dir: join(deps.dataDir, 'jobs'), log: deps.log }),
    automation,
    onForget: (id) =>
      void jobFiles.remove(id).catch((e: unknown) => deps.log.warn(`files of job ${id}`, e)),
  });
  disposers.push(() => jobs.dispose());
  // Folders of jobs a crash left behind, once the kept jobs are known.
  void jobs.ready
    .then(() => jobFiles.prune(new Set(jobs.list().map((j) => j.id))))
    .catch((e: unknown) => deps.log.warn('old automation files could not be removed', e));

  connections.onRemoved(async (id) => {
    proxyChecks.forgetConnection(id);
    await Promise.all([demo.connectionRemoved(id), lastKnown.forget(id)]);
  });

  /** What the UI last said it speaks: main's native words (the quit question) follow. */
  let uiLanguage = 'en';
  // Each service registers its own channels; the type asks for every channel of the contract.
  const handlers: Handlers = mergeHandlers(
    {
      'app:info': appInfo,
      'app:language': async ({ language }) => {
        uiLanguage = language;
        deps.onLanguage?.(language);
        return { language };
      },
    },
    noticesHandlers(notices),
    settingsHandlers(settings),
    proxyCheckHandlers(proxyChecker),
    connections.handlers,
    profiles.handlers,
    createJobHandlers(jobs),
    copyPreviewHandlers({
      getProvider: (id) => connections.providerFor(id),
      connection: (id) => connections.get(id),
    }),
    demoHandlers(demo),
    sessionsHandlers(sessions, () => connections.ids()),
    devtoolsHandlers(devtools),
    sessionWindowsHandlers(windows, deps.displays),
    scriptsHandlers(scripts),
    {
      'automation:thumbnail': async ({ jobId, key }) => ({
        dataUrl: await jobFiles.thumbnail(jobId, key),
      }),
    },
  );

  return {
    dispatch: createDispatch(handlers, {
      log: deps.log,
      validateResponses: deps.validateResponses,
    }),
    events,
    services: { connections, profiles, sessions, demo, settings },
    quitQuestion: () => quitQuestion(jobs.list(), uiLanguage),
    async dispose() {
      for (const d of disposers.reverse()) await d();
    },
  };
}
