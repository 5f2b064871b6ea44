/**
 * The BitBrowser provider against the sandbox (simulated browsers): every call of the
 * VendorProvider, in BitBrowser's dialect of the Bit-family API (success envelopes, windows
 * by id, browserIds batches of at most 100, Chromium sessions with a CDP ws).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../electron/sandbox';
import { createBitProvider } from '../../../electron/main/providers/bitbrowser/bit-provider';
import type { VendorProvider } from '../../../electron/main/providers/provider';
import type { ProxyInput } from '../../../shared/model/proxy-input';
import { FAST_RETRY, quietLog } from './fake-server';

let sb: Sandbox;
let bit: VendorProvider;
const logged = quietLog();

beforeAll(async () => {
  sb = await startSandbox({
    ixProfiles: 0,
    cosProfiles: 0,
    bitProfiles: 450,
    seed: 5,
    chromiumPath: null,
  });
  bit = createBitProvider({
    connectionId: 'bit1',
    baseUrl: sb.bit.url,
    log: logged.log,
    retry: FAST_RETRY,
  });
});
afterAll(async () => {
  bit?.dispose?.();
  await sb?.stop();
});

const win = (id: string) => sb.bit.profiles().find((w) => w.id === id)!;
const ids = (from: number, to: number) =>
  sb.bit
    .profiles()
    .slice(from, to)
    .map((w) => w.id);
const proxy = (over: Partial<ProxyInput> = {}): ProxyInput => ({
  method: 'custom',
  type: 'socks5',
  host: '203.0.113.9',
  port: 1080,
  username: 'bob',
  password: { action: 'set', value: 'pw-bit-555' },
  refreshUrl: '',
  extractionUrl: '',
  extractionChannel: '',
  checkService: 'ip-api',
  socks5Udp: false,
  ...over,
});

describe('BitBrowser provider on the sandbox: reading', () => {
  it('tests the connection with the window count', async () => {
    expect(await bit.test()).toEqual({ profileCount: 450 });
  });

  it('lists every window in pages of 100, with group and tag names, no password', async () => {
    sb.bit.resetRequestCount();
    const profiles = await bit.listProfiles();
    // 5 pages of windows, the group list, and the pids and ports maps.
    expect(sb.bit.requestCountByPath()['/browser/list']).toBe(5);
    const all = sb.bit.profiles();
    expect(profiles).toHaveLength(all.length);
    const groups = new Map((await bit.listGroups()).map((g) => [g.id, g.name]));
    for (const w of all.slice(0, 60)) {
      const p = profiles.find((x) => x.vendorId === w.id)!;
      expect(p).toMatchObject({
        key: `bit1/${w.id}`,
        vendor: 'bitbrowser',
        name: w.name,
        remark: w.remark,
        groupId: w.groupId,
        groupName: w.groupId ? groups.get(w.groupId) : '',
        status: 'closed',
      });
      expect(p.tags.map((t) => t.id)).toEqual(w.tagIds);
      expect(p.tags.every((t) => !t.name.startsWith('#'))).toBe(true);
      expect(p.proxy.hasPassword).toBe(w.proxyPassword !== '');
      if (w.proxyType === 'noproxy') expect(p.proxy).toMatchObject({ type: 'direct', host: '' });
      else if (w.proxyMethod === 2)
        expect(p.proxy).toMatchObject({
          method: 'custom',
          type: w.proxyType,
          host: w.host,
          port: Number(w.port),
          username: w.proxyUserName,
        });
      else expect(p.proxy).toMatchObject({ method: 'api', extractionUrl: w.dynamicIpUrl });
    }
    const text = JSON.stringify(profiles);
    const passwords = all.map((w) => w.proxyPassword).filter((s) => s.length >= 4);
    expect(passwords.length).toBeGreaterThan(0);
    for (const s of passwords) expect(text).not.toContain(s);
    for (const s of passwords) expect(logged.secrets).toContain(s);
  });

  it('gets a window by its id, and lists the tags windows carry (it has no tag list)', async () => {
    const w = sb.bit.profiles().find((x) => x.tagIds.length > 0)!;
    const p = await bit.getProfile(w.id);
    expect(p).toMatchObject({ vendorId: w.id, name: w.name, remark: w.remark });
    const tags = await bit.listTags();
    for (const id of w.tagIds) expect(tags.map((t) => t.id)).toContain(id);
    expect(tags.every((t) => t.connectionId === 'bit1' && t.name !== '')).toBe(true);
  });

  it('an unknown window is not-found', async () => {
    await expect(bit.getProfile('f'.repeat(32))).rejects.toMatchObject({ code: 'not-found' });
  });

  it('reads stored proxies with their passwords, for main only', async () => {
    const withPw = sb.bit.profiles().filter((w) => w.proxyPassword !== '');
    const stored = await bit.storedProxies([withPw[0]!.id]);
    expect(stored.get(withPw[0]!.id)).toMatchObject({ password: withPw[0]!.proxyPassword });
    const many = await bit.storedProxies(withPw.slice(0, 25).map((w) => w.id));
    expect(many.size).toBe(25);
  });
});

describe('BitBrowser provider on the sandbox: batch edits', () => {
  it('sets a remark on 250 windows in 3 requests of at most 100 browserIds, and only on those', async () => {
    const chosen = ids(0, 250);
    sb.bit.resetRequestCount();
    const results = await bit.setRemark(chosen, 'bulk remark');
    expect(sb.bit.requestCountByPath()).toEqual({ '/browser/remark/update': 3 });
    expect([...results.values()].every((r) => r === null)).toBe(true);
    expect(chosen.every((id) => win(id).remark === 'bulk remark')).toBe(true);
    expect(ids(250, 450).some((id) => win(id).remark === 'bulk remark')).toBe(false);
  });

  it('renames and moves to a new group; tags are refused as the API has no tag calls', async () => {
    const chosen = ids(260, 264);
    expect([...(await bit.setName(chosen, 'Same name')).values()]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    const group = await bit.createGroup('Bit target');
    expect([...(await bit.moveToGroup(chosen, group.id)).values()]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    for (const id of chosen)
      expect(win(id)).toMatchObject({ name: 'Same name', groupId: group.id });
    expect((await bit.getProfile(chosen[0]!)).groupName).toBe('Bit target');
    const tagged = await bit.setTags(chosen, ['vip']);
    expect(tagged.get(chosen[0]!)).toMatchObject({ code: 'unsupported' });
    await expect(bit.createProfile({ name: 'x', tags: ['vip'], remark: '' })).rejects.toMatchObject(
      { code: 'unsupported' },
    );
  });

  it('sets a proxy in one request; keep resends the stored password; direct is noproxy', async () => {
    const chosen = ids(300, 305);
    sb.bit.resetRequestCount();
    await bit.setProxy(chosen, proxy());
    expect(sb.bit.requestCount()).toBe(1);
    for (const id of chosen)
      expect(win(id)).toMatchObject({
        proxyMethod: 2,
        proxyType: 'socks5',
        host: '203.0.113.9',
        port: '1080',
        proxyUserName: 'bob',
        proxyPassword: 'pw-bit-555',
      });
    await bit.setProxy(chosen, proxy({ username: 'carol', password: { action: 'keep' } }));
    expect(win(chosen[0]!)).toMatchObject({ proxyUserName: 'carol', proxyPassword: 'pw-bit-555' });
    await bit.setProxy(chosen.slice(0, 1), proxy({ type: 'direct', host: '', port: null }));
    expect(win(chosen[0]!)).toMatchObject({ proxyType: 'noproxy', host: '', proxyPassword: '' });
    const bound = await bit.setProxy(
      chosen.slice(1, 2),
      proxy({ method: 'vendor', vendorProxyId: '7' }),
    );
    expect(bound.get(chosen[1]!)).toMatchObject({
      code: 'invalid-input',
      details: { field: 'proxy.method' },
    });
  });

  it('deletes in batches of 100; an open window fails its batch with the vendor reason', async () => {
    const chosen = ids(310, 313);
    await bit.open(chosen[2]!);
    const results = await bit.deleteProfiles(chosen);
    expect(results.get(chosen[0]!)).toMatchObject({
      code: 'conflict',
      details: { vendorMessage: expect.stringMatching(/open/) },
    });
    await bit.close(chosen[2]!);
    expect([...(await bit.deleteProfiles(chosen)).values()]).toEqual([null, null, null]);
    for (const id of chosen) expect(win(id)).toBeUndefined();
  });

  it('an injected failure fails the batch it is in as busy (HTTP 500)', async () => {
    const chosen = ids(320, 323);
    sb.setFaults({ failIds: [chosen[1]!] });
    try {
      const results = await bit.setRemark(chosen, 'never');
      expect(results.get(chosen[0]!)).toMatchObject({
        code: 'busy',
        details: { vendorCode: 'HTTP 500' },
      });
      expect(chosen.some((id) => win(id).remark === 'never')).toBe(false);
    } finally {
      sb.setFaults({});
    }
  });

  it('has no copy through its Local API', async () => {
    await expect(bit.copyProfile(ids(0, 1)[0]!, {})).rejects.toMatchObject({
      code: 'unsupported',
    });
  });
});

describe('BitBrowser provider on the sandbox: create, open, close', () => {
  it('creates with a fingerprint object, group, proxy and remark', async () => {
    const group = (await bit.listGroups())[0]!;
    const id = await bit.createProfile({
      name: 'Bit 001',
      tags: [],
      remark: 'new',
      groupId: group.id,
      proxy: proxy(),
    });
    expect(win(id)).toMatchObject({
      name: 'Bit 001',
      remark: 'new',
      groupId: group.id,
      host: '203.0.113.9',
      proxyPassword: 'pw-bit-555',
    });
  });

  it('creates "like" another window: its fingerprint, a new id', async () => {
    const source = sb.bit.profiles()[400]!;
    const id = await bit.createProfile(
      { name: 'Like 400', tags: [], remark: '' },
      { likeVendorId: source.id },
    );
    expect(id).not.toBe(source.id);
    expect(win(id).browserFingerPrint).toEqual(source.browserFingerPrint);
  });

  it('opens a Chromium window with a CDP ws, sessions from ports and pids/all, and closes it', async () => {
    const id = ids(420, 421)[0]!;
    const opened = await bit.open(id);
    expect(opened.attached).toBe(false);
    const port = opened.session.debugPort!;
    expect(opened.session).toMatchObject({
      vendor: 'bitbrowser',
      engine: 'chromium',
      debugAddress: `127.0.0.1:${port}`,
      wsUrl: expect.stringMatching(new RegExp(`^ws://127\\.0\\.0\\.1:${port}/devtools/browser/`)),
      webdriverPath: expect.stringMatching(/chromedriver/),
    });
    expect(opened.session.pid).toBeGreaterThan(0);
    expect((await bit.open(id)).attached).toBe(true);

    const s = (await bit.listSessions()).find((x) => x.vendorId === id)!;
    expect(s).toMatchObject({
      pid: opened.session.pid,
      debugPort: port,
      wsUrl: opened.session.wsUrl,
    });
    expect((await bit.getProfile(id)).status).toBe('open');

    await bit.close(id);
    expect((await bit.listSessions()).map((x) => x.vendorId)).not.toContain(id);
    expect((await bit.getProfile(id)).status).toBe('closed');
  });
});

describe('BitBrowser with its API key turned on', () => {
  it('without the key: unauthorized, saying where the key is; with it, every call works', async () => {
    const keyed = await startSandbox({
      ixProfiles: 0,
      cosProfiles: 0,
      bitProfiles: 3,
      chromiumPath: null,
      bitApiKey: 'key-1',
    });
    const make = (token?: string) =>
      createBitProvider({
        connectionId: 'bitk',
        baseUrl: keyed.bit.url,
        token: () => token,
        log: quietLog().log,
      });
    const none = make();
    const wrong = make('nope');
    const right = make('key-1');
    try {
      await expect(none.test()).rejects.toMatchObject({
        code: 'unauthorized',
        message: expect.stringMatching(/asks for an API key/),
      });
      await expect(wrong.test()).rejects.toMatchObject({
        code: 'unauthorized',
        message: expect.stringMatching(/refused the API key/),
      });
      expect(await right.listProfiles()).toHaveLength(3);
    } finally {
      for (const p of [none, wrong, right]) p.dispose?.();
      await keyed.stop();
    }
  });
});
