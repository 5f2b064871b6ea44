/**
 * The devtools:// link a user pastes into a Chromium address bar when BrowserDeck cannot
 * open DevTools itself. Its `ws=` names the socket the DevTools frontend connects to and
 * trusts with the whole browser, and the parts come from a vendor's answer or a browser's
 * target list: a hostile value could point it at another host or add parameters to the
 * frontend's query. So a link is built only from a ws URL that is exactly
 * ws://<loopback host>:<port>/devtools/(page|browser)/<id>, and from nothing else.
 */
export interface DevtoolsSocket {
  /** 127.x.x.x, localhost or [::1], as the URL parser normalised it. */
  host: string;
  port: number;
  target: 'page' | 'browser';
  id: string;
}

const LOOPBACK_HOST = /^(?:127(?:\.\d{1,3}){3}|localhost|\[::1\])$/;
/** Chromium's target ids are hex strings or UUIDs. */
const TARGET_PATH = /^\/devtools\/(page|browser)\/([A-Za-z0-9-]{1,128})$/;

export function parseDevtoolsWsUrl(wsUrl: string): DevtoolsSocket | undefined {
  let url: URL;
  try {
    url = new URL(wsUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'ws:' || url.username || url.password || url.search || url.hash) {
    return undefined;
  }
  const port = Number(url.port);
  if (!LOOPBACK_HOST.test(url.hostname) || !(port >= 1 && port <= 65535)) return undefined;
  const path = TARGET_PATH.exec(url.pathname);
  if (!path) return undefined;
  return { host: url.hostname, port, target: path[1] as 'page' | 'browser', id: path[2]! };
}

/** The link for a ws URL, rebuilt from its checked parts; undefined when it does not pass. */
export function devtoolsFallbackUrl(wsUrl: string): string | undefined {
  const socket = parseDevtoolsWsUrl(wsUrl);
  if (!socket) return undefined;
  const { host, port, target, id } = socket;
  return `devtools://devtools/bundled/inspector.html?ws=${host}:${port}/devtools/${target}/${id}`;
}
