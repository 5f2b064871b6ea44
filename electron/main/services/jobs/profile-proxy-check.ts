/**
 * The check-proxy action's check of one profile: its proxy as the vendor stores it, tried
 * from this machine by the proxy checker. The password never leaves main.
 */
import type { ProxyCheckResult } from '../../../../shared/model';
import type { ProxyChecker } from '../proxy-check';
import type { ProfileProxyCheck } from './job-actions';

export function createProfileProxyCheck(
  checker: Pick<ProxyChecker, 'check'>,
  clock: () => number = Date.now,
): ProfileProxyCheck {
  const unsupported = (message: string): ProxyCheckResult => ({
    ok: false,
    checkedAt: clock(),
    reason: 'unsupported',
    message,
  });
  return async (profile, provider, opts) => {
    const proxy = profile.proxy;
    if (proxy.method === 'api')
      return unsupported(
        'An API-extracted proxy is fetched by the vendor client when the profile opens',
      );
    if (proxy.method === 'vendor')
      return unsupported('A vendor-managed proxy is checked by the vendor client');
    let password: string | undefined;
    if (proxy.hasPassword) {
      if (!provider.proxyPassword)
        return unsupported(
          'This connection does not give BrowserDeck the stored proxy password, so the proxy cannot be checked from here',
        );
      password = await provider.proxyPassword(profile.vendorId, opts);
    }
    return checker.check({
      type: proxy.type,
      host: proxy.host,
      port: proxy.port,
      username: proxy.username,
      ...(password ? { password } : {}),
    });
  };
}
