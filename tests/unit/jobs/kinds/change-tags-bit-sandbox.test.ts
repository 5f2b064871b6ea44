/**
 * Issue 23, point 5, for the Bit-family dialects against the sandbox through the real core:
 * adding and removing tags in bulk computes each profile's new set from its own tags. CosLogin
 * (the Bit family's dialect with tag endpoints) lands each profile's set; BitBrowser's Local
 * API has no tag endpoints (vendor-docs/bitbrowser-and-adspower.md), so a BitBrowser profile
 * whose set would change is refused with that reason and its tags stay as they were; one the
 * change leaves as it is needs no request and is ok.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../electron/main/core';
import { createLogger } from '../../../../electron/main/log';
import { createTestCipher } from '../../../../electron/main/secrets/secret-store';
import { startSandbox, type Sandbox } from '../../../../electron/sandbox';
import type { RequestOf } from '../../../../shared/ipc/contract';
import type { Profile } from '../../../../shared/model';
import type { Job } from '../../../../shared/model/job';

let sandbox: Sandbox;
let core: Core;
let dataDir: string;
let bitId: string;
let cosId: string;

beforeAll(async () => {
  sandbox = await startSandbox({
    ixProfiles: 0,
    cosProfiles: 4,
    bitProfiles: 4,
    seed: 23,
    chromiumPath: null,
  });
  dataDir = await mkdtemp(join(tmpdir(), 'deck-bit-tags-'));
  core = createCore({
    dataDir,
    cipher: createTestCipher(),
    log: createLogger(() => {}),
    app: { name: 'BrowserDeck', version: '0.0.0', platform: 'linux', electron: null },
    validateResponses: true,
    detectPorts: { ixbrowser: [], cos: [], bitbrowser: [], adspower: [] },
  });
  const add = async (body: RequestOf<'connections:add'>) => {
    const added = await core.dispatch('connections:add', body);
    expect(added).toMatchObject({ ok: true });
    return (added as { data: { id: string } }).data.id;
  };
  bitId = await add({ vendor: 'bitbrowser', baseUrl: sandbox.bit.url });
  cosId = await add({ vendor: 'cos', baseUrl: sandbox.cos.url, token: sandbox.cos.token });
});
afterAll(async () => {
  await core?.dispose();
  await sandbox?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** Every profile's tag names as its vendor has them now, sorted. */
async function vendorTags(): Promise<Map<string, string[]>> {
  const listed = await core.dispatch('profiles:list', {});
  if (!listed.ok) throw new Error(listed.error.message);
  const { profiles } = listed.data as { profiles: Profile[] };
  return new Map(profiles.map((p) => [p.key, p.tags.map((t) => t.name).sort()]));
}

async function runJob(request: RequestOf<'jobs:start'>): Promise<Job> {
  const ended = new Set<string>();
  let wanted: { id: string; resolve(): void } | undefined;
  const off = core.events.subscribe((event, payload) => {
    const p = payload as { id?: string; state?: string };
    if (event !== 'jobs:event:progress' || p.state === 'running' || !p.id) return;
    ended.add(p.id);
    if (wanted?.id === p.id) wanted.resolve();
  });
  try {
    const started = await core.dispatch('jobs:start', request);
    expect(started).toMatchObject({ ok: true });
    const { id } = (started as { data: { id: string } }).data;
    if (!ended.has(id)) await new Promise<void>((resolve) => (wanted = { id, resolve }));
    return ((await core.dispatch('jobs:get', { id })) as { data: Job }).data;
  } finally {
    off();
  }
}

const sorted = (names: Iterable<string>) => [...new Set(names)].sort();
const stateOf = (job: Job, key: string) => job.items.find((i) => i.key === key);

describe('tags added and removed in bulk on the Bit family', () => {
  it('add: each CosLogin profile gets its own set plus the new tags; a BitBrowser profile is refused, its tags kept', async () => {
    const before = await vendorTags();
    const bitKeys = [...before.keys()].filter((k) => k.startsWith(`${bitId}/`));
    const cosKeys = [...before.keys()].filter((k) => k.startsWith(`${cosId}/`));
    expect(bitKeys).toHaveLength(4);
    expect(cosKeys).toHaveLength(4);
    // The seeded profiles do not all carry the same tags: own sets are what is kept.
    expect(new Set(cosKeys.map((k) => before.get(k)!.join())).size).toBeGreaterThan(1);

    const job = await runJob({
      action: { kind: 'change-tags', add: ['vip-bit'], remove: [] },
      keys: [...bitKeys, ...cosKeys],
    });
    expect(job).toMatchObject({ ok: 4, failed: 4 });
    const after = await vendorTags();
    for (const key of cosKeys) {
      expect(stateOf(job, key)).toMatchObject({ state: 'ok' });
      expect(after.get(key)).toEqual(sorted([...before.get(key)!, 'vip-bit']));
    }
    for (const key of bitKeys) {
      expect(stateOf(job, key)).toMatchObject({
        state: 'failed',
        error: { code: 'unsupported', message: expect.stringContaining('no tag endpoints') },
      });
      expect(after.get(key)).toEqual(before.get(key));
    }
  });

  it('remove: each profile keeps its other tags; a BitBrowser profile without the tag needs no change', async () => {
    const before = await vendorTags();
    const cosKeys = [...before.keys()].filter((k) => k.startsWith(`${cosId}/`));
    const bitKeys = [...before.keys()].filter((k) => k.startsWith(`${bitId}/`));
    // A tag a CosLogin profile has besides vip-bit, and one a BitBrowser profile has.
    const cosTag = before.get(cosKeys[0]!)!.find((t) => t !== 'vip-bit')!;
    const bitTag = bitKeys.map((k) => before.get(k)![0]).find(Boolean)!;
    expect([cosTag, bitTag]).toEqual([expect.any(String), expect.any(String)]);
    const remove = ['vip-bit', cosTag, bitTag];

    const job = await runJob({
      action: { kind: 'change-tags', add: [], remove },
      keys: [...bitKeys, ...cosKeys],
    });
    const after = await vendorTags();
    for (const key of cosKeys) {
      expect(stateOf(job, key)).toMatchObject({ state: 'ok' });
      expect(after.get(key)).toEqual(before.get(key)!.filter((t) => !remove.includes(t)));
    }
    expect(job.items.filter((i) => i.error?.code === 'unsupported').length).toBeGreaterThan(0);
    for (const key of bitKeys) {
      const changes = before.get(key)!.some((t) => remove.includes(t));
      expect(stateOf(job, key)).toMatchObject(
        changes
          ? { state: 'failed', error: { code: 'unsupported' } }
          : { state: 'ok', note: 'had none of these tags' },
      );
      expect(after.get(key)).toEqual(before.get(key));
    }
  });
});
