/**
 * One custom script in one profile, in a process of its own (see electron/script-host/).
 *
 * What the process gets: an environment of four variables pointing at a fresh temporary
 * directory (nothing inherited from main), no arguments, the DevTools endpoint, the
 * profile's non-secret fields and the script, written into that directory. Where the
 * runtime honours Node's permission model (Node; see permissionArgs) it may read only that
 * directory, the host's own code and playwright-core, and start no process; otherwise it
 * can read what the user can, which holds no BrowserDeck secret in plain text: tokens are
 * kept encrypted by the OS (safeStorage) and proxy passwords are never written.
 *
 * What comes back is read with caps: a line longer than LINE_MAX_BYTES or more than
 * OUTPUT_MAX_BYTES in all stops the process, so a script that prints or returns a gigabyte
 * costs main a few megabytes at most.
 */
import { mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DeckError } from '../../../../shared/ipc/result';
import type { HostFrame, ScriptInput, ScriptProfile } from '../../../script-host/protocol';
import { permissionArgs, type ScriptLauncher } from './script-launcher';
import type { LogLines } from './task-output';

export const LINE_MAX_BYTES = 256 * 1024;
export const OUTPUT_MAX_BYTES = 4 * 1024 * 1024;

export interface ScriptHost {
  launcher: ScriptLauncher;
  /** The built script host (out/main/script-host.js). */
  hostPath: string;
  /** playwright-core's entry file. */
  playwrightPath: string;
  /** Where each run's temporary directory is made (the OS temp dir by default). */
  tempRoot?: string;
  /** Ask the runtime to limit the process's file access (Node's permission model). */
  restrictFiles: boolean;
}

export interface ScriptRun {
  source: string;
  endpoint: string;
  profile: ScriptProfile;
  timeoutMs: number;
  /** Cancel (or quit): the process is killed. */
  signal: AbortSignal;
  log: LogLines;
}

export interface ScriptResult {
  json: string;
  /** The whole result's length, when the host cut it. */
  length: number;
}

/** Ended because the run was cancelled: the item is stopped, not failed. */
export class ScriptStopped extends Error {}

const WSL_PROBES = ['/proc/version', '/proc/sys/fs/binfmt_misc/WSLInterop', '/run/WSL'];

export async function runScript(host: ScriptHost, run: ScriptRun): Promise<ScriptResult> {
  if (run.signal.aborted) throw new ScriptStopped('cancelled');
  const dir = await mkdtemp(join(host.tempRoot ?? tmpdir(), 'deck-script-'));
  try {
    await writeFile(join(dir, 'script.mjs'), run.source, { mode: 0o600 });
    const execArgv = host.restrictFiles
      ? permissionArgs({
          readable: [
            dirname(host.hostPath),
            // The package's real folder: the permission check follows symlinks.
            dirname(await realpath(host.playwrightPath)),
            dir,
            // playwright-core asks at load time whether it runs under WSL.
            ...WSL_PROBES,
          ],
          writable: [dir],
        })
      : [];
    const child = host.launcher({
      modulePath: host.hostPath,
      cwd: dir,
      env: { HOME: dir, TMPDIR: dir, TMP: dir, TEMP: dir },
      execArgv,
    });
    return await supervise(child, run, {
      v: 1,
      endpoint: run.endpoint,
      profile: run.profile,
      script: 'script.mjs',
      playwright: host.playwrightPath,
    });
  } finally {
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

async function supervise(
  child: ReturnType<ScriptLauncher>,
  run: ScriptRun,
  input: ScriptInput,
): Promise<ScriptResult> {
  let result: ScriptResult | undefined;
  let thrown: string | undefined;
  let stopped: 'timeout' | 'cancel' | 'output' | undefined;
  let total = 0;

  const stop = (why: NonNullable<typeof stopped>) => {
    stopped ??= why;
    child.kill();
  };
  const onFrame = (line: string, stream: 'stdout' | 'stderr') => {
    const frame = stream === 'stdout' ? parseFrame(line) : undefined;
    if (!frame) {
      if (line.trim()) run.log.add(stream === 'stderr' ? `stderr: ${line}` : line);
      return;
    }
    switch (frame.deck) {
      case 'log':
        run.log.add(frame.line);
        break;
      case 'ready':
        if (frame.fileAccess === 'unrestricted')
          run.log.add('note: this runtime does not limit what the script may read');
        break;
      case 'result':
        result ??= { json: frame.json, length: frame.length };
        break;
      case 'error':
        thrown ??= frame.message;
        break;
    }
  };
  const read = (stream: NodeJS.ReadableStream | null, name: 'stdout' | 'stderr') =>
    stream &&
    readLines(stream, (line) => onFrame(line, name), {
      take(bytes) {
        total += bytes;
        if (total > OUTPUT_MAX_BYTES) stop('output');
        return !stopped;
      },
      overlong: () => stop('output'),
    });

  const timer = setTimeout(() => stop('timeout'), run.timeoutMs);
  const onAbort = () => stop('cancel');
  run.signal.addEventListener('abort', onAbort, { once: true });
  // Cancelled while its folder was made and the process started: no event comes any more.
  if (run.signal.aborted) onAbort();
  try {
    const streams = [read(child.stdout, 'stdout'), read(child.stderr, 'stderr')];
    child.send(input);
    const { code } = await child.exited;
    await Promise.all(streams);
    if (stopped === 'cancel') throw new ScriptStopped('cancelled');
    if (stopped === 'timeout')
      throw DeckError.of(
        'timeout',
        `The script did not finish within ${formatSeconds(run.timeoutMs)}; its process was stopped`,
        { reason: 'script.timeout', params: { seconds: seconds(run.timeoutMs) } },
      );
    if (stopped === 'output')
      throw DeckError.of(
        'internal',
        `The script wrote more than ${OUTPUT_MAX_BYTES / 1024 / 1024} MB of output; its process was stopped`,
        { reason: 'script.output', params: { megabytes: OUTPUT_MAX_BYTES / 1024 / 1024 } },
      );
    if (result) return result;
    if (thrown !== undefined)
      throw DeckError.of('internal', `The script threw: ${thrown}`, {
        reason: 'script.threw',
        params: { thrown },
      });
    throw DeckError.of(
      'internal',
      `The script's process exited${code === null ? '' : ` with code ${code}`} before the script returned`,
      { reason: 'script.exited', params: code === null ? {} : { context: 'code', code } },
    );
  } finally {
    clearTimeout(timer);
    run.signal.removeEventListener('abort', onAbort);
    child.kill();
  }
}

const seconds = (ms: number) => Math.round(ms / 100) / 10;
const formatSeconds = (ms: number) => `${seconds(ms)} s`;

function parseFrame(line: string): HostFrame | undefined {
  if (!line.startsWith('{"deck":')) return undefined;
  try {
    const f = JSON.parse(line) as Record<string, unknown>;
    switch (f['deck']) {
      case 'log':
        return typeof f['line'] === 'string' ? { deck: 'log', line: f['line'] } : undefined;
      case 'ready':
        return {
          deck: 'ready',
          fileAccess: f['fileAccess'] === 'restricted' ? 'restricted' : 'unrestricted',
        };
      case 'result':
        return typeof f['json'] === 'string' && typeof f['length'] === 'number'
          ? { deck: 'result', json: f['json'], length: f['length'] }
          : undefined;
      case 'error':
        return typeof f['message'] === 'string'
          ? { deck: 'error', message: f['message'] }
          : undefined;
    }
  } catch {
    // Printed by the script itself: a log line.
  }
  return undefined;
}

/**
 * Calls `line` for each line of the stream. `take` counts bytes and says whether to go on;
 * a line that grows past LINE_MAX_BYTES without an end calls `overlong`.
 */
function readLines(
  stream: NodeJS.ReadableStream,
  line: (text: string) => void,
  limits: { take(bytes: number): boolean; overlong(): void },
): Promise<void> {
  return new Promise((resolve) => {
    let pending = '';
    // Past a cap nothing more is read; the process is being killed.
    const drop = () => (stream as Partial<{ destroy(): void }>).destroy?.();
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      if (!limits.take(Buffer.byteLength(chunk))) {
        drop();
        return;
      }
      pending += chunk;
      let at: number;
      while ((at = pending.indexOf('\n')) >= 0) {
        line(pending.slice(0, at).replace(/\r$/, ''));
        pending = pending.slice(at + 1);
      }
      if (pending.length > LINE_MAX_BYTES) {
        pending = '';
        limits.overlong();
        drop();
      }
    });
    const done = () => {
      if (pending) line(pending);
      pending = '';
      resolve();
    };
    stream.on('end', done);
    stream.on('close', done);
    stream.on('error', done);
  });
}
