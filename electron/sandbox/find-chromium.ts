/** Where a Chromium-family browser usually lives, so the sandbox works without setup. */
import { existsSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';

const PATH_NAMES = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
  'microsoft-edge',
  'msedge',
];

function standardPaths(): string[] {
  const env = process.env;
  switch (process.platform) {
    case 'darwin':
      return [
        '/Applications/Chromium.app/Contents/MacOS/Chromium',
        '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
        '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      ];
    case 'win32': {
      const roots = [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env['LOCALAPPDATA']].filter(
        (r): r is string => !!r,
      );
      return roots.flatMap((root) => [
        join(root, 'Chromium', 'Application', 'chrome.exe'),
        join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
        join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
      ]);
    }
    default:
      return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  }
}

function onPath(): string[] {
  const dirs = (process.env['PATH'] ?? '').split(delimiter).filter(Boolean);
  const ext = process.platform === 'win32' ? '.exe' : '';
  return dirs.flatMap((dir) => PATH_NAMES.map((name) => join(dir, name + ext)));
}

/** $CHROMIUM_PATH, then the platform's standard locations, then PATH. */
export function findChromium(): string | undefined {
  const fromEnv = process.env['CHROMIUM_PATH'];
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return [...standardPaths(), ...onPath()].find((p) => existsSync(p));
}

/** A chromedriver beside the browser or on the system, else where one would be. */
export function webdriverPathFor(browserPath: string | undefined): string {
  const name = process.platform === 'win32' ? 'chromedriver.exe' : 'chromedriver';
  const candidates = [
    ...(browserPath ? [join(dirname(browserPath), name)] : []),
    ...(process.platform === 'win32'
      ? []
      : ['/usr/bin/chromedriver', '/usr/local/bin/chromedriver']),
  ];
  return candidates.find((p) => existsSync(p)) ?? candidates[0] ?? name;
}
