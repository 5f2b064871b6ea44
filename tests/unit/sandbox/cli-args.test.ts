import { describe, expect, it } from 'vitest';
import { CliError, parseCliArgs, parseFaults } from '../../../electron/sandbox/cli-args';

describe('sandbox CLI arguments', () => {
  it('parses the documented command line', () => {
    const cmd = parseCliArgs([
      '--profiles',
      '2000',
      '--ix-port',
      '53200',
      '--cos-port',
      '54345',
      '--cos-token',
      'T',
      '--headed',
      '--chromium',
      '/opt/chrome',
      '--seed',
      '5',
      '--persist',
      'demo.json',
      '--faults',
      'latency=300,error=0.2,drop=0.05',
    ]);
    expect(cmd).toEqual({
      help: false,
      options: {
        profiles: 2000,
        ixPort: 53200,
        cosPort: 54345,
        bitPort: 54346,
        adsPort: 50325,
        cosToken: 'T',
        headless: false,
        chromiumPath: '/opt/chrome',
        seed: 5,
        persistFile: 'demo.json',
        faults: { latencyMs: 300, errorRate: 0.2, dropRate: 0.05 },
      },
    });
  });

  it('defaults to the vendors’ usual ports and accepts --flag=value', () => {
    expect(parseCliArgs([])).toEqual({
      help: false,
      options: { ixPort: 53200, cosPort: 54345, bitPort: 54346, adsPort: 50325 },
    });
    const cmd = parseCliArgs(['--profiles=10', '--simulated', '--headless']);
    expect(cmd).toEqual({
      help: false,
      options: {
        ixPort: 53200,
        cosPort: 54345,
        bitPort: 54346,
        adsPort: 50325,
        profiles: 10,
        chromiumPath: null,
        headless: true,
      },
    });
  });

  it('parses every fault, including the ixBrowser concurrency limit and failing ids', () => {
    expect(parseFaults('concurrency=0,fail=1001;1002')).toEqual({
      ixConcurrencyLimit: 0,
      failIds: ['1001', '1002'],
    });
  });

  it('says what is wrong instead of starting with a bad option', () => {
    for (const argv of [
      ['--profiles'],
      ['--profiles', 'many'],
      ['--ix-port', '70000'],
      ['--bogus'],
      ['--faults', 'error=2'],
      ['--faults', 'chaos=1'],
    ]) {
      expect(() => parseCliArgs(argv), argv.join(' ')).toThrow(CliError);
    }
    expect(parseCliArgs(['--help'])).toEqual({ help: true });
  });
});
