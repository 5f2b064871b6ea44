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
    // The build's assets are named by their content's hash, so once fetched a page takes them
    // from the browser's cache, as the app reads them from disk: fetched again at each start,
    // 18 modules queued behind Chromium's six connections to one host (HTTP/1.1)
    // and arrived 150-180 ms after they were asked for.
    if (path.startsWith('/assets/')) headers['cache-control'] = 'max-age=31536000, immutable';
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
 * `extra` bodies by path: same origin, so the app's CSP lets the page fetch them. Its
 * hashed assets are cached for good, as files on disk would be.
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
): Promise<{ url: string; close(): Promise<void> }> {
  const worker = new Worker(SERVER, { eval: true, workerData: { root, extra: [...extra.keys()] } });
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
