/**
 * The vendors BrowserDeck speaks to, and the facts about each that both processes need:
 * the one list of vendor ids (the model's `Vendor` type and schema come from it), and for
 * each its name, engine, default port and how its Local API authenticates. Main adds what
 * only it needs (capabilities, provider, detection) in electron/main/providers/vendor-table.ts.
 * Adding a vendor starts with one entry here; the compiler then asks for the rest.
 */
export const VENDOR_IDS = ['ixbrowser', 'cos', 'bitbrowser', 'adspower'] as const;
export type Vendor = (typeof VENDOR_IDS)[number];

export interface VendorInfo {
  /** As the vendor writes its own name. */
  label: string;
  /** The browser its profiles run: Chrome DevTools attach only to Chromium. */
  engine: 'chromium' | 'firefox';
  /** Where its client's Local API listens out of the box (its settings can change it). */
  defaultPort: number;
  /**
   * `token`: the user pastes one from the client's settings (sent on every call);
   * `optional-token`: an API key the client asks for only when the user turned that on.
   */
  auth: 'none' | 'token' | 'optional-token';
  /** Where the user finds the token, said in the connection form (vendors that take one). */
  tokenSource?: string;
  /** A path users paste with the address that the base URL leaves out (ixBrowser's /api/v2). */
  apiPath?: RegExp;
  /** Starts every connection id of this vendor ("ix-3fa2c1"). */
  idPrefix: string;
  /** Requests in flight at once its client tolerates; settings may lower or raise it. */
  concurrency: number;
  /**
   * A vendor that limits requests per second: the rates a connection may be set to (what the
   * vendor grants depends on the account) and the default, the strictest.
   */
  rateLimit?: { choices: readonly number[]; default: number };
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
    tokenSource: "From CosLogin's settings (Local API).",
    idPrefix: 'cos',
    concurrency: 6,
  },
  bitbrowser: {
    label: 'BitBrowser',
    engine: 'chromium',
    // CosLogin's default too: detection tells them apart by their answers.
    defaultPort: 54345,
    auth: 'optional-token',
    tokenSource: "Only if BitBrowser's Local API asks for an API key: from its settings.",
    idPrefix: 'bit',
    // A local Electron service like CosLogin's; no documented concurrency limit.
    concurrency: 6,
  },
  adspower: {
    label: 'AdsPower',
    engine: 'chromium',
    defaultPort: 50325,
    auth: 'optional-token',
    tokenSource:
      "Only if AdsPower's security verification is on: the API key from its Local API settings.",
    idPrefix: 'ads',
    // The rate limit, not this, paces it: a few in flight let a slow call not hold up the rest.
    concurrency: 3,
    // The Chinese overview: 1 request/s on every endpoint; the English one (client 2.8.2.1+):
    // 2, 5 or 10 by account size. The strictest is the default.
    rateLimit: { choices: [1, 2, 5, 10], default: 1 },
  },
};

/** Each vendor's name as it writes it, by id. */
export const VENDOR_LABEL = Object.fromEntries(
  VENDOR_IDS.map((v) => [v, VENDORS[v].label]),
) as Record<Vendor, string>;

export const defaultBaseUrl = (vendor: Vendor): string =>
  `http://127.0.0.1:${VENDORS[vendor].defaultPort}`;

/** Whether a connection of this vendor has a token field (required or not). */
export const takesToken = (vendor: Vendor): boolean => VENDORS[vendor].auth !== 'none';
