/**
 * Real servers on loopback for the proxy check: an IP-echo service, an HTTP proxy (`proxy`),
 * a SOCKS5 proxy (`socksv5`), a black hole and a closed port. The proxies connect out from
 * EXIT_ADDRESS, so an exit IP of 127.0.0.2 proves the request went through the proxy.
 */
import * as http from 'node:http';
import * as net from 'node:net';
import { createProxy } from 'proxy';
import * as socks from 'socksv5';

export interface Closable {
  close(): Promise<void>;
}

/** Tracks sockets so close() does not wait on tunnels the client left open. */
function track(server: net.Server): () => void {
  const sockets = new Set<net.Socket>();
  server.on('connection', (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return () => sockets.forEach((s) => s.destroy());
}

const listen = (server: net.Server, host = '127.0.0.1') =>
  new Promise<number>((resolve) =>
    server.listen(0, host, () => resolve((server.address() as net.AddressInfo).port)),
  );
const closeServer = (server: net.Server) =>
  new Promise<void>((resolve) => server.close(() => resolve()));

/** 127.0.0.2 where the OS routes all of 127/8 to loopback (Linux), else 127.0.0.1. */
export async function pickExitAddress(): Promise<string> {
  const probe = net.createServer();
  try {
    await new Promise<void>((resolve, reject) => {
      probe.once('error', reject);
      probe.listen(0, '127.0.0.2', () => resolve());
    });
    await closeServer(probe);
    return '127.0.0.2';
  } catch {
    return '127.0.0.1';
  }
}

export interface Echo extends Closable {
  url: string;
  /** Remote address of every request the echo served. */
  seen: string[];
  /** Most requests it held at once. */
  maxInFlight: number;
}

/**
 * Answers the caller's address, as JSON `{"ip": …}`, plain text, or `answer` verbatim.
 * With `holdMs`, answers wait so concurrent callers overlap (the bulk-check bound test).
 */
export async function startEcho(
  options: {
    format?: 'json' | 'text';
    answer?: string;
    holdMs?: number;
    /** More JSON fields beside the ip (`country`, say). */
    fields?: Record<string, unknown>;
  } = {},
): Promise<Echo> {
  let inFlight = 0;
  const echo = { seen: [] as string[], maxInFlight: 0 };
  const server = http.createServer((req, res) => {
    const ip = req.socket.remoteAddress ?? '';
    echo.seen.push(ip);
    inFlight++;
    echo.maxInFlight = Math.max(echo.maxInFlight, inFlight);
    const body =
      options.answer ??
      (options.format === 'text' ? `${ip}\n` : JSON.stringify({ ip, ...options.fields }));
    setTimeout(() => {
      inFlight--;
      res.writeHead(200, { 'content-type': 'text/plain' }).end(body);
    }, options.holdMs ?? 0);
  });
  const kill = track(server);
  const port = await listen(server);
  return Object.assign(echo, {
    url: `http://127.0.0.1:${port}/ip`,
    close: async () => {
      kill();
      await closeServer(server);
    },
  });
}

export interface Proxy extends Closable {
  port: number;
  /** Tunnels the proxy opened to a destination. */
  tunnels: number;
}

export interface Credentials {
  user: string;
  pass: string;
}

export async function startHttpProxy(exit: string, auth?: Credentials): Promise<Proxy> {
  const server = createProxy(http.createServer());
  server.localAddress = exit;
  const state = { tunnels: 0 };
  server.on('connect', () => state.tunnels++);
  if (auth) {
    server.authenticate = (req) => {
      const header = req.headers['proxy-authorization'] ?? '';
      const expected = `Basic ${Buffer.from(`${auth.user}:${auth.pass}`).toString('base64')}`;
      return header === expected;
    };
  }
  const kill = track(server);
  const port = await listen(server);
  return Object.assign(state, {
    port,
    close: async () => {
      kill();
      await closeServer(server);
    },
  });
}

export async function startSocksProxy(exit: string, auth?: Credentials): Promise<Proxy> {
  const state = { tunnels: 0 };
  const open = new Set<net.Socket>();
  // Intercept to connect out from `exit`: socksv5 itself has no local-address option.
  const server = socks.createServer((info, accept) => {
    const client = accept(true);
    if (!client) return;
    state.tunnels++;
    const upstream = net.connect({ host: info.dstAddr, port: info.dstPort, localAddress: exit });
    for (const s of [client, upstream]) {
      open.add(s);
      s.on('close', () => open.delete(s));
      s.on('error', () => [client, upstream].forEach((x) => x.destroy()));
    }
    client.pipe(upstream).pipe(client);
  });
  server.useAuth(
    auth
      ? socks.auth.UserPassword((user, pass, done) =>
          done(user === auth.user && pass === auth.pass),
        )
      : socks.auth.None(),
  );
  const port = await new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(server.address().port)),
  );
  return Object.assign(state, {
    port,
    close: async () => {
      open.forEach((s) => s.destroy());
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}

/** Accepts connections, reads what comes (so it notices when the client leaves), never answers. */
export async function startBlackHole(): Promise<
  { port: number; openConnections(): Promise<number> } & Closable
> {
  const server = net.createServer((socket) => socket.resume());
  const kill = track(server);
  const port = await listen(server);
  return {
    port,
    openConnections: () =>
      new Promise((resolve, reject) =>
        server.getConnections((error, count) => (error ? reject(error) : resolve(count))),
      ),
    close: async () => {
      kill();
      await closeServer(server);
    },
  };
}

/** A port nothing listens on (it was free a moment ago). */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  const port = await listen(server);
  await closeServer(server);
  return port;
}
