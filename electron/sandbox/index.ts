/**
 * BrowserDeck's built-in vendor sandbox: ixBrowser's, CosLogin's, BitBrowser's and
 * AdsPower's Local APIs emulated on loopback, with real Chromium behind opened profiles. It is the demo mode for users
 * without a vendor client and the backend of every test.
 *
 *   const sb = await startSandbox({ profiles: 200, chromiumPath: null }); // simulated
 *   // a real browser: startSandbox({ profiles: 200, chromiumSandbox: decideChromiumSandbox().chromiumSandbox })
 *   // ixBrowser clients call `${sb.ix.url}/api/v2/<action>`; CosLogin `${sb.cos.url}/<path>`
 *   // with header X-Cos-Local-Token: sb.cos.token; BitBrowser `${sb.bit.url}/<path>`;
 *   // AdsPower `${sb.ads.url}/api/v2/...` at sb.ads.requestsPerSecond
 *   await sb.stop();
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAdsRouter } from './ads-api';
import { AdsStore, seedAdsState, type AdsProfileRecord } from './ads-state';
import { createBitRouter } from './bit-api';
import { BitStore, seedBitState, type BitProfileRecord } from './bit-state';
import { createBrowserPool } from './browsers';
import { createCosRouter } from './cos-api';
import { CosStore, seedCosState, type CosProfileRecord } from './cos-state';
import { createFaults } from './faults';
import { findChromium, webdriverPathFor } from './find-chromium';
import { createIxRouter } from './ix-api';
import { IxStore, seedIxState, type IxProfileRecord } from './ix-state';
import { startJsonServer, type JsonServer } from './json-server';
import type { FaultOptions, SandboxOptions } from './options';
import { createSaver, loadState, saveState, type PersistedState } from './persist';
import { createRandom } from './random';
import type { Vendor } from '../../shared/model/vendors';

export type { BrowserChoice, FaultOptions, SandboxOptions, SandboxSetup } from './options';
export { PROFILES_OPTION } from './options';
export { decideChromiumSandbox, type ChromiumSandboxDecision } from './chromium-sandbox';
export type { IxProfileRecord, IxGroup, IxTag } from './ix-state';
export type { CosProfileRecord, CosGroup, CosTag } from './cos-state';
export type { BitProfileRecord, BitGroup, BitTag } from './bit-state';
export type { AdsProfileRecord, AdsGroup, AdsTag } from './ads-state';
export { findChromium } from './find-chromium';

export interface SandboxVendorHandle<P> {
  /** e.g. http://127.0.0.1:53200 */
  url: string;
  /** The raw vendor-shaped records, live; the recycle bin excluded. */
  profiles(): P[];
  /** HTTP requests answered so far (dropped ones are not answered). */
  requestCount(): number;
  /** The same, by path (`/api/v2/profile-list`, `/browser/proxy/update`). */
  requestCountByPath(): Record<string, number>;
  resetRequestCount(): void;
  /** Highest number of requests in flight at once so far. */
  maxConcurrentSeen(): number;
}

/** Where a client of one emulated vendor connects, and with what token (if it takes one). */
export interface SandboxEndpoint {
  url: string;
  token?: string;
  /** The rate a vendor that limits requests serves (a connection to it is set to this). */
  requestsPerSecond?: number;
}

export interface Sandbox {
  /** Every emulated vendor: a vendor added to the vendor list does not compile until it has one. */
  endpoints: Record<Vendor, SandboxEndpoint>;
  ix: SandboxVendorHandle<IxProfileRecord>;
  cos: SandboxVendorHandle<CosProfileRecord> & { token: string };
  /** `apiKey` when the sandbox was started with one (`bitApiKey`). */
  bit: SandboxVendorHandle<BitProfileRecord> & { apiKey?: string };
  ads: SandboxVendorHandle<AdsProfileRecord> & {
    apiKey?: string;
    requestsPerSecond: number;
    /** Requests answered "too many" (over the rate) so far. */
    overRateCount(): number;
    /** Arrival time (epoch ms) of every request so far, over the rate or not. */
    arrivals(): number[];
  };
  /** True when no Chromium: state is reported without a browser. */
  simulated: boolean;
  browserPath?: string;
  setFaults(faults: FaultOptions): void;
  runningBrowserPids(): number[];
  /** Closes the servers, kills and reaps every browser it started, saves persistFile. */
  stop(): Promise<void>;
}

const DEFAULT_PROFILES = 100;

export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const log = options.log ?? (() => undefined);
  const seed = options.seed ?? 1;
  const random = createRandom(seed);

  const loaded = options.persistFile ? loadState(options.persistFile) : undefined;
  const state: PersistedState = loaded ?? {
    version: 1,
    seed,
    ix: seedIxState(options.ixProfiles ?? options.profiles ?? DEFAULT_PROFILES, random),
    cos: seedCosState(options.cosProfiles ?? options.profiles ?? DEFAULT_PROFILES, random),
    bit: seedBitState(options.bitProfiles ?? options.profiles ?? DEFAULT_PROFILES, random),
    ads: seedAdsState(options.adsProfiles ?? options.profiles ?? DEFAULT_PROFILES, random),
  };
  // A state file from before BitBrowser was emulated: its windows are seeded now.
  state.bit ??= seedBitState(options.bitProfiles ?? options.profiles ?? DEFAULT_PROFILES, random);
  state.ads ??= seedAdsState(options.adsProfiles ?? options.profiles ?? DEFAULT_PROFILES, random);
  if (loaded) log(`sandbox: state loaded from ${options.persistFile}`);
  const ixStore = new IxStore(state.ix);
  const cosStore = new CosStore(state.cos);
  const bitStore = new BitStore(state.bit);
  const adsStore = new AdsStore(state.ads);
  const adsRate = options.adsRequestsPerSecond ?? 1;

  const persistFile = options.persistFile;
  const saver = createSaver(() => {
    if (!persistFile) return;
    try {
      saveState(persistFile, state);
    } catch (error) {
      log(`sandbox: could not save ${persistFile}: ${String(error)}`);
    }
  });
  const changed = persistFile ? saver.changed : () => undefined;

  if (options.chromiumPath && !existsSync(options.chromiumPath)) {
    throw new Error(`No browser at ${options.chromiumPath}`);
  }
  const browserPath =
    options.chromiumPath === null ? null : (options.chromiumPath ?? findChromium() ?? null);
  if (browserPath !== null && typeof options.chromiumSandbox !== 'boolean') {
    throw new Error(
      "chromiumSandbox must be true or false: say whether Chromium's own sandbox is on (see chromium-sandbox.ts)",
    );
  }
  if (browserPath !== null && !options.chromiumSandbox) {
    log("sandbox: browsers start without Chromium's own sandbox (chromiumSandbox: false)");
  }
  const workDir = mkdtempSync(join(tmpdir(), 'browserdeck-sandbox-'));
  const pool = createBrowserPool({
    browserPath,
    headless: options.headless ?? true,
    chromiumSandbox: options.chromiumSandbox === true,
    baseDir: join(workDir, 'profiles'),
    log,
    spawn: options.spawn,
  });
  const faults = createFaults(options.faults, seed);

  const servers: JsonServer[] = [];
  const stopAll = async () => {
    await Promise.all(servers.map((s) => s.close()));
    await pool.stopAll();
    rmSync(workDir, { recursive: true, force: true });
  };
  try {
    servers.push(
      await startJsonServer({
        name: 'ixBrowser',
        port: options.ixPort ?? 0,
        limitsConcurrency: true,
        faults,
        log,
        router: createIxRouter({
          store: ixStore,
          pool,
          faults,
          random,
          webdriverPath: webdriverPathFor(browserPath ?? undefined),
          log,
          changed,
        }),
      }),
    );
    const token = options.cosToken ?? randomBytes(16).toString('hex');
    servers.push(
      await startJsonServer({
        name: 'CosLogin',
        port: options.cosPort ?? 0,
        limitsConcurrency: false,
        faults,
        log,
        router: createCosRouter({
          store: cosStore,
          pool,
          faults,
          random,
          token,
          workDir,
          log,
          changed,
        }),
      }),
    );
    servers.push(
      await startJsonServer({
        name: 'BitBrowser',
        port: options.bitPort ?? 0,
        limitsConcurrency: false,
        faults,
        log,
        router: createBitRouter({
          store: bitStore,
          pool,
          faults,
          random,
          apiKey: options.bitApiKey,
          webdriverPath: webdriverPathFor(browserPath ?? undefined),
          log,
          changed,
        }),
      }),
    );
    const adsRouter = createAdsRouter({
      store: adsStore,
      pool,
      faults,
      random,
      perSecond: adsRate,
      apiKey: options.adsApiKey,
      webdriverPath: webdriverPathFor(browserPath ?? undefined),
      log,
      changed,
    });
    servers.push(
      await startJsonServer({
        name: 'AdsPower',
        port: options.adsPort ?? 0,
        limitsConcurrency: false,
        faults,
        log,
        router: adsRouter,
      }),
    );
    const [ix, cos, bit, ads] = servers as [JsonServer, JsonServer, JsonServer, JsonServer];

    const handle = <P>(server: JsonServer, profiles: () => P[]): SandboxVendorHandle<P> => ({
      url: server.url,
      profiles,
      requestCount: server.requestCount,
      requestCountByPath: server.requestCountByPath,
      resetRequestCount: server.resetRequestCount,
      maxConcurrentSeen: server.maxConcurrentSeen,
    });

    let stopped: Promise<void> | undefined;
    return {
      endpoints: {
        ixbrowser: { url: ix.url },
        cos: { url: cos.url, token },
        bitbrowser: { url: bit.url, ...(options.bitApiKey ? { token: options.bitApiKey } : {}) },
        adspower: {
          url: ads.url,
          requestsPerSecond: adsRate,
          ...(options.adsApiKey ? { token: options.adsApiKey } : {}),
        },
      },
      ix: handle(ix, () => state.ix.profiles.slice()),
      cos: { ...handle(cos, () => state.cos.windows.slice()), token },
      bit: {
        ...handle(bit, () => bitStore.data.windows.slice()),
        ...(options.bitApiKey ? { apiKey: options.bitApiKey } : {}),
      },
      ads: {
        ...handle(ads, () => adsStore.data.profiles.slice()),
        ...(options.adsApiKey ? { apiKey: options.adsApiKey } : {}),
        requestsPerSecond: adsRate,
        overRateCount: adsRouter.limit.overRate,
        arrivals: adsRouter.limit.arrivals,
      },
      simulated: pool.simulated,
      browserPath: pool.browserPath,
      setFaults: (f) => faults.set(f),
      runningBrowserPids: () => pool.runningPids(),
      stop() {
        stopped ??= (async () => {
          await stopAll();
          if (persistFile) saver.flush();
          log('sandbox: stopped');
        })();
        return stopped;
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
