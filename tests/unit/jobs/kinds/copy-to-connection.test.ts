/**
 * Copy to connection against the sandbox: real providers of all four vendors, the real
 * engine. What lands in the target vendor's records (group and tags by name, the proxy with
 * its password read by main), what the source keeps (everything), and a partial failure
 * that names its profile and is retried.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSandbox, type Sandbox } from '../../../../electron/sandbox';
import { createLogger } from '../../../../electron/main/log';
import { DEFAULT_SETTINGS } from '../../../../electron/main/settings';
import {
  createJobEngine,
  type JobEngine,
} from '../../../../electron/main/services/jobs/job-engine';
import {
  createJobJournal,
  type JobJournal,
} from '../../../../electron/main/services/jobs/job-journal';
import { previewCopy } from '../../../../electron/main/services/jobs/copy-preview';
import { VENDOR_SPECS } from '../../../../electron/main/providers/vendor-table';
import type { VendorProvider } from '../../../../electron/main/providers/provider';
import { DeckError } from '../../../../shared/ipc/result';
import { VENDOR_IDS, type Vendor } from '../../../../shared/model';
import { FAST_RETRY, quietLog } from '../../providers/fake-server';
import { connection } from '../../../fixtures/profile';

const RATE = 100;
let sb: Sandbox;
const providers = new Map<string, VendorProvider>();
const ID: Record<Vendor, string> = {
  ixbrowser: 'ix1',
  cos: 'cos1',
  bitbrowser: 'bit1',
  adspower: 'ads1',
};
/** Names whose create the target refuses, once each: a partial failure on demand. */
const refuseOnce = new Set<string>();
/** Names whose create is held on the wire until BrowserDeck quits, once each. */
const holdOnce = new Set<string>();
let held = 0;

function engine(journal?: JobJournal): JobEngine {
  return createJobEngine({
    ...(journal ? { journal } : {}),
    getProvider: (id) => {
      const p = providers.get(id);
      if (!p) throw DeckError.of('not-found', `no connection ${id}`);
      return p;
    },
    events: { emit: () => undefined },
    log: createLogger(() => undefined),
    settings: { get: async () => DEFAULT_SETTINGS },
  });
}

beforeAll(async () => {
  sb = await startSandbox({
    ixProfiles: 40,
    cosProfiles: 40,
    bitProfiles: 4,
    adsProfiles: 4,
    seed: 11,
    chromiumPath: null,
    adsRequestsPerSecond: RATE,
  });
  for (const vendor of VENDOR_IDS) {
    const { url, token } = sb.endpoints[vendor];
    const real = VENDOR_SPECS[vendor].createProvider({
      connectionId: ID[vendor],
      baseUrl: url,
      token: () => token,
      log: quietLog().log,
      retry: FAST_RETRY,
      requestsPerSecond: () => RATE,
    });
    const createProfile: VendorProvider['createProfile'] = (item, opts) => {
      if (holdOnce.delete(item.name)) {
        held++;
        return new Promise((_, reject) =>
          opts?.signal?.addEventListener('abort', () =>
            reject(DeckError.of('cancelled', 'BrowserDeck is quitting')),
          ),
        );
      }
      if (refuseOnce.delete(item.name))
        return Promise.reject(DeckError.of('vendor-error', `refused "${item.name}" on purpose`));
      return real.createProfile(item, opts);
    };
    providers.set(
      ID[vendor],
      Object.assign(Object.create(real) as VendorProvider, { createProfile }),
    );
  }
});
afterAll(async () => {
  for (const p of providers.values()) p.dispose?.();
  await sb?.stop();
});

const ixWithPassword = () =>
  sb.ix
    .profiles()
    .filter((r) => r.proxy_mode === 2 && r.proxy_type !== 'direct' && r.proxy_password);
const cosWithPassword = () =>
  sb.cos
    .profiles()
    .filter((w) => w.proxyMethod === 2 && w.proxyType !== 'direct' && w.proxyPassword);
const adsGroups = () => providers.get('ads1')!.listGroups();
const adsTags = () => providers.get('ads1')!.listTags();

describe('copy to connection, on the sandbox', () => {
  it('ixBrowser → AdsPower: name, remark, group and tags by name (made when missing), proxy with its password; the source untouched', async () => {
    const sources = ixWithPassword().slice(0, 6);
    expect(sources.length).toBe(6);
    const keys = sources.map((r) => `ix1/${r.profile_id}`);
    const ixBefore = JSON.stringify(sb.ix.profiles());
    const adsBefore = sb.ads.profiles().length;
    const groupsBefore = await adsGroups();
    const tagsBefore = await adsTags();
    sb.ix.resetRequestCount();

    const jobs = engine();
    const { id } = await jobs.start({
      action: { kind: 'copy-to-connection', targetConnectionId: 'ads1' },
      keys,
    });
    const job = await jobs.settled(id);
    expect(job.state).toBe('done');
    expect(job.ok).toBe(6);

    const groups = await adsGroups();
    const tags = await adsTags();
    const groupName = new Map(groups.map((g) => [g.id, g.name]));
    const tagName = new Map(tags.map((t) => [t.id, t.name]));
    for (const [i, r] of sources.entries()) {
      const item = job.items[i]!;
      expect(item.key).toBe(keys[i]);
      const made = sb.ads.profiles().find((p) => `ads1/${p.profile_id}` === item.resultKey)!;
      expect(made, r.name).toBeDefined();
      expect(made.name).toBe(r.name);
      expect(made.remark).toBe(r.note);
      expect(groupName.get(made.group_id)).toBe(r.group_name);
      expect(made.tag_ids.map((t) => tagName.get(t)).sort()).toEqual(
        r.tag_name.split(' ').filter(Boolean).sort(),
      );
      expect(made.user_proxy_config).toMatchObject({
        proxy_type: r.proxy_type,
        proxy_host: r.proxy_ip,
        proxy_port: r.proxy_port,
        proxy_user: r.proxy_user,
        proxy_password: r.proxy_password,
      });
    }
    expect(sb.ads.profiles().length).toBe(adsBefore + 6);
    // One group per name: those AdsPower had are reused, the others made once.
    const wanted = new Set(sources.map((r) => r.group_name));
    for (const name of wanted) expect(groups.filter((g) => g.name === name)).toHaveLength(1);
    expect(groups.length).toBe(
      groupsBefore.length +
        [...wanted].filter((n) => !groupsBefore.some((g) => g.name === n)).length,
    );
    const wantedTags = new Set(sources.flatMap((r) => r.tag_name.split(' ').filter(Boolean)));
    for (const name of wantedTags) expect(tags.filter((t) => t.name === name)).toHaveLength(1);
    expect(tags.length).toBeGreaterThanOrEqual(tagsBefore.length);

    // The source was only read.
    expect(JSON.stringify(sb.ix.profiles())).toBe(ixBefore);
    const writes = Object.keys(sb.ix.requestCountByPath()).filter((p) => !/list|detail/.test(p));
    expect(writes).toEqual([]);
  });

  it('CosLogin → BitBrowser: the proxy password carried, tags dropped with the reason (no tag calls)', async () => {
    const sources = cosWithPassword()
      .filter((w) => w.tagIds.length > 0)
      .slice(0, 3);
    expect(sources.length).toBe(3);
    const keys = sources.map((w) => `cos1/${w.id}`);
    const cosBefore = JSON.stringify(sb.cos.profiles());
    const jobs = engine();
    const { id } = await jobs.start({
      action: { kind: 'copy-to-connection', targetConnectionId: 'bit1' },
      keys,
    });
    const job = await jobs.settled(id);
    expect(job.state).toBe('done');
    for (const [i, w] of sources.entries()) {
      const item = job.items[i]!;
      expect(item.note).toContain("tags not copied: BitBrowser's Local API has no tag calls");
      expect(item.noteWords).toContainEqual({
        key: 'notCopied',
        params: { target: 'BitBrowser', of: 'tags', why: 'no-tag-calls' },
      });
      const made = sb.bit.profiles().find((b) => `bit1/${b.id}` === item.resultKey)!;
      expect(made.name).toBe(w.name);
      expect(made.remark).toBe(w.remark);
      expect(made.tagIds).toEqual([]);
      expect(made).toMatchObject({
        proxyType: w.proxyType,
        host: w.host,
        port: String(w.port),
        proxyUserName: w.proxyUserName,
        proxyPassword: w.proxyPassword,
      });
    }
    expect(JSON.stringify(sb.cos.profiles())).toBe(cosBefore);
  });

  it('a partial failure loses nothing: the others are made, the failed ones say why, and a retry makes them', async () => {
    const sources = ixWithPassword().slice(6, 10);
    const keys = [...sources.map((r) => `ix1/${r.profile_id}`), 'ix1/999999'];
    refuseOnce.add(sources[1]!.name);
    const jobs = engine();
    const { id } = await jobs.start({
      action: { kind: 'copy-to-connection', targetConnectionId: 'cos1' },
      keys,
    });
    const job = await jobs.settled(id);
    expect(job.state).toBe('failures');
    expect(job.ok).toBe(3);
    expect(job.items[1]).toMatchObject({
      key: keys[1],
      state: 'failed',
      error: { message: `refused "${sources[1]!.name}" on purpose` },
    });
    expect(job.items[4]).toMatchObject({
      state: 'failed',
      error: {
        code: 'not-found',
        message: 'The source profile no longer exists in its connection',
      },
    });
    const made = () => sb.cos.profiles().filter((w) => sources.some((r) => r.name === w.name));
    expect(made()).toHaveLength(3);

    const retry = await jobs.settled((await jobs.retryFailed(id)).id);
    expect(retry.items.map((i) => [i.key, i.state])).toEqual([
      [keys[1], 'ok'],
      [keys[4], 'failed'],
    ]);
    expect(made()).toHaveLength(4);
    const again = made().find((w) => w.name === sources[1]!.name)!;
    expect(again.proxyPassword).toBe(sources[1]!.proxy_password);
  });

  it('refuses a profile already in the target connection, and a connection that does not exist', async () => {
    const jobs = engine();
    const key = `ads1/${sb.ads.profiles()[0]!.profile_id}`;
    const job = await jobs.settled(
      (
        await jobs.start({
          action: { kind: 'copy-to-connection', targetConnectionId: 'ads1' },
          keys: [key],
        })
      ).id,
    );
    expect(job.items[0]).toMatchObject({
      state: 'failed',
      error: {
        message: 'This profile is already in the target connection: choose another connection',
      },
    });
    const gone = await jobs.settled(
      (
        await jobs.start({
          action: { kind: 'copy-to-connection', targetConnectionId: 'nope' },
          keys: [`ix1/${sb.ix.profiles()[0]!.profile_id}`],
        })
      ).id,
    );
    expect(gone.items[0]).toMatchObject({ state: 'failed', error: { code: 'not-found' } });
  });

  it('after a quit mid-copy, the item on the wire is not made again blindly by a retry', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'deck-copy-'));
    const journal = () => createJobJournal({ dir, log: createLogger(() => undefined) });
    const source = ixWithPassword()[12]!;
    holdOnce.add(source.name);
    const first = engine(journal());
    const { id } = await first.start({
      action: { kind: 'copy-to-connection', targetConnectionId: 'bit1' },
      keys: [`ix1/${source.profile_id}`],
    });
    await vi.waitFor(() => expect(held).toBe(1));
    await first.dispose();
    expect((await first.settled(id)).items[0]!.state).toBe('interrupted');

    const before = sb.bit.profiles().length;
    const second = engine(journal());
    const retry = await second.settled((await second.retryFailed(id)).id);
    expect(retry.items[0]).toMatchObject({
      state: 'failed',
      error: {
        message: expect.stringContaining('BrowserDeck stopped while this was being copied'),
      },
    });
    expect(sb.bit.profiles().length).toBe(before);
    // The journal names the source, never its proxy's password.
    const written = await Promise.all(
      (await readdir(dir, { recursive: true, withFileTypes: true }))
        .filter((f) => f.isFile())
        .map((f) => readFile(join(f.parentPath, f.name), 'utf8')),
    );
    expect(written.join('')).toContain(`ix1/${source.profile_id}`);
    expect(written.join('')).not.toContain(source.proxy_password);
    await rm(dir, { recursive: true, force: true });
  });
});

describe('copy preview', () => {
  const deps = {
    getProvider: (id: string) => {
      const p = providers.get(id);
      if (!p) throw DeckError.of('not-found', `no connection ${id}`);
      return p;
    },
    connection: async (id: string) =>
      connection(id, { vendor: providers.get(id)!.vendor, label: `Sandbox ${id}` }),
  };

  it('shows each target profile without a password, what the target cannot take, and the groups and tags it will make', async () => {
    const withTags = sb.ix
      .profiles()
      .find((r) => r.tag_name && r.proxy_mode === 2 && r.proxy_password)!;
    const vendorProxy = sb.ix.profiles().find((r) => r.proxy_mode === 1 || r.proxy_mode === 3)!;
    const keys = [`ix1/${withTags.profile_id}`, `ix1/${vendorProxy.profile_id}`, 'bit1/nope'];
    const preview = await previewCopy(deps, { keys, targetConnectionId: 'bit1' });
    expect(preview.target).toEqual({
      connectionId: 'bit1',
      label: 'Sandbox bit1',
      vendor: 'bitbrowser',
    });
    expect(preview.total).toBe(3);
    expect(preview.failing).toBe(1);
    const [a, b, c] = preview.items;
    expect(a).toMatchObject({
      name: withTags.name,
      group: withTags.group_name,
      remark: withTags.note,
      tags: [],
      proxy: { host: withTags.proxy_ip, hasPassword: true },
      dropped: [
        {
          field: 'tags',
          why: 'no-tag-calls',
          params: { target: 'BitBrowser' },
          reason: "BitBrowser's Local API has no tag calls: the copy gets no tags",
        },
      ],
    });
    expect(JSON.stringify(preview)).not.toContain(withTags.proxy_password);
    expect(b!.proxy).toBeNull();
    expect(b!.dropped).toContainEqual({
      field: 'proxy',
      why: 'vendor-proxy',
      params: { source: 'ixBrowser' },
      reason: 'a proxy managed by ixBrowser stays with that client: the copy gets no proxy',
    });
    expect(c!.error?.message).toBe(
      'This profile is already in the target connection: choose another connection',
    );
    expect(preview.newTags).toEqual([]);
    const bitGroups = new Set((await providers.get('bit1')!.listGroups()).map((g) => g.name));
    expect(preview.newGroups).toEqual(
      [withTags.group_name, vendorProxy.group_name]
        .filter((g, i, all) => !bitGroups.has(g) && all.indexOf(g) === i)
        .sort(),
    );
  });
});
