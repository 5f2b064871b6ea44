/** `npm run sandbox -- ...` arguments, parsed into SandboxOptions (kept apart to be tested). */
import { decideChromiumSandbox, type ProcessUser } from './chromium-sandbox';
import type { FaultOptions, SandboxOptions, SandboxSetup } from './options';

export const CLI_USAGE = `Usage: npm run sandbox -- [options]
  --profiles N          profiles per vendor (default 100)
  --ix-port P           ixBrowser port (default 53200; 0 = any free port)
  --cos-port P          CosLogin port (default 54345; 0 = any free port)
  --cos-token T         CosLogin local token (default: random)
  --bit-port P          BitBrowser port (default 54346: CosLogin has its and BitBrowser's
                        shared default 54345; 0 = any free port)
  --bit-api-key K       BitBrowser asks for this API key (default: none, as the vendor)
  --ads-port P          AdsPower port (default 50325; 0 = any free port)
  --ads-api-key K       AdsPower's security verification: calls need this Bearer key
  --ads-rate N          AdsPower requests per second (default 1; accounts get 2, 5, 10)
  --seed S              seed for the demo data (default 1)
  --headless | --headed browsers without or with windows (default headless)
  --chromium PATH       the browser to start (default: found automatically)
  --simulated           start no browser: report state only
  --chromium-sandbox    run browsers inside Chromium's own sandbox
  --no-chromium-sandbox run them without it (Chromium needs this as root on Linux);
                        default: on, except as root on Linux
  --persist FILE        load state from FILE and save it there
  --faults SPEC         e.g. latency=300,error=0.2,drop=0.05,concurrency=3,fail=1001;1002
  --help`;

export const CLI_DEFAULT_IX_PORT = 53200;
export const CLI_DEFAULT_COS_PORT = 54345;
/** BitBrowser's own default is CosLogin's too; one machine cannot serve both there. */
export const CLI_DEFAULT_BIT_PORT = 54346;
export const CLI_DEFAULT_ADS_PORT = 50325;

export class CliError extends Error {}

function number(flag: string, value: string | undefined, { min = 0, max = Infinity } = {}): number {
  const n = Number(value);
  if (value === undefined || value.trim() === '' || !Number.isFinite(n) || n < min || n > max) {
    throw new CliError(`${flag} needs a number${max < Infinity ? ` from ${min} to ${max}` : ''}`);
  }
  return n;
}

export function parseFaults(spec: string): FaultOptions {
  const faults: FaultOptions = {};
  for (const part of spec
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [key, value] = part.split('=', 2) as [string, string | undefined];
    switch (key) {
      case 'latency':
        faults.latencyMs = number('latency', value);
        break;
      case 'error':
        faults.errorRate = number('error', value, { max: 1 });
        break;
      case 'drop':
        faults.dropRate = number('drop', value, { max: 1 });
        break;
      case 'concurrency':
        faults.ixConcurrencyLimit = number('concurrency', value);
        break;
      case 'fail':
        faults.failIds = (value ?? '').split(';').filter(Boolean);
        break;
      default:
        throw new CliError(`unknown fault "${key}" (latency, error, drop, concurrency, fail)`);
    }
  }
  return faults;
}

/** What the command line said; the Chromium sandbox may be left to resolveCliOptions(). */
export type CliOptions = SandboxSetup & { chromiumPath?: string | null; chromiumSandbox?: boolean };

export type CliCommand = { help: true } | { help: false; options: CliOptions };

export function parseCliArgs(argv: string[]): CliCommand {
  const options: CliOptions = {
    ixPort: CLI_DEFAULT_IX_PORT,
    cosPort: CLI_DEFAULT_COS_PORT,
    bitPort: CLI_DEFAULT_BIT_PORT,
    adsPort: CLI_DEFAULT_ADS_PORT,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new CliError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--help':
      case '-h':
        return { help: true };
      case '--profiles':
        options.profiles = number(flag, value(), { max: 1_000_000 });
        break;
      case '--ix-port':
        options.ixPort = number(flag, value(), { max: 65535 });
        break;
      case '--cos-port':
        options.cosPort = number(flag, value(), { max: 65535 });
        break;
      case '--cos-token':
        options.cosToken = value();
        break;
      case '--bit-port':
        options.bitPort = number(flag, value(), { max: 65535 });
        break;
      case '--bit-api-key':
        options.bitApiKey = value();
        break;
      case '--ads-port':
        options.adsPort = number(flag, value(), { max: 65535 });
        break;
      case '--ads-api-key':
        options.adsApiKey = value();
        break;
      case '--ads-rate':
        options.adsRequestsPerSecond = number(flag, value(), { min: 1, max: 1000 });
        break;
      case '--seed':
        options.seed = number(flag, value());
        break;
      case '--headless':
        options.headless = true;
        break;
      case '--headed':
        options.headless = false;
        break;
      case '--chromium':
        options.chromiumPath = value();
        break;
      case '--simulated':
        options.chromiumPath = null;
        break;
      case '--chromium-sandbox':
        options.chromiumSandbox = true;
        break;
      case '--no-chromium-sandbox':
        options.chromiumSandbox = false;
        break;
      case '--persist':
        options.persistFile = value();
        break;
      case '--faults':
        options.faults = parseFaults(value());
        break;
      default:
        throw new CliError(`unknown option ${arg}`);
    }
  }
  return { help: false, options };
}

/**
 * The sandbox's options with Chromium's sandbox decided: as the flag says, else as demo mode
 * decides for this user. `browsers` says which and why, for the banner.
 */
export function resolveCliOptions(
  cli: CliOptions,
  user?: ProcessUser,
): { options: SandboxOptions; browsers: string } {
  const { chromiumPath, chromiumSandbox, ...setup } = cli;
  if (chromiumPath === null) return { options: { ...setup, chromiumPath }, browsers: 'simulated' };
  const decided =
    chromiumSandbox === undefined
      ? decideChromiumSandbox(user)
      : {
          chromiumSandbox,
          reason: chromiumSandbox ? '--chromium-sandbox' : '--no-chromium-sandbox',
        };
  return {
    options: { ...setup, chromiumPath, chromiumSandbox: decided.chromiumSandbox },
    browsers: `Chromium's own sandbox ${decided.chromiumSandbox ? 'on' : 'OFF'} (${decided.reason})`,
  };
}
