/**
 * Opens the DevTools URL that main would open, as main's DevTools window loads it: main
 * strips the Origin header from that window's DevTools socket (restrictSessionToOrigin),
 * because Chromium 111 and later answer 403 to a debugging socket whose Origin is not in
 * `--remote-allow-origins`. A page of the harness's browser cannot drop a header of its
 * own socket, so this puts a loopback relay in front of the debugged browser that does the
 * same and nothing else: the page loads the browser's own frontend through it, and the
 * frontend's socket reaches the same target without an Origin.
 */
import { createServer, request, type IncomingMessage } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import type { BrowserContext, Page } from '@playwright/test';

export interface DevtoolsWindow {
  page: Page;
  close(): Promise<void>;
}

/** The raw request head, as the client sent it, minus its Origin header. */
function headWithoutOrigin(req: IncomingMessage): string {
  const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
  for (let i = 0; i < req.rawHeaders.length; i += 2)
    if (req.rawHeaders[i]!.toLowerCase() !== 'origin')
      lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
  return `${lines.join('\r\n')}\r\n\r\n`;
}

export async function openDevtoolsWindow(
  context: BrowserContext,
  url: string,
): Promise<DevtoolsWindow> {
  const target = new URL(url);
  const port = Number(target.port);
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const upstream = request(
      { host: '127.0.0.1', port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  server.on('upgrade', (req: IncomingMessage, client: Socket, head: Buffer) => {
    const upstream = connect(port, '127.0.0.1', () => {
      upstream.write(headWithoutOrigin(req));
      if (head.length) upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const relay = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The same frontend and target, through the relay: only the host:port changes.
  const ws = target.searchParams.get('ws')!.replace(`127.0.0.1:${port}`, relay);
  const page = await context.newPage();
  await page.goto(`http://${relay}${target.pathname}?ws=${ws}`);
  return {
    page,
    async close() {
      await page.close();
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
