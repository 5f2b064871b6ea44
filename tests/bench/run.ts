/**
 * `npm run bench`: every scenario, one `BENCH <name> ...` line per metric, then the same as
 * JSON in tests/bench/last-results.json. Never part of `npm test`. start.mjs runs it bundled,
 * as main ships.
 */
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { formatLine, skipped, type MetricResult, type Scenario } from './bench';
import { bulkScenario } from './scenarios/bulk';
import { coreListScenario } from './scenarios/core-list';
import { ipcScenario } from './scenarios/ipc';
import { openScenario } from './scenarios/open';
import { sandboxScenario } from './scenarios/sandbox';
import { sandboxOpenScenario } from './scenarios/sandbox-open';
import { sessionsScenario } from './scenarios/sessions';
import { tableScenario } from './scenarios/table';

const scenarios: Scenario[] = [
  ipcScenario,
  sandboxScenario,
  sandboxOpenScenario,
  coreListScenario,
  bulkScenario,
  tableScenario,
  openScenario,
  sessionsScenario,
];

async function main() {
  const only = process.argv.slice(2);
  const results: MetricResult[] = [];
  const started = Date.now();
  for (const s of scenarios) {
    if (only.length && !only.includes(s.name)) continue;
    try {
      for (const r of await s.run()) {
        results.push(r);
        console.log(formatLine(r));
      }
    } catch (e) {
      const r = skipped(`${s.name}.*`, `scenario failed: ${(e as Error).message}`);
      results.push(r);
      console.log(formatLine(r));
    }
  }
  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: process.platform,
  };
  writeFileSync(
    join(__dirname, 'last-results.json'),
    JSON.stringify(
      {
        at: new Date().toISOString(),
        seconds: (Date.now() - started) / 1000,
        // Only some scenarios ran (npm run bench -- NAME): bench:readme will not publish it.
        partial: only.length > 0,
        machine,
        results,
      },
      null,
      2,
    ),
  );
}

void main();
