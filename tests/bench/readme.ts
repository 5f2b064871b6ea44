/**
 * `npm run bench:readme`: writes the table of the last full `npm run bench` runs
 * (tests/bench/history.json) into README.md between the bench markers, with the machine
 * they came from, so the README never carries figures copied by hand.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readHistory } from './history';
import { benchTable } from './readme-table';

const root = join(__dirname, '../..');
const runs = readHistory(join(__dirname, 'history.json'));
const table = benchTable(runs);

const readme = join(root, 'README.md');
const text = readFileSync(readme, 'utf8');
const start = '<!-- bench:start -->';
const end = '<!-- bench:end -->';
const a = text.indexOf(start);
const b = text.indexOf(end);
if (a < 0 || b < a) throw new Error('README.md has no bench markers');
writeFileSync(readme, `${text.slice(0, a + start.length)}\n${table}\n${text.slice(b)}`);
console.log(`README.md: the table from ${runs.length} full run(s), the latest ${runs.at(-1)!.at}`);
