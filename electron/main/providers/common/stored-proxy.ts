/**
 * A profile's proxy as its vendor client stores it, password included: read by main for its
 * own use only (a "keep the password" edit, a proxy check), never sent to the renderer.
 *
 * "Keep" is main's job, not the vendor's: both vendors' proxy writes set the whole proxy, so
 * a password left out is a password erased. Main resends each profile's own stored password,
 * but only to the proxy it was stored for: a stored password belongs to its host and port,
 * and an edit that moves the proxy elsewhere must bring a new password or clear it.
 * Otherwise one edit (from a compromised renderer, say) moves the proxy to a host of the
 * attacker's and the next proxy check hands the password over.
 */
import { DeckError } from '../../../../shared/ipc/result';
import type { ProxyMethod, ProxyType } from '../../../../shared/model';
import type { ProxyInput } from '../../../../shared/model/proxy-input';
import { asDeckError, type ItemResults } from './item-results';

export interface StoredProxy {
  method: ProxyMethod;
  type: ProxyType;
  host: string;
  port: number | null;
  username: string;
  /** '' when none is stored. */
  password: string;
}

/** Per vendor id: the stored proxy, or why it could not be read. */
export type StoredProxies = Map<string, StoredProxy | DeckError>;

/** Whether a write of `proxy` carries a password at all (custom proxies with an address). */
const takesPassword = (proxy: ProxyInput) => proxy.method === 'custom' && proxy.type !== 'direct';

const sameAddress = (stored: StoredProxy, proxy: ProxyInput) =>
  stored.host.trim().toLowerCase() === proxy.host.trim().toLowerCase() &&
  stored.port === proxy.port;

/**
 * Applies `proxy` to every id, resolving a "keep" of the password into each profile's own
 * stored password. Ids that share a stored password go in one `apply` call, so a vendor's
 * batch endpoint stays one request per distinct password.
 */
export async function applyWithKeptPasswords(
  vendorIds: readonly string[],
  proxy: ProxyInput,
  read: (vendorIds: string[]) => Promise<StoredProxies>,
  apply: (vendorIds: string[], proxy: ProxyInput) => Promise<ItemResults>,
  context: { connectionId: string },
): Promise<ItemResults> {
  if (proxy.password.action !== 'keep' || !takesPassword(proxy) || vendorIds.length === 0)
    return apply([...vendorIds], proxy);

  const results: ItemResults = new Map();
  let stored: StoredProxies;
  try {
    stored = await read([...vendorIds]);
  } catch (e) {
    for (const id of vendorIds) results.set(id, asDeckError(e));
    return results;
  }
  const byPassword = new Map<string, string[]>();
  for (const id of vendorIds) {
    const s = stored.get(id);
    if (!s) {
      results.set(
        id,
        DeckError.of('not-found', 'The profile no longer exists in its connection', {
          details: { connectionId: context.connectionId },
          reason: 'profile.gone',
        }),
      );
      continue;
    }
    if (s instanceof DeckError) {
      results.set(id, s);
      continue;
    }
    if (s.password && !sameAddress(s, proxy)) {
      results.set(id, movedAway(s, proxy, context.connectionId));
      continue;
    }
    const group = byPassword.get(s.password) ?? [];
    group.push(id);
    byPassword.set(s.password, group);
  }
  for (const [password, ids] of byPassword) {
    const resolved: ProxyInput = {
      ...proxy,
      password: password ? { action: 'set', value: password } : { action: 'clear' },
    };
    let applied: ItemResults;
    try {
      applied = await apply(ids, resolved);
    } catch (e) {
      applied = new Map(ids.map((id) => [id, asDeckError(e)]));
    }
    for (const id of ids) results.set(id, applied.has(id) ? applied.get(id)! : noResult());
  }
  return results;
}

function movedAway(stored: StoredProxy, proxy: ProxyInput, connectionId: string): DeckError {
  return DeckError.of(
    'invalid-input',
    `proxy.password: the stored password belongs to the proxy at ${stored.host}:${stored.port ?? ''}; ` +
      `a proxy moved to ${proxy.host}:${proxy.port ?? ''} needs its own password (enter it, or clear it)`,
    {
      details: { field: 'proxy.password', connectionId },
      reason: 'proxy.password-moved',
      params: {
        stored: `${stored.host}:${stored.port ?? ''}`,
        moved: `${proxy.host}:${proxy.port ?? ''}`,
      },
    },
  );
}

const noResult = () =>
  DeckError.of('internal', 'The vendor client returned no result for this profile', {
    reason: 'vendor.no-result',
  });
