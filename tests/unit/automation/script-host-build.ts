/**
 * The script host built as the app builds it (one CommonJS file, playwright-core left to
 * node_modules), for tests that run custom scripts with child_process.fork. It goes under
 * out/ so `playwright-core` resolves from the project's node_modules.
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const root = resolve(__dirname, '../../..');

let built: Promise<string> | undefined;

export function buildScriptHost(): Promise<string> {
  built ??= (async () => {
    const dir = join(root, 'out', 'test-script-host', String(process.pid));
    await mkdir(dir, { recursive: true });
    const outfile = join(dir, 'script-host.cjs');
    await build({
      entryPoints: [join(root, 'electron/script-host/script-host.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['playwright-core'],
      outfile,
      logLevel: 'silent',
    });
    return outfile;
  })();
  return built;
}
