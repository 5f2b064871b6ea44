/**
 * `npm run bench [-- SCENARIO...]`: bundles the benchmarks into out/bench/run.cjs the way
 * electron-vite builds main (our modules in one file, npm packages left external), and the
 * sandbox's command line, which stands in for a vendor client, into out/bench/sandbox.cjs;
 * then runs the benchmarks in a fresh Node.
 *
 * Why not run the sources with tsx: tsx compiles each file on its own, so every call from
 * one of our modules into another went through an export getter. Listing 10,000 CosLogin
 * windows through the core took about a third more CPU that way than the same code
 * bundled, so the benchmarks measured a build of the core that never ships.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const outfile = join(root, 'out/bench/run.cjs');
const sandboxFile = join(root, 'out/bench/sandbox.cjs');

const bundle = (entry, out) =>
  build({
    entryPoints: [join(root, entry)],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [
      {
        // Modules find the repository from their own folder; in one bundle every module
        // would see out/bench, so each keeps the folder of its source.
        name: 'source-dirname',
        setup(b) {
          b.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
            const text = await readFile(path, 'utf8');
            return {
              contents: text.replaceAll('__dirname', JSON.stringify(dirname(path))),
              loader: 'ts',
            };
          });
        },
      },
    ],
  });
await Promise.all([
  bundle('tests/bench/run.ts', outfile),
  bundle('electron/sandbox/cli.ts', sandboxFile),
]);

// No --enable-source-maps: main does not run with it either (out/bench/run.cjs.map is there
// for a debugger).
const child = spawn(process.execPath, [outfile, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, BENCH_SANDBOX_CLI: sandboxFile },
});
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
