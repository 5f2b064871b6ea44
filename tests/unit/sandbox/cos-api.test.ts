import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type CosProfileRecord, type Sandbox } from '../../../electron/sandbox';
import {
  COS_CLOSE_SUCCESS,
  COS_CONFIG_REQUIRED,
  COS_CREATE_REQUEST,
  COS_DELETE_IDS_REQUEST,
  COS_DELETE_REQUEST,
  COS_DETAIL_BY_ID,
  COS_EDIT_REQUEST,
  COS_GROUP_ADD_REQUEST,
  COS_GROUP_LIST_REQUEST,
  COS_GROUP_UPDATE_REQUEST,
  COS_LIST_REQUEST,
  COS_OPEN_SUCCESS,
  COS_PARTIAL_REQUEST,
  COS_PROXY_UPDATE_REQUEST,
  COS_REMARK_UPDATE_REQUEST,
  COS_SUCCESS_ENVELOPE,
  COS_TAG_CREATE_REQUEST,
  COS_TAG_LIST_REQUEST,
} from './doc-examples';
import { cos, shapeOf } from './support';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({
    ixProfiles: 0,
    cosProfiles: 60,
    chromiumPath: null,
    cosToken: 'T0KEN',
    seed: 3,
  });
});
afterAll(() => sb.stop());

const win = (id: number): CosProfileRecord | undefined =>
  sb.cos.profiles().find((w) => w.id === id);
const config = { browserType: 'firefox', coreVersion: '128', startUrl: 'about:blank' };

describe('CosLogin envelope, token and transport', () => {
  it('answers {code, msg, data} with the token from options', async () => {
    expect(sb.cos.token).toBe('T0KEN');
    const { status, json } = await cos(sb, '/browserTag/list', COS_TAG_LIST_REQUEST);
    expect(status).toBe(200);
    expect(Object.keys(json).sort()).toEqual(Object.keys(COS_SUCCESS_ENVELOPE).sort());
    expect(json).toMatchObject({ code: 0, msg: 'success' });
  });

  it('refuses a missing or wrong X-Cos-Local-Token with HTTP 401 and code 401, on every path', async () => {
    for (const path of ['/browser/list', '/browser/open', '/no/such/path']) {
      for (const token of [null, 'wrong']) {
        const { status, json } = await cos(sb, path, {}, { token });
        expect(status, `${path} ${token}`).toBe(401);
        expect(json.code).toBe(401);
      }
    }
  });

  it('answers an unknown API with HTTP 404 and code 404', async () => {
    const { status, json } = await cos(sb, '/browser/teleport', {});
    expect(status).toBe(404);
    expect(json).toMatchObject({ code: 404, data: {} });
  });

  it('takes parameters only as a JSON body: query strings and broken JSON get 211, form data 415', async () => {
    const query = await cos(sb, '/browser/list?page=0', {});
    expect(query.json.code).toBe(211);
    const form = await cos(
      sb,
      '/browser/list',
      {},
      { headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, rawBody: 'page=0' },
    );
    // Refused before the vendor logic, in CosLogin's envelope (see request-guard.test.ts).
    expect(form).toMatchObject({ status: 415, json: { code: 415, data: {} } });
    const broken = await cos(sb, '/browser/list', {}, { rawBody: '{"page":' });
    expect(broken.json.code).toBe(211);
  });
});

describe('/browser/update (create and edit)', () => {
  it('refuses the documented create example without config, exactly as documented', async () => {
    const { status, json } = await cos(sb, '/browser/update', COS_CREATE_REQUEST);
    expect(status).toBe(200);
    expect(json).toEqual(COS_CONFIG_REQUIRED);
    expect((await cos(sb, '/browser/update', { ...COS_CREATE_REQUEST, config: {} })).json).toEqual(
      COS_CONFIG_REQUIRED,
    );
  });

  it('creates a window from the documented example plus a complete config', async () => {
    const before = sb.cos.profiles().length;
    const { json } = await cos(sb, '/browser/update', { ...COS_CREATE_REQUEST, config });
    expect(json.code).toBe(0);
    const created = json.data as CosProfileRecord;
    expect(created).toMatchObject({
      name: 'windows browser',
      groupId: 12,
      tagIds: [3, 5],
      remark: 'Created via API',
      proxyMethod: 2,
      proxyType: 'socks5',
      host: '1.2.3.4',
      port: 1020,
      proxyUserName: 'abc',
      proxyPassword: 'def',
      browserFingerPrint: COS_CREATE_REQUEST.browserFingerPrint,
      config,
    });
    expect(created.uuid).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(sb.cos.profiles()).toHaveLength(before + 1);
    // The same fields as every seeded window (config itself is free-form).
    expect(Object.keys(created).sort()).toEqual(Object.keys(sb.cos.profiles()[0]!).sort());
  });

  it('edits with the documented example only when config comes along', async () => {
    expect((await cos(sb, '/browser/update', COS_EDIT_REQUEST)).json).toEqual(COS_CONFIG_REQUIRED);
    expect(win(101)!.name).not.toBe('Modified window name');
    const { json } = await cos(sb, '/browser/update', { ...COS_EDIT_REQUEST, config });
    expect(json.code).toBe(0);
    expect(win(101)).toMatchObject({
      name: 'Modified window name',
      groupId: 15,
      remark: 'Modified remark',
      tagIds: [3, 8],
      config,
    });
    const unknownGroup = await cos(sb, '/browser/update', { id: 101, groupId: 999, config });
    expect(unknownGroup.json.code).toBe(211);
  });
});

describe('batch edits', () => {
  it('updates fields of several windows with /browser/update/partial (no config needed)', async () => {
    const { json } = await cos(sb, '/browser/update/partial', COS_PARTIAL_REQUEST);
    expect(json.code).toBe(0);
    for (const id of [101, 102]) {
      expect(win(id)).toMatchObject({
        name: 'Batch renamed',
        groupId: 15,
        remark: 'New remark',
        tagIds: [3, 8],
      });
    }
    expect((await cos(sb, '/browser/update/partial', { name: 'x' })).json.code).toBe(211);
    expect(
      (await cos(sb, '/browser/update/partial', { ids: [101, 99_999], remark: 'x' })).json.code,
    ).toBe(211);
    expect(win(101)!.remark).toBe('New remark');
  });

  it('moves groups, sets remarks and proxies for many windows', async () => {
    expect(
      (await cos(sb, '/browser/group/update', { ...COS_GROUP_UPDATE_REQUEST, groupId: 13 })).json
        .code,
    ).toBe(0);
    expect([win(101)!.groupId, win(102)!.groupId]).toEqual([13, 13]);
    expect((await cos(sb, '/browser/group/update', { ids: [101], groupId: 999 })).json.code).toBe(
      211,
    );

    expect((await cos(sb, '/browser/remark/update', COS_REMARK_UPDATE_REQUEST)).json.code).toBe(0);
    expect([win(101)!.remark, win(102)!.remark]).toEqual(['Remark info', 'Remark info']);

    expect((await cos(sb, '/browser/proxy/update', COS_PROXY_UPDATE_REQUEST)).json.code).toBe(0);
    expect(win(102)).toMatchObject({
      proxyMethod: 2,
      proxyType: 'socks5',
      host: '127.0.0.1',
      port: 1080,
      proxyUserName: 'user',
      proxyPassword: 'pass',
      ipCheckService: 'ip-api',
    });
    const noMethod = await cos(sb, '/browser/proxy/update', { ids: [101], proxyType: 'http' });
    expect(noMethod.json.code).toBe(211);
    const noHost = await cos(sb, '/browser/proxy/update', {
      ids: [101],
      proxyMethod: 2,
      proxyType: 'http',
    });
    expect(noHost.json.code).toBe(211);
  });
});

describe('/browser/detail and /browser/list', () => {
  it('answers a numeric id with 211 "UUID invalid" and finds a window by uuid', async () => {
    const byId = await cos(sb, '/browser/detail', COS_DETAIL_BY_ID);
    expect(byId.json).toMatchObject({ code: 211, msg: 'UUID invalid' });
    expect((await cos(sb, '/browser/detail', {})).json).toMatchObject({
      code: 211,
      msg: 'UUID invalid',
    });
    const w = win(103)!;
    const byUuid = await cos(sb, '/browser/detail', { uuid: w.uuid });
    expect(byUuid.json).toMatchObject({ code: 0, data: { id: 103, uuid: w.uuid, name: w.name } });
  });

  it('pages from 0 as {list, page, pageSize, total}, filtered by group, keyword, name, remark', async () => {
    const { json } = await cos(sb, '/browser/list', COS_LIST_REQUEST);
    const inGroup = sb.cos.profiles().filter((w) => w.groupId === 12);
    expect(json.data).toMatchObject({ page: 0, pageSize: 20, total: inGroup.length });
    expect(json.data.list.every((w: CosProfileRecord) => w.groupId === 12)).toBe(true);

    const all: number[] = [];
    for (let page = 0; ; page++) {
      const res = await cos(sb, '/browser/list', { page, pageSize: 7 });
      if (!res.json.data.list.length) break;
      all.push(...res.json.data.list.map((w: CosProfileRecord) => w.id));
    }
    expect(all.sort((a, b) => a - b)).toEqual(sb.cos.profiles().map((w) => w.id));

    const named = sb.cos.profiles()[5]!;
    const byName = await cos(sb, '/browser/list', { name: named.name });
    expect(byName.json.data.list.map((w: CosProfileRecord) => w.id)).toContain(named.id);
    const byRemark = await cos(sb, '/browser/list', { remark: 'Remark info' });
    expect(byRemark.json.data.list.map((w: CosProfileRecord) => w.id).sort()).toEqual([101, 102]);
    const byKeyword = await cos(sb, '/browser/list', { keyword: 'remark info' });
    expect(byKeyword.json.data.total).toBe(2);
  });
});

describe('open and close (simulated browsers)', () => {
  it('opens one window as documented, reports pids and ports, and closes it', async () => {
    const w = win(104)!;
    const opened = await cos(sb, '/browser/open', { uuid: w.uuid });
    expect(shapeOf(opened.json)).toEqual(shapeOf(COS_OPEN_SUCCESS));
    expect(opened.json).toMatchObject({
      code: 0,
      msg: 'Browser opened',
      data: { id: '104', browserId: '104', uuid: w.uuid, alreadyStarted: false },
    });
    const again = await cos(sb, '/browser/open', { id: 104 });
    expect(again.json.data).toMatchObject({ alreadyStarted: true, pid: opened.json.data.pid });

    const pids = await cos(sb, '/browser/pids', {});
    expect(pids.json.data).toEqual({ '104': opened.json.data.pid });
    const ports = await cos(sb, '/browser/ports', {});
    expect(Object.keys(ports.json.data)).toEqual(['104']);
    expect(ports.json.data['104']).toMatch(/^\d+$/);

    const closed = await cos(sb, '/browser/close', { uuid: w.uuid });
    expect(shapeOf(closed.json)).toEqual(shapeOf(COS_CLOSE_SUCCESS));
    expect(closed.json).toMatchObject({
      code: 0,
      msg: 'Browser closed',
      data: { id: '104', uuid: w.uuid },
    });
    expect((await cos(sb, '/browser/pids', {})).json.data).toEqual({});
  });

  it('opens and closes exactly one window: several ids get 211', async () => {
    const several = [
      { ids: [105, 106] },
      { uuid: [win(105)!.uuid, win(106)!.uuid] },
      { id: 105, uuid: win(106)!.uuid },
    ];
    for (const body of several) {
      expect((await cos(sb, '/browser/open', body)).json.code, JSON.stringify(body)).toBe(211);
      expect((await cos(sb, '/browser/close', body)).json.code, JSON.stringify(body)).toBe(211);
    }
    expect((await cos(sb, '/browser/open', {})).json.code).toBe(211);
    expect((await cos(sb, '/browser/open', { browser_uuid: 'no-such-uuid' })).json.code).toBe(211);
    expect((await cos(sb, '/browser/pids', {})).json.data).toEqual({});
  });
});

describe('delete, groups and tags', () => {
  it('deletes to the recycle bin, one or several at a time', async () => {
    expect((await cos(sb, '/browser/delete', COS_DELETE_REQUEST)).json.code).toBe(0);
    expect(win(101)).toBeUndefined();
    expect((await cos(sb, '/browser/delete/ids', COS_DELETE_IDS_REQUEST)).json.code).toBe(211); // 101 is gone
    expect((await cos(sb, '/browser/delete/ids', { ids: [102, 103] })).json.code).toBe(0);
    expect([win(102), win(103)]).toEqual([undefined, undefined]);
    const listed = await cos(sb, '/browser/list', { pageSize: 1000 });
    expect(listed.json.data.list.map((w: CosProfileRecord) => w.id)).not.toContain(102);
  });

  it('lists and adds groups and tags', async () => {
    const groups = await cos(sb, '/group/list', COS_GROUP_LIST_REQUEST);
    expect(groups.json.data.list[0]).toEqual({
      id: expect.any(Number),
      groupName: expect.any(String),
      sortNum: expect.any(Number),
    });
    const added = await cos(sb, '/group/add', COS_GROUP_ADD_REQUEST);
    expect(added.json.data).toMatchObject({ groupName: 'Team A', sortNum: 1 });
    expect((await cos(sb, '/group/list', COS_GROUP_LIST_REQUEST)).json.data.total).toBe(
      groups.json.data.total + 1,
    );
    expect((await cos(sb, '/group/add', {})).json.code).toBe(211);

    const tag = await cos(sb, '/browserTag/create', COS_TAG_CREATE_REQUEST);
    expect(tag.json.data).toEqual({
      id: expect.any(Number),
      tagName: 'priority',
      tagColor: '#FF0000',
    });
    const tags = await cos(sb, '/browserTag/list', { keyword: 'prio' });
    expect(tags.json.data.list).toEqual([tag.json.data]);
    // The new group and tag are usable at once.
    const moved = await cos(sb, '/browser/update/partial', {
      ids: [110],
      groupId: added.json.data.id,
      tagIds: [tag.json.data.id],
    });
    expect(moved.json.code).toBe(0);
    expect(win(110)).toMatchObject({ groupId: added.json.data.id, tagIds: [tag.json.data.id] });
  });
});
