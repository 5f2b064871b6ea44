/**
 * How a custom script's process is started: injected, so core starts it with
 * child_process.fork in Node (tests, the browser harness) and with Electron's utilityProcess
 * in the app (electron/main/index.ts), and the rest of the runner stays testable.
 */
import { fork } from 'node:child_process';

export interface ScriptLaunch {
  modulePath: string;
  cwd: string;
  /** The whole environment: nothing is inherited from main. */
  env: Record<string, string>;
  execArgv: string[];
}

export interface ScriptChild {
  stdout: NodeJS.ReadableStream | null;
  stderr: NodeJS.ReadableStream | null;
  /** The input message; main sends exactly one. */
  send(message: unknown): void;
  /** Ends the process at once (SIGKILL where there are signals). */
  kill(): void;
  /** Resolves once the process has gone, however it went. */
  exited: Promise<{ code: number | null }>;
}

export type ScriptLauncher = (launch: ScriptLaunch) => ScriptChild;

export const forkLauncher: ScriptLauncher = ({ modulePath, cwd, env, execArgv }) => {
  const child = fork(modulePath, [], {
    cwd,
    env,
    execArgv,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    serialization: 'json',
  });
  const exited = new Promise<{ code: number | null }>((resolve) => {
    child.once('exit', (code) => resolve({ code }));
    // A process that never started emits 'error' and no 'exit'.
    child.once('error', () => {
      if (child.exitCode === null && child.pid === undefined) resolve({ code: null });
    });
  });
  return {
    stdout: child.stdout,
    stderr: child.stderr,
    send: (message) => {
      if (child.connected) child.send(message as object, () => undefined);
    },
    kill: () => void child.kill('SIGKILL'),
    exited,
  };
};

/**
 * Node's permission model, where the runtime honours it: the script reads only what is
 * listed and writes only its working directory; it cannot start processes or workers.
 * Node 20 and 22.12 and older name it --experimental-permission.
 */
export function permissionArgs(
  { readable, writable }: { readable: readonly string[]; writable: readonly string[] },
  nodeVersion = process.versions.node,
): string[] {
  const [major = 0, minor = 0] = nodeVersion.split('.').map(Number);
  const stable = major > 22 || (major === 22 && minor >= 13);
  return [
    stable ? '--permission' : '--experimental-permission',
    // The warning would be every script's first log line.
    '--disable-warning=ExperimentalWarning',
    ...readable.map((p) => `--allow-fs-read=${p}`),
    ...writable.map((p) => `--allow-fs-write=${p}`),
  ];
}
