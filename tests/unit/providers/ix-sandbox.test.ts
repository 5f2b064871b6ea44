/**
 * The ixBrowser provider against the sandbox (simulated browsers): what it lists matches
 * the sandbox's records, and every edit changes exactly what was asked, nothing else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../electron/sandbox';
import { createIxProvider } from '../../../electron/main/providers/ixbrowser/ix-provider';
import type { VendorProvider } from '../../../electron/main/providers/provider';
import type { ProxyInput } from '../../../shared/model/proxy-input';
import { DeckError } from '../../../shared/ipc/result';
import { FAST_RETRY, quietLog } from './fake-server';

let sb: Sandbox;
let ix: VendorProvider;
const logged = quietLog();

beforeAll(async () => {
  sb = await startSandbox({ profiles: 250, seed: 7, chromiumPath: null });
  ix = createIxProvider({
    connectionId: 'ix1',
    baseUrl: sb.ix.url,
    log: logged.log,
    retry: FAST_RETRY,
  });
});
afterAll(async () => {
  ix?.dispose?.();
  await sb?.stop();
});

const record = (id: string) => sb.ix.profiles().find((p) => String(p.profile_id) === id)!;
const customProxy = (over: Partial<ProxyInput> = {}): ProxyInput => ({
  method: 'custom',
  type: 'socks5',
  host: '10.1.2.3',
  port: 1080,
  username: 'u1',
  password: { action: 'set', value: 's3cret-pw' },
  refreshUrl: '',
  extractionUrl: '',
  extractionChannel: '',
  checkService: '',
  socks5Udp: false,
  ...over,
});

describe('ixBrowser provider on the sandbox: reading', () => {
  it('lists every profile across pages, mapped to the one model', async () => {
    const profiles = await ix.listProfiles();
    const records = sb.ix.profiles();
    expect(profiles).toHaveLength(records.length);
    expect(new Set(profiles.map((p) => p.key)).size).toBe(records.length);
    for (const r of records.slice(0, 40)) {
      const p = profiles.find((x) => x.vendorId === String(r.profile_id))!;
      expect(p).toMatchObject({
        key: `ix1/${r.profile_id}`,
        connectionId: 'ix1',
        vendor: 'ixbrowser',
        name: r.name,
        remark: r.note,
        groupId: String(r.group_id),
        groupName: r.group_name,
        status: 'closed',
      });
      expect(p.tags.map((t) => t.id).join(' ')).toBe(r.tag_id);
      expect(p.tags.map((t) => t.name).join(' ')).toBe(r.tag_name);
      if (r.last_open_time) expect(p.lastOpenedAt).toBe(r.last_open_time * 1000);
      const method = { 1: 'vendor', 2: 'custom', 3: 'vendor', 4: 'api' }[r.proxy_mode];
      expect(p.proxy.method).toBe(method);
      if (r.proxy_mode === 2 && r.proxy_type !== 'direct') {
        expect(p.proxy).toMatchObject({
          type: r.proxy_type,
          host: r.proxy_ip,
          port: Number(r.proxy_port),
        });
      }
      if (r.proxy_mode === 4) expect(p.proxy.extractionUrl).toBe(r.proxy_url);
      if (r.proxy_mode === 1 || r.proxy_mode === 3)
        expect(p.proxy.vendorProxyId).toBe(String(r.proxy_id));
    }
  });

  it('lets no account or proxy password out, and hands them to the log to redact', async () => {
    const text = JSON.stringify(await ix.listProfiles());
    const secrets = sb.ix
      .profiles()
      .flatMap((r) => [r.password, r.proxy_password])
      .filter((s) => s.length >= 4);
    expect(secrets.length).toBeGreaterThan(0);
    for (const s of secrets) expect(text).not.toContain(s);
    for (const r of sb.ix.profiles()) if (r.password) expect(logged.secrets).toContain(r.password);
  });

  it('gets one profile, and says not-found for one that does not exist', async () => {
    const r = sb.ix.profiles()[5]!;
    const p = await ix.getProfile(String(r.profile_id));
    expect(p.name).toBe(r.name);
    await expect(ix.getProfile('99999999')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('lists groups and tags as the sandbox has them', async () => {
    const groups = await ix.listGroups();
    expect(groups.map((g) => g.name)).toContain('Default');
    expect(groups.length).toBeGreaterThan(1);
    const tags = await ix.listTags();
    expect(tags.length).toBeGreaterThan(0);
    expect(tags.every((t) => t.connectionId === 'ix1' && t.id && t.name)).toBe(true);
  });

  it('counts profiles in test()', async () => {
    await expect(ix.test()).resolves.toEqual({ profileCount: sb.ix.profiles().length });
  });
});

describe('ixBrowser provider on the sandbox: edits change exactly what was asked', () => {
  it('moves profiles to a group in one batch request', async () => {
    const group = await ix.createGroup('Moved here');
    const ids = sb.ix
      .profiles()
      .slice(10, 15)
      .map((r) => String(r.profile_id));
    const untouched = record(String(sb.ix.profiles()[16]!.profile_id)).group_id;
    sb.ix.resetRequestCount();
    const results = await ix.moveToGroup(ids, group.id);
    expect([...results.values()].every((v) => v === null)).toBe(true);
    expect(sb.ix.requestCount()).toBe(1);
    for (const id of ids)
      expect(record(id)).toMatchObject({ group_id: Number(group.id), group_name: 'Moved here' });
    expect(record(String(sb.ix.profiles()[16]!.profile_id)).group_id).toBe(untouched);
  });

  it('sets remarks and names one profile at a time', async () => {
    const ids = sb.ix
      .profiles()
      .slice(20, 23)
      .map((r) => String(r.profile_id));
    expect([...(await ix.setRemark(ids, 'checked')).values()]).toEqual([null, null, null]);
    expect([...(await ix.setName(ids.slice(0, 1), 'Renamed one')).values()]).toEqual([null]);
    expect(ids.map((id) => record(id).note)).toEqual(['checked', 'checked', 'checked']);
    expect(record(ids[0]!).name).toBe('Renamed one');
    expect(record(ids[1]!).name).not.toBe('Renamed one');
  });

  it('sets tags by name, creating a missing tag once', async () => {
    const ids = sb.ix
      .profiles()
      .slice(30, 32)
      .map((r) => String(r.profile_id));
    const existing = (await ix.listTags())[0]!;
    const results = await ix.setTags(ids, [existing.name, 'brand-new tag']);
    expect([...results.values()]).toEqual([null, null]);
    const tags = await ix.listTags();
    expect(tags.filter((t) => t.name === 'brand-new tag')).toHaveLength(1);
    const created = tags.find((t) => t.name === 'brand-new tag')!;
    for (const id of ids) expect(record(id).tag_id).toBe(`${existing.id} ${created.id}`);
    const listed = await ix.getProfile(ids[0]!);
    expect(listed.tags.map((t) => t.name)).toEqual([existing.name, 'brand-new tag']);
  });

  it('sets a custom proxy with its password; reads back only that one is set', async () => {
    const id = String(sb.ix.profiles()[40]!.profile_id);
    const results = await ix.setProxy([id], customProxy());
    expect(results.get(id)).toBeNull();
    expect(record(id)).toMatchObject({
      proxy_mode: 2,
      proxy_type: 'socks5',
      proxy_ip: '10.1.2.3',
      proxy_port: '1080',
      proxy_user: 'u1',
      proxy_password: 's3cret-pw',
    });
    const p = await ix.getProfile(id);
    expect(p.proxy).toMatchObject({
      method: 'custom',
      type: 'socks5',
      host: '10.1.2.3',
      port: 1080,
    });
    expect(JSON.stringify(p)).not.toContain('s3cret-pw');
    expect(logged.secrets).toContain('s3cret-pw');
  });

  it('refuses "keep the password" for an authenticated proxy rather than erase it', async () => {
    const id = String(sb.ix.profiles()[40]!.profile_id);
    const results = await ix.setProxy(
      [id],
      customProxy({ host: '10.9.9.9', password: { action: 'keep' } }),
    );
    expect(results.get(id)).toMatchObject({ code: 'invalid-input' });
    expect(record(id)).toMatchObject({ proxy_ip: '10.1.2.3', proxy_password: 's3cret-pw' });
  });

  it('sets an API-extraction proxy', async () => {
    const id = String(sb.ix.profiles()[41]!.profile_id);
    const proxy = customProxy({
      method: 'api',
      type: 'http',
      host: '',
      port: null,
      username: '',
      password: { action: 'keep' },
      extractionUrl: 'https://extract.example/get?n=1',
    });
    expect((await ix.setProxy([id], proxy)).get(id)).toBeNull();
    expect(record(id)).toMatchObject({
      proxy_mode: 4,
      proxy_url: 'https://extract.example/get?n=1',
    });
    expect((await ix.getProfile(id)).proxy).toMatchObject({
      method: 'api',
      extractionUrl: 'https://extract.example/get?n=1',
    });
  });

  it('reports a vendor failure per item (failIds) and still applies the rest', async () => {
    const ids = sb.ix
      .profiles()
      .slice(50, 53)
      .map((r) => String(r.profile_id));
    sb.setFaults({ failIds: [ids[1]!] });
    try {
      const results = await ix.setRemark(ids, 'partial');
      expect(results.get(ids[0]!)).toBeNull();
      expect(results.get(ids[1]!)).toMatchObject({
        code: 'vendor-error',
        details: { vendorCode: 1011 },
      });
      expect(results.get(ids[2]!)).toBeNull();
      expect(record(ids[1]!).note).not.toBe('partial');
    } finally {
      sb.setFaults({});
    }
  });

  it('copies a profile into a group, and creates one with proxy, tags and start page', async () => {
    const source = sb.ix.profiles()[60]!;
    const groups = await ix.listGroups();
    const target = groups.find((g) => g.name !== 'Default')!;
    const copyId = await ix.copyProfile(String(source.profile_id), {
      name: 'Copy of 60',
      groupId: target.id,
    });
    expect(record(copyId)).toMatchObject({ name: 'Copy of 60', group_id: Number(target.id) });

    const newId = await ix.createProfile({
      name: 'Fresh profile',
      tags: ['warm'],
      remark: 'made by a test',
      groupId: target.id,
      startUrl: 'https://example.com/',
      proxy: customProxy({ type: 'http', host: '192.0.2.10', port: 8080 }),
    });
    expect(record(newId)).toMatchObject({
      name: 'Fresh profile',
      note: 'made by a test',
      group_id: Number(target.id),
      site_url: 'https://example.com/',
      proxy_type: 'http',
      proxy_ip: '192.0.2.10',
      proxy_port: '8080',
    });
    expect(record(newId).tag_name.split(' ')).toContain('warm');
  });

  it('a duplicate name on create keeps the vendor reason (101004, conflict)', async () => {
    const e = await ix
      .createProfile({ name: 'Fresh profile', tags: [], remark: '' })
      .catch((x: unknown) => x as DeckError);
    expect(e).toMatchObject({ code: 'conflict', details: { vendorCode: 101004 } });
  });

  it('deletes profiles (to the recycle bin)', async () => {
    const ids = sb.ix
      .profiles()
      .slice(70, 72)
      .map((r) => String(r.profile_id));
    const results = await ix.deleteProfiles(ids);
    expect([...results.values()]).toEqual([null, null]);
    for (const id of ids) expect(record(id)).toBeUndefined();
  });
});

describe('ixBrowser provider on the sandbox: open, sessions, close', () => {
  it('opens, attaches on a second open, lists the session and closes', async () => {
    const id = String(sb.ix.profiles()[80]!.profile_id);
    const first = await ix.open(id);
    expect(first.attached).toBe(false);
    expect(first.session).toMatchObject({ profileKey: `ix1/${id}`, engine: 'chromium' });
    expect(first.session.debugPort).toBeGreaterThan(0);
    expect(first.session.profileName).toBe(record(id).name);

    const again = await ix.open(id);
    expect(again.attached).toBe(true);
    expect(again.session.debugPort).toBe(first.session.debugPort);

    const sessions = await ix.listSessions();
    expect(sessions.map((s) => s.vendorId)).toContain(id);
    const listed = (await ix.listProfiles()).find((p) => p.vendorId === id)!;
    expect(listed).toMatchObject({ status: 'open', debugPort: first.session.debugPort });

    await expect(ix.close(id)).resolves.toEqual({ alreadyClosed: false });
    await expect(ix.close(id)).resolves.toEqual({ alreadyClosed: true });
    expect((await ix.listSessions()).map((s) => s.vendorId)).not.toContain(id);
  });

  it('closes several in one batch request', async () => {
    const ids = sb.ix
      .profiles()
      .slice(81, 84)
      .map((r) => String(r.profile_id));
    for (const id of ids) await ix.open(id);
    const results = await ix.closeMany!(ids);
    expect([...results.values()]).toEqual([null, null, null]);
    expect(await ix.listSessions()).toEqual([]);
  });

  it('keeps within the sandbox limit of 3 under a burst of reads and edits', async () => {
    const ids = sb.ix
      .profiles()
      .slice(90, 130)
      .map((r) => String(r.profile_id));
    await Promise.all([ix.setRemark(ids, 'burst'), ix.listProfiles(), ix.listGroups()]);
    expect(sb.ix.maxConcurrentSeen()).toBeLessThanOrEqual(3);
    expect(ids.every((id) => record(id).note === 'burst')).toBe(true);
  });
});
