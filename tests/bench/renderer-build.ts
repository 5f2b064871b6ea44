/**
 * The page benchmarks measure the built renderer (out/renderer). `npm run bench` builds it
 * when it is missing or was built from other sources, so a fresh clone measures every
 * metric and nobody measures yesterday's renderer by mistake.
 *
 * Fresh = the stamp written after our last build names both the sources it was built from
 * (a hash of their contents) and the index.html that build wrote (whose asset names carry
 * the assets' hashes). A `npm run build` from other sources changes index.html, so the
 * next bench builds again.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** What the renderer build reads: its sources, the shared model, the build config, the deps. */
const INPUTS = [
  'renderer',
  'shared',
  'electron.vite.config.ts',
  'package-lock.json',
  'tsconfig.base.json',
  'tsconfig.web.json',
];

const indexHtml = (root: string) => join(root, 'out/renderer/index.html');
const stampFile = (root: string) => join(root, 'out/bench/renderer-build.json');

/** Every input file, relative to `root`, in a stable order. */
function inputFiles(root: string): string[] {
  const out: string[] = [];
  for (const path of INPUTS) {
    const full = join(root, path);
    if (!existsSync(full)) continue;
    if (!statSync(full).isDirectory()) {
      out.push(path);
      continue;
    }
    for (const e of readdirSync(full, { withFileTypes: true, recursive: true }))
      if (e.isFile()) out.push(relative(root, join(e.parentPath, e.name)));
  }
  return out.sort();
}

/** A hash of every input file's path and contents. */
export function rendererInputsHash(root: string): string {
  const hash = createHash('sha256');
  for (const file of inputFiles(root)) {
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(join(root, file)))
      .update('\0');
  }
  return hash.digest('hex');
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

interface Stamp {
  inputs: string;
  indexHtml: string;
}

export type RendererBuildState = 'missing' | 'stale' | 'fresh';

export function rendererBuildState(root: string): RendererBuildState {
  if (!existsSync(indexHtml(root))) return 'missing';
  let stamp: Stamp;
  try {
    stamp = JSON.parse(readFileSync(stampFile(root), 'utf8')) as Stamp;
  } catch {
    return 'stale';
  }
  return stamp.inputs === rendererInputsHash(root) && stamp.indexHtml === sha256(indexHtml(root))
    ? 'fresh'
    : 'stale';
}

/** Records that out/renderer was just built from the sources as they are now. */
export function markRendererBuilt(root: string): void {
  const stamp: Stamp = { inputs: rendererInputsHash(root), indexHtml: sha256(indexHtml(root)) };
  mkdirSync(dirname(stampFile(root)), { recursive: true });
  writeFileSync(stampFile(root), JSON.stringify(stamp));
}

/** `npm run build`, the project's own build, its output on stderr so BENCH lines stay apart. */
export function npmRunBuild(root: string): void {
  const r = spawnSync('npm', ['run', 'build'], {
    cwd: root,
    stdio: ['ignore', process.stderr, process.stderr],
    shell: process.platform === 'win32',
  });
  if (r.status !== 0) throw new Error(`npm run build failed (exit ${r.status ?? r.signal})`);
}

/**
 * Builds the renderer unless it is fresh. Returns what it found, so the caller can say
 * that it built and why.
 */
export function ensureRendererBuilt(
  root: string,
  build: (root: string) => void = npmRunBuild,
): RendererBuildState {
  const state = rendererBuildState(root);
  if (state === 'fresh') return state;
  build(root);
  if (!existsSync(indexHtml(root))) throw new Error('the build wrote no out/renderer/index.html');
  markRendererBuilt(root);
  return state;
}
