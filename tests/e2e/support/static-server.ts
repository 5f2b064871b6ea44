import { Worker } from 'node:worker_threads';

/** A body, or one made when asked (a benchmark holds an answer back until it has it). */
export type ExtraBody = Buffer | (() => Promise<Buffer>);

/**
 * The server, as source for a worker thread: plain JavaScript, so it runs the same from the
 * TypeScript sources (tsx) and from the benchmarks' bundle. `extra` paths are asked of the
 * parent thread by message.
 */
const SERVER = `
const { parentPort, workerData } = require('node:worker_threads');
const { createServer } = require('node:http');
const { readFile } = require('node:fs/promises');
const { extname, join, normalize } = require('node:path');
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};
const extra = new Set(workerData.extra);
const asked = new Map();
let nextId = 0;
parentPort.on('message', ({ id, body }) => {
  asked.get(id)?.(body);
  asked.delete(id);
});
const ask = (path) =>
  new Promise((resolve) => {
    const id = nextId++;
    asked.set(id, resolve);
    parentPort.postMessage({ id, path });
  });
const server = createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url || '/', 'http://x').pathname))
    .replace(/^(\\.\\.[/\\\\])+/, '');
  const file = join(workerData.root, path === '/' ? 'index.html' : path);
  try {
    const body = extra.has(path) ? Buffer.from(await ask(path)) : await readFile(file);
    const headers = { 'content-type': TYPES[extname(file)] || 'application/octet-stream' };
    if (workerData.cacheAssets && path.startsWith('/assets/'))
      headers['cache-control'] = 'max-age=31536000, immutable';
    res.writeHead(200, headers);
    res.end(body);
  } catch {
    res.writeHead(404).end('not found');
  }
});
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ port: server.address().port }));
`;

/**
 * Serves the built renderer on loopback (module scripts do not load from file://), and
 * `extra` bodies by path: same origin, so the app's CSP lets the page fetch them.
 *
 * `cacheAssets`: the build's assets (named by their content's hash) are cached for good, so
 * a page loaded again takes them from the browser's cache, as the app reads them from disk.
 * For the start benchmark: fetched again at each restart, its 18 module files queued behind
 * Chromium's six HTTP/1.1 connections to one host and arrived 150-180 ms after they were
 * asked for. Off elsewhere: with it, the table benchmark's keystrokes and scrolling measured
 * slower (filter400k p95 51.8-67.5 ms against 48.2-53.3 without, in alternating runs), for a
 * reason not yet found, and those figures stay comparable with their history.
 *
 * In a worker thread, as Electron serves the app's files off main's JavaScript thread: the
 * core under test shares this process, and while it parses a 10,000-row snapshot the page's
 * scripts would otherwise wait for it (start.lastknown10k.ms measured that wait). Served
 * here rather than through Playwright's `page.route` for the same reason: a route sends
 * every request of the page through the test process.
 */
export async function serveDirectory(
  root: string,
  extra: ReadonlyMap<string, ExtraBody> = new Map(),
  { cacheAssets = false }: { cacheAssets?: boolean } = {},
): Promise<{ url: string; close(): Promise<void> }> {
  const worker = new Worker(SERVER, {
    eval: true,
    workerData: { root, extra: [...extra.keys()], cacheAssets },
  });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (m: { port: number }) => resolve(m.port));
  });
  worker.on('message', async ({ id, path }: { id: number; path: string }) => {
    const made = extra.get(path)!;
    const body = typeof made === 'function' ? await made() : made;
    worker.postMessage({ id, body });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await worker.terminate();
    },
  };
}
