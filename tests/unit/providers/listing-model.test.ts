/**
 * What a listing builds, beyond the field mapping the sandbox tests check: tag lists read
 * once per distinct raw value and shared, profiles that are plain model data whatever class
 * built them, one profile per id across shifted pages, and CosLogin's window index.
 */
import { describe, expect, it } from 'vitest';
import { ProfileSchema, type Profile, type TagRef } from '../../../shared/model';
import { createCosProvider } from '../../../electron/main/providers/cos/cos-provider';
import { createWindowIndex } from '../../../electron/main/providers/bit-family/window-index';
import { createIxProvider } from '../../../electron/main/providers/ixbrowser/ix-provider';
import { dropRepeats } from '../../../electron/main/providers/common/paging';
import { NO_TAGS, createTagSets, tagKey } from '../../../electron/main/providers/common/tag-sets';
import { windowTagReader } from '../../../electron/main/providers/bit-family/bit-mapping';
import type { WindowWire } from '../../../electron/main/providers/bit-family/bit-wire';
import {
  FAST_RETRY,
  cosOk,
  ixOk,
  quietLog,
  sendJson,
  fakeServerPerTest,
  type FakeHandler,
} from './fake-server';

const fake = fakeServerPerTest();

async function serve(handler: FakeHandler) {
  const server = await fake.serve(handler);
  return {
    connectionId: 'c1',
    baseUrl: server.url,
    log: quietLog().log,
    retry: FAST_RETRY,
    timeoutMs: 2000,
  };
}

describe('tag sets', () => {
  it('reads each key once and shares the frozen result', () => {
    const sets = createTagSets();
    let reads = 0;
    const read = (row: { ids: string }) => {
      reads++;
      return row.ids.split(' ').map((id) => ({ id, name: `t${id}` }));
    };
    const a = sets('1 2', 'one two', { ids: '1 2' }, read);
    const b = sets('1 2', 'one two', { ids: '1 2' }, read);
    const c = sets('3', 'three', { ids: '3' }, read);
    // Either part tells sets apart; a number is not the text of it.
    sets('1 2', 'one  two', { ids: '1 2' }, read);
    sets(3, 'three', { ids: '3' }, read);
    expect(reads).toBe(4);
    expect(b).toBe(a);
    expect(c).toEqual([{ id: '3', name: 't3' }]);
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen(a![0])).toBe(true);
    expect(() => (a as TagRef[]).push({ id: 'x', name: 'x' })).toThrow();
  });

  it('remembers an unpairable set as such', () => {
    const sets = createTagSets();
    let reads = 0;
    const unpaired = () => {
      reads++;
      return undefined;
    };
    expect(sets('1 2', 'a b c', {}, unpaired)).toBeUndefined();
    expect(sets('1 2', 'a b c', {}, unpaired)).toBeUndefined();
    expect(reads).toBe(1);
    sets(null, undefined, {}, unpaired);
    sets(null, undefined, {}, unpaired);
    expect(reads).toBe(2);
  });

  it('CosLogin ids sent as a list and as text are told apart', () => {
    const read = windowTagReader((id) => (id === '3' ? 'vip' : undefined));
    const row = (tagIds: unknown) => ({ tagIds }) as unknown as WindowWire;
    expect(read(row([3]))).toEqual([{ id: '3', name: 'vip' }]);
    // A tag the vendor did not name reads as #id, never blank.
    expect(read(row('1:3'))).toEqual([{ id: '1:3', name: '#1:3' }]);
    expect(read(row([3]))).toBe(read(row([3])));
  });

  it('keys are unambiguous however the parts split', () => {
    expect(tagKey(['a1:', 'b'])).not.toBe(tagKey(['a', '1:b']));
    expect(tagKey(['12', ''])).not.toBe(tagKey(['1', '2']));
    expect(tagKey([3, 5])).toBe(tagKey(['3', '5']));
    expect(Object.isFrozen(NO_TAGS)).toBe(true);
  });
});

describe('dropRepeats', () => {
  const items = (...ids: string[]) => ids.map((vendorId, i) => ({ vendorId, i }));
  const ids = (list: { vendorId: string }[]) => list.map((p) => p.vendorId);

  it('passes a listing whose ids strictly fall or rise as it is', () => {
    const falling = items('30', '20', '11', '10', '2');
    const rising = items('1', '2', '10', '11');
    expect(dropRepeats(falling)).toBe(falling);
    expect(dropRepeats(rising)).toBe(rising);
  });

  it('drops a row that came again after the pages shifted, keeping the first', () => {
    // Page 2 was read after a profile was added at the top: "20" comes twice.
    const shifted = items('40', '30', '20', '20', '10');
    expect(dropRepeats(shifted).map((p) => p.i)).toEqual([0, 1, 2, 4]);
  });

  it('falls back to comparing ids as text when they are not ordered numbers', () => {
    expect(ids(dropRepeats(items('b', 'a', 'b', 'c')))).toEqual(['b', 'a', 'c']);
    // The same number written two ways is two ids, not a repeat.
    expect(ids(dropRepeats(items('11', '011', '5')))).toEqual(['11', '011', '5']);
    expect(ids(dropRepeats(items('3', 'x', '1', '3')))).toEqual(['3', 'x', '1']);
    expect(ids(dropRepeats(items('7')))).toEqual(['7']);
    expect(dropRepeats([])).toEqual([]);
  });
});

/** A profile as the renderer receives it: what IPC's structured clone keeps. */
const asReceived = (p: Profile) => structuredClone(p) as Profile;

describe('ixBrowser listing', () => {
  const row = (id: number, extra: Record<string, unknown> = {}) => ({
    profile_id: id,
    name: `P${id}`,
    group_id: 1,
    group_name: 'G',
    tag_id: '7 8',
    tag_name: 'ads new',
    proxy_mode: 2,
    proxy_type: 'http',
    proxy_ip: '10.0.0.1',
    proxy_port: '8080',
    ...extra,
  });

  it('shares one tag list among rows with the same tags, and pairs each distinct one', async () => {
    const rows = [
      row(1),
      row(2),
      row(3, { tag_name: 'paused new' }),
      row(4, { tag_id: '', tag_name: '' }),
      // A tag name with a space cannot be paired by position: the tag list names it.
      row(5, { tag_id: '9', tag_name: 'two words' }),
    ];
    const ix = createIxProvider(
      await serve((req, res) => {
        if (req.path.endsWith('/profile-list')) sendJson(res, ixOk({ total: 5, data: rows }));
        else if (req.path.endsWith('/tag-list'))
          sendJson(res, ixOk({ total: 1, data: [{ id: 9, title: 'two words' }] }));
        else sendJson(res, ixOk([]));
      }),
    );
    const [p1, p2, p3, p4, p5] = await ix.listProfiles();
    expect(p1!.tags).toEqual([
      { id: '7', name: 'ads' },
      { id: '8', name: 'new' },
    ]);
    expect(p2!.tags).toBe(p1!.tags);
    expect(p3!.tags).toEqual([
      { id: '7', name: 'paused' },
      { id: '8', name: 'new' },
    ]);
    expect(p4!.tags).toEqual([]);
    expect(p5!.tags).toEqual([{ id: '9', name: 'two words' }]);
  });

  it('profiles are model data: valid, with no keys the model leaves out, and clone as they are', async () => {
    const ix = createIxProvider(
      await serve((req, res) =>
        req.path.endsWith('/profile-list')
          ? sendJson(
              res,
              ixOk({ total: 2, data: [row(1), row(2, { last_open_time: 1700000000 })] }),
            )
          : sendJson(res, ixOk([])),
      ),
    );
    const [p1, p2] = await ix.listProfiles();
    for (const p of [p1!, p2!]) {
      expect(ProfileSchema.safeParse(p).success).toBe(true);
      expect(asReceived(p)).toStrictEqual({ ...p, proxy: { ...p.proxy }, tags: [...p.tags] });
    }
    expect(Object.keys(p1!)).not.toContain('lastOpenedAt');
    expect(Object.keys(p1!.proxy)).not.toContain('vendorProxyId');
    expect(p2!.lastOpenedAt).toBe(1_700_000_000_000);
  });

  it('a row repeated on the next page (a profile created mid-listing) is listed once', async () => {
    const all = Array.from({ length: 150 }, (_, i) => row(i + 1));
    const ix = createIxProvider(
      await serve((req, res) => {
        if (!req.path.endsWith('/profile-list')) return sendJson(res, ixOk([]));
        const page = req.body['page'] as number;
        // Page 2 starts one row early, as if a profile had been added at the top.
        const data = page === 1 ? all.slice(0, 100) : all.slice(99, 150);
        sendJson(res, ixOk({ total: 150, data }));
      }),
    );
    const keys = (await ix.listProfiles()).map((p) => p.vendorId);
    expect(keys).toHaveLength(150);
    expect(new Set(keys).size).toBe(150);
  });
});

describe('CosLogin listing', () => {
  const win = (id: number, extra: Record<string, unknown> = {}) => ({
    id,
    uuid: `uuid-${id}`,
    name: `W${id}`,
    groupId: 3,
    tagIds: [1, 2],
    proxyMethod: 2,
    proxyType: 'socks5',
    host: '10.0.0.2',
    port: 1080,
    ...extra,
  });

  it('shares tag lists, names them from the tag list, and marks windows open by uuid too', async () => {
    const cos = createCosProvider({
      ...(await serve((req, res) => {
        if (req.path === '/browser/list')
          sendJson(res, cosOk({ list: [win(1), win(2), win(3, { tagIds: [2] })], total: 3 }));
        else if (req.path === '/browserTag/list')
          sendJson(
            res,
            cosOk([
              { id: 1, tagName: 'ads' },
              { id: 2, tagName: 'new' },
            ]),
          );
        else if (req.path === '/group/list')
          sendJson(res, cosOk({ list: [{ id: 3, groupName: 'Shops' }], total: 1 }));
        // This client keys pids and ports by uuid.
        else if (req.path === '/browser/pids') sendJson(res, cosOk({ 'uuid-2': 4242 }));
        else if (req.path === '/browser/ports') sendJson(res, cosOk({ 'uuid-2': '9333' }));
        else sendJson(res, cosOk({}));
      })),
      token: () => 't',
    });
    const [w1, w2, w3] = await cos.listProfiles();
    expect(w1!.tags).toEqual([
      { id: '1', name: 'ads' },
      { id: '2', name: 'new' },
    ]);
    expect(w2!.tags).toBe(w1!.tags);
    expect(w3!.tags).toEqual([{ id: '2', name: 'new' }]);
    expect(w1!.groupName).toBe('Shops');
    // The first listing, before any index: matched by the row's uuid.
    expect([w1!.status, w2!.status, w2!.debugPort]).toEqual(['closed', 'open', 9333]);
    expect(ProfileSchema.safeParse(w2).success).toBe(true);
    expect(asReceived(w2!)).toStrictEqual({ ...w2!, proxy: { ...w2!.proxy }, tags: [...w2!.tags] });
    // Sessions are by id once the listing indexed the uuid.
    const sessions = await cos.listSessions();
    expect(sessions.map((s) => [s.vendorId, s.pid, s.debugPort, s.profileName])).toEqual([
      ['2', 4242, 9333, 'W2'],
    ]);
  });
});

describe('groups and tags the vendor did not name', () => {
  it('read as #id on both vendors, never blank; no group stays empty', async () => {
    const ix = createIxProvider(
      await serve((req, res) => {
        if (req.path.endsWith('/profile-list'))
          sendJson(
            res,
            ixOk({
              total: 2,
              data: [
                {
                  profile_id: 2,
                  name: 'a',
                  group_id: 7,
                  group_name: '',
                  tag_id: '5',
                  tag_name: '',
                },
                {
                  profile_id: 1,
                  name: 'b',
                  group_id: '',
                  group_name: '',
                  tag_id: '',
                  tag_name: '',
                },
              ],
            }),
          );
        else sendJson(res, ixOk({ total: 0, data: [] }));
      }),
    );
    const [named, none] = await ix.listProfiles();
    expect(named).toMatchObject({ groupName: '#7', tags: [{ id: '5', name: '#5' }] });
    expect(none).toMatchObject({ groupName: '', tags: [] });

    const cos = createCosProvider({
      ...(await serve((req, res) => {
        if (req.path === '/browser/list')
          sendJson(
            res,
            cosOk({
              list: [
                { id: 1, name: 'w', groupId: 9, tagIds: [4] },
                { id: 2, name: 'x', groupId: 0, tagIds: [] },
              ],
              total: 2,
            }),
          );
        else if (req.path === '/browserTag/list' || req.path === '/group/list')
          sendJson(res, cosOk({ list: [], total: 0 }));
        else sendJson(res, cosOk({}));
      })),
      token: () => 't',
    });
    const [w1, w2] = await cos.listProfiles();
    expect(w1).toMatchObject({ groupName: '#9', tags: [{ id: '4', name: '#4' }] });
    expect(w2).toMatchObject({ groupId: '', groupName: '' });
  });
});

describe('CosLogin window index', () => {
  const profile = (vendorId: string, name: string, uuid?: string) =>
    ({ vendorId, name, ...(uuid ? { uuid } : {}) }) as Profile;

  it('answers from the listing, and windows learnt since win until the next listing', () => {
    const index = createWindowIndex();
    index.listed([profile('1', 'One', 'u-1'), profile('2', 'Two')]);
    expect([index.knows('1'), index.knows('2'), index.knows('3')]).toEqual([true, true, false]);
    expect([index.uuidOf('1'), index.uuidOf('2'), index.idOf('u-1')]).toEqual([
      'u-1',
      undefined,
      '1',
    ]);
    index.learn('1', 'One renamed', 'u-1');
    index.learn('3', 'Three', 'u-3');
    expect([index.nameOf('1'), index.nameOf('3'), index.idOf('u-3')]).toEqual([
      'One renamed',
      'Three',
      '3',
    ]);
    index.listed([profile('1', 'One again', 'u-1')]);
    expect([index.nameOf('1'), index.knows('3'), index.knows('2')]).toEqual([
      'One again',
      false,
      false,
    ]);
  });
});
