/**
 * Connections: every vendor client BrowserDeck talks to (several ixBrowser installs and
 * CosLogin clients at once), their tokens (in the token vault, never in connections.json),
 * their health, and one VendorProvider each. Other services reach a vendor only through
 * `providerFor(connectionId)`, so every request of a connection shares its concurrency limit.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { ResponseOf } from '../../../shared/ipc/contract';
import { DeckError } from '../../../shared/ipc/result';
import { type Connection, type ConnectionHealth, type Vendor } from '../../../shared/model';
import type { EventBus } from '../events';
import type { HandlerGroup } from '../ipc/handle';
import type { Logger } from '../log';
import { VENDOR_SPECS, specOf, type VendorTable } from '../providers';
import type { RetryPolicy } from '../providers/common/call-gate';
import type { VendorProvider } from '../providers/provider';
import type { ProviderTuning } from '../providers/common/provider-options';
import type { UnreadableFiles } from '../fs/unreadable-file';
import type { SecretCipher } from '../secrets/secret-store';
import { createTokenVault } from '../secrets/token-vault';
import { defaultDetectPorts, detectClients, probeVendor } from './connections-detect';
import { createConnectionsStore, type StoredConnection } from './connections-store';
import { checkBaseUrl } from '../../../shared/model/base-url';

/**
 * Request defaults for every provider (tests shorten the backoff). Timeouts and concurrency
 * are settings: see `tuning`.
 */
export interface ProviderDefaults {
  pageSize?: number;
  retry?: RetryPolicy;
  maxResponseBytes?: number;
  /**
   * Tests only: a rate-limited vendor's request rate, over the connection's setting (a real
   * connection takes only what its vendor offers; tests want a short interval).
   */
  requestsPerSecond?: number;
}

export interface ConnectionsDeps {
  dataDir: string;
  cipher: SecretCipher;
  log: Logger;
  events: Pick<EventBus, 'emit'>;
  clock?: () => number;
  /** Ports probed for vendor clients at start and by connections:detect. */
  detectPorts?: Partial<Record<Vendor, number[]>>;
  providerDefaults?: ProviderDefaults;
  /** Which vendors exist and how to reach each; the app's own table unless a test adds one. */
  vendors?: VendorTable;
  /** Where connections.json and secrets.bin go when they cannot be read. */
  unreadable: UnreadableFiles;
  /** The settings' limits for a vendor's requests, read on every request. */
  tuning?: (vendor: Vendor) => ProviderTuning;
  /** "Check proxy before opening" of a connection added without saying (a setting). */
  checkProxyBeforeOpen?: () => boolean;
}

export interface AddConnectionInput {
  vendor: Vendor;
  baseUrl: string;
  label?: string;
  token?: string;
  /** Made by the built-in sandbox: kept in memory only. */
  demo?: boolean;
  checkProxyBeforeOpen?: boolean;
  requestsPerSecond?: number;
}

export interface UpdateConnectionInput {
  id: string;
  label?: string;
  baseUrl?: string;
  /** A new token, or null to clear it; omitted: unchanged. */
  token?: string | null;
  checkProxyBeforeOpen?: boolean;
  requestsPerSecond?: number;
}

export type DetectResult = ResponseOf<'connections:detect'>[number];

type ConnectionChannel =
  | 'connections:list'
  | 'connections:add'
  | 'connections:update'
  | 'connections:remove'
  | 'connections:test'
  | 'connections:detect';

export interface ConnectionsService {
  /** Saved connections and tokens read (or their files set aside); detection may still run. */
  loaded: Promise<void>;
  /** Saved connections loaded and start-up detection done. */
  ready: Promise<void>;
  list(): Promise<Connection[]>;
  get(id: string): Promise<Connection>;
  /** Ids of every connection, in the order they were added. */
  ids(): Promise<string[]>;
  add(input: AddConnectionInput): Promise<Connection>;
  update(input: UpdateConnectionInput): Promise<Connection>;
  remove(id: string): Promise<boolean>;
  test(id: string): Promise<ConnectionHealth>;
  detect(): Promise<DetectResult[]>;
  /** The connection's provider; throws DeckError 'not-found' for an unknown connection. */
  providerFor(connectionId: string): VendorProvider;
  /** Services that talked to a connection report how it went (profiles:list does). */
  reportHealth(
    connectionId: string,
    outcome: { profileCount: number } | { error: DeckError },
  ): void;
  /** Runs after a connection is removed (its demo sandbox, its last listing go with it). */
  onRemoved(listener: (connectionId: string) => Promise<void> | void): void;
  handlers: HandlerGroup<ConnectionChannel>;
  dispose(): Promise<void>;
}

interface Live {
  stored: StoredConnection;
  demo: boolean;
  health: ConnectionHealth;
  provider?: VendorProvider;
  /** Secrets (proxy passwords) the provider registered with the log, forgotten with it. */
  secrets?: Set<string>;
}

export function createConnectionsService(deps: ConnectionsDeps): ConnectionsService {
  const vendors = deps.vendors ?? VENDOR_SPECS;
  const spec = (vendor: Vendor) => specOf(vendors, vendor);

  /**
   * What the user typed, made canonical (no trailing slash, no vendor API path), with the
   * key that tells one client from another. Off-machine addresses are refused: a
   * connection's token goes to this address on every call.
   */
  const normalizeBaseUrl = (vendor: Vendor, raw: string) => {
    const checked = checkBaseUrl(spec(vendor).info, raw);
    if (!checked.ok)
      throw DeckError.of('invalid-input', `baseUrl: ${checked.message}`, {
        details: { field: 'baseUrl' },
        reason: checked.reason,
        params: checked.params,
      });
    return checked;
  };

  /** A rate the vendor offers, or invalid-input naming the field and the rates it takes. */
  const checkRate = (vendor: Vendor, rate: number): number => {
    const { label, rateLimit } = spec(vendor).info;
    if (!rateLimit)
      throw DeckError.of(
        'invalid-input',
        `requestsPerSecond: ${label} has no request rate setting`,
        {
          details: { field: 'requestsPerSecond' },
          reason: 'rate.unsupported',
          params: { vendor: label },
        },
      );
    if (!rateLimit.choices.includes(rate))
      throw DeckError.of(
        'invalid-input',
        `requestsPerSecond: ${label} takes ${rateLimit.choices.join(', ')} requests per second, not ${rate}`,
        {
          details: { field: 'requestsPerSecond' },
          reason: 'rate.choices',
          params: { vendor: label, choices: rateLimit.choices.join(', '), rate },
        },
      );
    return rate;
  };
  /** The rate a connection sends at: its setting, else its vendor's default. */
  const rateOf = (stored: StoredConnection): number | undefined =>
    stored.requestsPerSecond ?? spec(stored.vendor).info.rateLimit?.default;

  /** The client key of a saved base URL; undefined for one that is not on this machine. */
  const clientKeyOf = (vendor: Vendor, baseUrl: string): string | undefined => {
    const checked = checkBaseUrl(spec(vendor).info, baseUrl);
    return checked.ok ? checked.clientKey : undefined;
  };
  const detectPorts = deps.detectPorts ?? defaultDetectPorts(vendors);
  const clock = deps.clock ?? Date.now;
  const { log, events } = deps;
  const store = createConnectionsStore(join(deps.dataDir, 'connections.json'), {
    log,
    unreadable: deps.unreadable,
  });
  const removedListeners: Array<(connectionId: string) => Promise<void> | void> = [];
  const live = new Map<string, Live>();
  const vault = createTokenVault({
    file: join(deps.dataDir, 'secrets.bin'),
    cipher: deps.cipher,
    log,
    unreadable: deps.unreadable,
    lostTokensFor: () =>
      [...live.values()]
        .filter((l) => spec(l.stored.vendor).info.auth !== 'none')
        .map((l) => l.stored.label),
  });
  let dismissed: string[] = [];

  const changed = (...ids: string[]) => events.emit('connections:event:changed', { ids });

  const toConnection = (l: Live): Connection => ({
    id: l.stored.id,
    vendor: l.stored.vendor,
    label: l.stored.label,
    baseUrl: l.stored.baseUrl,
    hasToken: Boolean(vault.get(l.stored.id)),
    demo: l.demo,
    checkProxyBeforeOpen: l.stored.checkProxyBeforeOpen,
    ...(rateOf(l.stored) !== undefined ? { requestsPerSecond: rateOf(l.stored) } : {}),
    health: { ...l.health },
    capabilities: capabilitiesOf(l.stored.vendor),
  });

  /** The vendor's, with the requests at once the settings allow now. */
  const capabilitiesOf = (vendor: Vendor): Connection['capabilities'] => {
    const { capabilities } = spec(vendor);
    const set = deps.tuning?.(vendor).concurrency;
    return set === undefined ? capabilities : { ...capabilities, maxConcurrency: set };
  };

  const persist = () =>
    store.save({
      connections: [...live.values()].filter((l) => !l.demo).map((l) => l.stored),
      dismissed,
    });

  const find = (id: string): Live => {
    const l = live.get(id);
    if (!l)
      throw DeckError.of('not-found', `No connection ${id}`, {
        details: { connectionId: id },
        reason: 'connection.unknown',
        params: { id },
      });
    return l;
  };

  const newId = (vendor: Vendor) => {
    for (;;) {
      const id = `${spec(vendor).info.idPrefix}-${randomBytes(3).toString('hex')}`;
      if (!live.has(id)) return id;
    }
  };

  const dropProvider = (l: Live) => {
    l.provider?.dispose?.();
    l.provider = undefined;
    // A secret is gone with its connection unless another connection's provider holds it too.
    const gone = l.secrets;
    l.secrets = undefined;
    for (const secret of gone ?? []) {
      let held = false;
      for (const other of live.values()) if (other.secrets?.has(secret)) held = true;
      if (!held && !vault.holds(secret)) log.removeSecret(secret);
    }
  };

  const providerFor = (connectionId: string): VendorProvider => {
    const l = find(connectionId);
    // A file saved by an older version may hold any address: its token stays here.
    if (!l.provider && clientKeyOf(l.stored.vendor, l.stored.baseUrl) === undefined)
      throw DeckError.of(
        'forbidden',
        `${l.stored.baseUrl} is not on this machine; edit the connection to point at the client's loopback address`,
        {
          details: { connectionId },
          reason: 'base-url.not-local',
          params: { baseUrl: l.stored.baseUrl },
        },
      );
    if (l.provider) return l.provider;
    const secrets = (l.secrets = new Set<string>());
    l.provider = spec(l.stored.vendor).createProvider({
      ...deps.providerDefaults,
      connectionId,
      baseUrl: l.stored.baseUrl,
      token: () => vault.get(connectionId),
      log: {
        warn: (message, ...rest) => log.warn(message, ...rest),
        addSecret: (secret) => {
          if (!secret || secrets.has(secret)) return;
          secrets.add(secret);
          log.addSecret(secret);
        },
      },
      clock,
      configTemplate: l.stored.configTemplate,
      tuning: () => deps.tuning?.(l.stored.vendor) ?? {},
      // Read per request: a changed setting applies without a new provider.
      requestsPerSecond: () =>
        deps.providerDefaults?.requestsPerSecond ?? rateOf(l.stored) ?? Number.POSITIVE_INFINITY,
    });
    return l.provider;
  };

  const setHealth = (l: Live, health: ConnectionHealth) => {
    const before = l.health;
    l.health = health;
    if (
      before.state !== health.state ||
      before.message !== health.message ||
      before.profileCount !== health.profileCount
    ) {
      changed(l.stored.id);
    }
  };

  const reportHealth: ConnectionsService['reportHealth'] = (id, outcome) => {
    const l = live.get(id);
    if (!l) return;
    if ('error' in outcome) {
      if (outcome.error.code === 'cancelled') return;
      setHealth(l, {
        state: 'error',
        checkedAt: clock(),
        message: outcome.error.message,
        error: outcome.error.toValue(),
      });
    } else {
      setHealth(l, { state: 'ok', checkedAt: clock(), profileCount: outcome.profileCount });
    }
  };

  const test = async (id: string): Promise<ConnectionHealth> => {
    const l = find(id);
    try {
      const tested = await providerFor(id).test();
      // A client that cannot say how many it has keeps the count its last listing gave.
      const profileCount = tested.profileCount ?? l.health.profileCount;
      setHealth(l, {
        state: 'ok',
        checkedAt: clock(),
        ...(profileCount !== undefined ? { profileCount } : {}),
      });
    } catch (e) {
      const error =
        e instanceof DeckError
          ? e
          : DeckError.of('internal', 'Connection test failed', {
              reason: 'connection.test-failed',
            });
      if (!(e instanceof DeckError)) log.error(`test of ${id} failed`, e);
      setHealth(l, {
        state: 'error',
        checkedAt: clock(),
        message: error.message,
        error: error.toValue(),
      });
    }
    return { ...l.health };
  };

  /** The connection already talking to this client (one port, one client, whatever the vendor). */
  const sameClient = (clientKey: string) =>
    [...live.values()].find((l) => clientKeyOf(l.stored.vendor, l.stored.baseUrl) === clientKey);

  const alreadyConnected = (existing: Live, baseUrl: string) =>
    DeckError.of(
      'conflict',
      `baseUrl: ${baseUrl} is the client already connected as "${existing.stored.label}" (${existing.stored.baseUrl})`,
      {
        details: { field: 'baseUrl', connectionId: existing.stored.id },
        reason: 'base-url.duplicate',
        params: { baseUrl, label: existing.stored.label, existing: existing.stored.baseUrl },
      },
    );

  const addNow = async (input: AddConnectionInput, detected = false): Promise<Connection> => {
    const { baseUrl, clientKey } = normalizeBaseUrl(input.vendor, input.baseUrl);
    const rate =
      input.requestsPerSecond !== undefined
        ? checkRate(input.vendor, input.requestsPerSecond)
        : undefined;
    const existing = sameClient(clientKey);
    if (existing) throw alreadyConnected(existing, baseUrl);
    const id = newId(input.vendor);
    const demo = input.demo ?? false;
    const l: Live = {
      stored: {
        id,
        vendor: input.vendor,
        label: input.label?.trim() || `${spec(input.vendor).info.label} (${new URL(baseUrl).host})`,
        baseUrl,
        checkProxyBeforeOpen: input.checkProxyBeforeOpen ?? deps.checkProxyBeforeOpen?.() ?? false,
        detected,
        ...(rate !== undefined ? { requestsPerSecond: rate } : {}),
      },
      demo,
      health: { state: 'unknown' },
    };
    live.set(id, l);
    dismissed = dismissed.filter((u) => u !== baseUrl);
    if (input.token) await vault.set(id, input.token, { persist: !demo });
    if (!demo) await persist();
    changed(id);
    return toConnection(l);
  };

  /** Saved connections first, so a lost token blob can name the connections it leaves without one. */
  const loaded = (async () => {
    const saved = await store.load();
    dismissed = saved.dismissed;
    for (const stored of saved.connections) {
      if (!live.has(stored.id))
        live.set(stored.id, { stored, demo: false, health: { state: 'unknown' } });
    }
    await vault.load();
  })();

  /** Then adds clients found on the default ports. */
  const ready = (async () => {
    await loaded;
    const found = await detectClients(vendors, detectPorts, log).catch(() => []);
    for (const d of found) {
      const key = clientKeyOf(d.vendor, d.baseUrl);
      if ((key && sameClient(key)) || dismissed.includes(d.baseUrl)) continue;
      await addNow({ vendor: d.vendor, baseUrl: d.baseUrl }, true).catch((e: unknown) =>
        log.warn(`could not add detected ${d.vendor} at ${d.baseUrl}`, (e as Error).message),
      );
    }
  })();
  // Every public call waits for the load; a failed load is reported on each call.
  ready.catch((e: unknown) => log.error('loading connections failed', e));

  const service: ConnectionsService = {
    loaded,
    ready,
    async list() {
      await ready;
      return [...live.values()].map(toConnection);
    },
    async get(id) {
      await ready;
      return toConnection(find(id));
    },
    async ids() {
      await ready;
      return [...live.keys()];
    },
    async add(input) {
      await ready;
      const connection = await addNow(input);
      // A first health check, so the list says at once whether the client answers.
      await test(connection.id);
      return toConnection(find(connection.id));
    },
    async update(input) {
      await ready;
      const l = find(input.id);
      // Checked before anything changes, so a refused address leaves the rest as it was.
      const target =
        input.baseUrl !== undefined ? normalizeBaseUrl(l.stored.vendor, input.baseUrl) : undefined;
      const rate =
        input.requestsPerSecond !== undefined
          ? checkRate(l.stored.vendor, input.requestsPerSecond)
          : undefined;
      if (target) {
        const other = sameClient(target.clientKey);
        if (other && other !== l) throw alreadyConnected(other, target.baseUrl);
      }
      let reconnect = false;
      if (input.label !== undefined)
        l.stored = { ...l.stored, label: input.label.trim() || l.stored.label };
      if (input.checkProxyBeforeOpen !== undefined) {
        l.stored = { ...l.stored, checkProxyBeforeOpen: input.checkProxyBeforeOpen };
      }
      if (rate !== undefined) l.stored = { ...l.stored, requestsPerSecond: rate };
      if (target && target.baseUrl !== l.stored.baseUrl) {
        // The token was entered for the old client: it never goes to another one unasked.
        const movedClient = clientKeyOf(l.stored.vendor, l.stored.baseUrl) !== target.clientKey;
        l.stored = { ...l.stored, baseUrl: target.baseUrl };
        dropProvider(l);
        reconnect = true;
        if (movedClient && input.token === undefined && vault.get(l.stored.id))
          await vault.set(l.stored.id, null, { persist: !l.demo });
      }
      if (input.token !== undefined) {
        await vault.set(l.stored.id, input.token, { persist: !l.demo });
        reconnect = true;
      }
      if (!l.demo) await persist();
      changed(l.stored.id);
      if (reconnect) await test(l.stored.id);
      return toConnection(l);
    },
    async remove(id) {
      await ready;
      const l = live.get(id);
      if (!l) return false;
      live.delete(id);
      dropProvider(l);
      await vault.delete(id);
      // A detected client the user removed stays removed across restarts.
      if (l.stored.detected && !dismissed.includes(l.stored.baseUrl))
        dismissed.push(l.stored.baseUrl);
      if (!l.demo) await persist();
      await Promise.all(removedListeners.map((listener) => listener(id)));
      changed(id);
      return true;
    },
    onRemoved(listener) {
      removedListeners.push(listener);
    },
    async test(id) {
      await ready;
      return test(id);
    },
    async detect() {
      await ready;
      const found = await detectClients(vendors, detectPorts, log);
      const results: DetectResult[] = [];
      for (const d of found) {
        const key = clientKeyOf(d.vendor, d.baseUrl);
        const existing = key ? sameClient(key) : undefined;
        if (existing) {
          const token = vault.get(existing.stored.id);
          // Without a token: needed where the vendor always wants one, or where this client
          // asked for its optional key. With one: needed again if the client refuses it.
          const needsToken = token
            ? (await probeVendor(vendors, d.vendor, d.baseUrl, log, token)) === 'needs-token'
            : spec(d.vendor).info.auth === 'token' || d.probe === 'needs-token';
          results.push({ vendor: d.vendor, baseUrl: d.baseUrl, added: false, needsToken });
          continue;
        }
        await addNow({ vendor: d.vendor, baseUrl: d.baseUrl }, true);
        results.push({
          vendor: d.vendor,
          baseUrl: d.baseUrl,
          added: true,
          needsToken: d.probe === 'needs-token',
        });
      }
      return results;
    },
    providerFor,
    reportHealth,
    handlers: {
      'connections:list': () => service.list(),
      'connections:add': (req) => service.add(req),
      'connections:update': (req) => service.update(req),
      'connections:remove': async ({ id }) => ({ removed: await service.remove(id) }),
      'connections:test': ({ id }) => service.test(id),
      'connections:detect': () => service.detect(),
    },
    async dispose() {
      await ready.catch(() => undefined);
      for (const l of live.values()) dropProvider(l);
    },
  };
  return service;
}
