/**
 * `npm run sandbox -- --profiles 2000 --ix-port 53200 --cos-port 54345 --cos-token T`
 * (`--bit-port`, `--bit-api-key`, ...; see cli-args.ts):
 * runs the sandbox until Ctrl-C or SIGTERM, then stops every browser it started.
 */
import { CLI_USAGE, CliError, parseCliArgs, resolveCliOptions } from './cli-args';
import { startSandbox } from './index';

async function main(): Promise<void> {
  let command;
  try {
    command = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    console.error(`${error.message}\n\n${CLI_USAGE}`);
    process.exit(2);
  }
  if (command.help) {
    console.log(CLI_USAGE);
    return;
  }
  const { options, browsers } = resolveCliOptions(command.options);
  const sandbox = await startSandbox({
    ...options,
    log: (line) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`),
  });
  const count = (n: number) => n.toLocaleString('en-US');
  console.log(
    [
      `BrowserDeck sandbox (seed ${options.seed ?? 1})`,
      `  ixBrowser  ${sandbox.ix.url}   POST /api/v2/<action>   ${count(sandbox.ix.profiles().length)} profiles`,
      `  CosLogin   ${sandbox.cos.url}   POST /<path>   ${count(sandbox.cos.profiles().length)} windows`,
      `             token: ${sandbox.cos.token}   (header X-Cos-Local-Token)`,
      `  BitBrowser ${sandbox.bit.url}   POST /<path>   ${count(sandbox.bit.profiles().length)} windows` +
        (sandbox.bit.apiKey ? `   API key: ${sandbox.bit.apiKey}` : ''),
      `  AdsPower   ${sandbox.ads.url}   /api/v2/...   ${count(sandbox.ads.profiles().length)} profiles, ` +
        `${sandbox.ads.requestsPerSecond} request(s)/s` +
        (sandbox.ads.apiKey ? `   API key: ${sandbox.ads.apiKey} (Bearer)` : ''),
      sandbox.simulated
        ? '  Browsers:  SIMULATED - no Chromium found or --simulated given; opened profiles get made-up pids and ports, no browser starts'
        : `  Browsers:  ${sandbox.browserPath} (${options.headless === false ? 'headed' : 'headless'}), ${browsers}`,
      options.faults ? `  Faults:    ${JSON.stringify(options.faults)}` : '',
      options.persistFile ? `  State:     ${options.persistFile}` : '',
      'Ctrl-C to stop.',
    ]
      .filter(Boolean)
      .join('\n'),
  );

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping (closing ${sandbox.runningBrowserPids().length} browsers)…`);
    sandbox.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
