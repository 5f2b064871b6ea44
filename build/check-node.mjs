#!/usr/bin/env node
/**
 * Stops `npm start` (and dev, dist) at once on a Node.js too old for Electron 45, whose
 * binary is fetched on first run by a downloader that needs Node 22.12: without this check
 * the failure comes much later, deep inside that download. The tests need less (Node 20.19,
 * for Vite) and are not gated by this.
 */
import { pathToFileURL } from 'node:url';

export const REQUIRED = '22.12.0';

/** True when `version` ("v20.20.2" or "20.20.2") is at least `required`. */
export function satisfies(version, required = REQUIRED) {
  const parse = (v) =>
    v
      .replace(/^v/, '')
      .split('.')
      .map((n) => Number.parseInt(n, 10) || 0);
  const [a, b] = [parse(version), parse(required)];
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  return true;
}

export function message(version, required = REQUIRED) {
  return (
    `BrowserDeck needs Node.js ${required} or newer to start (Electron 45 and its downloader ` +
    `require it); this is Node.js ${version.replace(/^v/, '')}. Install a current Node.js ` +
    `(https://nodejs.org, or nvm install 22) and run the command again.`
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (!satisfies(process.version)) {
    console.error(message(process.version));
    process.exit(1);
  }
}
