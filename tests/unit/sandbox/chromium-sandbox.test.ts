import { describe, expect, it } from 'vitest';
import { decideChromiumSandbox } from '../../../electron/sandbox/chromium-sandbox';
import {
  parseCliArgs,
  resolveCliOptions,
  type CliOptions,
} from '../../../electron/sandbox/cli-args';

const root = { platform: 'linux', uid: 0 } as const;
const desktopUser = { platform: 'linux', uid: 1000 } as const;

describe("Chromium's own sandbox for sandbox browsers", () => {
  it('is on wherever Chromium allows it, off only as root on Linux, and says why', () => {
    expect(decideChromiumSandbox(desktopUser).chromiumSandbox).toBe(true);
    expect(decideChromiumSandbox({ platform: 'win32', uid: undefined }).chromiumSandbox).toBe(true);
    expect(decideChromiumSandbox({ platform: 'darwin', uid: 0 }).chromiumSandbox).toBe(true);
    expect(decideChromiumSandbox(root)).toEqual({
      chromiumSandbox: false,
      reason: expect.stringMatching(/root on Linux/),
    });
  });

  it('the CLI takes a flag, and decides like demo mode without one', () => {
    const cli = (argv: string[]) => (parseCliArgs(argv) as { options: CliOptions }).options;
    expect(cli(['--chromium-sandbox']).chromiumSandbox).toBe(true);
    expect(cli(['--no-chromium-sandbox']).chromiumSandbox).toBe(false);

    expect(resolveCliOptions(cli([]), desktopUser).options).toMatchObject({
      chromiumSandbox: true,
    });
    const asRoot = resolveCliOptions(cli([]), root);
    expect(asRoot.options).toMatchObject({ chromiumSandbox: false });
    expect(asRoot.browsers).toMatch(/sandbox OFF \(.*root on Linux/);
    // An explicit choice wins, even where Chromium will refuse it.
    expect(resolveCliOptions(cli(['--chromium-sandbox']), root).options).toMatchObject({
      chromiumSandbox: true,
    });
    expect(resolveCliOptions(cli(['--no-chromium-sandbox']), desktopUser)).toMatchObject({
      options: { chromiumSandbox: false },
      browsers: expect.stringMatching(/--no-chromium-sandbox/),
    });
    expect(resolveCliOptions(cli(['--simulated']), root)).toEqual({
      options: {
        ixPort: 53200,
        cosPort: 54345,
        bitPort: 54346,
        adsPort: 50325,
        chromiumPath: null,
      },
      browsers: 'simulated',
    });
  });
});
