/**
 * The browser pool's process handling, against a stand-in browser (fake-browser.ts: it
 * writes DevToolsActivePort like Chromium, and can ignore SIGTERM or die early), so the slow
 * paths run quickly.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumArgs, createBrowserPool } from '../../../electron/sandbox/browsers';
import { callerSwitches } from '../../../electron/sandbox/caller-switches';
import { fakeBrowserSpawn } from './fake-browser';

const baseDir = mkdtempSync(join(tmpdir(), 'sandbox-pool-test-'));
afterAll(() => rmSync(baseDir, { recursive: true, force: true }));

const pool = (log: (line: string) => void = () => undefined) =>
  createBrowserPool({
    browserPath: '/fake/chromium',
    headless: true,
    chromiumSandbox: true,
    baseDir,
    log,
    spawn: fakeBrowserSpawn().spawn,
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
    const session = await p.launch({ key: 'ix-2-ignores-sigterm', startUrl: 'about:blank' });
    expect(await p.close('ix-2-ignores-sigterm')).toEqual({ killed: true });
    expect(alive(session.pid)).toBe(false);
  });

  it('fails a launch whose browser dies before opening a port, and forgets it', async () => {
    const p = pool();
    await expect(p.launch({ key: 'cos-3-dies-early', startUrl: 'about:blank' })).rejects.toThrow(
      /exited before/,
    );
    expect(p.state('cos-3-dies-early')).toBe('closed');
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
      chromiumSandbox: false,
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
      { headless: true, chromiumSandbox: false },
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

    const headed = chromiumArgs({ key: 'cos-1', startUrl: 'about:blank' }, '/tmp/x/cos-1', {
      headless: false,
      chromiumSandbox: false,
    });
    expect(headed.some((a) => a.startsWith('--headless') || a.startsWith('--proxy'))).toBe(false);
  });

  it('runs Chromium inside its own sandbox unless told otherwise', () => {
    const sandboxed = chromiumArgs({ key: 'ix-1', startUrl: 'about:blank' }, '/tmp/x/ix-1', {
      headless: true,
      chromiumSandbox: true,
    });
    expect(sandboxed).not.toContain('--no-sandbox');
    const unsandboxed = chromiumArgs({ key: 'ix-1', startUrl: 'about:blank' }, '/tmp/x/ix-1', {
      headless: true,
      chromiumSandbox: false,
    });
    expect(unsandboxed).toContain('--no-sandbox');
  });

  it('keeps only the caller switches that change how the window looks, with plain values', () => {
    const harmless = [
      '--window-size=1280,800',
      '--window-position=-20,40',
      '--start-maximized',
      '--lang=pt-BR',
      '--force-device-scale-factor=1.25',
    ];
    const hostile = [
      '--renderer-cmd-prefix=touch /tmp/x',
      '--utility-cmd-prefix=touch /tmp/x',
      '--gpu-launcher=touch /tmp/x',
      '--browser-subprocess-path=/tmp/x',
      '--load-extension=/tmp/x',
      '--disable-web-security',
      '--no-sandbox',
      '--headless=old',
      '--proxy-server=http://evil.example:1',
      '--remote-allow-origins=*',
      '-renderer-cmd-prefix=touch /tmp/x',
      '--window-size=1,1 --renderer-cmd-prefix=x',
      '--lang=de;touch',
      '--start-maximized=1',
      '--window-size',
      '--WINDOW-SIZE=1,1',
      '__proto__',
      'https://evil.example/',
    ];
    expect(callerSwitches([...harmless, ...hostile, 42])).toEqual({
      kept: harmless,
      dropped: hostile,
    });
    const args = chromiumArgs(
      { key: 'ix-8', startUrl: 'about:blank', extraArgs: [...hostile, ...harmless] },
      '/tmp/x/ix-8',
      { headless: true, chromiumSandbox: true },
    );
    for (const arg of hostile) expect(args).not.toContain(arg);
    expect(args).toEqual(expect.arrayContaining(harmless));
  });

  it('says in the log which switches it ignored', async () => {
    const lines: string[] = [];
    const p = pool((line) => lines.push(line));
    await p.launch({
      key: 'ix-9',
      startUrl: 'about:blank',
      extraArgs: ['--lang=de', '--renderer-cmd-prefix=touch /tmp/x'],
    });
    await p.stopAll();
    expect(lines).toContain(
      'browser ix-9: ignored switches the sandbox does not allow: --renderer-cmd-prefix=touch /tmp/x',
    );
  });
});
