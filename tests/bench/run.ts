/**
 * `npm run bench [-- SCENARIO...]`: every scenario (or the ones named), one `BENCH <name> ...`
 * line per metric of metrics.ts, then the same as JSON in tests/bench/last-results.json; a
 * full run also goes into tests/bench/history.json for `npm run bench:readme`. Builds the
 * renderer first when a page scenario needs it. Never part of `npm test`. start.mjs runs
 * this bundled, as main ships.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { completeResults, formatLine, type MetricResult, type Scenario } from './bench';
import { readHistory, withRun, writeHistory, type Machine } from './history';
import { SCENARIO_NAMES, type ScenarioName } from './metrics';
import { ensureRendererBuilt } from './renderer-build';
import { bulkScenario } from './scenarios/bulk';
import { contextMenuScenario } from './scenarios/context-menu';
import { coreListScenario } from './scenarios/core-list';
import { csvScenario } from './scenarios/csv';
import { ipcScenario } from './scenarios/ipc';
import { listTripScenario } from './scenarios/list-trip';
import { RESTARTED_MAIN_FLAG, restartedMain, startScenario } from './scenarios/start';
import { i18nScenario } from './scenarios/i18n';
import { ratelimitScenario } from './scenarios/ratelimit';
import { openScenario } from './scenarios/open';
import { sandboxScenario } from './scenarios/sandbox';
import { sandboxOpenScenario } from './scenarios/sandbox-open';
import { sessionsScenario } from './scenarios/sessions';
import { runnerScenario } from './scenarios/runner';
import { thumbnailsScenario } from './scenarios/thumbnails';
import { tableScenario } from './scenarios/table';

const SCENARIOS: Record<ScenarioName, Scenario> = {
  ipc: ipcScenario,
  sandbox: sandboxScenario,
  'sandbox-open': sandboxOpenScenario,
  'core-list': coreListScenario,
  bulk: bulkScenario,
  table: tableScenario,
  'context-menu': contextMenuScenario,
  'list-trip': listTripScenario,
  start: startScenario,
  ratelimit: ratelimitScenario,
  open: openScenario,
  sessions: sessionsScenario,
  csv: csvScenario,
  i18n: i18nScenario,
  runner: runnerScenario,
  thumbnails: thumbnailsScenario,
};

const root = resolve(__dirname, '../..');

function selected(args: string[]): ScenarioName[] {
  const unknown = args.filter((a) => !(SCENARIO_NAMES as readonly string[]).includes(a));
  if (unknown.length)
    throw new Error(`no scenario ${unknown.join(', ')}; there are: ${SCENARIO_NAMES.join(', ')}`);
  return SCENARIO_NAMES.filter((n) => args.length === 0 || args.includes(n));
}

/** Builds the renderer if a chosen scenario needs it; the reason it could not, if so. */
function prepareRenderer(names: ScenarioName[]): string | undefined {
  if (!names.some((n) => SCENARIOS[n].needsRenderer)) return undefined;
  try {
    const state = ensureRendererBuilt(root);
    if (state !== 'fresh') console.log(`bench: built the renderer (out/renderer was ${state})`);
    return undefined;
  } catch (e) {
    return `renderer build: ${(e as Error).message}`;
  }
}

type Outcome = MetricResult[] | { failed: string };

/** Runs one scenario here: what a child process started by runApart does. */
async function runHere(name: ScenarioName): Promise<Outcome> {
  try {
    return await SCENARIOS[name].run();
  } catch (e) {
    return { failed: (e as Error).message };
  }
}

const CHILD_FLAG = '--scenario-in-child';

/**
 * Each scenario in a Node process of its own, as a freshly started main is: run in one
 * process after the others, the start scenario's "main" read its snapshot in a heap that
 * had just held 400,000 rows, and its figures said more about that garbage than about a
 * start (main's answer 119-530 ms in a full run, 62-134 ms alone).
 */
function runApart(name: ScenarioName): Promise<Outcome> {
  const dir = mkdtempSync(join(tmpdir(), 'deck-bench-'));
  const file = join(dir, 'outcome.json');
  return new Promise<Outcome>((resolve) => {
    const child = spawn(process.execPath, [process.argv[1]!, CHILD_FLAG, name, file], {
      stdio: 'inherit',
      env: process.env,
    });
    child.on('exit', (code, signal) => {
      try {
        resolve(JSON.parse(readFileSync(file, 'utf8')) as Outcome);
      } catch {
        resolve({ failed: `the scenario's process ended (${signal ?? `code ${code}`})` });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

/** The parent built the renderer (or skips the scenario when it could not). */
async function child(name: ScenarioName, file: string): Promise<void> {
  writeFileSync(file, JSON.stringify(await runHere(name)));
  // Whatever a scenario left open, its process is done.
  process.exit(0);
}

async function main() {
  if (process.argv[2] === CHILD_FLAG)
    return child(process.argv[3] as ScenarioName, process.argv[4]!);
  if (process.argv[2] === RESTARTED_MAIN_FLAG) return restartedMain(process.argv[3]!);
  const args = process.argv.slice(2);
  const names = selected(args);
  const started = Date.now();
  const loadAtStart = loadavg()[0]!;
  const noRenderer = prepareRenderer(names);
  const ran = new Map<ScenarioName, MetricResult[] | { failed: string }>();
  for (const name of names) {
    const outcome =
      SCENARIOS[name].needsRenderer && noRenderer ? { failed: noRenderer } : await runApart(name);
    ran.set(name, outcome);
    for (const r of completeResults(new Map([[name, outcome]]), false)) console.log(formatLine(r));
  }
  const full = args.length === 0;
  const results = completeResults(ran, full);
  for (const r of results) if (r.pending) console.log(formatLine(r));

  const machine: Machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: process.platform,
  };
  const run = {
    at: new Date().toISOString(),
    seconds: (Date.now() - started) / 1000,
    machine,
    load: { start: loadAtStart, end: loadavg()[0]! },
    results,
  };
  // Only some scenarios ran (npm run bench -- NAME): it does not count as a full run.
  writeFileSync(
    join(__dirname, 'last-results.json'),
    JSON.stringify({ ...run, partial: !full }, null, 2),
  );
  if (full) {
    const historyFile = join(__dirname, 'history.json');
    writeHistory(historyFile, withRun(readHistory(historyFile), run));
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
