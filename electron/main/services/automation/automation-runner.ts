/**
 * Runs one automation task in one open profile: a built-in task in main over Playwright's
 * connectOverCDP, a custom script in a process of its own (script-process.ts). It never
 * starts a browser; it connects to the one the vendor opened. What the task gives back is
 * bounded (task-output.ts) before it becomes part of a job item.
 */
import { chromium, type Browser } from 'playwright-core';
import type { Settings } from '../../../../shared/ipc/contract';
import { DeckError } from '../../../../shared/ipc/result';
import type { Session } from '../../../../shared/model';
import type { AutomationTask, JobItemOutput } from '../../../../shared/model/automation';
import type { ScriptProfile } from '../../../script-host/protocol';
import { runBuiltin, TaskError, type TaskProduct } from './builtin-tasks';
import { cdpEndpoint } from './cdp-endpoint';
import type { JobFiles } from './job-files';
import { runScript, ScriptStopped, type ScriptHost } from './script-process';
import { boundResult, boundResultText, createLogLines } from './task-output';

export interface AutomationRequest {
  jobId: string;
  profile: ScriptProfile;
  session: Session;
  task: AutomationTask;
  timeoutMs: number;
  /** Aborted by cancel or quit: the task stops where it is. */
  signal: AbortSignal;
}

/** An item's output without its duration, which the job kind measures whole. */
export type TaskOutput = Omit<JobItemOutput, 'durationMs'>;

export type AutomationOutcome =
  | { ok: true; output: TaskOutput }
  | { ok: false; error: DeckError; output: TaskOutput; stopped?: boolean };

export interface AutomationRunner {
  run(request: AutomationRequest): Promise<AutomationOutcome>;
  /** Why scripts cannot run in this build, if they cannot. */
  scriptsUnsupported(): string | undefined;
}

export interface AutomationRunnerDeps {
  files: JobFiles;
  settings: { get(): Promise<Pick<Settings, 'ipEchoUrl'>> };
  /** A saved script's source; without it (or a host) scripts are unsupported. */
  scriptSource?: (id: string) => Promise<string>;
  scriptHost?: ScriptHost;
  /** Playwright's connectOverCDP; tests count or slow it. */
  connect?: (endpoint: string, timeoutMs: number) => Promise<Browser>;
}

const connectOverCdp = (endpoint: string, timeout: number) =>
  chromium.connectOverCDP(endpoint, { timeout });

export function createAutomationRunner(deps: AutomationRunnerDeps): AutomationRunner {
  const connect = deps.connect ?? connectOverCdp;
  const scriptsUnsupported = () =>
    deps.scriptHost && deps.scriptSource ? undefined : 'This build cannot run custom scripts';

  async function builtin(
    request: AutomationRequest,
    task: Exclude<AutomationTask, { type: 'script' }>,
    endpoint: string,
    log: ReturnType<typeof createLogLines>,
  ): Promise<TaskProduct> {
    const { ipEchoUrl } = await deps.settings.get();
    const browser = await connect(endpoint, request.timeoutMs);
    try {
      return await stoppable(
        runBuiltin(task, {
          browser,
          jobId: request.jobId,
          profileKey: request.profile.key,
          timeoutMs: request.timeoutMs,
          files: deps.files,
          ipEchoUrl,
          log: (line) => log.add(line),
        }),
        request,
        // Disconnecting fails every call still waiting on the browser, and the task with them.
        () => void browser.close().catch(() => undefined),
      );
    } finally {
      // Disconnects only: the browser was opened over CDP and stays as it is.
      await browser.close().catch(() => undefined);
    }
  }

  return {
    scriptsUnsupported,
    async run(request) {
      const log = createLogLines();
      const output = (extra: Partial<TaskOutput> = {}): TaskOutput => {
        const logs = log.lines();
        return { ...extra, ...(logs ? { logs } : {}) };
      };
      try {
        const endpoint = cdpEndpoint(request.session);
        const { task } = request;
        if (task.type === 'script') {
          const unsupported = scriptsUnsupported();
          if (unsupported)
            throw DeckError.of('unsupported', unsupported, { reason: 'script.unsupported' });
          const result = await runScript(deps.scriptHost!, {
            source: await deps.scriptSource!(task.scriptId),
            endpoint,
            profile: request.profile,
            timeoutMs: request.timeoutMs,
            signal: request.signal,
            log,
          });
          const bounded = boundResultText(result.json);
          return {
            ok: true,
            output: output({
              ...bounded,
              ...(result.length > result.json.length ? { resultTruncated: result.length } : {}),
            }),
          };
        }
        const product = await builtin(request, task, endpoint, log);
        return { ok: true, output: output(productOutput(product)) };
      } catch (e) {
        if (e instanceof ScriptStopped || e instanceof Stopped)
          return {
            ok: false,
            stopped: true,
            error: DeckError.of('cancelled', 'Stopped by cancel', { reason: 'job.stopped' }),
            output: output(),
          };
        if (e instanceof TaskError)
          return { ok: false, error: e.error, output: output(productOutput(e.product)) };
        return { ok: false, error: asDeckError(e), output: output() };
      }
    },
  };
}

const productOutput = (p: TaskProduct): Partial<TaskOutput> => ({
  ...boundResult(p.value),
  ...(p.thumbnail ? { thumbnail: true } : {}),
  ...(p.file ? { file: p.file } : {}),
});

class Stopped extends Error {}

/** The task, or a timeout / cancel first: then `stop` runs and the task's own end is ignored. */
function stoppable<T>(work: Promise<T>, request: AutomationRequest, stop: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const end = (e: Error) => {
      cleanup();
      stop();
      work.catch(() => undefined);
      reject(e);
    };
    const timer = setTimeout(
      () =>
        end(
          DeckError.of(
            'timeout',
            `The task did not finish within ${Math.round(request.timeoutMs / 100) / 10} s`,
            {
              reason: 'automation.timeout',
              params: { seconds: Math.round(request.timeoutMs / 100) / 10 },
            },
          ),
        ),
      request.timeoutMs,
    );
    const onAbort = () => end(new Stopped('cancelled'));
    const cleanup = () => {
      clearTimeout(timer);
      request.signal.removeEventListener('abort', onAbort);
    };
    if (request.signal.aborted) return onAbort();
    request.signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (v) => {
        cleanup();
        resolve(v);
      },
      (e: unknown) => {
        cleanup();
        reject(e);
      },
    );
  });
}

/** Playwright's errors are long and carry call logs: their first line says what went wrong. */
function asDeckError(e: unknown): DeckError {
  if (e instanceof DeckError) return e;
  const first = (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 500);
  const params = { problem: first };
  if (/Timeout \d+ms exceeded/.test(first))
    return DeckError.of('timeout', first, { reason: 'automation.step-timeout', params });
  if (/ECONNREFUSED|connect|WebSocket/i.test(first) && /connectOverCDP/.test(first))
    return DeckError.of('unreachable', `The browser's DevTools endpoint did not answer: ${first}`, {
      reason: 'automation.cdp-unreachable',
      params,
    });
  return DeckError.of('internal', first, { reason: 'automation.failed', params });
}
