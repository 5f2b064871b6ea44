/** What a caller can ask of the sandbox (public: re-exported by index.ts). */
import type { spawn } from 'node:child_process';
import type { Vendor } from '../../shared/model/vendors';

export interface FaultOptions {
  /** Added to every response. */
  latencyMs?: number;
  /** 0..1: answer busy instead (ixBrowser: HTTP 200 with error.code 1010 or 1008; Cos: code 500). */
  errorRate?: number;
  /** 0..1: destroy the socket without answering. */
  dropRate?: number;
  /** ixBrowser answers 1010 beyond this many requests in flight; default 3; 0 = off. */
  ixConcurrencyLimit?: number;
  /** Vendor ids whose edits fail deterministically (ixBrowser 1011 / Cos 500). */
  failIds?: string[];
}

/**
 * Which browser opened profiles get, and whether Chromium's own sandbox is on. Whenever a
 * real browser may start, the caller must say (chromium-sandbox.ts decides it for a desktop
 * user): there is no default to fall back on, since either default is wrong somewhere.
 */
export type BrowserChoice =
  | {
      /** Simulated mode: no browser is started. */
      chromiumPath: null;
      chromiumSandbox?: boolean;
    }
  | {
      /** undefined = find one (simulated when none is found). */
      chromiumPath?: string;
      /** false adds --no-sandbox (needed as root on Linux). */
      chromiumSandbox: boolean;
    };

export type SandboxOptions = SandboxSetup & BrowserChoice;

export interface SandboxSetup {
  /** Profiles per vendor (default 100); ixProfiles / cosProfiles / … override each. */
  profiles?: number;
  ixProfiles?: number;
  cosProfiles?: number;
  bitProfiles?: number;
  adsProfiles?: number;
  /** Deterministic seeding (default 1). */
  seed?: number;
  /** 0 = any free port (default 0). */
  ixPort?: number;
  cosPort?: number;
  bitPort?: number;
  adsPort?: number;
  /** Default: random. */
  cosToken?: string;
  /** BitBrowser answers 401 to calls without this key; default: none needed (the vendor's default). */
  bitApiKey?: string;
  /** AdsPower's "security verification": calls without this Bearer key are refused. */
  adsApiKey?: string;
  /**
   * Requests per second AdsPower serves (default 1, the vendor's strictest; accounts get 2, 5
   * or 10); more within a second are answered "Too many request per second".
   */
  adsRequestsPerSecond?: number;
  /** Default true. */
  headless?: boolean;
  faults?: FaultOptions;
  /** Load from / save to this JSON file so a demo survives a restart. */
  persistFile?: string;
  log?: (line: string) => void;
  /** Starts the browsers; defaults to node's spawn (tests and the app's core may inject one). */
  spawn?: typeof spawn;
}

export const DEFAULT_IX_CONCURRENCY_LIMIT = 3;

/** The option that sets how many profiles each vendor is seeded with. */
export const PROFILES_OPTION = {
  ixbrowser: 'ixProfiles',
  cos: 'cosProfiles',
  bitbrowser: 'bitProfiles',
  adspower: 'adsProfiles',
} as const satisfies Record<Vendor, keyof SandboxSetup>;
