/**
 * Where Playwright connects for a session: the browser's own DevTools endpoint as the vendor
 * reports it, only on loopback (devtools.ts checks the address), never a browser of our own.
 */
import { DeckError } from '../../../../shared/ipc/result';
import type { Session } from '../../../../shared/model';
import { sessionAddress } from '../devtools';

export const CHROMIUM_NEEDED =
  'Automation needs a Chromium profile; this one runs Firefox, which DevTools automation cannot drive';

export function cdpEndpoint(session: Session): string {
  if (session.engine === 'firefox')
    throw DeckError.of('unsupported', CHROMIUM_NEEDED, { reason: 'automation.firefox' });
  const address = sessionAddress(session);
  // The ws URL names the browser target directly (one request fewer than /json/version).
  return session.wsUrl && new URL(session.wsUrl).host === address
    ? session.wsUrl
    : `http://${address}`;
}
