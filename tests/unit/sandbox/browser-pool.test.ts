/**
 * The browser pool's process handling, against a stand-in browser (a node script that
 * behaves like Chromium where it matters: writes DevToolsActivePort into its
 * --user-data-dir, and can ignore SIGTERM or die early), so the slow paths run quickly.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumArgs, createBrowserPool } from '../../../electron/sandbox/browsers';

const FAKE_BROWSER = `
const dir = process.argv.find((a) => a.startsWith('--user-data-dir=')).slice('--user-data-dir='.length);
if (process.argv.includes('--fake-die-early')) process.exit(3);
if (process.argv.includes('--fake-ignore-sigterm')) process.on('SIGTERM', () => {});
require('fs').writeFileSync(dir + '/DevToolsActivePort', '4321\\n/devtools/browser/fake-id');
setInterval(() => {}, 1000);
`;

const baseDir = mkdtempSync(join(tmpdir(), 'sandbox-pool-test-'));
afterAll(() => rmSync(baseDir, { recursive: true, force: true }));

const fakeSpawn = ((_cmd: string, args: string[], options: object) =>
  spawn(process.execPath, ['-e', FAKE_BROWSER, '--', ...args], options)) as unknown as typeof spawn;

const pool = () =>
  createBrowserPool({
    browserPath: '/fake/chromium',
    headless: true,
    baseDir,
    log: () => undefined,
    spawn: fakeSpawn,
  });

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('browser pool', () => {
  it('reads the DevTools port and ws path the browser wrote, and closes it with SIGTERM', async () => {
    const p = pool();
    const session = await p.launch({ key: 'ix-1', startUrl: 'about:blank' });
    expect(session).toMatchObject({
      port: 4321,
      wsUrl: 'ws://127.0.0.1:4321/devtools/browser/fake-id',
      userDataDir: join(baseDir, 'ix-1'),
      simulated: false,
    });
    expect(alive(session.pid)).toBe(true);
    expect(p.state('ix-1')).toBe('open');
    await expect(p.launch({ key: 'ix-1', startUrl: 'about:blank' })).rejects.toThrow(/already/);

    expect(await p.close('ix-1')).toEqual({ killed: false });
    expect(alive(session.pid)).toBe(false);
    expect(p.state('ix-1')).toBe('closed');
    expect(await p.close('ix-1')).toBeNull();
  });

  it('kills a browser that ignores SIGTERM after the grace period', async () => {
    const p = pool();
    const session = await p.launch({
      key: 'ix-2',
      startUrl: 'about:blank',
      extraArgs: ['--fake-ignore-sigterm'],
    });
    expect(await p.close('ix-2')).toEqual({ killed: true });
    expect(alive(session.pid)).toBe(false);
  });

  it('fails a launch whose browser dies before opening a port, and forgets it', async () => {
    const p = pool();
    await expect(
      p.launch({ key: 'cos-3', startUrl: 'about:blank', extraArgs: ['--fake-die-early'] }),
    ).rejects.toThrow(/exited before/);
    expect(p.state('cos-3')).toBe('closed');
    expect(p.runningPids()).toEqual([]);
  });

  it('stops every browser, and starts none once stopping', async () => {
    const p = pool();
    const a = await p.launch({ key: 'ix-4', startUrl: 'about:blank' });
    const b = await p.launch({ key: 'cos-4', startUrl: 'about:blank' });
    expect(p.runningPids().sort()).toEqual([a.pid, b.pid].sort());
    await p.stopAll();
    expect([alive(a.pid), alive(b.pid)]).toEqual([false, false]);
    expect(p.runningPids()).toEqual([]);
    await expect(p.launch({ key: 'ix-5', startUrl: 'about:blank' })).rejects.toThrow(/stopping/);
  });

  it('simulates sessions without any process when it has no browser', async () => {
    const p = createBrowserPool({
      browserPath: null,
      headless: true,
      baseDir,
      log: () => undefined,
    });
    const s = await p.launch({ key: 'ix-6', startUrl: 'about:blank' });
    expect(p.simulated).toBe(true);
    expect(s.simulated).toBe(true);
    expect(s.pid).toBeGreaterThan(4_194_304); // beyond any real Linux pid
    expect(p.runningPids()).toEqual([]);
    expect(p.state('ix-6')).toBe('open');
    expect(await p.close('ix-6')).toEqual({ killed: false });
  });
});

describe('chromium command line', () => {
  it('gives each profile its own dir, an OS-chosen DevTools port, its proxy and the caller’s args', () => {
    const args = chromiumArgs(
      {
        key: 'ix-7',
        startUrl: 'http://127.0.0.1:8080/',
        proxy: { scheme: 'socks5', host: '127.0.0.1', port: 1080 },
        extraArgs: [
          '--lang=de',
          '--user-data-dir=/elsewhere',
          '--remote-debugging-port=9222',
          'not-a-switch',
        ],
      },
      '/tmp/x/ix-7',
      true,
    );
    expect(args).toEqual(
      expect.arrayContaining([
        '--no-sandbox',
        '--headless=new',
        '--user-data-dir=/tmp/x/ix-7',
        '--remote-debugging-port=0',
        '--proxy-server=socks5://127.0.0.1:1080',
        '--proxy-bypass-list=<-loopback>',
        '--lang=de',
      ]),
    );
    expect(args).not.toContain('--user-data-dir=/elsewhere');
    expect(args).not.toContain('--remote-debugging-port=9222');
    expect(args).not.toContain('not-a-switch');
    expect(args.at(-1)).toBe('http://127.0.0.1:8080/');

    const headed = chromiumArgs({ key: 'cos-1', startUrl: 'about:blank' }, '/tmp/x/cos-1', false);
    expect(headed.some((a) => a.startsWith('--headless') || a.startsWith('--proxy'))).toBe(false);
  });
});
