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
const { accepted } = JSON.parse(
  readFileSync(join(import.meta.dirname, 'electronegativity-accepted.json'), 'utf8'),
);
/** RFC 4180 rows: samples may hold commas, quotes and newlines inside quoted fields. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field.trim());
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endField();
    else if (c === '\n') {
      endField();
      rows.push(row);
      row = [];
    } else if (c !== '\r') field += c;
  }
  if (field || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}
/** One scan; undefined when it wrote no report. */
function scan() {
  const out = join(mkdtempSync(join(tmpdir(), 'en-')), 'findings.csv');
  const r = spawnSync(bin, ['-i', root, '-e', electronVersion, '-r', '-v', 'false', '-o', out], {
    encoding: 'utf8',
  });
  if (!existsSync(out)) {
    console.log(r.stdout, r.stderr);
    return undefined;
  }
  return parseCsv(readFileSync(out, 'utf8'))
    .slice(1)
    .filter((cols) => cols.length >= 5)
    .map(([issue, severity, , file, location]) => ({ issue, severity, file, location }))
    .filter((f) => !f.file.includes('node_modules') && !f.file.startsWith('.cache'));
}

// The renderer's CSP keeps style-src 'unsafe-inline' (explained in SECURITY.md), which the
// scan always notes. A scan without that note did not really look (its network lookups
// sometimes cut it short): scan again, and fail rather than pass on an empty report.
const sawCsp = (fs) =>
  fs?.some((f) => f.issue === 'CSP_GLOBAL_CHECK' && f.file === 'renderer/index.html');
let findings = scan();
if (!sawCsp(findings)) findings = scan();
if (!sawCsp(findings)) {
  console.log(
    'electronegativity: the scan did not report the known CSP note on renderer/index.html; it did not run properly',
  );
  process.exit(1);
}
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
