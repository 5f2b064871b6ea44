/**
 * The AdsPower emulation answers as the vendor does: `{code, msg, data}` with code -1 and a
 * message on failure, list pages of one row unless `limit` says (at most 100) and no total,
 * v1 GETs with a query string, v2 stop without data, start's ws/debug_port/webdriver, and
 * over its rate the "Too many request per second" answer, counted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../electron/sandbox';
import { ads } from './support';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({
    ixProfiles: 0,
    cosProfiles: 0,
    bitProfiles: 0,
    adsProfiles: 150,
    chromiumPath: null,
    adsRequestsPerSecond: 1000,
  });
});
afterAll(() => sb.stop());

describe('AdsPower envelope and paging', () => {
  it('answers {code: 0, msg, data}; a failure is code -1 with a message, HTTP 200', async () => {
    const okay = await ads(sb, '/api/v2/browser-profile/list', { page: 1, limit: 1 });
    expect(okay.status).toBe(200);
    expect(okay.json).toMatchObject({ code: 0, msg: 'Success' });
    expect(Object.keys(okay.json.data).sort()).toEqual(['list', 'page', 'page_size']);
    expect(await ads(sb, '/api/v2/browser-profile/update', { name: 'x' })).toEqual({
      status: 200,
      json: { code: -1, msg: 'profile_id is required' },
    });
  });

  it('lists one row when limit is left out, at most 100 whatever is asked, with no total', async () => {
    expect((await ads(sb, '/api/v2/browser-profile/list', {})).json.data.list).toHaveLength(1);
    const big = await ads(sb, '/api/v2/browser-profile/list', { page: 1, limit: 500 });
    expect(big.json.data).toMatchObject({ page: 1, page_size: 100 });
    expect(big.json.data.list).toHaveLength(100);
    expect(
      (await ads(sb, '/api/v2/browser-profile/list', { page: 2, limit: 100 })).json.data.list,
    ).toHaveLength(50);
    const row = big.json.data.list[0];
    expect(row).toMatchObject({
      profile_id: expect.stringMatching(/^k[0-9a-z]{6}$/),
      profile_no: '150',
      user_proxy_config: { proxy_soft: expect.any(String) },
    });
  });

  it('serves v1 group list and local-active as GETs with a query string', async () => {
    const groups = await ads(sb, '/api/v1/group/list?page=1&page_size=2', {}, { method: 'GET' });
    expect(groups.json.data).toMatchObject({ page: 1, page_size: 2 });
    expect(groups.json.data.list[0]).toEqual({
      group_id: expect.any(String),
      group_name: expect.any(String),
      remark: '',
    });
    const active = await ads(sb, '/api/v1/browser/local-active', {}, { method: 'GET' });
    expect(active.json).toEqual({ code: 0, msg: 'Success', data: { list: [] } });
    expect((await ads(sb, '/api/v1/group/list', {})).status).toBe(404);
  });

  it('starts with ws.puppeteer, ws.selenium, debug_port and webdriver; stop answers without data', async () => {
    const id = sb.ads.profiles()[3]!.profile_id;
    const { json } = await ads(sb, '/api/v2/browser-profile/start', { profile_id: id });
    expect(Object.keys(json.data).sort()).toEqual(['debug_port', 'webdriver', 'ws']);
    expect(json.data.ws.puppeteer).toMatch(
      new RegExp(`^ws://127\\.0\\.0\\.1:${json.data.debug_port}/devtools/browser/`),
    );
    expect(json.data.ws.selenium).toBe(`127.0.0.1:${json.data.debug_port}`);
    const active = await ads(sb, '/api/v1/browser/local-active', {}, { method: 'GET' });
    expect(active.json.data.list).toEqual([{ user_id: id, ...json.data }]);
    expect((await ads(sb, '/api/v2/browser-profile/stop', { profile_id: id })).json).toEqual({
      code: 0,
      msg: 'Success',
    });
  });

  it('refuses more than 100 ids in a batch, and a create without group_id or proxy', async () => {
    const ids = sb.ads
      .profiles()
      .slice(0, 101)
      .map((p) => p.profile_id);
    expect((await ads(sb, '/api/v2/browser-profile/delete', { profile_id: ids })).json.msg).toMatch(
      /100/,
    );
    expect((await ads(sb, '/api/v2/browser-profile/create', { name: 'x' })).json.msg).toBe(
      'group_id is required',
    );
    expect(
      (await ads(sb, '/api/v2/browser-profile/create', { name: 'x', group_id: '0' })).json.msg,
    ).toBe('user_proxy_config or proxyid is required');
    expect(sb.ads.profiles()).toHaveLength(150);
  });
});

describe('AdsPower rate limit and key', () => {
  it('answers over its rate "Too many request per second", serving nothing, and counts it', async () => {
    const slow = await startSandbox({
      ixProfiles: 0,
      cosProfiles: 0,
      bitProfiles: 0,
      adsProfiles: 3,
      chromiumPath: null,
      adsRequestsPerSecond: 2,
    });
    try {
      const answers = await Promise.all(
        [1, 2, 3].map(() =>
          ads(slow, '/api/v2/browser-profile/update', {
            profile_id: slow.ads.profiles()[0]!.profile_id,
            remark: 'burst',
          }),
        ),
      );
      expect(answers.map((a) => a.json.code).sort()).toEqual([-1, 0, 0]);
      expect(answers.find((a) => a.json.code === -1)!.json).toEqual({
        code: -1,
        msg: 'Too many request per second, please check',
      });
      expect(slow.ads.overRateCount()).toBe(1);
      expect(slow.ads.arrivals()).toHaveLength(3);
    } finally {
      await slow.stop();
    }
  });

  it('with security verification on, a call without the Bearer key is refused', async () => {
    const keyed = await startSandbox({
      ixProfiles: 0,
      cosProfiles: 0,
      bitProfiles: 0,
      adsProfiles: 1,
      chromiumPath: null,
      adsApiKey: 'K',
      adsRequestsPerSecond: 100,
    });
    try {
      expect((await ads(keyed, '/api/v2/browser-profile/list', { limit: 1 })).json).toEqual({
        code: -1,
        msg: 'API key verification failed',
      });
      const ok = await ads(
        keyed,
        '/api/v2/browser-profile/list',
        { limit: 1 },
        { headers: { Authorization: 'Bearer K' } },
      );
      expect(ok.json.code).toBe(0);
      expect(keyed.endpoints.adspower).toMatchObject({ token: 'K', requestsPerSecond: 100 });
    } finally {
      await keyed.stop();
    }
  });
});
