/**
 * The Bit family: BitBrowser's Local API and CosLogin's, which mirrors it. Both take the same
 * paths and window fields; a dialect says only where they differ: the envelope (`success`
 * vs `code`), the auth header, the id key of two batch endpoints, how a window is named for
 * one-window calls, the engine its windows run, and what a create must carry.
 */
import type { Capabilities, Engine, ProxyType, Vendor } from '../../../../shared/model';
import type { CreateItem } from '../../../../shared/model/job';
import type { RemoteContext } from '../../http/json-client';

/** One answer of the Local API, as the HTTP client got it. */
export interface BitAnswer {
  status: number;
  json: unknown;
  path: string;
  /** Whether the connection has a token (the message then says "refused" rather than "needs"). */
  hasToken: boolean;
  remote: RemoteContext;
  connectionId: string;
}

export interface BitDialect {
  readonly vendor: Vendor;
  /** As the vendor writes its name. */
  readonly label: string;
  readonly engine: Exclude<Engine, 'unknown'>;
  readonly capabilities: Capabilities;
  /** The headers that carry the connection's token (none without one). */
  authHeaders(token: string | undefined): Record<string, string>;
  /** The data of a successful answer; a failure thrown as a DeckError (vendor code kept). */
  read(answer: BitAnswer): unknown;
  /** Key of the id list of /browser/group/update and /browser/remark/update. */
  readonly batchIdsKey: 'ids' | 'browserIds';
  /** Ids per batch request. */
  readonly batchChunk: number;
  /**
   * CosLogin's detail, open and close want the window's uuid (a numeric id is "UUID invalid");
   * BitBrowser's take its id.
   */
  readonly refByUuid: boolean;
  /** Every window with a live process: CosLogin /browser/pids, BitBrowser /browser/pids/all. */
  readonly pidsPath: string;
  /** CosLogin has /browserTag/*; BitBrowser's Local API has no tag endpoints (rows carry tags). */
  readonly tagApi: boolean;
  /** Proxy-manager bindings (CosLogin proxyMethod 4); BitBrowser has none through its API. */
  readonly proxyBinding: boolean;
  /** How the vendor writes a proxy type (BitBrowser's "no proxy" is `noproxy`). */
  proxyTypeOut(type: ProxyType): string;
  /**
   * The body of /browser/update that creates a window: `fields` (name, remark, group, tags,
   * proxy, already in the vendor's names) plus the settings the vendor insists on, taken from
   * `like` (the detail of a window to copy settings from) or the connection's template.
   */
  createBody(
    item: CreateItem,
    fields: Record<string, unknown>,
    source: { like?: unknown; template?: Record<string, unknown> },
  ): Record<string, unknown>;
}
