/**
 * One-click DevTools for a Chromium session: Chromium serves its own DevTools frontend at
 * /devtools/inspector.html, so main opens a window on that page of the debugged browser
 * (`devtoolsFrontendUrl` in /json/list points at a remote host, so the URL is built here).
 */
import { request as httpRequest } from 'node:http';
import { z } from 'zod';
import type { Session } from '../../../shared/model';
import { devtoolsFallbackUrl } from '../../../shared/devtools/devtools-link';
import type { DevtoolsTarget } from '../../../shared/ipc/contract';
import { DeckError } from '../../../shared/ipc/result';
import type { HandlerGroup } from '../ipc/handle';

const TargetListSchema = z.array(
  z.looseObject({
    id: z.string(),
    type: z.string(),
    title: z.string().default(''),
    url: z.string().default(''),
  }),
);

export interface DevtoolsDeps {
  /** The live session of a profile (throws DeckError not-found when it is not open). */
  sessionFor(profileKey: string): Promise<Session>;
  /** Opens a window on `url`, allowed to load only `origin`. */
  openWindow(url: string, origin: string): Promise<void> | void;
  timeoutMs?: number;
}

/** Only loopback debug addresses: main must not be steered to fetch arbitrary hosts. */
export function parseDebugAddress(address: string | undefined): string {
  if (!address)
    throw DeckError.of('unsupported', 'The vendor reports no debugging address for this session', {
      reason: 'devtools.no-address',
    });
  const m = /^(127(?:\.\d{1,3}){3}|localhost|\[::1\]):(\d{1,5})$/.exec(address.trim());
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 65535) {
    throw DeckError.of('unsupported', `Debugging address ${address} is not a loopback host:port`, {
      reason: 'devtools.not-loopback',
      params: { address },
    });
  }
  return `${m[1]}:${m[2]}`;
}

/**
 * The one host:port main talks to for a session: the browser's own DevTools endpoint, as its
 * ws URL names it. A vendor answer whose debugging address names another port is refused
 * rather than followed (main must not be steered to other local services).
 */
export function sessionAddress(session: Pick<Session, 'debugAddress' | 'wsUrl'>): string {
  if (!session.wsUrl) return parseDebugAddress(session.debugAddress);
  let ws: URL;
  try {
    ws = new URL(session.wsUrl);
  } catch {
    throw DeckError.of('unsupported', `The session's ws URL ${session.wsUrl} is not a URL`, {
      reason: 'devtools.ws-not-url',
      params: { url: session.wsUrl },
    });
  }
  if (ws.protocol !== 'ws:' || !/^\/devtools\/(browser|page)\//.test(ws.pathname))
    throw DeckError.of('unsupported', `${session.wsUrl} is not a DevTools ws URL`, {
      reason: 'devtools.ws-not-devtools',
      params: { url: session.wsUrl },
    });
  const address = parseDebugAddress(ws.host);
  const portOf = (hostPort: string) => hostPort.slice(hostPort.lastIndexOf(':') + 1);
  if (session.debugAddress && portOf(parseDebugAddress(session.debugAddress)) !== portOf(address))
    throw DeckError.of(
      'vendor-error',
      `The vendor reports debugging address ${session.debugAddress} but ws URL ${session.wsUrl}; BrowserDeck uses neither`,
      {
        reason: 'devtools.address-mismatch',
        params: { address: session.debugAddress, url: session.wsUrl },
      },
    );
  return address;
}

export const inspectorUrl = (address: string, targetId: string): string =>
  `http://${address}/devtools/inspector.html?ws=${address}/devtools/page/${encodeURIComponent(targetId)}`;
/** What to paste into a Chromium's address bar when the served frontend is unavailable. */
export const bundledDevtoolsUrl = (address: string, targetId: string): string | undefined =>
  devtoolsFallbackUrl(`ws://${address}/devtools/page/${targetId}`);

/** Page targets worth inspecting: no DevTools pages, no workers or extensions. */
export function pageTargets(list: z.infer<typeof TargetListSchema>): DevtoolsTarget[] {
  return list
    .filter((t) => t.type === 'page' && !t.url.startsWith('devtools://'))
    .map(({ id, title, url, type }) => ({ id, title, url, type }));
}

/**
 * A GET with one deadline for the whole exchange: a port that drips a byte now and then
 * (each within the socket's idle timeout) must not keep a caller waiting without end.
 */
function get(url: string, timeoutMs: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'GET', timeout: timeoutMs }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        body += c;
        if (body.length > 5_000_000) req.destroy(new Error('response too large'));
      });
      res.on('end', () => {
        clearTimeout(deadline);
        resolve({ status: res.statusCode ?? 0, body });
      });
      res.on('error', reject);
    });
    const timedOut = () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' }));
    const deadline = setTimeout(timedOut, timeoutMs);
    req.on('timeout', timedOut);
    req.on('error', (e) => {
      clearTimeout(deadline);
      reject(e);
    });
    req.end();
  });
}

/** Asks for a WebSocket upgrade on the target: proves the browser accepts a DevTools socket. */
function canUpgrade(address: string, targetId: string, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = httpRequest(`http://${address}/devtools/page/${encodeURIComponent(targetId)}`, {
      timeout: timeoutMs,
      headers: {
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Key': Buffer.from(String(Math.random()).slice(2, 18)).toString('base64'),
      },
    });
    req.on('upgrade', (_res, socket) => {
      socket.destroy();
      resolve(true);
    });
    req.on('response', (res) => {
      res.resume();
      resolve(false);
    });
    // One deadline for the whole handshake, as for get().
    const deadline = setTimeout(() => req.destroy(), timeoutMs);
    req.on('close', () => clearTimeout(deadline));
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end();
  });
}

export function createDevtools(deps: DevtoolsDeps) {
  const timeoutMs = deps.timeoutMs ?? 5000;

  async function chromiumAddress(profileKey: string): Promise<string> {
    const session = await deps.sessionFor(profileKey);
    if (session.engine === 'firefox') {
      throw DeckError.of(
        'unsupported',
        'This profile runs Firefox: Chrome DevTools cannot attach. Use its debug port and pid.',
        { reason: 'devtools.firefox' },
      );
    }
    return sessionAddress(session);
  }

  async function listTargets(address: string) {
    let res: { status: number; body: string };
    try {
      res = await get(`http://${address}/json/list`, timeoutMs);
    } catch (e) {
      const timedOut = (e as { code?: string }).code === 'ETIMEDOUT';
      throw DeckError.of(
        timedOut ? 'timeout' : 'unreachable',
        `The browser's debugging port ${address} does not answer`,
        { reason: 'devtools.no-answer', params: { address } },
      );
    }
    if (res.status !== 200)
      throw DeckError.of(
        'vendor-error',
        `The browser at ${address} answered HTTP ${res.status} for /json/list`,
        { reason: 'devtools.list-status', params: { address, status: res.status } },
      );
    let json: unknown;
    try {
      json = JSON.parse(res.body);
    } catch {
      throw DeckError.of(
        'vendor-error',
        `The browser at ${address} sent a target list that is not JSON`,
        { reason: 'devtools.list-not-json', params: { address } },
      );
    }
    const parsed = TargetListSchema.safeParse(json);
    if (!parsed.success)
      throw DeckError.of(
        'vendor-error',
        `The browser at ${address} sent an unexpected target list`,
        { reason: 'devtools.list-unexpected', params: { address } },
      );
    return pageTargets(parsed.data);
  }

  return {
    async targets(profileKey: string): Promise<{ address: string; targets: DevtoolsTarget[] }> {
      const address = await chromiumAddress(profileKey);
      return { address, targets: await listTargets(address) };
    },

    async open(
      profileKey: string,
      targetId: string,
    ): Promise<{ url: string; devtoolsUrl?: string }> {
      const address = await chromiumAddress(profileKey);
      const targets = await listTargets(address);
      if (!targets.some((t) => t.id === targetId)) {
        throw DeckError.of('not-found', 'That page is gone: refresh the list of pages', {
          reason: 'devtools.page-gone',
        });
      }
      const url = inspectorUrl(address, targetId);
      const devtoolsUrl = bundledDevtoolsUrl(address, targetId);
      const frontend = await get(`http://${address}/devtools/inspector.html`, timeoutMs).catch(
        () => undefined,
      );
      if (!frontend || frontend.status !== 200) {
        throw DeckError.of(
          'unsupported',
          `This browser does not serve a DevTools frontend.${devtoolsUrl ? ` Paste ${devtoolsUrl} into a Chromium address bar instead.` : ''}`,
          {
            reason: 'devtools.no-frontend',
            params: { url: devtoolsUrl, context: devtoolsUrl ? 'url' : undefined },
          },
        );
      }
      if (!(await canUpgrade(address, targetId, timeoutMs))) {
        throw DeckError.of(
          'forbidden',
          `The browser refused a DevTools connection (it may allow only one client, or --remote-allow-origins blocks it).${devtoolsUrl ? ` Try ${devtoolsUrl}.` : ''}`,
          {
            reason: 'devtools.refused',
            params: { url: devtoolsUrl, context: devtoolsUrl ? 'url' : undefined },
          },
        );
      }
      await deps.openWindow(url, `http://${address}`);
      return { url, devtoolsUrl };
    },
  };
}
export type Devtools = ReturnType<typeof createDevtools>;

/** The `devtools:*` channels. */
export const devtoolsHandlers = (
  devtools: Devtools,
): HandlerGroup<'devtools:targets' | 'devtools:open'> => ({
  'devtools:targets': ({ profileKey }) => devtools.targets(profileKey),
  'devtools:open': ({ profileKey, targetId }) => devtools.open(profileKey, targetId),
});
