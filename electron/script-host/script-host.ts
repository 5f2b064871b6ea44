/**
 * The process one custom script runs in: Electron's utilityProcess in the app, a
 * child_process.fork in Node. It gets the profile's DevTools endpoint, the profile's
 * non-secret fields and the script (a file in its own temporary working directory), and
 * answers on stdout only (protocol.ts). Main kills it on timeout or cancel.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Playwright from 'playwright-core';
import { activePage } from '../main/services/automation/active-page';
import { FRAME_RESULT_MAX, type HostFrame, type ScriptInput } from './protocol';

const LINE_MAX = 2000;

function send(frame: HostFrame): Promise<void> {
  return new Promise((resolve) =>
    process.stdout.write(`${JSON.stringify(frame)}\n`, () => resolve()),
  );
}

function lineOf(args: unknown[]): string {
  return args
    .map((a) => {
      if (typeof a === 'string') return a;
      if (a instanceof Error) return a.stack ?? a.message;
      try {
        return JSON.stringify(a) ?? String(a);
      } catch {
        return String(a);
      }
    })
    .join(' ')
    .slice(0, LINE_MAX);
}

const log = (...args: unknown[]) => void send({ deck: 'log', line: lineOf(args) });

/** Electron's utility process hands messages to process.parentPort; a forked Node to process. */
interface ParentPort {
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
  removeAllListeners(event: 'message'): void;
}

function receiveInput(): Promise<ScriptInput> {
  return new Promise((resolve) => {
    const port = (process as unknown as { parentPort?: ParentPort }).parentPort;
    if (port) {
      port.on('message', (e) => {
        port.removeAllListeners('message');
        resolve(e.data as ScriptInput);
      });
      return;
    }
    process.once('message', (m) => {
      // The channel to main is closed before the script loads: it never reaches main.
      process.disconnect?.();
      resolve(m as ScriptInput);
    });
  });
}

async function finish(frame: HostFrame, browser: Playwright.Browser | undefined, code: number) {
  await send(frame);
  // Disconnects; a browser BrowserDeck connected to over CDP stays open.
  await Promise.race([browser?.close(), new Promise((r) => setTimeout(r, 2000))]).catch(() => {});
  process.exit(code);
}

async function main(): Promise<void> {
  const input = await receiveInput();
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) console[level] = log;
  const restricted = Boolean((process as unknown as { permission?: unknown }).permission);
  await send({ deck: 'ready', fileAccess: restricted ? 'restricted' : 'unrestricted' });

  let browser: Playwright.Browser | undefined;
  process.on(
    'uncaughtException',
    (e) => void finish({ deck: 'error', message: lineOf([e]) }, browser, 1),
  );
  process.on(
    'unhandledRejection',
    (e) => void finish({ deck: 'error', message: lineOf([e]) }, browser, 1),
  );
  try {
    const { chromium } = createRequire(__filename)(input.playwright) as typeof Playwright;
    browser = await chromium.connectOverCDP(input.endpoint);
    const context = browser.contexts()[0] ?? (await browser.newContext());
    const page = await activePage(context);
    const mod = (await import(pathToFileURL(join(process.cwd(), input.script)).href)) as {
      default?: unknown;
    };
    if (typeof mod.default !== 'function')
      throw new Error('The script must `export default` an async function');
    const value: unknown = await (mod.default as (api: unknown) => unknown)({
      page,
      context,
      browser,
      profile: input.profile,
      log,
    });
    let json: string;
    try {
      json = JSON.stringify(value ?? null) ?? 'null';
    } catch (e) {
      throw new Error(`The script returned something JSON cannot hold: ${(e as Error).message}`);
    }
    await finish(
      { deck: 'result', json: json.slice(0, FRAME_RESULT_MAX), length: json.length },
      browser,
      0,
    );
  } catch (e) {
    const message = e instanceof Error ? e.message : lineOf([e]);
    await finish({ deck: 'error', message: message.slice(0, LINE_MAX) }, browser, 1);
  }
}

void main();
