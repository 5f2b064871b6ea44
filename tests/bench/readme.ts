/**
 * `npm run bench:readme`: writes the figures of the last full `npm run bench`
 * (tests/bench/last-results.json) into README.md between the bench markers, with the
 * machine they came from, so the README never carries figures copied by hand.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MetricResult } from './bench';

interface LastResults {
  at: string;
  partial?: boolean;
  seconds: number;
  machine: { cpus: number; cpuModel?: string; memGiB: number; node: string; platform: string };
  results: MetricResult[];
}

const root = join(__dirname, '../..');
const last = JSON.parse(readFileSync(join(__dirname, 'last-results.json'), 'utf8')) as LastResults;

if (last.partial)
  throw new Error('the last bench run was partial: run the whole `npm run bench` first');

const rows = last.results.map((r) =>
  r.skipped
    ? `| ${r.name} | skipped: ${r.skipped} | | |`
    : `| ${r.name} | ${Number(r.median!.toPrecision(4))} ${r.unit} | ${r.target} | ${r.ok ? 'yes' : '**no**'} |`,
);
const m = last.machine;
const table = [
  '| metric | median | target | ok |',
  '|---|---|---|---|',
  ...rows,
  '',
  `Measured ${last.at.slice(0, 10)} on ${m.cpuModel?.trim() ?? 'an unknown CPU'}, ${m.cpus} cores, ` +
    `${m.memGiB} GiB, Node ${m.node} (${m.platform}); the whole suite took ${Math.round(last.seconds)} s.`,
].join('\n');

const readme = join(root, 'README.md');
const text = readFileSync(readme, 'utf8');
const start = '<!-- bench:start -->';
const end = '<!-- bench:end -->';
const a = text.indexOf(start);
const b = text.indexOf(end);
if (a < 0 || b < a) throw new Error('README.md has no bench markers');
writeFileSync(readme, `${text.slice(0, a + start.length)}\n${table}\n${text.slice(b)}`);
console.log(`README.md: ${rows.length} figures from ${last.at}`);
