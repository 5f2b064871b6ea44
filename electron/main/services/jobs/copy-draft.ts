/**
 * What a profile becomes in another connection, possibly of another vendor: its name, group
 * and tags by name, remark and proxy; never its fingerprint, which is the vendor's own. What
 * the target vendor cannot take is dropped with the reason, never sent to fail there. The
 * copy job (kinds/copy-to-connection.ts) and its preview (copy-preview.ts) both read it here.
 */
import { DeckError } from '../../../../shared/ipc/result';
import {
  VENDOR_LABEL,
  splitProfileKey,
  type Capabilities,
  type Profile,
  type ProxyConfig,
  type Vendor,
} from '../../../../shared/model';
import type { CopyDropped } from '../../../../shared/model/copy-preview';
import { ProxyInputSchema, type ProxyInput } from '../../../../shared/model/proxy-input';
import { unnamed } from '../../providers/common/records';
import type { StoredProxy } from '../../providers/common/stored-proxy';
import type { CallOptions, VendorProvider } from '../../providers/provider';
import { fetchProfiles } from './profile-fetch';

export interface CopyTarget {
  vendor: Vendor;
  capabilities: Capabilities;
}

export interface CopyDraft {
  name: string;
  /** '' = the target's default group. */
  group: string;
  remark: string;
  tags: string[];
  /** The proxy to write, its password still to be read from the source (main only). */
  proxy?: ProxyInput;
  /** The same as the renderer may see it: no password. */
  proxyView: ProxyConfig | null;
  dropped: CopyDropped[];
}

const NAME_MAX = 200;
const REMARK_MAX = 1000;
const TAGS_MAX = 50;

export function draftCopy(profile: Profile, target: CopyTarget): CopyDraft {
  const targetLabel = VENDOR_LABEL[target.vendor];
  const dropped: CopyDropped[] = [];
  let tags = [...new Set(profile.tags.map((t) => t.name.trim().slice(0, NAME_MAX)))].filter(
    Boolean,
  );
  if (tags.length > 0 && !target.capabilities.tags) {
    dropped.push({
      field: 'tags',
      why: 'no-tag-calls',
      params: { target: targetLabel },
      reason: `${targetLabel}'s Local API has no tag calls: the copy gets no tags`,
    });
    tags = [];
  }
  if (tags.length > TAGS_MAX) tags = tags.slice(0, TAGS_MAX);
  let group = profile.groupName.trim().slice(0, NAME_MAX);
  // A group whose name the source did not give shows as its id ("#12"): no such name to match.
  if (profile.groupId && group === unnamed(profile.groupId)) {
    dropped.push({
      field: 'group',
      why: 'unnamed-group',
      reason: "the source gave no name for its group: the copy goes to the target's default group",
    });
    group = '';
  }
  const proxy = carriedProxy(profile, target, targetLabel);
  if ('why' in proxy) dropped.push({ field: 'proxy', ...proxy });
  return {
    name: profile.name.trim().slice(0, NAME_MAX) || `Copy of ${profile.vendorId}`,
    group,
    remark: profile.remark.slice(0, REMARK_MAX),
    tags,
    ...('input' in proxy ? { proxy: proxy.input } : {}),
    proxyView: 'input' in proxy ? profile.proxy : null,
    dropped,
  };
}

type Carried =
  { input: ProxyInput } | Pick<CopyDropped, 'why' | 'params' | 'reason'> | { none: true };

function carriedProxy(profile: Profile, target: CopyTarget, targetLabel: string): Carried {
  const p = profile.proxy;
  if (p.method === 'vendor')
    return {
      why: 'vendor-proxy',
      params: { source: VENDOR_LABEL[profile.vendor] },
      reason: `a proxy managed by ${VENDOR_LABEL[profile.vendor]} stays with that client: the copy gets no proxy`,
    };
  if (p.method === 'api' && !target.capabilities.proxyApi)
    return {
      why: 'no-extraction-link',
      params: { target: targetLabel },
      reason: `${targetLabel} takes no proxy extraction link: the copy gets no proxy`,
    };
  if (p.method === 'custom' && !target.capabilities.proxyTypes.includes(p.type)) {
    const takes = target.capabilities.proxyTypes.filter((t) => t !== 'direct').join(', ');
    return {
      why: 'proxy-type',
      params: { target: targetLabel, takes, type: p.type },
      reason: `${targetLabel} takes ${takes} proxies, not ${p.type}: the copy gets no proxy`,
    };
  }
  if (p.method === 'custom' && p.type === 'direct') return { none: true };
  // The vendor's answer is checked as a user's input would be: a hostile one goes no further.
  const parsed = ProxyInputSchema.safeParse({
    method: p.method,
    type: p.type,
    host: p.host,
    port: p.port,
    username: p.username,
    refreshUrl: p.refreshUrl,
    extractionUrl: p.extractionUrl,
    extractionChannel: p.extractionChannel,
    checkService: p.checkService,
    socks5Udp: p.socks5Udp && p.type === 'socks5',
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || 'proxy';
    return {
      why: 'invalid-proxy',
      params: { field: field.slice(0, 300) },
      reason: `the source's proxy is not valid (${field} ${issue?.message ?? ''}): the copy gets no proxy`,
    };
  }
  return { input: parsed.data };
}

/**
 * The proxy to write with the source's own password, read by main from the vendor. A
 * password goes only to the address it was stored for: a proxy that moved between the two
 * reads fails rather than lending its password to another host.
 */
function withStoredPassword(
  proxy: ProxyInput,
  stored: StoredProxy | DeckError | undefined,
): ProxyInput {
  if (stored instanceof DeckError) throw stored;
  if (!stored)
    throw DeckError.of(
      'not-found',
      'The source profile no longer exists, so its proxy password could not be read',
      { reason: 'copy.source-gone' },
    );
  if (
    stored.host.trim().toLowerCase() !== proxy.host.trim().toLowerCase() ||
    stored.port !== proxy.port
  )
    throw DeckError.of(
      'conflict',
      "The source profile's proxy changed while it was being copied: try again",
      { retryable: true, reason: 'copy.proxy-changed' },
    );
  // The user name goes with the password: a listing need not carry either (ixBrowser's does not).
  const username = stored.username || proxy.username;
  return stored.password
    ? { ...proxy, username, password: { action: 'set', value: stored.password } }
    : { ...proxy, username };
}

/**
 * Whether writing this proxy may carry a password. Not `hasPassword`: a listing need not
 * say (ixBrowser's keeps it with the saved proxy), so the source is asked.
 */
const takesPassword = (proxy: ProxyInput): boolean =>
  proxy.method === 'api' || (proxy.method === 'custom' && proxy.type !== 'direct');

/**
 * Each draft's proxy with its source's stored password, by source profile key (drafts
 * without a proxy are absent); one read of stored proxies per source connection. A proxy
 * whose password could not be read maps to the reason: it is never written without it.
 */
export async function carryPasswords(
  drafts: ReadonlyArray<{ profile: Profile; draft: CopyDraft }>,
  providerOf: (connectionId: string) => VendorProvider,
  opts: CallOptions,
): Promise<Map<string, ProxyInput | DeckError>> {
  const out = new Map<string, ProxyInput | DeckError>();
  const bySource = new Map<string, Array<{ profile: Profile; proxy: ProxyInput }>>();
  for (const { profile, draft } of drafts) {
    if (!draft.proxy) continue;
    if (!takesPassword(draft.proxy)) {
      out.set(profile.key, draft.proxy);
      continue;
    }
    const list = bySource.get(profile.connectionId) ?? [];
    list.push({ profile, proxy: draft.proxy });
    bySource.set(profile.connectionId, list);
  }
  await Promise.all(
    [...bySource].map(async ([connectionId, list]) => {
      let stored: Map<string, StoredProxy | DeckError>;
      try {
        stored = await providerOf(connectionId).storedProxies(
          list.map((x) => x.profile.vendorId),
          opts,
        );
      } catch (e) {
        for (const { profile } of list) out.set(profile.key, asError(e));
        return;
      }
      for (const { profile, proxy } of list) {
        try {
          out.set(profile.key, withStoredPassword(proxy, stored.get(profile.vendorId)));
        } catch (e) {
          out.set(profile.key, asError(e));
        }
      }
    }),
  );
  return out;
}

/**
 * The source profiles of these keys, each read from its own connection (one listing where
 * a connection has many): the profile, or why it could not be read.
 */
export async function readSources(
  keys: readonly string[],
  providerOf: (connectionId: string) => VendorProvider,
  opts: CallOptions,
): Promise<Map<string, Profile | DeckError>> {
  const out = new Map<string, Profile | DeckError>();
  const bySource = new Map<string, string[]>();
  for (const key of keys) {
    const { connectionId, vendorId } = splitProfileKey(key);
    const ids = bySource.get(connectionId) ?? [];
    ids.push(vendorId);
    bySource.set(connectionId, ids);
  }
  await Promise.all(
    [...bySource].map(async ([connectionId, ids]) => {
      const key = (id: string) => `${connectionId}/${id}`;
      try {
        const { profiles, errors } = await fetchProfiles(providerOf(connectionId), ids, opts);
        for (const id of ids)
          out.set(
            key(id),
            profiles.get(id) ??
              (errors.has(id) ? asError(errors.get(id)) : sourceGone(connectionId)),
          );
      } catch (e) {
        for (const id of ids) out.set(key(id), asError(e));
      }
    }),
  );
  return out;
}

const sourceGone = (connectionId: string) =>
  DeckError.of('not-found', 'The source profile no longer exists in its connection', {
    details: { connectionId },
    reason: 'copy.source-removed',
  });

const asError = (e: unknown): DeckError =>
  e instanceof DeckError
    ? e
    : DeckError.of('internal', 'The source profile or its proxy could not be read', {
        reason: 'copy.source-unread',
      });
