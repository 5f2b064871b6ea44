/**
 * Stored proxy passwords through the real core and the sandbox of both vendors:
 * - "keep" really keeps: a bulk proxy edit resends each profile's own stored password
 *   (both vendors' proxy writes set the whole proxy, so a password left out is erased);
 * - a stored password belongs to its host and port: an edit that moves the proxy elsewhere
 *   with "keep" is refused per profile, and no later proxy check hands the password to the
 *   new host (a recording proxy on loopback stands for the attacker's).
 */
import { createServer as createHttpServer, request as httpRequest } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Job, JobSummary } from '../../../shared/model/job';
import type { ProxyInputDraft } from '../../../shared/model/proxy-input';
import type { Core } from '../../../electron/main/core';
import { profileKey } from '../../../shared/model';
import { startSandboxedCore, type SandboxedCore } from '../reliability/sandboxed-core';

type Vendor = 'ixbrowser' | 'cos';
let env: SandboxedCore | undefined;
afterEach(async () => {
  await env?.close();
  env = undefined;
});

/** Resolves with the job once it stops running, woken by its progress events. */
async function jobDone(core: Core, summary: JobSummary): Promise<Job> {
  const read = async () => {
    const got = await core.dispatch('jobs:get', { id: summary.id });
    if (!got.ok) throw new Error(got.error.message);
    return got.data as Job;
  };
  return new Promise<Job>((resolve, reject) => {
    const check = () =>
      read().then((job) => {
        if (job.state === 'running') return;
        unsubscribe();
        resolve(job);
      }, reject);
    const unsubscribe = core.events.subscribe((event) => {
      if (event === 'jobs:event:progress') void check();
    });
    void check();
  });
}

async function runJob(core: Core, request: unknown): Promise<Job> {
  const started = await core.dispatch('jobs:start', request);
  if (!started.ok) throw new Error(`${started.error.code}: ${started.error.message}`);
  return jobDone(core, started.data as JobSummary);
}

const proxy = (over: Partial<ProxyInputDraft>): ProxyInputDraft => ({
  method: 'custom',
  type: 'http',
  host: '203.0.113.10',
  port: 8080,
  username: 'user',
  ...over,
});

/** The stored password of each profile, read from the sandbox's own records. */
function storedPasswords(sandboxed: SandboxedCore, vendor: Vendor): Map<string, string> {
  return vendor === 'cos'
    ? new Map(sandboxed.sandbox.cos.profiles().map((w) => [String(w.id), w.proxyPassword]))
    : new Map(sandboxed.sandbox.ix.profiles().map((r) => [String(r.profile_id), r.proxy_password]));
}

/** 100 profiles on one proxy address, each with a password of its own (set through the app). */
async function hundredProfilesWithOwnPasswords(vendor: Vendor) {
  env = await startSandboxedCore({ ixProfiles: 120, cosProfiles: 120 });
  const connectionId = await env.connect(vendor);
  const profiles = (await env.listProfiles(connectionId)).slice(0, 100);
  const assigned = await runJob(env.core, {
    action: {
      kind: 'assign-proxies',
      assignments: profiles.map((p, i) => ({
        key: p.key,
        proxy: proxy({ username: `user-${i}`, password: { action: 'set', value: `pw-${i}-x` } }),
      })),
    },
    keys: [],
  });
  expect(assigned).toMatchObject({ ok: 100, failed: 0 });
  return { connectionId, profiles, sandboxed: env };
}

describe.each<Vendor>(['cos', 'ixbrowser'])('%s: "keep the password"', (vendor) => {
  it('a bulk edit of 100 profiles with 100 different passwords keeps all 100', async () => {
    const { profiles, sandboxed } = await hundredProfilesWithOwnPasswords(vendor);
    const before = storedPasswords(sandboxed, vendor);

    const job = await runJob(sandboxed.core, {
      action: {
        kind: 'set-proxy',
        // Same address, another type and user: the editor's default leaves the password on keep.
        proxy: proxy({ type: 'socks5', username: 'shared-user', password: { action: 'keep' } }),
      },
      keys: profiles.map((p) => p.key),
    });
    expect(job).toMatchObject({ total: 100, ok: 100, failed: 0 });
    const after = storedPasswords(sandboxed, vendor);
    for (const p of profiles) {
      expect(after.get(p.vendorId), p.vendorId).toBe(before.get(p.vendorId));
      expect(after.get(p.vendorId)).toMatch(/^pw-\d+-x$/);
    }
    const listed = await sandboxed.listProfiles(profiles[0]!.connectionId);
    for (const p of listed.filter((x) => profiles.some((y) => y.key === x.key)))
      // (ixBrowser's listing leaves the user out; the sandbox's records are checked above.)
      expect(p.proxy).toMatchObject({ type: 'socks5', host: '203.0.113.10', port: 8080 });
  });

  it('a proxy moved to another host with "keep" is refused per profile; nothing changes', async () => {
    const { profiles, sandboxed } = await hundredProfilesWithOwnPasswords(vendor);
    const some = profiles.slice(0, 5);
    const job = await runJob(sandboxed.core, {
      action: {
        kind: 'set-proxy',
        proxy: proxy({ host: '127.0.0.1', port: 3128, password: { action: 'keep' } }),
      },
      keys: some.map((p) => p.key),
    });
    expect(job).toMatchObject({ total: 5, ok: 0, failed: 5 });
    for (const item of job.items) {
      expect(item.error).toMatchObject({
        code: 'invalid-input',
        details: { field: 'proxy.password' },
      });
      expect(item.error!.message).toContain('203.0.113.10:8080');
    }
    const listed = await sandboxed.listProfiles(some[0]!.connectionId);
    for (const p of listed.filter((x) => some.some((y) => y.key === x.key)))
      expect(p.proxy).toMatchObject({ host: '203.0.113.10', port: 8080 });
  });

  it('a move with a new password, or with the password cleared, goes through', async () => {
    const { profiles, sandboxed } = await hundredProfilesWithOwnPasswords(vendor);
    const [a, b] = profiles;
    const moved = await runJob(sandboxed.core, {
      action: {
        kind: 'set-proxy',
        proxy: proxy({ host: '198.51.100.4', password: { action: 'set', value: 'fresh-pw' } }),
      },
      keys: [a!.key],
    });
    expect(moved).toMatchObject({ ok: 1, failed: 0 });
    const cleared = await runJob(sandboxed.core, {
      action: {
        kind: 'set-proxy',
        proxy: proxy({ host: '198.51.100.5', password: { action: 'clear' } }),
      },
      keys: [b!.key],
    });
    expect(cleared).toMatchObject({ ok: 1, failed: 0 });
    const after = storedPasswords(sandboxed, vendor);
    expect(after.get(a!.vendorId)).toBe('fresh-pw');
    expect(after.get(b!.vendorId)).toBe('');
  });
});

it('CosLogin batches stay batches: one proxy request per distinct stored password', async () => {
  env = await startSandboxedCore({ ixProfiles: 1, cosProfiles: 60 });
  // The core talks to CosLogin through a forwarder that notes each path.
  const paths: string[] = [];
  const forwarder = await startForwarder(env.sandbox.cos.url, (path) => paths.push(path));
  try {
    const added = await env.core.dispatch('connections:add', {
      vendor: 'cos',
      baseUrl: forwarder.url,
      token: env.sandbox.cos.token,
    });
    if (!added.ok) throw new Error(added.error.message);
    const profiles = (await env.listProfiles((added.data as { id: string }).id)).slice(0, 40);
    const assigned = await runJob(env.core, {
      action: {
        kind: 'assign-proxies',
        assignments: profiles.map((p, i) => ({
          key: p.key,
          proxy: proxy({ password: { action: 'set', value: `team-${i % 4}` } }),
        })),
      },
      keys: [],
    });
    expect(assigned).toMatchObject({ ok: 40 });
    paths.length = 0;
    const job = await runJob(env.core, {
      action: { kind: 'set-proxy', proxy: proxy({ type: 'https', password: { action: 'keep' } }) },
      keys: profiles.map((p) => p.key),
    });
    expect(job).toMatchObject({ ok: 40, failed: 0 });
    expect(paths.filter((p) => p === '/browser/proxy/update')).toHaveLength(4);
    const after = storedPasswords(env, 'cos');
    profiles.forEach((p, i) => expect(after.get(p.vendorId)).toBe(`team-${i % 4}`));
  } finally {
    await forwarder.close();
  }
});

/** An HTTP forwarder on loopback that tells each request's path before passing it on. */
async function startForwarder(
  target: string,
  onPath: (path: string) => void,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = createHttpServer((req, res) => {
    onPath(req.url ?? '');
    const upstream = httpRequest(
      new URL(req.url ?? '/', target),
      { method: req.method, headers: { ...req.headers, host: new URL(target).host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A "proxy" on loopback that records every byte a client sends it and asks for credentials. */
async function startRecordingProxy(): Promise<{
  port: number;
  received(): string;
  close(): Promise<void>;
}> {
  const chunks: Buffer[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('data', (d) => {
      chunks.push(d);
      if (d[0] === 5) {
        // SOCKS5 greeting: choose username/password, so a client would send them.
        socket.write(Buffer.from([5, 2]));
        return;
      }
      socket.write(
        'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="x"\r\nContent-Length: 0\r\n\r\n',
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    received: () => Buffer.concat(chunks).toString('latin1'),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

describe.each<Vendor>(['cos', 'ixbrowser'])('%s: an attacker moving a proxy', (vendor) => {
  it('no channel sequence gets a stored proxy password to another host', async () => {
    const recorder = await startRecordingProxy();
    try {
      env = await startSandboxedCore(
        { ixProfiles: 10, cosProfiles: 10 },
        // Proxy checks answer fast: the recorder never completes a tunnel.
        { settings: { proxyCheckTimeoutMs: 1000 } },
      );
      const connectionId = await env.connect(vendor);
      const [victim] = await env.listProfiles(connectionId);
      const secret = 'victim-proxy-pw-93';
      const set = await runJob(env.core, {
        action: {
          kind: 'assign-proxies',
          assignments: [
            { key: victim!.key, proxy: proxy({ password: { action: 'set', value: secret } }) },
          ],
        },
        keys: [],
      });
      expect(set).toMatchObject({ ok: 1 });
      const keys = [victim!.key];
      const toRecorder = (type: 'http' | 'socks5') =>
        proxy({ type, host: '127.0.0.1', port: recorder.port, password: { action: 'keep' } });

      // Every way the renderer can point the profile at the recorder while keeping the password.
      for (const type of ['http', 'socks5'] as const) {
        await runJob(env.core, { action: { kind: 'set-proxy', proxy: toRecorder(type) }, keys });
        await runJob(env.core, {
          action: {
            kind: 'assign-proxies',
            assignments: [{ key: victim!.key, proxy: toRecorder(type) }],
          },
          keys: [],
        });
        await env.core.dispatch('proxy:check', { proxy: toRecorder(type) });
        await runJob(env.core, { action: { kind: 'check-proxy' }, keys });
      }
      await env.core.dispatch('connections:update', {
        id: connectionId,
        checkProxyBeforeOpen: true,
      });
      await runJob(env.core, { action: { kind: 'open' }, keys });
      await runJob(env.core, { action: { kind: 'close' }, keys });

      const seen = recorder.received();
      expect(seen).not.toContain(secret);
      const basic = (user: string) => Buffer.from(`${user}:${secret}`).toString('base64');
      expect(seen).not.toContain(basic('user'));
      expect(storedPasswords(env, vendor).get(victim!.vendorId)).toBe(secret);
      // And the key of the profile is the one the app lists.
      expect(victim!.key).toBe(profileKey(connectionId, victim!.vendorId));
    } finally {
      await recorder.close();
    }
  });
});
