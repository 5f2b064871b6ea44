/**
 * The Chromium switches a caller may add to a sandbox browser (ixBrowser's `args`). The
 * vendor passes `args` straight to its Chromium, but the sandbox runs on the user's desktop:
 * switches like --renderer-cmd-prefix, --utility-cmd-prefix, --gpu-launcher or
 * --browser-subprocess-path run any command, --load-extension runs code in every page,
 * --no-sandbox and --disable-web-security take defences down, and each Chromium release adds
 * more. So a denylist cannot hold: only switches that change how the window looks are kept,
 * each with a value that can be nothing else. None of them is a switch the sandbox sets
 * itself, so a caller cannot move the user-data-dir or the debugging port either.
 */
const ALLOWED = new Map<string, RegExp | null>([
  ['--window-size', /^\d{1,5},\d{1,5}$/],
  ['--window-position', /^-?\d{1,5},-?\d{1,5}$/],
  ['--start-maximized', null],
  ['--lang', /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/],
  ['--force-device-scale-factor', /^\d{1,2}(?:\.\d{1,3})?$/],
]);

/** `kept` go on the command line; `dropped` only into the log. */
export function callerSwitches(args: readonly unknown[]): { kept: string[]; dropped: string[] } {
  const kept: string[] = [];
  const dropped: string[] = [];
  for (const arg of args) {
    if (typeof arg !== 'string') continue;
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    const value = eq < 0 ? undefined : arg.slice(eq + 1);
    const pattern = ALLOWED.get(name);
    const ok =
      pattern !== undefined &&
      (pattern === null ? value === undefined : value !== undefined && pattern.test(value));
    (ok ? kept : dropped).push(arg);
  }
  return { kept, dropped };
}
