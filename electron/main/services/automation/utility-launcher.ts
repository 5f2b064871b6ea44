/**
 * The app's script launcher: Electron's utilityProcess, a Node process of Chromium's own
 * kind with no renderer and no access to main's IPC. Its stdin cannot be piped, so the input
 * goes as the one message (postMessage) and everything comes back on stdout (protocol.ts).
 * `electron` is injected, so this module loads and is tested without Electron.
 */
import type { ScriptLauncher } from './script-launcher';

/** The part of Electron's UtilityProcess this launcher uses. */
export interface UtilityChild {
  stdout: NodeJS.ReadableStream | null;
  stderr: NodeJS.ReadableStream | null;
  postMessage(message: unknown): void;
  kill(): boolean;
  once(event: 'exit', listener: (code: number) => void): unknown;
}

export interface UtilityProcessLike {
  fork(
    modulePath: string,
    args: string[],
    options: {
      env: Record<string, string>;
      execArgv: string[];
      cwd: string;
      stdio: 'pipe';
      serviceName: string;
    },
  ): UtilityChild;
}

export function createUtilityLauncher(utilityProcess: UtilityProcessLike): ScriptLauncher {
  return ({ modulePath, cwd, env, execArgv }) => {
    const child = utilityProcess.fork(modulePath, [], {
      env,
      execArgv,
      cwd,
      stdio: 'pipe',
      serviceName: 'BrowserDeck script',
    });
    let gone = false;
    const exited = new Promise<{ code: number | null }>((resolve) =>
      child.once('exit', (code) => {
        gone = true;
        resolve({ code });
      }),
    );
    return {
      stdout: child.stdout,
      stderr: child.stderr,
      send: (message) => child.postMessage(message),
      kill: () => {
        if (!gone) child.kill();
      },
      exited,
    };
  };
}
