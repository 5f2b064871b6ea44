import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type IxProfileRecord, type Sandbox } from '../../../electron/sandbox';
import {
  IX_COPY_FAILED,
  IX_COPY_REQUEST,
  IX_COPY_SUCCESS,
  IX_NATIVE_OPENED_LIST,
  IX_PROFILE_LIST_ITEM,
  IX_PROFILE_NOT_FOUND,
  IX_SUCCESS_ENVELOPE,
} from './doc-examples';
import { ix, shapeOf } from './support';

let sb: Sandbox;
beforeAll(async () => {
  // Simulated: these are wire-contract tests; real browsers are in browsers.test.ts.
  sb = await startSandbox({ ixProfiles: 700, cosProfiles: 0, chromiumPath: null, seed: 7 });
});
afterAll(() => sb.stop());

const record = (id: number): IxProfileRecord | undefined =>
  sb.ix.profiles().find((p) => p.profile_id === id);
const byMode = (pred: (p: IxProfileRecord) => boolean) => sb.ix.profiles().find(pred)!;

describe('ixBrowser envelope', () => {
  it('answers success as {error:{code:0,message,time}, data}', async () => {
    const { status, json } = await ix(sb, 'group-list');
    expect(status).toBe(200);
    expect(shapeOf(json.error)).toEqual(shapeOf(IX_SUCCESS_ENVELOPE.error));
    expect(json.error.code).toBe(0);
    expect(json.error.message).toBe('success');
    expect(Math.abs(json.error.time - Date.now() / 1000)).toBeLessThan(60);
  });

  it('answers failures with HTTP 200 and the code (2007 as in the clipping)', async () => {
    const { status, json } = await ix(sb, 'profile-open', { profile_id: 999_999 });
    expect(status).toBe(200);
    expect(json.error.code).toBe(IX_PROFILE_NOT_FOUND.error.code);
    expect(json.error.message).toBe(IX_PROFILE_NOT_FOUND.error.message);
    expect(json.data).toBeNull();
  });

  it('answers an unknown action and a non-JSON body ixBrowser-style, not with a crash', async () => {
    const unknown = await ix(sb, 'profile-teleport', {});
    expect(unknown.status).toBe(200);
    expect(unknown.json.error.code).toBe(1001);
    const res = await fetch(`${sb.ix.url}/api/v2/profile-list`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{oops',
    });
    expect((await res.json()).error.code).toBe(1001);
  });

  it('wants required parameters (1000)', async () => {
    for (const action of [
      'profile-open',
      'profile-close',
      'profile-delete',
      'profile-update',
      'profile-copy',
    ]) {
      expect((await ix(sb, action, {})).json.error.code, action).toBe(1000);
    }
  });
});

describe('profile-list', () => {
  it('lists profiles in the documented shape, per proxy mode, with strings where the vendor sends strings', async () => {
    const custom = byMode((p) => p.proxy_mode === 2 && p.proxy_type === 'socks5');
    const { json } = await ix(sb, 'profile-list', { profile_id: custom.profile_id });
    expect(json.data.total).toBe(1);
    const item = json.data.data[0];
    expect(Object.keys(item)).toEqual(Object.keys(IX_PROFILE_LIST_ITEM));
    expect(shapeOf(item)).toEqual(shapeOf(IX_PROFILE_LIST_ITEM));
    expect(item.proxy_port).toBe(custom.proxy_port);
    expect(item.proxy_port).toMatch(/^\d+$/);

    const direct = byMode((p) => p.proxy_mode === 2 && p.proxy_type === 'direct');
    const api = byMode((p) => p.proxy_mode === 4);
    const traffic = byMode((p) => p.proxy_mode === 1);
    const keys = async (id: number) =>
      Object.keys((await ix(sb, 'profile-list', { profile_id: id })).json.data.data[0]);
    const common = [
      'profile_id',
      'site_url',
      'name',
      'note',
      'color',
      'username',
      'password',
      'last_open_time',
      'group_id',
      'group_name',
      'tag_id',
      'tag_name',
      'proxy_mode',
    ];
    // As the vendor's own list example shows each mode.
    expect(await keys(direct.profile_id)).toEqual([
      ...common,
      'proxy_type',
      'real_ip',
      'cache_path',
    ]);
    expect(await keys(api.profile_id)).toEqual([
      ...common,
      'proxy_type',
      'real_ip',
      'proxy_url',
      'cache_path',
    ]);
    expect(await keys(traffic.profile_id)).toEqual([
      ...common,
      'proxy_id',
      'real_ip',
      'cache_path',
    ]);
  });

  it('keeps tag ids and names as space-separated strings', async () => {
    const tagged = byMode((p) => p.tag_id.includes(' '));
    const { json } = await ix(sb, 'profile-list', { profile_id: tagged.profile_id });
    const item = json.data.data[0];
    expect(typeof item.tag_id).toBe('string');
    expect(item.tag_id.split(' ')).toHaveLength(item.tag_name.split(' ').length);
  });

  it('pages from 1 with a default limit of 10, newest first, covering every profile once', async () => {
    const first = await ix(sb, 'profile-list', {});
    expect(first.json.data.total).toBe(sb.ix.profiles().length);
    expect(first.json.data.data).toHaveLength(10);
    const ids: number[] = [];
    for (let page = 1; ; page++) {
      const { json } = await ix(sb, 'profile-list', { page, limit: 100 });
      if (json.data.data.length === 0) break;
      ids.push(...json.data.data.map((p: { profile_id: number }) => p.profile_id));
    }
    expect(ids).toHaveLength(sb.ix.profiles().length);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(first.json.data.data[0].profile_id).toBe(ids[0]);
  });

  it('filters by name, group and tag (0 and "" mean no filter, as in the example request)', async () => {
    const all = await ix(sb, 'profile-list', {
      profile_id: 0,
      name: '',
      group_id: 0,
      tag_id: 0,
      page: 1,
      limit: 10,
    });
    expect(all.json.data.total).toBe(sb.ix.profiles().length);

    const groupId = sb.ix.profiles()[3]!.group_id;
    const inGroup = await ix(sb, 'profile-list', { group_id: groupId, limit: 1000 });
    expect(inGroup.json.data.total).toBe(
      sb.ix.profiles().filter((p) => p.group_id === groupId).length,
    );
    expect(inGroup.json.data.data.every((p: { group_id: number }) => p.group_id === groupId)).toBe(
      true,
    );

    const tagId = Number(byMode((p) => p.tag_id !== '').tag_id.split(' ')[0]);
    const tagged = await ix(sb, 'profile-list', { tag_id: tagId, limit: 1000 });
    expect(tagged.json.data.total).toBe(
      sb.ix.profiles().filter((p) => p.tag_id.split(' ').includes(String(tagId))).length,
    );

    const named = await ix(sb, 'profile-list', { name: 'amz-' });
    expect(named.json.data.total).toBeGreaterThan(0);
    expect(named.json.data.data.every((p: { name: string }) => p.name.startsWith('AMZ-'))).toBe(
      true,
    );
  });
});

describe('profile-create / update / copy / delete', () => {
  it('creates a profile and answers its new id', async () => {
    const { json } = await ix(sb, 'profile-create', {
      name: 'goosley',
      site_id: 21,
      site_url: 'http://127.0.0.1:9/',
      group_id: 1,
      tag: ['warm', 'brand-new-tag'],
      username: 'user@mail.example',
      password: 'secret',
      proxy_config: {
        proxy_mode: 2,
        proxy_type: 'http',
        proxy_ip: '127.0.0.1',
        proxy_port: '8080',
        proxy_user: 'u',
        proxy_password: 'p',
      },
    });
    expect(json.error.code).toBe(0);
    expect(typeof json.data).toBe('number');
    const created = record(json.data)!;
    expect(created).toMatchObject({
      name: 'goosley',
      proxy_type: 'http',
      proxy_port: '8080',
      proxy_user: 'u',
      username: 'user@mail.example',
      tag_name: 'warm brand-new-tag',
    });
    const tags = await ix(sb, 'tag-list', { title: 'brand-new-tag' });
    expect(tags.json.data.data).toHaveLength(1);
  });

  it('refuses what the vendor refuses on create', async () => {
    const existing = sb.ix.profiles()[0]!.name;
    const cases: [Record<string, unknown>, number][] = [
      [{ name: existing }, 101004],
      [{ name: 'x-group', group_id: 424242 }, 101039],
      [{ name: 'x-note', note: 'n'.repeat(201) }, 101040],
      [{ name: '' }, 101001],
      [
        { name: 'x-proxy', proxy_config: { proxy_mode: 2, proxy_type: 'socks5', proxy_port: '1' } },
        101006,
      ],
      [{ name: 'x-mode', proxy_config: { proxy_mode: 9 } }, 2010],
    ];
    for (const [body, code] of cases) {
      const { json } = await ix(sb, 'profile-create', body);
      expect(json.error.code, JSON.stringify(body)).toBe(code);
      expect(json.data).toEqual([]);
    }
    const ok = await ix(sb, 'profile-create', { name: 'x-note-ok', note: 'n'.repeat(200) });
    expect(ok.json.error.code).toBe(0);
  });

  it('updates a profile ("success") and refuses unknown groups (102009), long notes and unknown profiles', async () => {
    const p = sb.ix.profiles()[10]!;
    const group = (await ix(sb, 'group-list', { limit: 100 })).json.data.data.at(-1);
    const { json } = await ix(sb, 'profile-update', {
      profile_id: p.profile_id,
      name: 'renamed',
      note: 'updated note',
      group_id: group.id,
      tag: '',
    });
    expect(json).toMatchObject({ error: { code: 0, message: 'success' }, data: 'success' });
    expect(record(p.profile_id)).toMatchObject({
      name: 'renamed',
      note: 'updated note',
      group_id: group.id,
      group_name: group.title,
      tag_id: '',
    });
    expect(
      (await ix(sb, 'profile-update', { profile_id: p.profile_id, group_id: 424242 })).json.error
        .code,
    ).toBe(102009);
    expect(
      (await ix(sb, 'profile-update', { profile_id: p.profile_id, note: 'x'.repeat(201) })).json
        .error.code,
    ).toBe(102010);
    expect(
      (await ix(sb, 'profile-update', { profile_id: 999_999, name: 'y' })).json.error.code,
    ).toBe(2007);
    expect(record(p.profile_id)!.note).toBe('updated note');
  });

  it('copies as in the clipping: unknown group 112005, else the new id', async () => {
    const failed = await ix(sb, 'profile-copy', IX_COPY_REQUEST);
    expect(shapeOf(failed.json)).toEqual(shapeOf(IX_COPY_FAILED));
    expect(failed.json.error).toMatchObject({ code: 112005, message: 'Group does not exist' });

    const group = sb.ix.profiles()[0]!.group_id;
    const ok = await ix(sb, 'profile-copy', { ...IX_COPY_REQUEST, group_id: group });
    expect(shapeOf(ok.json)).toEqual(shapeOf(IX_COPY_SUCCESS));
    const copy = record(ok.json.data)!;
    const source = record(1640)!;
    expect(copy).toMatchObject({
      name: 'new_name',
      group_id: group,
      site_url: 'http://baidu.com/',
      proxy_mode: source.proxy_mode,
      proxy_type: source.proxy_type,
    });
    expect(copy.cache_path).not.toBe(source.cache_path);
    expect((await ix(sb, 'profile-copy', { profile_id: 999_999 })).json.error.code).toBe(2007);
    expect(
      (await ix(sb, 'profile-copy', { profile_id: 1640, group_id: 'abc' })).json.error.code,
    ).toBe(112004);
  });

  it('deletes to the recycle bin (data []) and empties it (data = count)', async () => {
    const [a, b] = sb.ix.profiles().slice(-2);
    for (const p of [a!, b!]) {
      const { json } = await ix(sb, 'profile-delete', { profile_id: p.profile_id });
      expect(json.data).toEqual([]);
    }
    expect(record(a!.profile_id)).toBeUndefined();
    expect((await ix(sb, 'profile-list', { profile_id: a!.profile_id })).json.data.total).toBe(0);
    expect((await ix(sb, 'profile-delete', { profile_id: a!.profile_id })).json.error.code).toBe(
      2007,
    );
    const emptied = await ix(sb, 'empty-recycle-bin', {});
    expect(emptied.json.data).toBe(2);
    expect((await ix(sb, 'empty-recycle-bin', {})).json.data).toBe(0);
  });

  it('moves profiles between groups in one batch, all or nothing', async () => {
    const ids = sb.ix
      .profiles()
      .slice(20, 25)
      .map((p) => p.profile_id);
    const groups = (await ix(sb, 'group-list', { limit: 100 })).json.data.data;
    const target = groups[1];
    const ok = await ix(sb, 'profile-update-groups-in-batches', {
      group_id: target.id,
      profile_id: ids,
    });
    expect(ok.json.data).toBe('success');
    expect(ids.map((id) => record(id)!.group_name)).toEqual(ids.map(() => target.title));

    const bad = await ix(sb, 'profile-update-groups-in-batches', {
      group_id: groups[0].id,
      profile_id: [...ids, 999_999],
    });
    expect(bad.json.error.code).toBe(2007);
    expect(record(ids[0]!)!.group_id).toBe(target.id);
  });
});

describe('groups and tags', () => {
  it('lists groups as {total, data:[{title, id}]} and creates them (sort required: 105003)', async () => {
    const list = await ix(sb, 'group-list', { page: 1, limit: 10, title: '' });
    expect(list.json.data.data[0]).toEqual({ title: 'Default', id: 1 });
    const noSort = await ix(sb, 'group-create', { title: 'name' });
    expect(noSort.json.error).toMatchObject({
      code: 105003,
      message: 'Group sorting cannot be empty',
    });
    const created = await ix(sb, 'group-create', { title: 'name', sort: 0 });
    expect(typeof created.json.data).toBe('number');
    expect((await ix(sb, 'group-create', { title: 'name', sort: 0 })).json.error.code).toBe(105002);
    const found = await ix(sb, 'group-list', { title: 'name' });
    expect(found.json.data.data).toContainEqual({ title: 'name', id: created.json.data });
  });

  it('lists and creates tags (duplicate: 113002)', async () => {
    const created = await ix(sb, 'tag-create', { title: 'fresh' });
    expect(typeof created.json.data).toBe('number');
    expect((await ix(sb, 'tag-create', { title: 'fresh' })).json.error.code).toBe(113002);
    const list = await ix(sb, 'tag-list', { page: 1, limit: 100 });
    expect(list.json.data.data).toContainEqual({ title: 'fresh', id: created.json.data });
  });
});

describe('profile-update-proxy-*', () => {
  it('sets a custom proxy (the documented request) and keeps the port a string', async () => {
    const id = sb.ix.profiles()[30]!.profile_id;
    const { json } = await ix(sb, 'profile-update-proxy-for-custom-proxy', {
      profile_id: id,
      proxy_info: {
        proxy_mode: 2,
        proxy_check_line: 'global_line',
        proxy_type: 'socks5',
        proxy_ip: '127.0.0.1',
        proxy_port: '51095',
        proxy_user: '',
        proxy_password: '',
      },
    });
    expect(json.data).toBe('success');
    const listed = (await ix(sb, 'profile-list', { profile_id: id })).json.data.data[0];
    expect(listed).toMatchObject({
      proxy_mode: 2,
      proxy_type: 'socks5',
      proxy_ip: '127.0.0.1',
      proxy_port: '51095',
    });
  });

  it('sets API extraction, purchased and traffic-package proxies, refusing unknown proxy ids', async () => {
    const id = sb.ix.profiles()[31]!.profile_id;
    const api = await ix(sb, 'profile-update-proxy-for-api-extraction', {
      profile_id: id,
      proxy_info: {
        proxy_mode: 4,
        proxy_check_line: 'global_line',
        proxy_type: 'socks5',
        proxy_service: 'general',
        proxy_data_format_type: 'txt',
        proxy_data_txt_format: 'ip:port',
        proxy_extraction_method: 'invalid',
        proxy_url: 'http://127.0.0.1:1/get',
      },
    });
    expect(api.json.data).toBe('success');
    expect(record(id)).toMatchObject({ proxy_mode: 4, proxy_url: 'http://127.0.0.1:1/get' });

    const purchasedId = byMode((p) => p.proxy_mode === 3).proxy_id;
    const purchased = await ix(sb, 'profile-update-proxy-to-purchased-mode', {
      profile_id: id,
      proxy_info: { proxy_mode: 3, proxy_id: purchasedId },
    });
    expect(purchased.json.data).toBe('success');
    expect(record(id)).toMatchObject({ proxy_mode: 3, proxy_id: purchasedId });
    const unknown = await ix(sb, 'profile-update-proxy-to-purchased-mode', {
      profile_id: id,
      proxy_info: { proxy_mode: 3, proxy_id: 1 },
    });
    expect(unknown.json.error).toMatchObject({
      code: 2002,
      message: 'Proxy information does not exist',
    });

    const packageId = byMode((p) => p.proxy_mode === 1).proxy_id;
    const traffic = await ix(sb, 'profile-update-proxy-for-purchased-traffic-package', {
      profile_id: id,
      proxy_info: {
        proxy_mode: 1,
        proxy_id: packageId,
        country: 'us',
        city: 'Ada',
        gateway: 'Default',
      },
    });
    expect(traffic.json.data).toBe('success');
    const noPackage = await ix(sb, 'profile-update-proxy-for-purchased-traffic-package', {
      profile_id: id,
      proxy_info: { proxy_mode: 1, proxy_id: 6_000, gateway: 'Default' },
    });
    expect(noPackage.json.error.code).toBe(2003);
  });

  it('answers 2009 without a proxy method, 2010 for the wrong one, 2007 for an unknown profile', async () => {
    const id = sb.ix.profiles()[32]!.profile_id;
    const send = (proxy_info: object, profile_id = id) =>
      ix(sb, 'profile-update-proxy-for-custom-proxy', { profile_id, proxy_info });
    expect((await send({ proxy_type: 'direct' })).json.error.code).toBe(2009);
    expect((await send({ proxy_mode: 4, proxy_type: 'direct' })).json.error.code).toBe(2010);
    expect((await send({ proxy_mode: 2, proxy_type: 'http' })).json.error.code).toBe(1000);
    expect((await send({ proxy_mode: 2, proxy_type: 'direct' }, 999_999)).json.error.code).toBe(
      2007,
    );
  });
});

describe('open, close and the opened lists (simulated browsers)', () => {
  it('opens once (111003 the second time), lists, closes once (1009 the second time)', async () => {
    const id = sb.ix.profiles()[40]!.profile_id;
    const opened = await ix(sb, 'profile-open', {
      profile_id: id,
      args: ['--disable-extension-welcome-page'],
      load_extensions: true,
      load_profile_info_page: false,
      cookies_backup: true,
      cookie: '',
    });
    expect(opened.json.error.code).toBe(0);
    expect(opened.json.data).toMatchObject({ profile_id: id, gateway: '' });
    const d = opened.json.data;
    expect(d.debugging_address).toBe(`127.0.0.1:${d.debugging_port}`);
    expect(d.ws).toMatch(new RegExp(`^ws://127\\.0\\.0\\.1:${d.debugging_port}/devtools/browser/`));

    expect((await ix(sb, 'profile-open', { profile_id: id })).json.error.code).toBe(111003);
    // Simulated mode says so, and has no process to report.
    expect(sb.simulated).toBe(true);
    expect(sb.runningBrowserPids()).toEqual([]);

    const native = await ix(sb, 'native-client-profile-opened-list', {});
    expect(shapeOf(native.json.data)).toEqual(shapeOf(IX_NATIVE_OPENED_LIST.data));
    expect(native.json.data[0]).toMatchObject({
      profile_id: id,
      pid: d.pid,
      ws: d.ws,
      debugging_port: d.debugging_port,
    });
    expect(native.json.data[0].open_time).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);

    const opened2 = await ix(sb, 'profile-opened-list', {});
    expect(opened2.json.data).toEqual([
      {
        profile_id: id,
        last_opened_user: expect.any(String),
        last_opened_time: native.json.data[0].open_time,
      },
    ]);
    expect(record(id)!.last_open_time).toBeGreaterThan(0);

    const closed = await ix(sb, 'profile-close', { profile_id: id });
    expect(closed.json).toEqual({
      error: { code: 0, message: 'success', time: expect.any(Number) },
    });
    const again = await ix(sb, 'profile-close', { profile_id: id });
    expect(again.json.error).toMatchObject({ code: 1009, message: 'Process not found' });
    expect((await ix(sb, 'native-client-profile-opened-list', {})).json.data).toEqual([]);
  });

  it('closes in batches, answering the ids it closed as they were sent', async () => {
    const [a, b, c] = sb.ix
      .profiles()
      .slice(41, 44)
      .map((p) => p.profile_id);
    await ix(sb, 'profile-open', { profile_id: a });
    await ix(sb, 'profile-open', { profile_id: b });
    const { json } = await ix(sb, 'profile-close-in-batches', {
      profile_id: [String(a), String(b), String(c)],
    });
    expect(json.data).toEqual([String(a), String(b)]);
    const none = await ix(sb, 'profile-close-in-batches', { profile_id: [a] });
    expect(none.json.error.code).toBe(1009);
  });

  it('resets the open state (data null) and refuses to delete an open profile', async () => {
    const id = sb.ix.profiles()[45]!.profile_id;
    await ix(sb, 'profile-open', { profile_id: id });
    expect((await ix(sb, 'profile-delete', { profile_id: id })).json.error.code).toBe(1014);
    const reset = await ix(sb, 'profile-open-state-reset', { profile_id: id });
    expect(reset.json).toMatchObject({ error: { code: 0 }, data: null });
    expect((await ix(sb, 'profile-opened-list', {})).json.data).toEqual([]);
    expect(
      (await ix(sb, 'profile-open-state-reset', { profile_id: 999_999 })).json.error.code,
    ).toBe(2007);
  });
});
