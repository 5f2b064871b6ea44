/**
 * The last proxy check of each profile. Vendors do not keep it, so main puts it on every
 * profile it hands out (listings, a job's refreshed rows, a detail) and the Proxy-check
 * column keeps its value across reloads and other edits. A result is dropped once the
 * profile's proxy is another one: it was about the proxy that was there. Kept in memory,
 * for this run of the app.
 */
import type { Profile, ProxyCheckResult } from '../../../shared/model';
import { proxyIdentity } from './jobs/edit-fields';

export interface ProxyCheckResults {
  record(profile: Profile, result: ProxyCheckResult): void;
  /** The profile with its last check, when there is one for the proxy it has now. */
  withCheck(profile: Profile): Profile;
  forgetConnection(connectionId: string): void;
}

export function createProxyCheckResults(): ProxyCheckResults {
  const results = new Map<string, { proxy: string; result: ProxyCheckResult }>();
  return {
    record(profile, result) {
      results.set(profile.key, { proxy: proxyIdentity(profile.proxy), result });
    },
    withCheck(profile) {
      // A listing of 400,000 rows with nothing checked pays one size read per row.
      if (results.size === 0) return profile;
      const known = results.get(profile.key);
      if (!known) return profile;
      if (known.proxy !== proxyIdentity(profile.proxy)) {
        results.delete(profile.key);
        return profile;
      }
      return profile.proxyCheck === known.result
        ? profile
        : { ...profile, proxyCheck: known.result };
    },
    forgetConnection(connectionId) {
      const prefix = `${connectionId}/`;
      for (const key of results.keys()) if (key.startsWith(prefix)) results.delete(key);
    },
  };
}
