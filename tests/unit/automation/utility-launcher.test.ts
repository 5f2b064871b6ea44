/** The app's script launcher over Electron's utilityProcess (a stand-in here: no Electron binary). */
import { PassThrough } from 'node:stream';
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createUtilityLauncher } from '../../../electron/main/services/automation/utility-launcher';

class FakeUtilityChild extends EventEmitter {
  stdout = new PassThrough();
  stderr = new PassThrough();
  posted: unknown[] = [];
  kills = 0;
  postMessage(m: unknown) {
    this.posted.push(m);
  }
  kill() {
    this.kills++;
    this.emit('exit', 9);
    return true;
  }
}

describe('the utilityProcess launcher', () => {
  it('forks the host with only the given environment, piped output and its input as the one message', async () => {
    const forks: Array<{ modulePath: string; args: string[]; options: Record<string, unknown> }> =
      [];
    const child = new FakeUtilityChild();
    const launch = createUtilityLauncher({
      fork: (modulePath, args, options) => {
        forks.push({ modulePath, args, options });
        return child;
      },
    });
    const started = launch({
      modulePath: '/app/out/main/script-host.js',
      cwd: '/tmp/run',
      env: { HOME: '/tmp/run' },
      execArgv: ['--permission'],
    });
    expect(forks).toEqual([
      {
        modulePath: '/app/out/main/script-host.js',
        args: [],
        options: {
          env: { HOME: '/tmp/run' },
          execArgv: ['--permission'],
          cwd: '/tmp/run',
          stdio: 'pipe',
          serviceName: 'BrowserDeck script',
        },
      },
    ]);
    started.send({ v: 1 });
    expect(child.posted).toEqual([{ v: 1 }]);
    expect(started.stdout).toBe(child.stdout);
    started.kill();
    expect(await started.exited).toEqual({ code: 9 });
    // A second kill of a process already gone does nothing.
    started.kill();
    expect(child.kills).toBe(1);
  });
});
