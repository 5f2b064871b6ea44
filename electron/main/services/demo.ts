/**
 * Demo mode: the built-in vendor sandbox started in-process with a connection per vendor,
 * labelled demo. Real Chromium when one is found on the system, inside Chromium's own
 * sandbox wherever it can run, otherwise the simulated mode (said plainly in app:info).
 * Removing every demo connection stops the sandbox.
 */
import type { spawn } from 'node:child_process';
import { VENDOR_IDS, VENDORS, type Connection } from '../../../shared/model';
import { DeckError } from '../../../shared/ipc/result';
import type { BrowserChoice, Sandbox, SandboxOptions } from '../../sandbox';
import { PROFILES_OPTION } from '../../sandbox/options';
import { decideChromiumSandbox, type ProcessUser } from '../../sandbox/chromium-sandbox';
import type { Logger } from '../log';
import type { ConnectionsService } from './connections';
import type { HandlerGroup } from '../ipc/handle';

/** Demo profiles in all, split between the vendors. */
export const DEMO_PROFILES = 200;

export interface DemoDeps {
  connections: ConnectionsService;
  log: Logger;
  /** The sandbox entry point; lazy so a user who never tries the demo never loads it. */
  startSandbox?: (options: SandboxOptions) => Promise<Sandbox>;
  /** undefined: find a Chromium/Chrome/Edge on the system; null: simulated. */
  chromiumPath?: string | null;
  /** Chromium's own sandbox; undefined: on, except as root on Linux (decideChromiumSandbox). */
  chromiumSandbox?: boolean;
  /** Who runs BrowserDeck, for that decision (default: this process). */
  user?: ProcessUser;
  spawn?: typeof spawn;
  headless?: boolean;
  /** How many profiles a demo started without a count gets (the settings' demoProfiles). */
  defaultProfiles?: () => Promise<number>;
}

export interface DemoStatus {
  running: boolean;
  simulated: boolean;
  browserPath?: string;
}

export function createDemoService(deps: DemoDeps) {
  let sandbox: Sandbox | null = null;
  let starting: Promise<{ connections: Connection[] } & DemoStatus> | null = null;
  const ids = new Set<string>();

  const status = (): DemoStatus =>
    sandbox
      ? {
          running: true,
          simulated: sandbox.simulated,
          ...(sandbox.browserPath ? { browserPath: sandbox.browserPath } : {}),
        }
      : { running: false, simulated: false };

  async function stopSandbox(): Promise<boolean> {
    const sb = sandbox;
    if (!sb) return false;
    sandbox = null;
    await sb.stop();
    deps.log.info('demo sandbox stopped');
    return true;
  }

  /** Said in the log either way, so a demo without Chromium's sandbox is never a surprise. */
  function browserChoice(): BrowserChoice {
    if (deps.chromiumPath === null) return { chromiumPath: null };
    const { chromiumSandbox, reason } =
      deps.chromiumSandbox === undefined
        ? decideChromiumSandbox(deps.user)
        : { chromiumSandbox: deps.chromiumSandbox, reason: 'set by the caller' };
    deps.log.info(
      `demo browsers: Chromium's own sandbox ${chromiumSandbox ? 'on' : 'OFF'} (${reason})`,
    );
    return { chromiumPath: deps.chromiumPath, chromiumSandbox };
  }

  async function start(total: number) {
    const launch =
      deps.startSandbox ??
      (async (o: SandboxOptions) => (await import('../../sandbox')).startSandbox(o));
    let sb: Sandbox;
    try {
      // Shared out evenly; the first vendors take the remainder.
      const shares = Object.fromEntries(
        VENDOR_IDS.map((v, i) => [
          PROFILES_OPTION[v],
          Math.floor(total / VENDOR_IDS.length) + (i < total % VENDOR_IDS.length ? 1 : 0),
        ]),
      );
      sb = await launch({
        ...shares,
        // AdsPower's fastest tier, so the demo's table fills at once; its connection is set
        // to the same rate (the sandbox's endpoint says it).
        adsRequestsPerSecond: 10,
        ...browserChoice(),
        headless: deps.headless ?? false,
        spawn: deps.spawn,
        log: (line) => deps.log.info(line),
      });
    } catch (e) {
      const cause = (e as Error).message;
      throw DeckError.of('internal', `The built-in sandbox could not start: ${cause}`, {
        reason: 'demo.start-failed',
        params: { cause },
      });
    }
    sandbox = sb;
    const added: Connection[] = [];
    try {
      for (const vendor of VENDOR_IDS) {
        const { url, token, requestsPerSecond } = sb.endpoints[vendor];
        const connection = await deps.connections.add({
          vendor,
          baseUrl: url,
          label: `Demo ${VENDORS[vendor].label}`,
          ...(token ? { token } : {}),
          ...(requestsPerSecond ? { requestsPerSecond } : {}),
          demo: true,
        });
        added.push(connection);
        ids.add(connection.id);
      }
    } catch (e) {
      for (const c of added) await deps.connections.remove(c.id).catch(() => false);
      ids.clear();
      await stopSandbox();
      throw e;
    }
    deps.log.info(
      `demo sandbox started: ${total} profiles, ${sb.simulated ? 'simulated browsers' : `browser ${sb.browserPath}`}`,
    );
    return { connections: added, ...status() };
  }

  return {
    status,
    /** Starts the sandbox once; a second call answers the running demo's connections. */
    async start(total?: number) {
      if (starting) return starting;
      if (sandbox) {
        const all = await deps.connections.list();
        return { connections: all.filter((c) => ids.has(c.id)), ...status() };
      }
      starting = (async () =>
        start(total ?? (await deps.defaultProfiles?.()) ?? DEMO_PROFILES))().finally(() => {
        starting = null;
      });
      return starting;
    },
    /** Removes the demo connections and stops the sandbox. */
    async stop(): Promise<boolean> {
      for (const id of [...ids]) await deps.connections.remove(id).catch(() => false);
      ids.clear();
      return stopSandbox();
    },
    /** Called after a connection is removed: the last demo connection gone stops the sandbox. */
    async connectionRemoved(id: string): Promise<void> {
      if (!ids.delete(id)) return;
      if (ids.size === 0) await stopSandbox();
    },
    /** The running sandbox (tests reach its state and fault knobs). */
    sandbox: () => sandbox,
  };
}
export type DemoService = ReturnType<typeof createDemoService>;

/** The `demo:*` channels. */
export const demoHandlers = (demo: DemoService): HandlerGroup<'demo:start' | 'demo:stop'> => ({
  'demo:start': ({ profiles }) => demo.start(profiles),
  'demo:stop': async () => ({ stopped: await demo.stop() }),
});
