import { describe, expect, it } from 'vitest';
import type { ProxyCheckResult } from '../../../shared/model';
import type { ProxyTarget } from '../../../electron/main/services/proxy-check';
import { createProfileProxyCheck } from '../../../electron/main/services/jobs/profile-proxy-check';
import { FakeProvider } from './fake-provider';

function checker() {
  const targets: ProxyTarget[] = [];
  return {
    targets,
    check: async (t: ProxyTarget): Promise<ProxyCheckResult> => {
      targets.push(t);
      return { ok: true, checkedAt: 1, exitIp: '203.0.113.1' };
    },
  };
}

describe('the check-proxy action on one profile', () => {
  it('checks a proxy without a password as the vendor stores it', async () => {
    const ix = new FakeProvider('ix', 1);
    const p = ix.profiles.get('1')!;
    p.proxy = { ...p.proxy, type: 'socks5', host: '198.51.100.7', port: 1080, username: 'u' };
    const c = checker();
    const result = await createProfileProxyCheck(c)(p, ix, {});
    expect(result.ok).toBe(true);
    expect(c.targets).toEqual([
      { type: 'socks5', host: '198.51.100.7', port: 1080, username: 'u' },
    ]);
  });

  it('says a stored password is out of reach instead of reporting a wrong password', async () => {
    const ix = new FakeProvider('ix', 1);
    const p = ix.profiles.get('1')!;
    p.proxy = { ...p.proxy, type: 'http', host: 'h.example', port: 8080, hasPassword: true };
    ix.passwordUnknown.add('1');
    const c = checker();
    const result = await createProfileProxyCheck(c)(p, ix, {});
    expect(result).toMatchObject({ ok: false, reason: 'unsupported' });
    expect(c.targets).toEqual([]);
  });

  it('uses the password when the provider can give it', async () => {
    const ix = new FakeProvider('ix', 1);
    ix.passwords.set('1', 's3cret');
    const p = ix.profiles.get('1')!;
    p.proxy = { ...p.proxy, type: 'http', host: 'h.example', port: 8080, hasPassword: true };
    const c = checker();
    await createProfileProxyCheck(c)(p, ix, {});
    expect(c.targets[0]).toMatchObject({ password: 's3cret' });
  });

  it('sends the password only to the address stored with it, not to one listed earlier', async () => {
    const ix = new FakeProvider('ix', 1);
    ix.passwords.set('1', 's3cret');
    const listed = { ...ix.profiles.get('1')! };
    listed.proxy = { ...listed.proxy, type: 'http', host: 'attacker.example', port: 3128 };
    const stored = ix.profiles.get('1')!;
    stored.proxy = { ...stored.proxy, type: 'http', host: 'h.example', port: 8080 };
    const c = checker();
    await createProfileProxyCheck(c)(listed, ix, {});
    expect(c.targets).toEqual([
      expect.objectContaining({ host: 'h.example', port: 8080, password: 's3cret' }),
    ]);
  });

  it('leaves API-extracted proxies to the vendor client', async () => {
    const ix = new FakeProvider('ix', 1);
    const p = ix.profiles.get('1')!;
    p.proxy = { ...p.proxy, method: 'api', type: 'http' };
    expect(await createProfileProxyCheck(checker())(p, ix, {})).toMatchObject({
      ok: false,
      reason: 'unsupported',
    });
  });
});
