/**
 * The sandbox in a process of its own (`npm run sandbox`), as a vendor client is in real
 * life. Benchmarks that compare BrowserDeck with bare HTTP use it, so the emulator's
 * 20,000 records neither share a heap nor a thread with what is measured.
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

export interface SandboxProcess {
  pid: number;
  ixUrl: string;
  cosUrl: string;
  cosToken: string;
  stop(): Promise<void>;
}

const root = resolve(__dirname, '../..');
/** The bundled command line `npm run bench` built; the sources through tsx otherwise. */
const cli = (): string[] =>
  process.env['BENCH_SANDBOX_CLI']
    ? [process.env['BENCH_SANDBOX_CLI']]
    : ['--import', 'tsx', join(root, 'electron/sandbox/cli.ts')];

export function startSandboxProcess(profiles: number): Promise<SandboxProcess> {
  const cosToken = 'bench-token';
  const child = spawn(
    process.execPath,
    [
      ...cli(),
      '--profiles',
      String(profiles),
      '--simulated',
      '--ix-port',
      '0',
      '--cos-port',
      '0',
      '--cos-token',
      cosToken,
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
  return new Promise((ready, failed) => {
    let out = '';
    const timer = setTimeout(() => {
      void stop();
      failed(new Error(`sandbox process did not start: ${out}`));
    }, 60_000);
    child.once('exit', (code) => failed(new Error(`sandbox process exited with ${code}: ${out}`)));
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      const ix = /ixBrowser\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      const cos = /CosLogin\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (ix && cos) {
        clearTimeout(timer);
        child.stdout.removeAllListeners('data');
        child.stdout.resume();
        ready({ pid: child.pid!, ixUrl: ix[1]!, cosUrl: cos[1]!, cosToken, stop });
      }
    });
  });
}
