/**
 * AdsPower client against small fakes: the optional Bearer key, failures (code -1) classed
 * by their message, an over-rate answer sent again even for a create (AdsPower did not act
 * on it), v1 GETs with a query string, and a list that pages without a total.
 */
import { describe, expect, it } from 'vitest';
import { createAdsProvider } from '../../../electron/main/providers/adspower/ads-provider';
import type { ProviderOptions } from '../../../electron/main/providers/common/provider-options';
import {
  FAST_RETRY,
  failure,
  fakeServerPerTest,
  quietLog,
  sendJson,
  type FakeHandler,
} from './fake-server';

const fake = fakeServerPerTest();
const ok = (data?: unknown) => ({
  code: 0,
  msg: 'Success',
  ...(data === undefined ? {} : { data }),
});
const fail = (msg: string, code = -1) => ({ code, msg });

async function adsWith(handler: FakeHandler, extra: Partial<ProviderOptions> = {}) {
  const server = await fake.serve(handler);
  return createAdsProvider({
    connectionId: 'ads-test',
    baseUrl: server.url,
    log: quietLog().log,
    retry: FAST_RETRY,
    timeoutMs: 2000,
    // The fakes have no limit: no need to wait a second between calls.
    requestsPerSecond: () => 1000,
    ...extra,
  });
}

describe('AdsPower transport and codes', () => {
  it('sends the key as a Bearer token only when there is one', async () => {
    const bare = await adsWith((_req, res) => sendJson(res, ok({ list: [] })));
    await bare.test();
    expect(fake.server.requests[0]!.headers.authorization).toBeUndefined();
    expect(fake.server.requests[0]!.body).toEqual({ page: 1, limit: 1 });
    const keyed = await adsWith((_req, res) => sendJson(res, ok({ list: [] })), {
      token: () => 'key-7',
    });
    await keyed.test();
    expect(fake.server.requests[0]!.headers.authorization).toBe('Bearer key-7');
  });

  it('classes code -1 failures by their message, keeping code and message', async () => {
    const cases: Array<[string, string]> = [
      ['API key verification failed', 'unauthorized'],
      ['Profile does not exist', 'not-found'],
      ['Profile is open, close it first', 'conflict'],
      ['profile_id is required', 'invalid-input'],
      ['Server busy, please try again later', 'busy'],
      ['Something odd', 'vendor-error'],
    ];
    for (const [msg, code] of cases) {
      const ads = await adsWith((_req, res) => sendJson(res, fail(msg)), {
        retry: { retries: 0, baseDelayMs: 0, maxDelayMs: 0 },
      });
      const e = await failure(ads.test());
      expect(e.code, msg).toBe(code);
      expect(e.details).toMatchObject({ vendorCode: -1, vendorMessage: msg });
      ads.dispose?.();
      await fake.server.close();
    }
  });

  it('an over-rate answer is sent again, even for a create: AdsPower did not act on it', async () => {
    let creates = 0;
    const ads = await adsWith((req, res) => {
      if (req.path !== '/api/v2/browser-profile/create') return sendJson(res, ok({ list: [] }));
      creates++;
      if (creates === 1) return sendJson(res, fail('Too many request per second, please check'));
      sendJson(res, ok({ profile_id: 'knew001', profile_no: '9' }));
    });
    expect(await ads.createProfile({ name: 'n', tags: [], remark: '' })).toBe('knew001');
    expect(creates).toBe(2);
    expect(fake.server.requests.at(-1)!.body).toMatchObject({
      name: 'n',
      group_id: '0',
      user_proxy_config: { proxy_soft: 'no_proxy' },
    });
  });

  it('a create failing for another reason is not sent again', async () => {
    const ads = await adsWith((_req, res) =>
      sendJson(res, fail('Server busy, please try again later')),
    );
    await expect(ads.createProfile({ name: 'n', tags: [], remark: '' })).rejects.toMatchObject({
      code: 'busy',
    });
    expect(fake.server.requests).toHaveLength(1);
  });

  it('reads v1 groups with GET and a query string, page by page until a short page', async () => {
    const ads = await adsWith((req, res) => {
      const page = Number(new URL(req.path, 'http://x').searchParams.get('page'));
      const list = Array.from({ length: page === 1 ? 100 : 3 }, (_, i) => ({
        group_id: String(page * 1000 + i),
        group_name: `G${i}`,
      }));
      sendJson(res, ok({ list, page, page_size: 100 }));
    });
    expect(await ads.listGroups()).toHaveLength(103);
    expect(fake.server.requests.map((r) => r.path)).toEqual([
      '/api/v1/group/list?page=1&page_size=100',
      '/api/v1/group/list?page=2&page_size=100',
    ]);
  });

  it('lists v2 pages of 100 (the limit always sent), reading until a short page', async () => {
    const ads = await adsWith((req, res) => {
      if (req.path.startsWith('/api/v1/browser/local-active'))
        return sendJson(
          res,
          ok({
            list: [
              {
                user_id: 'k000001',
                debug_port: '9222',
                ws: {
                  puppeteer: 'ws://127.0.0.1:9222/devtools/browser/x',
                  selenium: '127.0.0.1:9222',
                },
                webdriver: '/x/chromedriver',
              },
            ],
          }),
        );
      const page = Number(req.body['page']);
      const list = Array.from({ length: page < 3 ? 100 : 1 }, (_, i) => ({
        profile_id: `k${String(page * 1000 + i).padStart(6, '0')}`,
        name: `P${i}`,
        user_proxy_config: { proxy_soft: 'no_proxy' },
      }));
      sendJson(res, ok({ list, page, page_size: 100 }));
    });
    const profiles = await ads.listProfiles();
    expect(profiles).toHaveLength(201);
    expect(
      fake.server.requests
        .filter((r) => r.path === '/api/v2/browser-profile/list')
        .map((r) => r.body),
    ).toEqual([
      { page: 1, limit: 100 },
      { page: 2, limit: 100 },
      { page: 3, limit: 100 },
    ]);
    expect(profiles.find((p) => p.vendorId === 'k001000')).toMatchObject({ status: 'closed' });
  });
});
