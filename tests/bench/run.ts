/**
 * `npm run bench`: every scenario, one `BENCH <name> ...` line per metric, then the same as
 * JSON in tests/bench/last-results.json. Never part of `npm test`.
 */
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { formatLine, skipped, type MetricResult, type Scenario } from './bench';
import { ipcScenario } from './scenarios/ipc';
import { sandboxScenario } from './scenarios/sandbox';

/** Metrics whose feature is not built yet; each is replaced by a scenario as it lands. */
const PENDING: Array<[string, string]> = [
  ['core.list10k.ratio', 'vendor providers not built yet'],
  ['table.render50k.ms', 'profiles table not built yet'],
  ['table.filter50k.p95.ms', 'profiles table not built yet'],
  ['table.scroll50k.fps', 'profiles table not built yet'],
  ['renderer.heap50k.mb', 'profiles table not built yet'],
  ['bulk.proxy1000.cos.requests', 'bulk job engine not built yet'],
  ['bulk.proxy1000.cos.ms', 'bulk job engine not built yet'],
  ['bulk.group1000.ix.ms', 'bulk job engine not built yet'],
  ['bulk.group1000.ix.ratio', 'bulk job engine not built yet'],
  ['open.overhead.ratio', 'open/close not built yet'],
  ['sessions200.fps', 'Sessions view not built yet'],
];

const scenarios: Scenario[] = [ipcScenario, sandboxScenario];

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
  if (!only.length) {
    for (const [name, reason] of PENDING) {
      if (results.some((r) => r.name === name)) continue;
      const r = skipped(name, reason);
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
      { at: new Date().toISOString(), seconds: (Date.now() - started) / 1000, machine, results },
      null,
      2,
    ),
  );
}

void main();
