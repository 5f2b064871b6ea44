import { describe, expect, it } from 'vitest';
import type { ProxyCheckResult } from '../../../shared/model';
import { CAPS, FakeProvider, vendorError } from './fake-provider';
import { setup } from './setup';

describe('per-profile actions', () => {
  it('renames from a template numbered in the order of the keys; a retry keeps each number', async () => {
    const ix = new FakeProvider('ix', 3);
    const cos = new FakeProvider('cos', 3, 'cos');
    cos.failures.set('1', vendorError(211, 'Configuration must be a JSON object'));
    const { engine } = setup([ix, cos]);
    const { id } = await engine.start({
      action: { kind: 'rename', name: { template: 'Shop {n}', start: 7, pad: 2 } },
      keys: ['ix/3', 'cos/2', 'cos/1', 'ix/1'],
    });
    const job = await engine.settled(id);
    expect(ix.profiles.get('3')!.name).toBe('Shop 07');
    expect(cos.profiles.get('2')!.name).toBe('Shop 08');
    expect(ix.profiles.get('1')!.name).toBe('Shop 10');
    expect(job.items[2]).toMatchObject({ key: 'cos/1', state: 'failed' });
    expect(job.items[0]).toMatchObject({
      note: 'renamed to "Shop 07"',
      noteWords: [{ key: 'renamedTo', params: { name: 'Shop 07' } }],
    });

    cos.failures.clear();
    await engine.settled((await engine.retryFailed(id)).id);
    expect(cos.profiles.get('1')!.name).toBe('Shop 09');
  });

  it('labels items with the names given, else with the name read back after the job', async () => {
    const ix = new FakeProvider('ix', 2);
    const { engine } = setup([ix]);
    const { id } = await engine.start({
      action: { kind: 'set-tags', tags: ['x'] },
      keys: ['ix/1', 'ix/2'],
      labels: { 'ix/1': 'Seller main' },
    });
    const job = await engine.settled(id);
    expect(job.items.map((i) => i.label)).toEqual(['Seller main', 'Profile 2']);
  });

  it('copies into the chosen group with numbered names; the connection is refetched', async () => {
    const ix = new FakeProvider('ix', 2);
    const { engine, changed } = setup([ix]);
    const { id } = await engine.start({
      action: {
        kind: 'copy',
        name: { template: 'Clone {n}', start: 1, pad: 0 },
        groupIds: { ix: 'g2' },
      },
      keys: ['ix/1', 'ix/2'],
    });
    const job = await engine.settled(id);
    expect(job.items.map((i) => i.resultKey)).toEqual(['ix/1000', 'ix/1001']);
    expect(ix.profiles.get('1001')).toMatchObject({ name: 'Clone 2', groupId: 'g2' });
    expect(changed()).toEqual([{ updated: [], removedKeys: [], refetchConnections: ['ix'] }]);
  });

  it('creates profiles in one connection; each item gets the new key', async () => {
    const cos = new FakeProvider('cos', 0, 'cos', { ...CAPS, copy: false });
    cos.failures.set('Broken', vendorError(211, 'UUID invalid'));
    const { engine, changed } = setup([cos]);
    const { id } = await engine.start({
      action: {
        kind: 'create',
        connectionId: 'cos',
        items: [
          { name: 'New A', tags: [], remark: '' },
          { name: 'Broken', tags: [], remark: '' },
        ],
      },
      keys: [],
    });
    const job = await engine.settled(id);
    expect(job.items).toMatchObject([
      { key: 'create:0', label: 'New A', state: 'ok', resultKey: 'cos/1000' },
      {
        key: 'create:1',
        label: 'Broken',
        state: 'failed',
        error: { details: { vendorCode: 211 } },
      },
    ]);
    expect(changed()[0]!.refetchConnections).toEqual(['cos']);
  });

  it('removes only the rows the vendor deleted', async () => {
    const ix = new FakeProvider('ix', 3);
    ix.failures.set('2', vendorError(1001, 'Profile does not exist'));
    const { engine, changed } = setup([ix]);
    const { id } = await engine.start({
      action: { kind: 'delete' },
      keys: ['ix/1', 'ix/2', 'ix/3'],
    });
    await engine.settled(id);
    expect(changed()).toEqual([
      { updated: [], removedKeys: ['ix/1', 'ix/3'], refetchConnections: [] },
    ]);
  });

  it('assigns one proxy per profile', async () => {
    const ix = new FakeProvider('ix', 2);
    const { engine } = setup([ix]);
    const proxy = (host: string) => ({
      method: 'custom' as const,
      type: 'http' as const,
      host,
      port: 8080,
      username: '',
      password: { action: 'keep' as const },
      refreshUrl: '',
      extractionUrl: '',
      extractionChannel: '',
      checkService: '',
      socks5Udp: false,
    });
    const { id } = await engine.start({
      action: {
        kind: 'assign-proxies',
        assignments: [
          { key: 'ix/2', proxy: proxy('10.0.0.2') },
          { key: 'ix/1', proxy: proxy('10.0.0.1') },
        ],
      },
      keys: ['ix/1', 'ix/2'],
    });
    expect(await engine.settled(id)).toMatchObject({ ok: 2 });
    expect(ix.profiles.get('1')!.proxy.host).toBe('10.0.0.1');
    expect(ix.profiles.get('2')!.proxy.host).toBe('10.0.0.2');
  });

  it('fails proxy checks as unsupported when no checker is wired', async () => {
    const ix = new FakeProvider('ix', 1);
    const { engine } = setup([ix]);
    const { id } = await engine.start({ action: { kind: 'check-proxy' }, keys: ['ix/1'] });
    expect((await engine.settled(id)).items[0]!.error).toMatchObject({ code: 'unsupported' });
  });

  it("checks each profile's proxy and pushes the result onto the row", async () => {
    const ix = new FakeProvider('ix', 2);
    const results: Record<string, ProxyCheckResult> = {
      '1': { ok: true, checkedAt: 1, exitIp: '203.0.113.9', latencyMs: 120 },
      '2': { ok: false, checkedAt: 1, reason: 'auth', message: 'Proxy asked for credentials' },
    };
    const { engine, changed } = setup([ix], {
      checkProxy: async (profile) => results[profile.vendorId]!,
    });
    const { id } = await engine.start({ action: { kind: 'check-proxy' }, keys: ['ix/1', 'ix/2'] });
    const job = await engine.settled(id);
    expect(job.items[0]).toMatchObject({
      state: 'ok',
      note: 'proxy works: exit IP 203.0.113.9, 120 ms',
      noteWords: [{ key: 'proxyWorks', params: { ip: '203.0.113.9', ms: 120 } }],
    });
    expect(job.items[1]).toMatchObject({
      state: 'failed',
      error: { code: 'unauthorized', message: 'Proxy check failed: Proxy asked for credentials' },
    });
    const rows = changed().flatMap((c) => c.updated);
    expect(rows.map((r) => [r.key, r.proxyCheck?.ok])).toEqual([
      ['ix/1', true],
      ['ix/2', false],
    ]);
  });
});
