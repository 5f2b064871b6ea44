import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxOptions } from '../../../electron/sandbox';
import { cos, ix } from './support';

const dir = mkdtempSync(join(tmpdir(), 'sandbox-state-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('seeded state', () => {
  it('is the same for the same seed and differs for another', async () => {
    const a = await startSandbox({ profiles: 50, seed: 42, chromiumPath: null });
    const b = await startSandbox({ profiles: 50, seed: 42, chromiumPath: null });
    const c = await startSandbox({ profiles: 50, seed: 43, chromiumPath: null });
    try {
      expect(b.ix.profiles()).toEqual(a.ix.profiles());
      expect(b.cos.profiles()).toEqual(a.cos.profiles());
      expect(c.ix.profiles().map((p) => p.name)).not.toEqual(a.ix.profiles().map((p) => p.name));
    } finally {
      await Promise.all([a.stop(), b.stop(), c.stop()]);
    }
  });

  it('mixes what a real account has: groups, tags, remarks, every kind of proxy', async () => {
    const sb = await startSandbox({ profiles: 300, chromiumPath: null });
    try {
      const ixp = sb.ix.profiles();
      const kinds = new Set(
        ixp.map((p) => `${p.proxy_mode}:${p.proxy_mode === 2 ? p.proxy_type : ''}`),
      );
      expect([...kinds].sort()).toEqual([
        '1:',
        '2:direct',
        '2:http',
        '2:https',
        '2:socks5',
        '3:',
        '4:',
      ]);
      const custom = ixp.filter((p) => p.proxy_mode === 2 && p.proxy_type !== 'direct');
      expect(custom.some((p) => p.proxy_user) && custom.some((p) => !p.proxy_user)).toBe(true);
      expect(new Set(ixp.map((p) => p.group_id)).size).toBeGreaterThan(3);
      expect(ixp.some((p) => p.note) && ixp.some((p) => !p.note)).toBe(true);
      expect(ixp.some((p) => p.username && p.password)).toBe(true);

      const windows = sb.cos.profiles();
      expect(
        new Set(windows.map((w) => `${w.proxyMethod}:${w.proxyType}`)).size,
      ).toBeGreaterThanOrEqual(5);
      expect(windows.some((w) => w.proxyMethod === 3 && w.dynamicIpUrl)).toBe(true);
      expect(windows.some((w) => w.proxyType === 'socks5' && w.proxyUserName)).toBe(true);
      expect(windows.every((w) => Object.keys(w.config).length > 0)).toBe(true);
      // Seeded proxies point at documentation ranges, never at anyone's server.
      for (const host of [...custom.map((p) => p.proxy_ip), ...windows.map((w) => w.host)].filter(
        Boolean,
      )) {
        expect(host).toMatch(/^(203\.0\.113|198\.51\.100|192\.0\.2)\.\d+$|\.example$/);
      }
    } finally {
      await sb.stop();
    }
  });
});

describe('persistence', () => {
  it('keeps edits, new profiles and the recycle bin across a restart', async () => {
    const file = join(dir, 'demo.json');
    const first = await startSandbox({ profiles: 30, chromiumPath: null, persistFile: file });
    const created = (await ix(first, 'profile-create', { name: 'kept across restarts' })).json.data;
    const victim = first.ix.profiles()[0]!.profile_id;
    await ix(first, 'profile-delete', { profile_id: victim });
    await cos(first, '/browser/remark/update', { ids: [101], remark: 'persisted remark' });
    await first.stop();
    expect(JSON.parse(readFileSync(file, 'utf8')).version).toBe(1);

    // Another seed and size: the file wins.
    const second = await startSandbox({
      profiles: 5,
      seed: 9,
      chromiumPath: null,
      persistFile: file,
    });
    try {
      expect(second.ix.profiles()).toHaveLength(30);
      expect(second.ix.profiles().find((p) => p.profile_id === created)?.name).toBe(
        'kept across restarts',
      );
      expect(second.ix.profiles().some((p) => p.profile_id === victim)).toBe(false);
      expect((await ix(second, 'empty-recycle-bin', {})).json.data).toBe(1);
      expect(second.cos.profiles().find((w) => w.id === 101)?.remark).toBe('persisted remark');
      const next = (await ix(second, 'profile-create', { name: 'after restart' })).json.data;
      expect(next).toBeGreaterThan(created);
    } finally {
      await second.stop();
    }
  });

  it('refuses a file that is not sandbox state instead of overwriting it', async () => {
    const file = join(dir, 'other.json');
    writeFileSync(file, '{"hello":"world"}');
    await expect(startSandbox({ chromiumPath: null, persistFile: file })).rejects.toThrow(
      /not a BrowserDeck sandbox state/,
    );
    expect(readFileSync(file, 'utf8')).toBe('{"hello":"world"}');
  });
});

describe('startup', () => {
  it('refuses a browser path that does not exist instead of failing every open later', async () => {
    await expect(
      startSandbox({ chromiumPath: join(dir, 'no-such-chromium'), chromiumSandbox: true }),
    ).rejects.toThrow(/No browser at/);
  });

  it('starts no real browser until the caller says whether Chromium’s sandbox is on', async () => {
    // The type already asks for it; this is for callers that get past the type.
    const undecided = { chromiumPath: process.execPath } as unknown as SandboxOptions;
    await expect(startSandbox(undecided)).rejects.toThrow(/chromiumSandbox must be true or false/);
  });
});
