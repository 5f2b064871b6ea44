/**
 * ixBrowser answers HTTP 200 with `error.code != 0` on failure. Known codes map to
 * BrowserDeck's closed set; every other code still reaches the user as vendor-error with
 * the vendor's own code and message.
 */
import type { ErrorCode } from '../../../../shared/ipc/result';
import { DeckError } from '../../../../shared/ipc/result';

export const IX_ALREADY_OPEN = 111003;
export const IX_PROCESS_NOT_FOUND = 1009;

const IX_CODES: Record<number, ErrorCode> = {
  1000: 'invalid-input', // missing required parameters
  1001: 'invalid-input', // invalid request
  1002: 'unauthorized', // log in again
  1007: 'invalid-input', // illegal request
  // "Permissions restricted" also appears under load, and 1010 is "operation too fast".
  1008: 'busy',
  1010: 'busy',
  1009: 'not-found', // process not found
  1014: 'conflict', // profile inoperable
  1020: 'conflict', // a profile is currently opening
  2001: 'invalid-input',
  2002: 'not-found', // proxy information does not exist
  2003: 'not-found',
  2004: 'invalid-input',
  2006: 'invalid-input',
  2007: 'not-found', // profile does not exist
  2009: 'invalid-input',
  2010: 'invalid-input',
  101004: 'conflict', // name already exists
  101039: 'not-found', // group does not exist
  101040: 'invalid-input', // note too long
  102009: 'not-found',
  111003: 'conflict', // already open
  112004: 'invalid-input',
  112005: 'not-found',
  112006: 'invalid-input',
};

export function ixError(code: number, message: string, connectionId?: string): DeckError {
  const mapped = IX_CODES[code] ?? 'vendor-error';
  const vendorMessage = message || 'no message';
  return DeckError.of(mapped, `ixBrowser: ${vendorMessage} (code ${code})`, {
    reason: 'vendor.said',
    params: { vendor: 'ixBrowser' },
    details: {
      vendorCode: code,
      vendorMessage,
      ...(connectionId ? { connectionId } : {}),
    },
  });
}
