/**
 * The CosLogin provider against the sandbox (simulated browsers): listing matches the
 * sandbox's windows, batch edits change exactly the windows asked in as few requests as
 * the batch endpoints allow, creates satisfy the Local API's `config` rule.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../electron/sandbox';
import { createCosProvider } from '../../../electron/main/providers/cos/cos-provider';
import type { VendorProvider } from '../../../electron/main/providers/provider';
import type { ProxyInput } from '../../../shared/model/proxy-input';
import { FAST_RETRY, quietLog } from './fake-server';

let sb: Sandbox;
let cos: VendorProvider;
const logged = quietLog();

beforeAll(async () => {
  sb = await startSandbox({ profiles: 1100, seed: 3, chromiumPath: null });
  cos = createCosProvider({
    connectionId: 'cos1',
    baseUrl: sb.cos.url,
    token: () => sb.cos.token,
    log: logged.log,
    retry: FAST_RETRY,
  });
});
afterAll(async () => {
  cos?.dispose?.();
  await sb?.stop();
});

const win = (id: string) => sb.cos.profiles().find((w) => String(w.id) === id)!;
const ids = (from: number, to: number) =>
  sb.cos
    .profiles()
    .slice(from, to)
    .map((w) => String(w.id));
const proxy = (over: Partial<ProxyInput> = {}): ProxyInput => ({
  method: 'custom',
  type: 'http',
  host: '203.0.113.5',
  port: 3128,
  username: 'alice',
  password: { action: 'set', value: 'pw-cos-777' },
  refreshUrl: '',
  extractionUrl: '',
  extractionChannel: '',
  checkService: 'ip-api',
  socks5Udp: false,
  ...over,
});

describe('CosLogin provider on the sandbox: reading', () => {
  it('refuses a wrong token', async () => {
    const wrong = createCosProvider({
      connectionId: 'cos-wrong',
      baseUrl: sb.cos.url,
      token: () => 'not-the-token',
      log: quietLog().log,
    });
    await expect(wrong.test()).rejects.toMatchObject({
      code: 'unauthorized',
      details: { vendorCode: 401 },
    });
    wrong.dispose?.();
  });

  it('lists every window with group and tag names, no password', async () => {
    const profiles = await cos.listProfiles();
    const all = sb.cos.profiles();
    expect(profiles).toHaveLength(all.length);
    const groups = new Map((await cos.listGroups()).map((g) => [g.id, g.name]));
    const tags = new Map((await cos.listTags()).map((t) => [t.id, t.name]));
    for (const w of all.slice(0, 50)) {
      const p = profiles.find((x) => x.vendorId === String(w.id))!;
      expect(p).toMatchObject({
        key: `cos1/${w.id}`,
        uuid: w.uuid,
        name: w.name,
        remark: w.remark,
        groupId: w.groupId ? String(w.groupId) : '',
        groupName: w.groupId ? groups.get(String(w.groupId)) : '',
        status: 'closed',
      });
      expect(p.tags).toEqual(
        w.tagIds.map((id) => ({ id: String(id), name: tags.get(String(id)) })),
      );
      expect(p.proxy.hasPassword).toBe(w.proxyPassword !== '');
      if (w.proxyMethod === 2 && w.proxyType !== 'direct') {
        expect(p.proxy).toMatchObject({
          method: 'custom',
          type: w.proxyType,
          host: w.host,
          port: w.port,
          username: w.proxyUserName,
        });
      }
      if (w.proxyMethod === 3)
        expect(p.proxy).toMatchObject({ method: 'api', extractionUrl: w.dynamicIpUrl });
    }
    const text = JSON.stringify(profiles);
    const passwords = all.map((w) => w.proxyPassword).filter((s) => s.length >= 4);
    expect(passwords.length).toBeGreaterThan(0);
    for (const s of passwords) expect(text).not.toContain(s);
    for (const s of passwords) expect(logged.secrets).toContain(s);
  });

  it('gets a window by its uuid', async () => {
    const w = sb.cos.profiles()[7]!;
    const p = await cos.getProfile(String(w.id));
    expect(p).toMatchObject({ vendorId: String(w.id), uuid: w.uuid, name: w.name });
  });
});

describe('CosLogin provider on the sandbox: batch edits', () => {
  it('sets a remark on 1,000 windows in 2 requests, and only on those', async () => {
    const chosen = ids(0, 1000);
    sb.cos.resetRequestCount();
    const results = await cos.setRemark(chosen, 'bulk remark');
    expect(sb.cos.requestCount()).toBe(2);
    expect([...results.values()].every((r) => r === null)).toBe(true);
    expect(chosen.every((id) => win(id).remark === 'bulk remark')).toBe(true);
    expect(ids(1000, 1100).some((id) => win(id).remark === 'bulk remark')).toBe(false);
  });

  it('renames, moves to a new group and sets tags by name', async () => {
    const chosen = ids(100, 104);
    expect([...(await cos.setName(chosen, 'Same name')).values()]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    const group = await cos.createGroup('Batch target');
    expect([...(await cos.moveToGroup(chosen, group.id)).values()]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    expect([...(await cos.setTags(chosen, ['vip', 'fresh-tag'])).values()]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    const tagIds = new Map((await cos.listTags()).map((t) => [t.name, Number(t.id)]));
    for (const id of chosen) {
      expect(win(id)).toMatchObject({
        name: 'Same name',
        groupId: Number(group.id),
        tagIds: [tagIds.get('vip'), tagIds.get('fresh-tag')],
      });
    }
    expect(win(ids(104, 105)[0]!).name).not.toBe('Same name');
    const p = await cos.getProfile(chosen[0]!);
    expect(p.groupName).toBe('Batch target');
    expect(p.tags.map((t) => t.name)).toEqual(['vip', 'fresh-tag']);
  });

  it('sets a proxy on many windows in one request; keep leaves a stored password alone', async () => {
    const chosen = ids(200, 210);
    sb.cos.resetRequestCount();
    await cos.setProxy(chosen, proxy());
    expect(sb.cos.requestCount()).toBe(1);
    for (const id of chosen) {
      expect(win(id)).toMatchObject({
        proxyMethod: 2,
        proxyType: 'http',
        host: '203.0.113.5',
        port: 3128,
        proxyUserName: 'alice',
        proxyPassword: 'pw-cos-777',
      });
    }
    await cos.setProxy(
      chosen.slice(0, 1),
      proxy({
        method: 'api',
        host: '',
        port: null,
        extractionUrl: 'https://x.example/ip',
        password: { action: 'clear' },
      }),
    );
    expect(win(chosen[0]!)).toMatchObject({
      proxyMethod: 3,
      dynamicIpUrl: 'https://x.example/ip',
      proxyPassword: '',
    });
  });

  it('deletes windows in one request; an open one is refused with the vendor reason', async () => {
    const chosen = ids(300, 303);
    await cos.open(chosen[2]!);
    const results = await cos.deleteProfiles(chosen);
    // The vendor refuses the whole batch when one window is open: every item says why.
    expect(results.get(chosen[0]!)).toMatchObject({
      code: 'invalid-input',
      details: { vendorMessage: expect.stringMatching(/open/) },
    });
    await cos.close(chosen[2]!);
    const again = await cos.deleteProfiles(chosen);
    expect([...again.values()]).toEqual([null, null, null]);
    for (const id of chosen) expect(win(id)).toBeUndefined();
  });

  it('an injected failure (failIds) fails the batch it is in, with the reason', async () => {
    const chosen = ids(400, 403);
    sb.setFaults({ failIds: [chosen[1]!] });
    try {
      const results = await cos.setRemark(chosen, 'never');
      expect(results.get(chosen[0]!)).toMatchObject({ code: 'busy', details: { vendorCode: 500 } });
      expect(chosen.some((id) => win(id).remark === 'never')).toBe(false);
    } finally {
      sb.setFaults({});
    }
  });
});

describe('CosLogin provider on the sandbox: create, open, close', () => {
  it('creates from the default template (a non-empty config) with proxy and tags', async () => {
    const id = await cos.createProfile({
      name: 'Shop 001',
      tags: ['warm'],
      remark: 'new',
      proxy: proxy(),
    });
    const w = win(id);
    expect(w).toMatchObject({
      name: 'Shop 001',
      remark: 'new',
      host: '203.0.113.5',
      proxyPassword: 'pw-cos-777',
    });
    expect(Object.keys(w.config).length).toBeGreaterThan(0);
    expect(w.tagIds).toHaveLength(1);
  });

  it('creates "like" another window: its config, a new identity, name and proxy replaced', async () => {
    const source = sb.cos.profiles()[500]!;
    const id = await cos.createProfile(
      { name: 'Like 500', tags: [], remark: '', proxy: proxy({ host: '198.51.100.7' }) },
      { likeVendorId: String(source.id) },
    );
    const w = win(id);
    expect(id).not.toBe(String(source.id));
    expect(w.uuid).not.toBe(source.uuid);
    expect(w).toMatchObject({ name: 'Like 500', host: '198.51.100.7' });
    expect(w.config['timezone']).toBe(source.config['timezone']);
    expect(w.config['language']).toBe(source.config['language']);
    expect(win(String(source.id)).name).toBe(source.name);
  });

  it('opens one window, reports pid and port from pids/ports, and closes it', async () => {
    const id = ids(600, 601)[0]!;
    const opened = await cos.open(id);
    expect(opened.attached).toBe(false);
    expect(opened.session).toMatchObject({ vendor: 'cos', engine: 'firefox' });
    expect(opened.session.pid).toBeGreaterThan(0);
    expect(opened.session.extra?.['profileDir']).toBeTruthy();
    expect((await cos.open(id)).attached).toBe(true);

    const sessions = await cos.listSessions();
    const s = sessions.find((x) => x.vendorId === id)!;
    expect(s.pid).toBe(opened.session.pid);
    expect(s.debugPort).toBeGreaterThan(0);
    expect(s.extra?.['profileDir']).toBe(opened.session.extra?.['profileDir']);
    expect((await cos.getProfile(id)).status).toBe('open');

    await cos.close(id);
    expect((await cos.listSessions()).map((x) => x.vendorId)).not.toContain(id);
    expect((await cos.getProfile(id)).status).toBe('closed');
  });
});
