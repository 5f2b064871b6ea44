/**
 * The BitBrowser emulation answers as the vendor documents: `{success, data}` / `{success:
 * false, msg}`, pages of at most 100 with the total as `totalNum`, `browserIds` on the group
 * and remark batches, at most 100 ids a batch, an optional API key, and an open that answers
 * the CDP `ws` and `http` of the vendor's Postman example.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../electron/sandbox';
import { bit } from './support';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ ixProfiles: 0, cosProfiles: 0, bitProfiles: 230, chromiumPath: null });
});
afterAll(() => sb.stop());

const ids = (from: number, to: number) =>
  sb.bit
    .profiles()
    .slice(from, to)
    .map((w) => w.id);

describe('BitBrowser envelope and paging', () => {
  it('answers {success: true, data} and {success: false, msg}, HTTP 200 for both', async () => {
    const ok = await bit(sb, '/browser/list', { page: 0, pageSize: 1 });
    expect(ok.status).toBe(200);
    expect(Object.keys(ok.json).sort()).toEqual(['data', 'success']);
    expect(ok.json.success).toBe(true);
    const failed = await bit(sb, '/browser/detail', {});
    expect(failed).toEqual({ status: 200, json: { success: false, msg: 'Id is required' } });
  });

  it('pages from 0, serves at most 100 a page whatever is asked, and names the total totalNum', async () => {
    const first = await bit(sb, '/browser/list', { page: 0, pageSize: 500 });
    expect(first.json.data).toMatchObject({ page: 0, pageSize: 100, totalNum: 230 });
    expect(first.json.data.list).toHaveLength(100);
    const last = await bit(sb, '/browser/list', { page: 2, pageSize: 100 });
    expect(last.json.data.list).toHaveLength(30);
    // Newest first: the highest serial on page 0.
    expect(first.json.data.list[0].seq).toBe(230);
  });

  it('lists windows with 32-hex ids, string ports and tags as browserTags objects', async () => {
    const { json } = await bit(sb, '/browser/list', { page: 0, pageSize: 100 });
    const rows = json.data.list as Array<Record<string, unknown>>;
    expect(rows.every((r) => /^[0-9a-f]{32}$/.test(String(r['id'])))).toBe(true);
    const proxied = rows.find((r) => r['proxyType'] === 'http' || r['proxyType'] === 'socks5')!;
    expect(typeof proxied['port']).toBe('string');
    const tagged = rows.find((r) => (r['browserTags'] as unknown[]).length > 0)!;
    expect((tagged['browserTags'] as unknown[])[0]).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      tagName: expect.any(String),
      tagColor: expect.any(String),
    });
    expect(rows.some((r) => r['proxyType'] === 'noproxy')).toBe(true);
  });

  it('answers an unknown path with HTTP 404 in its envelope', async () => {
    expect(await bit(sb, '/browserTag/list', {})).toEqual({
      status: 404,
      json: { success: false, msg: 'API not found' },
    });
  });
});

describe('BitBrowser batches', () => {
  it('takes browserIds on /browser/group/update and /browser/remark/update, not ids', async () => {
    const chosen = ids(0, 3);
    expect((await bit(sb, '/browser/remark/update', { ids: chosen, remark: 'x' })).json).toEqual({
      success: false,
      msg: 'ids is required',
    });
    expect(
      (await bit(sb, '/browser/remark/update', { browserIds: chosen, remark: 'via browserIds' }))
        .json,
    ).toEqual({ success: true });
    expect(
      sb.bit
        .profiles()
        .filter((w) => chosen.includes(w.id))
        .map((w) => w.remark),
    ).toEqual(['via browserIds', 'via browserIds', 'via browserIds']);
  });

  it('refuses more than 100 ids in one call, and changes nothing', async () => {
    const chosen = ids(0, 101);
    const { json } = await bit(sb, '/browser/delete/ids', { ids: chosen });
    expect(json).toEqual({ success: false, msg: 'At most 100 windows per call' });
    expect(sb.bit.profiles()).toHaveLength(230);
  });

  it('a create must carry a browserFingerPrint object', async () => {
    expect((await bit(sb, '/browser/update', { name: 'no fp' })).json).toEqual({
      success: false,
      msg: 'browserFingerPrint is required',
    });
    const made = await bit(sb, '/browser/update', {
      name: 'made',
      proxyMethod: 2,
      proxyType: 'noproxy',
      browserFingerPrint: {},
    });
    expect(made.json.data).toMatchObject({ name: 'made', seq: 231, proxyType: 'noproxy' });
    await bit(sb, '/browser/delete', { id: made.json.data.id });
  });
});

describe('BitBrowser open, close and runtime maps', () => {
  it('answers open with ws, http, coreVersion, driver, seq and pid, as the vendor example', async () => {
    const w = sb.bit.profiles()[5]!;
    const { json } = await bit(sb, '/browser/open', { id: w.id });
    expect(Object.keys(json.data).sort()).toEqual(
      ['coreVersion', 'driver', 'groupId', 'http', 'name', 'pid', 'remark', 'seq', 'ws'].sort(),
    );
    const port = Number(String(json.data.http).split(':')[1]);
    expect(json.data.ws).toMatch(new RegExp(`^ws://127\\.0\\.0\\.1:${port}/devtools/browser/`));
    const again = await bit(sb, '/browser/open', { id: w.id });
    expect(again.json.data.pid).toBe(json.data.pid);
    expect((await bit(sb, '/browser/ports', {})).json.data).toEqual({ [w.id]: String(port) });
    expect((await bit(sb, '/browser/pids/all', {})).json.data).toEqual({ [w.id]: json.data.pid });
    // A window that is open is not deleted.
    expect((await bit(sb, '/browser/delete/ids', { ids: [w.id] })).json.success).toBe(false);
    expect((await bit(sb, '/browser/close', { id: w.id })).json).toEqual({ success: true });
    expect((await bit(sb, '/browser/ports', {})).json.data).toEqual({});
  });
});

describe('BitBrowser with its API key turned on', () => {
  it('answers 401 without the key, and takes it as a Bearer token or X-API-KEY', async () => {
    const keyed = await startSandbox({
      ixProfiles: 0,
      cosProfiles: 0,
      bitProfiles: 2,
      chromiumPath: null,
      bitApiKey: 'k-123',
    });
    try {
      expect(keyed.endpoints.bitbrowser.token).toBe('k-123');
      expect(await bit(keyed, '/browser/list', {})).toEqual({
        status: 401,
        json: { success: false, msg: 'Unauthorized: a valid API key is required' },
      });
      const both: Array<Record<string, string>> = [
        { Authorization: 'Bearer k-123' },
        { 'X-API-KEY': 'k-123' },
      ];
      for (const headers of both) {
        expect((await bit(keyed, '/browser/list', {}, { headers })).json.success).toBe(true);
      }
      expect(
        (await bit(keyed, '/browser/list', {}, { headers: { 'X-API-KEY': 'nope' } })).status,
      ).toBe(401);
    } finally {
      await keyed.stop();
    }
  });
});
