/**
 * A tag the vendor lists without a name reads as `#<id>` in the table. Writing a tag set
 * read from a row (adding or removing one tag keeps the others) must give that tag back by
 * its id, never create a new tag named `#<id>`.
 */
import { describe, expect, it } from 'vitest';
import { createAdsProvider } from '../../../electron/main/providers/adspower/ads-provider';
import { createCosProvider } from '../../../electron/main/providers/cos/cos-provider';
import { tagIdsByName } from '../../../electron/main/providers/common/records';
import { FAST_RETRY, cosOk, fakeServerPerTest, quietLog, sendJson } from './fake-server';

const fake = fakeServerPerTest();

describe('tags without a name', () => {
  it('are written back by id, not created as "#id"', async () => {
    const server = await fake.serve((req, res) => {
      if (req.path.startsWith('/browserTag/list'))
        return sendJson(
          res,
          cosOk({
            list: [
              { id: 3, tagName: '' },
              { id: 5, tagName: 'vip' },
            ],
            total: 2,
          }),
        );
      if (req.path.startsWith('/browserTag/create')) return sendJson(res, cosOk({ id: 99 }));
      return sendJson(res, cosOk({}));
    });
    const cos = createCosProvider({
      connectionId: 'cos',
      baseUrl: server.url,
      token: () => 'tok',
      log: quietLog().log,
      retry: FAST_RETRY,
      timeoutMs: 2000,
    });
    const results = await cos.setTags(['1'], ['#3', 'vip']);
    expect([...results.values()]).toEqual([null]);
    const paths = server.requests.map((r) => r.path.split('?')[0]);
    expect(paths).not.toContain('/browserTag/create');
    const update = server.requests.find((r) => r.path.startsWith('/browser/update/partial'))!;
    expect(update.body).toMatchObject({ ids: [1], tagIds: [3, 5] });
  });

  it('AdsPower too: "#id" is the unnamed tag, not one to create', async () => {
    const adsOk = (data: unknown) => ({ code: 0, msg: 'Success', data });
    const server = await fake.serve((req, res) => {
      if (req.path === '/api/v2/browser-tags/list')
        return sendJson(
          res,
          adsOk({
            list: [
              { id: 3, name: '' },
              { id: 5, name: 'vip' },
            ],
          }),
        );
      if (req.path === '/api/v2/browser-tags/create')
        return sendJson(res, adsOk({ list: [{ id: 99, name: '#3' }] }));
      return sendJson(res, adsOk({}));
    });
    const ads = createAdsProvider({
      connectionId: 'ads',
      baseUrl: server.url,
      log: quietLog().log,
      retry: FAST_RETRY,
      timeoutMs: 2000,
      requestsPerSecond: () => 1000,
    });
    const results = await ads.setTags(['k1'], ['#3', 'vip']);
    expect([...results.values()]).toEqual([null]);
    expect(server.requests.map((r) => r.path)).not.toContain('/api/v2/browser-tags/create');
    const update = server.requests.find((r) => r.path === '/api/v2/browser-profile/update')!;
    expect(update.body).toMatchObject({ profile_id: 'k1', profile_tag_ids: ['3', '5'] });
    ads.dispose?.();
  });

  it('a real tag named like one wins over the unnamed one', () => {
    const ids = tagIdsByName([
      { id: '7', name: '#3' },
      { id: '3', name: '' },
    ]);
    expect(ids.get('#3')).toBe('7');
    expect(ids.get('#7')).toBeUndefined();
  });
});
