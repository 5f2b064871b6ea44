/**
 * Who may talk to the sandbox. It listens on the user's own machine, so every web page the
 * user opens in any browser can send it requests: a `text/plain` POST is a "simple request"
 * that needs no CORS preflight, and a page whose own name is rebound to 127.0.0.1 (DNS
 * rebinding) even reads the answers. Vendor clients (BrowserDeck's among them) send JSON
 * from a program, name the loopback address they connect to and carry no Origin, so the
 * sandbox takes exactly that and refuses the rest before any vendor logic runs.
 */
import type { IncomingHttpHeaders } from 'node:http';

export interface Refusal {
  /** 421 Misdirected Request: a Host that is not this server (DNS rebinding). */
  status: 403 | 415 | 421;
  message: string;
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** Why a request must not reach the emulated vendor; null when it may. */
export function refuseForeignRequest(headers: IncomingHttpHeaders, port: number): Refusal | null {
  const own = LOOPBACK_NAMES.map((name) => `${name}:${port}`);
  const host = headers.host?.toLowerCase();
  if (!host || !own.includes(host)) {
    return {
      status: 421,
      message: `Host ${headers.host ?? '(none)'} is not this server; use http://127.0.0.1:${port}`,
    };
  }
  // Browsers send Origin with every POST; programs send none. Only a page served by this
  // server itself (there is none) would be the emulator's own origin.
  const origin = headers.origin;
  if (origin !== undefined && !own.some((o) => origin.toLowerCase() === `http://${o}`)) {
    return { status: 403, message: `Requests from web pages (Origin ${origin}) are refused` };
  }
  // Only application/json makes a browser ask first (CORS preflight), which is never granted.
  if (!/^application\/json\s*(?:;|$)/i.test(headers['content-type'] ?? '')) {
    return {
      status: 415,
      message: `Content-Type must be application/json, not ${headers['content-type'] ?? '(none)'}`,
    };
  }
  return null;
}
