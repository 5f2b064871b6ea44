/**
 * The vendors BrowserDeck speaks to, and the facts about each that both processes need:
 * the one list of vendor ids (the model's `Vendor` type and schema come from it), and for
 * each its name, engine, default port and how its Local API authenticates. Main adds what
 * only it needs (capabilities, provider, detection) in electron/main/providers/vendor-table.ts.
 * Adding a vendor starts with one entry here; the compiler then asks for the rest.
 */
export const VENDOR_IDS = ['ixbrowser', 'cos'] as const;
export type Vendor = (typeof VENDOR_IDS)[number];

export interface VendorInfo {
  /** As the vendor writes its own name. */
  label: string;
  /** The browser its profiles run: Chrome DevTools attach only to Chromium. */
  engine: 'chromium' | 'firefox';
  /** Where its client's Local API listens out of the box (its settings can change it). */
  defaultPort: number;
  /** `token`: the user pastes one from the client's settings (sent on every call). */
  auth: 'none' | 'token';
  /** A path users paste with the address that the base URL leaves out (ixBrowser's /api/v2). */
  apiPath?: RegExp;
  /** Starts every connection id of this vendor ("ix-3fa2c1"). */
  idPrefix: string;
  /** Requests in flight at once its client tolerates; settings may lower or raise it. */
  concurrency: number;
}

export const VENDORS: Record<Vendor, VendorInfo> = {
  ixbrowser: {
    label: 'ixBrowser',
    engine: 'chromium',
    defaultPort: 53200,
    auth: 'none',
    apiPath: /\/api\/v2$/i,
    idPrefix: 'ix',
    // It answers "too fast" beyond about three requests at once.
    concurrency: 3,
  },
  cos: {
    label: 'CosLogin',
    engine: 'firefox',
    defaultPort: 54345,
    auth: 'token',
    idPrefix: 'cos',
    concurrency: 6,
  },
};

export const defaultBaseUrl = (vendor: Vendor): string =>
  `http://127.0.0.1:${VENDORS[vendor].defaultPort}`;

export const takesToken = (vendor: Vendor): boolean => VENDORS[vendor].auth === 'token';
