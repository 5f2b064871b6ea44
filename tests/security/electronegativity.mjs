#!/usr/bin/env node
// Runs Electronegativity (installed in its own prefix, see .ci/run) over the sources and
// the build; fails on any finding that SECURITY.md does not explain.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');
const bin = join(root, '.cache/electronegativity/node_modules/.bin/electronegativity');
if (!existsSync(bin)) {
  console.log(
    'electronegativity: not installed (.ci/run installs it into .cache/electronegativity)',
  );
  process.exit(3);
}
const electronVersion = JSON.parse(
  readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8'),
).version;
const out = join(mkdtempSync(join(tmpdir(), 'en-')), 'findings.csv');
const r = spawnSync(bin, ['-i', root, '-e', electronVersion, '-r', '-v', 'false', '-o', out], {
  encoding: 'utf8',
});
if (!existsSync(out)) {
  console.log(r.stdout, r.stderr);
  console.log('electronegativity: produced no report');
  process.exit(1);
}
const { accepted } = JSON.parse(
  readFileSync(join(import.meta.dirname, 'electronegativity-accepted.json'), 'utf8'),
);
const rows = readFileSync(out, 'utf8').trim().split('\n').slice(1).filter(Boolean);
const findings = rows
  .map((line) => {
    const [issue, severity, , file, location] = line.split(',').map((c) => c.replace(/^"|"$/g, ''));
    return { issue, severity, file, location };
  })
  .filter((f) => !f.file.includes('node_modules') && !f.file.startsWith('.cache'));
let bad = 0;
for (const f of findings) {
  const why = accepted[f.issue];
  console.log(
    `${why ? 'explained' : 'FINDING  '} ${f.issue} ${f.severity} ${f.file}:${f.location}${why ? '' : ''}`,
  );
  if (!why) bad++;
}
console.log(`electronegativity: ${findings.length} findings, ${bad} not explained in SECURITY.md`);
process.exit(bad ? 1 : 0);
