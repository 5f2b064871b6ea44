/**
 * The AdsPower provider against the sandbox (simulated browsers): every call of the
 * VendorProvider on the v2 API and the v1 calls v2 lacks, at a test rate (the sandbox and
 * the provider both at 100 requests/s) so the suite does not wait out AdsPower's 1/s.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../electron/sandbox';
import { createAdsProvider } from '../../../electron/main/providers/adspower/ads-provider';
import type { VendorProvider } from '../../../electron/main/providers/provider';
import type { ProxyInput } from '../../../shared/model/proxy-input';
import { FAST_RETRY, quietLog } from './fake-server';

const RATE = 100;
let sb: Sandbox;
let ads: VendorProvider;
const logged = quietLog();

beforeAll(async () => {
  sb = await startSandbox({
    ixProfiles: 0,
    cosProfiles: 0,
    bitProfiles: 0,
    adsProfiles: 260,
    seed: 7,
    chromiumPath: null,
    adsRequestsPerSecond: RATE,
  });
  ads = createAdsProvider({
    connectionId: 'ads1',
    baseUrl: sb.ads.url,
    log: logged.log,
    retry: FAST_RETRY,
    requestsPerSecond: () => RATE,
  });
});
afterAll(async () => {
  ads?.dispose?.();
  await sb?.stop();
});

const rec = (id: string) => sb.ads.profiles().find((p) => p.profile_id === id)!;
const ids = (from: number, to: number) =>
  sb.ads
    .profiles()
    .slice(from, to)
    .map((p) => p.profile_id);
const proxy = (over: Partial<ProxyInput> = {}): ProxyInput => ({
  method: 'custom',
  type: 'http',
  host: '203.0.113.44',
  port: 8080,
  username: 'dora',
  password: { action: 'set', value: 'pw-ads-321' },
  refreshUrl: '',
  extractionUrl: '',
  extractionChannel: '',
  checkService: '',
  socks5Udp: false,
  ...over,
});

describe('AdsPower provider on the sandbox: reading', () => {
  it('tests the connection (the list gives no total, so no count)', async () => {
    expect(await ads.test()).toEqual({});
  });

  it('lists every profile a page of 100 at a time, with group and tag names, no password', async () => {
    sb.ads.resetRequestCount();
    const profiles = await ads.listProfiles();
    // 3 pages (100, 100, 60: a short page ends it) and the opened list; no lookups.
    expect(sb.ads.requestCountByPath()).toEqual({
      '/api/v2/browser-profile/list': 3,
      '/api/v1/browser/local-active': 1,
    });
    const all = sb.ads.profiles();
    expect(profiles).toHaveLength(all.length);
    const groups = new Map((await ads.listGroups()).map((g) => [g.id, g.name]));
    const tags = new Map((await ads.listTags()).map((t) => [t.id, t.name]));
    for (const r of all.slice(0, 80)) {
      const p = profiles.find((x) => x.vendorId === r.profile_id)!;
      expect(p).toMatchObject({
        key: `ads1/${r.profile_id}`,
        vendor: 'adspower',
        name: r.name,
        remark: r.remark,
        groupId: r.group_id === '0' ? '' : r.group_id,
        groupName: r.group_id === '0' ? '' : groups.get(r.group_id),
        status: 'closed',
      });
      expect(p.tags).toEqual(r.tag_ids.map((id) => ({ id, name: tags.get(id) })));
      const c = r.user_proxy_config;
      if (r.fbcc_proxy_acc_id)
        expect(p.proxy).toMatchObject({ method: 'vendor', vendorProxyId: r.fbcc_proxy_acc_id });
      else if (c.proxy_soft === 'no_proxy') expect(p.proxy).toMatchObject({ type: 'direct' });
      else
        expect(p.proxy).toMatchObject({
          method: 'custom',
          type: c.proxy_type,
          host: c.proxy_host,
          port: Number(c.proxy_port),
          username: c.proxy_user,
          hasPassword: c.proxy_password !== '',
        });
    }
    const text = JSON.stringify(profiles);
    const passwords = all
      .map((r) => r.user_proxy_config.proxy_password)
      .filter((s) => s.length >= 4);
    expect(passwords.length).toBeGreaterThan(0);
    for (const s of passwords) expect(text).not.toContain(s);
    for (const s of passwords) expect(logged.secrets).toContain(s);
  });

  it('gets one profile; an unknown one is not-found', async () => {
    const r = sb.ads.profiles()[9]!;
    expect(await ads.getProfile(r.profile_id)).toMatchObject({
      vendorId: r.profile_id,
      name: r.name,
    });
    await expect(ads.getProfile('knope00')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('reads stored proxies 100 ids a request, passwords for main only', async () => {
    const chosen = ids(0, 150);
    sb.ads.resetRequestCount();
    const stored = await ads.storedProxies(chosen);
    expect(sb.ads.requestCount()).toBe(2);
    expect(stored.size).toBe(150);
    const withPw = sb.ads.profiles().find((r) => r.user_proxy_config.proxy_password)!;
    expect((await ads.storedProxies([withPw.profile_id])).get(withPw.profile_id)).toMatchObject({
      password: withPw.user_proxy_config.proxy_password,
    });
  });
});

describe('AdsPower provider on the sandbox: edits', () => {
  it('moves 150 profiles to a new group in 2 regroup calls (v1), and only those', async () => {
    const chosen = ids(0, 150);
    const group = await ads.createGroup('Ads target');
    sb.ads.resetRequestCount();
    const results = await ads.moveToGroup(chosen, group.id);
    expect(sb.ads.requestCountByPath()).toEqual({ '/api/v1/user/regroup': 2 });
    expect([...results.values()].every((r) => r === null)).toBe(true);
    expect(chosen.every((id) => rec(id).group_id === group.id)).toBe(true);
    expect(ids(150, 260).some((id) => rec(id).group_id === group.id)).toBe(false);
    expect((await ads.getProfile(chosen[0]!)).groupName).toBe('Ads target');
  });

  it('sets remark, name and tags one v2 update per profile; new tags are created', async () => {
    const chosen = ids(160, 163);
    expect([...(await ads.setRemark(chosen, 'r1')).values()]).toEqual([null, null, null]);
    expect([...(await ads.setName(chosen, 'N1')).values()]).toEqual([null, null, null]);
    expect([...(await ads.setTags(chosen, ['vip', 'brand-new'])).values()]).toEqual([
      null,
      null,
      null,
    ]);
    const tags = new Map((await ads.listTags()).map((t) => [t.name, t.id]));
    for (const id of chosen)
      expect(rec(id)).toMatchObject({
        remark: 'r1',
        name: 'N1',
        tag_ids: [tags.get('vip'), tags.get('brand-new')],
      });
  });

  it('sets a proxy; keep resends the stored password; API extraction is refused', async () => {
    const chosen = ids(170, 173);
    await ads.setProxy(chosen, proxy());
    for (const id of chosen)
      expect(rec(id).user_proxy_config).toMatchObject({
        proxy_soft: 'other',
        proxy_type: 'http',
        proxy_host: '203.0.113.44',
        proxy_port: '8080',
        proxy_user: 'dora',
        proxy_password: 'pw-ads-321',
      });
    await ads.setProxy(chosen, proxy({ username: 'erin', password: { action: 'keep' } }));
    expect(rec(chosen[0]!).user_proxy_config).toMatchObject({
      proxy_user: 'erin',
      proxy_password: 'pw-ads-321',
    });
    const refused = await ads.setProxy(
      chosen.slice(0, 1),
      proxy({ method: 'api', extractionUrl: 'https://x.example' }),
    );
    expect(refused.get(chosen[0]!)).toMatchObject({
      code: 'invalid-input',
      details: { field: 'proxy.method' },
    });
    await ads.setProxy(chosen.slice(0, 1), proxy({ type: 'direct', host: '', port: null }));
    expect(rec(chosen[0]!).user_proxy_config.proxy_soft).toBe('no_proxy');
  });

  it('deletes in batches of 100; an open profile fails its batch with the vendor reason', async () => {
    const chosen = ids(180, 183);
    await ads.open(chosen[2]!);
    const results = await ads.deleteProfiles(chosen);
    expect(results.get(chosen[0]!)).toMatchObject({
      code: 'conflict',
      details: { vendorCode: -1, vendorMessage: expect.stringMatching(/open/) },
    });
    await ads.close(chosen[2]!);
    expect([...(await ads.deleteProfiles(chosen)).values()]).toEqual([null, null, null]);
    for (const id of chosen) expect(rec(id)).toBeUndefined();
  });

  it('an injected failure fails its item as busy', async () => {
    const chosen = ids(190, 192);
    sb.setFaults({ failIds: [chosen[1]!] });
    try {
      const results = await ads.setRemark(chosen, 'never');
      expect(results.get(chosen[0]!)).toBeNull();
      expect(results.get(chosen[1]!)).toMatchObject({ code: 'busy', details: { vendorCode: -1 } });
    } finally {
      sb.setFaults({});
    }
  });

  it('has no copy through its Local API', async () => {
    await expect(ads.copyProfile(ids(0, 1)[0]!, {})).rejects.toMatchObject({ code: 'unsupported' });
  });
});

describe('AdsPower provider on the sandbox: create, open, close', () => {
  it('creates with group, tags, proxy and a start page', async () => {
    const group = (await ads.listGroups())[0]!;
    const id = await ads.createProfile({
      name: 'Ads 001',
      tags: ['warm'],
      remark: 'made',
      groupId: group.id,
      startUrl: 'https://example.com/',
      proxy: proxy(),
    });
    expect(rec(id)).toMatchObject({
      name: 'Ads 001',
      remark: 'made',
      group_id: group.id,
      tabs: ['https://example.com/'],
      user_proxy_config: { proxy_host: '203.0.113.44', proxy_password: 'pw-ads-321' },
    });
    const ungrouped = await ads.createProfile({ name: 'Ads 002', tags: [], remark: '' });
    expect(rec(ungrouped)).toMatchObject({
      group_id: '0',
      user_proxy_config: { proxy_soft: 'no_proxy' },
    });
  });

  it('creating many profiles with tags lists the tags once a minute, not once per profile', async () => {
    // The provider's clock also paces its calls, so it runs with real time, plus a skip.
    let skipped = 0;
    const paced = createAdsProvider({
      connectionId: 'ads-tags',
      baseUrl: sb.ads.url,
      log: logged.log,
      retry: FAST_RETRY,
      requestsPerSecond: () => RATE,
      clock: () => Date.now() + skipped,
    });
    const tagLists = () => sb.ads.requestCountByPath()['/api/v2/browser-tags/list'] ?? 0;
    try {
      sb.ads.resetRequestCount();
      const made: string[] = [];
      for (const n of [1, 2, 3])
        made.push(
          await paced.createProfile({
            name: `Tagged ${n}`,
            tags: ['warm', 'fresh-tag'],
            remark: '',
          }),
        );
      // One listing; 'fresh-tag', created on the way, is learned from its creation.
      expect(tagLists()).toBe(1);
      const byId = new Map((await paced.listTags()).map((t) => [t.id, t.name]));
      for (const id of made)
        expect(rec(id).tag_ids.map((t) => byId.get(t))).toEqual(['warm', 'fresh-tag']);
      // A name not seen yet is looked up again (it may exist in the client by now).
      sb.ads.resetRequestCount();
      await paced.createProfile({ name: 'Tagged 4', tags: ['other-tag'], remark: '' });
      expect(tagLists()).toBe(1);
      sb.ads.resetRequestCount();
      skipped = 61_000;
      await paced.createProfile({ name: 'Tagged 4', tags: ['warm'], remark: '' });
      expect(tagLists()).toBe(1);
    } finally {
      paced.dispose?.();
    }
  });

  it('starts a profile (ws.puppeteer, debug_port, webdriver), lists it open, stops it', async () => {
    const id = ids(200, 201)[0]!;
    const opened = await ads.open(id);
    expect(opened.attached).toBe(false);
    const port = opened.session.debugPort!;
    expect(opened.session).toMatchObject({
      vendor: 'adspower',
      engine: 'chromium',
      debugAddress: `127.0.0.1:${port}`,
      wsUrl: expect.stringMatching(new RegExp(`^ws://127\\.0\\.0\\.1:${port}/devtools/browser/`)),
      webdriverPath: expect.stringMatching(/chromedriver/),
    });
    expect((await ads.open(id)).attached).toBe(true);
    const s = (await ads.listSessions()).find((x) => x.vendorId === id)!;
    expect(s).toMatchObject({ debugPort: port, wsUrl: opened.session.wsUrl });
    expect((await ads.getProfile(id)).status).toBe('open');
    await ads.close(id);
    expect((await ads.listSessions()).map((x) => x.vendorId)).not.toContain(id);
    expect((await ads.getProfile(id)).status).toBe('closed');
  });

  it('never went over the rate on any of these calls', () => {
    expect(sb.ads.overRateCount()).toBe(0);
  });
});

describe('AdsPower with security verification on', () => {
  it('without the key: unauthorized, saying where the key is; with it, calls work', async () => {
    const keyed = await startSandbox({
      ixProfiles: 0,
      cosProfiles: 0,
      bitProfiles: 0,
      adsProfiles: 2,
      chromiumPath: null,
      adsApiKey: 'ads-key',
      adsRequestsPerSecond: RATE,
    });
    const make = (token?: string) =>
      createAdsProvider({
        connectionId: 'adsk',
        baseUrl: keyed.ads.url,
        token: () => token,
        log: quietLog().log,
        requestsPerSecond: () => RATE,
      });
    const none = make();
    const right = make('ads-key');
    try {
      await expect(none.test()).rejects.toMatchObject({
        code: 'unauthorized',
        message: expect.stringMatching(/asks for an API key/),
        details: { vendorCode: -1 },
      });
      expect(await right.listProfiles()).toHaveLength(2);
    } finally {
      none.dispose?.();
      right.dispose?.();
      await keyed.stop();
    }
  });
});
