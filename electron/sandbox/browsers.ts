/**
 * The real browsers behind opened profiles: one Chromium per open profile, each with its
 * own user-data-dir under the sandbox's temp dir and a DevTools port chosen by Chromium
 * itself (--remote-debugging-port=0, read back from DevToolsActivePort). Both emulated
 * vendors share this pool, so stop() has one place that kills every browser started.
 * Without a Chromium it runs simulated: sessions with made-up pids and ports, no process.
 */
import type { ChildProcess, spawn as spawnFn } from 'node:child_process';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { spawn as nodeSpawn } from 'node:child_process';
import { callerSwitches } from './caller-switches';

export interface LaunchProxy {
  scheme: 'http' | 'https' | 'socks5';
  host: string;
  port: number;
}

export interface LaunchRequest {
  /** Unique per profile across vendors ("ix-12", "cos-101"); names the user-data-dir. */
  key: string;
  startUrl: string;
  proxy?: LaunchProxy | null;
  /** Chromium switches the caller asked for (ixBrowser `args`); only harmless ones are used. */
  extraArgs?: string[];
}

export interface BrowserSession {
  key: string;
  pid: number;
  port: number;
  /** ws://127.0.0.1:PORT/devtools/browser/<id> */
  wsUrl: string;
  userDataDir: string;
  /** Epoch ms. */
  openedAt: number;
  simulated: boolean;
}

export type BrowserState = 'closed' | 'opening' | 'open';

export interface BrowserPool {
  readonly simulated: boolean;
  readonly browserPath: string | undefined;
  state(key: string): BrowserState;
  session(key: string): BrowserSession | undefined;
  sessions(): BrowserSession[];
  /** Starts the browser; rejects if one for `key` is opening or open. */
  launch(request: LaunchRequest): Promise<BrowserSession>;
  /** The launch in progress for `key`, if any. */
  opening(key: string): Promise<BrowserSession> | undefined;
  /** Kills and reaps it; null when nothing ran. `killed` = it needed SIGKILL. */
  close(key: string): Promise<{ killed: boolean } | null>;
  runningPids(): number[];
  stopAll(): Promise<void>;
}

/** Flags every sandbox browser gets: quiet, no first-run UI, no traffic of its own. */
export const BASE_CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--disable-features=MediaRouter,OptimizationHints,Translate',
  '--no-pings',
  '--password-store=basic',
  '--use-mock-keychain',
];

const CLOSE_GRACE_MS = 3000;
const LAUNCH_TIMEOUT_MS = 30_000;
const PORT_POLL_MS = 10;
/** Beyond Linux's PID_MAX_LIMIT (2^22): a simulated pid can never name a real process. */
const SIMULATED_PID_BASE = 5_000_000;
const SIMULATED_PORT_BASE = 45_000;

interface Running {
  child?: ChildProcess;
  session?: BrowserSession;
  launching?: Promise<BrowserSession>;
  exited: Promise<void>;
  hasExited: boolean;
}

export interface BrowserPoolOptions {
  /** null = simulated. */
  browserPath: string | null;
  headless: boolean;
  /** Chromium's own sandbox; false adds --no-sandbox (chromium-sandbox.ts decides). */
  chromiumSandbox: boolean;
  /** Owned temp dir; user-data-dirs go under it. */
  baseDir: string;
  log: (line: string) => void;
  spawn?: typeof spawnFn;
}

export function chromiumArgs(
  request: LaunchRequest,
  userDataDir: string,
  options: Pick<BrowserPoolOptions, 'headless' | 'chromiumSandbox'>,
): string[] {
  const args = [...BASE_CHROMIUM_ARGS];
  if (!options.chromiumSandbox) args.push('--no-sandbox');
  if (options.headless) args.push('--headless=new');
  args.push(`--user-data-dir=${userDataDir}`, '--remote-debugging-port=0');
  if (request.proxy) {
    const { scheme, host, port } = request.proxy;
    args.push(`--proxy-server=${scheme}://${host}:${port}`);
    // Everything a sandbox user can reach is on loopback, which Chromium would otherwise
    // send around the proxy: a proxy that nothing goes through demonstrates nothing.
    args.push('--proxy-bypass-list=<-loopback>');
  }
  args.push(...callerSwitches(request.extraArgs ?? []).kept);
  args.push(request.startUrl);
  return args;
}

export function createBrowserPool(options: BrowserPoolOptions): BrowserPool {
  const spawn = options.spawn ?? nodeSpawn;
  const running = new Map<string, Running>();
  let simulatedCount = 0;
  let stopping = false;
  const simulated = options.browserPath === null;

  function signal(child: ChildProcess, sig: NodeJS.Signals): void {
    if (child.pid === undefined) return;
    try {
      // Detached on POSIX: the negative pid reaches the renderers and helpers as well.
      if (process.platform === 'win32') child.kill(sig);
      else process.kill(-child.pid, sig);
    } catch {
      // Already gone.
    }
  }

  async function readDevtoolsPort(
    dir: string,
    entry: Running,
  ): Promise<{ port: number; path: string }> {
    const file = join(dir, 'DevToolsActivePort');
    const deadline = Date.now() + LAUNCH_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (entry.hasExited) throw new Error('Chromium exited before it opened a DevTools port');
      const text = await readFile(file, 'utf8').catch(() => '');
      const [portLine, pathLine] = text.split('\n');
      const port = Number(portLine);
      if (port > 0 && pathLine?.startsWith('/devtools/')) return { port, path: pathLine.trim() };
      await new Promise((r) => setTimeout(r, PORT_POLL_MS));
    }
    throw new Error('Chromium did not report a DevTools port in time');
  }

  async function launchReal(request: LaunchRequest, entry: Running): Promise<BrowserSession> {
    const dir = join(options.baseDir, request.key);
    await mkdir(dir, { recursive: true });
    // A reused profile dir still holds the last run's port file.
    await rm(join(dir, 'DevToolsActivePort'), { force: true });
    const args = chromiumArgs(request, dir, options);
    const child = spawn(options.browserPath as string, args, {
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: process.platform !== 'win32',
    });
    entry.child = child;
    let stderrTail = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      stderrTail = (stderrTail + chunk).slice(-2000);
    });
    entry.exited = new Promise<void>((resolve) => {
      child.once('exit', (code, sig) => {
        entry.hasExited = true;
        if (running.get(request.key) === entry) running.delete(request.key);
        options.log(`browser ${request.key} (pid ${child.pid}) exited (${sig ?? code})`);
        resolve();
      });
      child.once('error', (error) => {
        entry.hasExited = true;
        if (running.get(request.key) === entry) running.delete(request.key);
        stderrTail += String(error);
        resolve();
      });
    });
    try {
      const { port, path } = await readDevtoolsPort(dir, entry);
      const session: BrowserSession = {
        key: request.key,
        pid: child.pid as number,
        port,
        wsUrl: `ws://127.0.0.1:${port}${path}`,
        userDataDir: dir,
        openedAt: Date.now(),
        simulated: false,
      };
      options.log(`browser ${request.key} opened: pid ${session.pid}, ${session.wsUrl}`);
      return session;
    } catch (error) {
      signal(child, 'SIGKILL');
      await entry.exited;
      const detail = stderrTail.trim().split('\n').slice(-3).join(' | ');
      throw new Error(`${(error as Error).message}${detail ? `: ${detail}` : ''}`);
    }
  }

  function launchSimulated(request: LaunchRequest): BrowserSession {
    simulatedCount++;
    const port = SIMULATED_PORT_BASE + (simulatedCount % 10_000);
    return {
      key: request.key,
      pid: SIMULATED_PID_BASE + simulatedCount,
      port,
      wsUrl: `ws://127.0.0.1:${port}/devtools/browser/${randomUUID()}`,
      userDataDir: join(options.baseDir, request.key),
      openedAt: Date.now(),
      simulated: true,
    };
  }

  async function close(key: string): Promise<{ killed: boolean } | null> {
    const entry = running.get(key);
    if (!entry) return null;
    if (entry.launching) await entry.launching.catch(() => undefined);
    if (running.get(key) !== entry) return null;
    if (!entry.child) {
      running.delete(key);
      return { killed: false };
    }
    const child = entry.child;
    let killed = false;
    if (!entry.hasExited) {
      signal(child, 'SIGTERM');
      const graceful = await Promise.race([
        entry.exited.then(() => true),
        new Promise<boolean>((r) => setTimeout(() => r(false), CLOSE_GRACE_MS)),
      ]);
      if (!graceful) {
        killed = true;
        signal(child, 'SIGKILL');
        await entry.exited;
      }
    }
    // Helpers that outlived the browser process (crashpad, a zygote) go with it.
    signal(child, 'SIGKILL');
    running.delete(key);
    return { killed };
  }

  return {
    simulated,
    browserPath: options.browserPath ?? undefined,
    state(key) {
      const entry = running.get(key);
      if (!entry) return 'closed';
      return entry.session ? 'open' : 'opening';
    },
    session: (key) => running.get(key)?.session,
    sessions: () => [...running.values()].flatMap((e) => (e.session ? [e.session] : [])),
    launch(request) {
      // A request held by injected latency may arrive after stop(): it must not leave a browser.
      if (stopping) return Promise.reject(new Error('the sandbox is stopping'));
      if (running.has(request.key)) {
        return Promise.reject(new Error(`${request.key} is already ${this.state(request.key)}`));
      }
      const { dropped } = callerSwitches(request.extraArgs ?? []);
      if (dropped.length) {
        options.log(
          `browser ${request.key}: ignored switches the sandbox does not allow: ${dropped.join(' ')}`,
        );
      }
      const entry: Running = { exited: Promise.resolve(), hasExited: false };
      running.set(request.key, entry);
      const launching = (async () => {
        const session = simulated ? launchSimulated(request) : await launchReal(request, entry);
        entry.session = session;
        entry.launching = undefined;
        return session;
      })();
      if (!entry.session) entry.launching = launching;
      launching.catch(() => {
        if (running.get(request.key) === entry) running.delete(request.key);
      });
      return launching;
    },
    opening: (key) => running.get(key)?.launching,
    close,
    runningPids: () =>
      [...running.values()].flatMap((e) =>
        e.child?.pid !== undefined && !e.hasExited ? [e.child.pid] : [],
      ),
    async stopAll() {
      stopping = true;
      await Promise.all([...running.keys()].map((key) => close(key)));
    },
  };
}
