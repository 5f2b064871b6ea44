/**
 * The check-proxy action's check of one profile: its proxy as the vendor stores it, tried
 * from this machine by the proxy checker. The password never leaves main.
 */
import { DeckError, type DeckErrorValue } from '../../../../shared/ipc/result';
import type { ProxyCheckResult } from '../../../../shared/model';
import type { ProxyChecker } from '../proxy-check';
import type { ProxyCheckResults } from '../proxy-check-results';
import type { ProfileProxyCheck } from './run-context';

export function createProfileProxyCheck(
  checker: Pick<ProxyChecker, 'check'>,
  clock: () => number = Date.now,
  /** Where each result is kept, so the table shows it on later listings. */
  results?: Pick<ProxyCheckResults, 'record'>,
): ProfileProxyCheck {
  const unsupported = (message: string): ProxyCheckResult => ({
    ok: false,
    checkedAt: clock(),
    reason: 'unsupported',
    message,
  });
  const check: ProfileProxyCheck = async (profile, provider, opts) => {
    const proxy = profile.proxy;
    if (proxy.method === 'api')
      return unsupported(
        'An API-extracted proxy is fetched by the vendor client when the profile opens',
      );
    if (proxy.method === 'vendor')
      return unsupported('A vendor-managed proxy is checked by the vendor client');
    // Address and password from one read of the vendor's record: the password is only ever
    // sent to the proxy it is stored with.
    const stored = (await provider.storedProxies([profile.vendorId], opts)).get(profile.vendorId);
    if (stored instanceof DeckError) {
      if (stored.code === 'unsupported') return unsupported(stored.message);
      throw stored;
    }
    if (!stored)
      throw DeckError.of('not-found', 'The profile no longer exists in its connection', {
        reason: 'profile.gone',
      });
    if (stored.method !== 'custom')
      return unsupported('The proxy changed since it was listed; reload and check again');
    return checker.check({
      type: stored.type,
      host: stored.host,
      port: stored.port,
      username: stored.username,
      ...(stored.password ? { password: stored.password } : {}),
    });
  };
  return async (profile, provider, opts) => {
    const result = await check(profile, provider, opts);
    results?.record(profile, result);
    return result;
  };
}

/** A failed check as the item's error: what went wrong, and whether trying again may help. */
export function proxyCheckError(result: ProxyCheckResult): DeckErrorValue {
  const code: DeckErrorValue['code'] =
    result.reason === 'auth'
      ? 'unauthorized'
      : result.reason === 'timeout'
        ? 'timeout'
        : result.reason === 'unsupported'
          ? 'unsupported'
          : 'unreachable';
  const why = result.message ?? result.reason ?? 'no answer';
  return { code, message: `Proxy check failed: ${why}`, retryable: code !== 'unsupported' };
}
