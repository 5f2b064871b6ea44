/**
 * A stand-in for Chromium: a node script that behaves like it where the sandbox looks
 * (writes DevToolsActivePort into its --user-data-dir and waits), so launches are fast and
 * a test can see the exact command line the sandbox would have run.
 */
import { spawn } from 'node:child_process';

const FAKE_BROWSER = `
const dir = process.argv.find((a) => a.startsWith('--user-data-dir=')).slice('--user-data-dir='.length);
if (dir.endsWith('-dies-early')) process.exit(3);
if (dir.endsWith('-ignores-sigterm')) process.on('SIGTERM', () => {});
require('fs').writeFileSync(dir + '/DevToolsActivePort', '4321\\n/devtools/browser/fake-id');
setInterval(() => {}, 1000);
`;

/**
 * A `spawn` for the sandbox that starts the stand-in and records each command line. The
 * profile key names the user-data-dir, so keys ending in "-dies-early" or
 * "-ignores-sigterm" choose those behaviours.
 */
export function fakeBrowserSpawn(): { spawn: typeof spawn; launches: string[][] } {
  const launches: string[][] = [];
  const fake = ((_cmd: string, args: string[], options: object) => {
    launches.push(args);
    return spawn(process.execPath, ['-e', FAKE_BROWSER, '--', ...args], options);
  }) as unknown as typeof spawn;
  return { spawn: fake, launches };
}
