/**
 * Custom scripts end to end: the real core, the sandbox with real Chromium, and each script
 * in a process of its own started with child_process.fork, as in Node. What a script may
 * see of BrowserDeck's secrets is checked from inside one.
 */
import { writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../../shared/model/job';
import {
  forkLauncher,
  type ScriptChild,
} from '../../../electron/main/services/automation/script-launcher';
import { chromiumPath, direct, startAutomationCore, type AutomationCore } from './automation-core';
import { buildScriptHost } from './script-host-build';

const listen = (server: Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe.skipIf(!chromiumPath)('custom scripts, each in its own process', () => {
  let env: AutomationCore;
  let site: Server;
  let siteUrl: string;
  /** Every script process started, to see that none outlives its run. */
  const children: Array<{ pid: number | undefined; child: ScriptChild }> = [];

  beforeAll(async () => {
    site = createServer((req, res) => {
      res.setHeader('Content-Type', 'text/html');
      res.end(`<title>Shop ${req.url?.slice(1)}</title>`);
    });
    siteUrl = `http://127.0.0.1:${await listen(site)}`;
    const hostPath = await buildScriptHost();
    env = await startAutomationCore(
      { ixProfiles: 25 },
      {
        scripts: {
          hostPath,
          launcher: (launch) => {
            const child = forkLauncher(launch);
            children.push({ pid: (child as { pid?: number }).pid, child });
            return child;
          },
        },
      },
    );
  });
  afterAll(async () => {
    await env?.close();
    site?.close();
  });

  const key = (id: number) => `${env.ixId}/${id}`;
  const save = async (name: string, source: string) => {
    const saved = await env.core.dispatch('scripts:save', { name, source });
    expect(saved).toMatchObject({ ok: true });
    return (saved as { data: { id: string } }).data.id;
  };
  const runScript = (scriptId: string, keys: string[], extra: { timeoutMs?: number } = {}) =>
    env.runJob({
      action: { kind: 'automate', task: { type: 'script', scriptId }, ...extra },
      keys,
    });
  const item = (job: Job, k: string) => job.items.find((i) => i.key === k)!;

  it("returns each profile's document.title, with its log lines", async () => {
    for (const id of [1001, 1002, 1003]) {
      const { port } = await env.openBehind(id);
      const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
      await browser.contexts()[0]!.pages()[0]!.goto(`${siteUrl}/${id}`);
      await browser.close();
    }
    const scriptId = await save(
      'Titles',
      `export default async ({ page, profile, log }) => {
        log('in', profile.key, { tags: profile.tags.length });
        console.log('console goes to the log too');
        return page.evaluate(() => document.title);
      };`,
    );
    const job = await runScript(scriptId, [key(1001), key(1002), key(1003)]);
    expect(job).toMatchObject({ state: 'done', ok: 3, label: 'Script' });
    for (const id of [1001, 1002, 1003]) {
      expect(JSON.parse(item(job, key(id)).output!.result!)).toBe(`Shop ${id}`);
      expect(item(job, key(id)).output!.logs).toEqual([
        expect.stringMatching(new RegExp(`^in ${key(id)} \\{"tags":\\d+\\}$`)),
        'console goes to the log too',
      ]);
    }
    await env.runJob({ action: { kind: 'close' }, keys: [key(1001), key(1002), key(1003)] });
  });

  it('a script that throws, hangs or exits fails only its own item, with the reason', async () => {
    const scriptId = await save(
      'Misbehaves',
      `export default async ({ profile }) => {
        if (profile.vendorId === '1004') throw new Error('boom in ' + profile.vendorId);
        if (profile.vendorId === '1005') await new Promise(() => {});
        if (profile.vendorId === '1006') process.exit(3);
        return 'fine';
      };`,
    );
    const started = Date.now();
    // Generous for a loaded machine: starting a script's process and connecting takes a while.
    const job = await runScript(scriptId, [key(1004), key(1005), key(1006), key(1007)], {
      timeoutMs: 10_000,
    });
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(item(job, key(1004))).toMatchObject({
      state: 'failed',
      error: { message: 'The script threw: boom in 1004' },
    });
    expect(item(job, key(1005))).toMatchObject({
      state: 'failed',
      error: { code: 'timeout', message: expect.stringMatching(/did not finish within 10 s/) },
    });
    expect(item(job, key(1006))).toMatchObject({
      state: 'failed',
      error: { message: expect.stringMatching(/exited with code 3 before the script returned/) },
    });
    expect(item(job, key(1007))).toMatchObject({ state: 'ok', output: { result: '"fine"' } });
    // Each item's process is gone, the hanging one killed; the profiles opened were closed.
    for (const { pid } of children) expect(pid && alive(pid)).toBeFalsy();
    expect(env.sandbox.runningBrowserPids()).toEqual([]);
  });

  // Two script processes, one of them flooding: slow on a loaded machine, hence 60 s. The
  // result is twice the 4 MB a process may write in all, so it passes only if the script's
  // host cuts it before it is sent.
  it('a result of any size is cut: a hostile script cannot flood main', async () => {
    await direct(env.sandbox, 1008);
    const scriptId = await save(
      'Floods',
      `export default async ({ log }) => {
        for (let i = 0; i < 5000; i++) log('line ' + i);
        return 'x'.repeat(8 * 1024 * 1024);
      };`,
    );
    const job = await runScript(scriptId, [key(1008)]);
    const output = item(job, key(1008)).output!;
    expect(item(job, key(1008)).state).toBe('ok');
    expect(output.result!.length).toBe(16_384);
    expect(output.resultTruncated).toBe(8 * 1024 * 1024 + 2);
    expect(output.logs).toHaveLength(51);

    const printer = await save(
      'Prints',
      // It yields between writes: a loop that never yields fills the pipe, its writes queue
      // inside its own process and never reach main; the script timeout stops that one.
      `export default async () => {
        for (;;) {
          process.stdout.write('y'.repeat(65536));
          await new Promise((r) => setImmediate(r));
        }
      };`,
    );
    const printed = await runScript(printer, [key(1008)]);
    expect(item(printed, key(1008))).toMatchObject({
      state: 'failed',
      error: {
        message: expect.stringMatching(/wrote more than 4 MB of output; its process was stopped/),
      },
    });
  }, 60_000);

  it('cancel stops a run of 20 within one task time: running scripts are killed, the rest never start', async () => {
    // Long enough that waiting for the tasks (not killing them) cannot pass on a loaded machine.
    const TASK_MS = 20_000;
    const scriptId = await save(
      'Slow',
      `export default async () => { await new Promise((r) => setTimeout(r, ${TASK_MS})); return 'slow'; };`,
    );
    const keys = Array.from({ length: 20 }, (_, i) => key(1001 + i));
    // The job's id from its first progress event; cancel once three profiles are open.
    let jobId = '';
    let opened = 0;
    const threeRunning = new Promise<void>((resolve) => {
      const off = env.core.events.subscribe((event, payload) => {
        if (event === 'jobs:event:progress') jobId ||= (payload as { id: string }).id;
        if (event !== 'profiles:event:status') return;
        const { changes } = payload as { changes: Array<{ status: string }> };
        opened += changes.filter((c) => c.status === 'open').length;
        if (opened >= 3) {
          off();
          resolve();
        }
      });
    });
    const done = env.runJob({
      action: { kind: 'automate', task: { type: 'script', scriptId } },
      keys,
      concurrency: 3,
    });
    await threeRunning;
    const id = jobId;
    const cancelledAt = Date.now();
    expect(await env.core.dispatch('jobs:cancel', { id })).toMatchObject({ ok: true });
    const job = await done;
    expect(Date.now() - cancelledAt).toBeLessThan(TASK_MS);
    expect(job).toMatchObject({ state: 'cancelled', ok: 0, cancelled: 20 });
    expect(env.sandbox.runningBrowserPids()).toEqual([]);
    for (const { pid } of children) expect(pid && alive(pid)).toBeFalsy();
  });

  it('cannot find the CosLogin token or a proxy password in its environment, arguments or readable files', async () => {
    const token = env.sandbox.cos.token;
    const password = 'pw-only-main-knows-7f3a';
    // The password reaches main (and the vendor) through an edit, as a user would set it.
    const edited = await env.runJob({
      action: {
        kind: 'set-proxy',
        proxy: {
          method: 'custom',
          type: 'http',
          host: '127.0.0.1',
          port: 9,
          username: 'buyer',
          password: { action: 'set', value: password },
        },
      },
      keys: [key(1009)],
    });
    expect(edited.ok).toBe(1);
    await direct(env.sandbox, 1010);
    // Secrets where a careless design would leave them: main's environment, a file in the
    // data dir, and the seeded proxy passwords the vendor holds.
    process.env['DECK_TEST_COS_TOKEN'] = token;
    await writeFile(join(env.dataDir, 'planted-secret.txt'), `${token}\n${password}\n`);
    const vendorPasswords = env.sandbox.ix
      .profiles()
      .map((p) => (p as { proxy_password?: string }).proxy_password)
      .filter((p): p is string => Boolean(p));
    const secrets = [token, password, ...vendorPasswords];
    expect(vendorPasswords.length).toBeGreaterThan(0);

    // The script gets the secrets encoded (its own file is readable to it) and looks for them.
    const encoded = secrets.map((s) => Buffer.from(s).toString('base64'));
    const playwrightDir = dirname(
      realpathSync(createRequire(__filename).resolve('playwright-core')),
    );
    const scriptId = await save(
      'Looks for secrets',
      `import fs from 'node:fs';
      import path from 'node:path';
      import os from 'node:os';
      const secrets = ${JSON.stringify(encoded)}.map((s) => Buffer.from(s, 'base64').toString());
      const has = (text) => secrets.filter((s) => text.includes(s)).length;
      export default async () => {
        const found = [];
        const readable = [];
        const denied = [];
        if (has(JSON.stringify(process.env))) found.push('env');
        if (has(JSON.stringify([process.argv, process.execArgv]))) found.push('args');
        let visited = 0;
        const walk = (p, depth) => {
          // Bounded, so an unrestricted process (where this test fails) ends in time to say so.
          if (++visited > 3000 || (depth > 0 && ['/proc', '/sys', '/dev'].includes(path.dirname(p)))) return;
          let stat;
          try { stat = fs.statSync(p); } catch { denied.push(p); return; }
          if (stat.isDirectory()) {
            if (depth > 6) return;
            let names;
            try { names = fs.readdirSync(p); } catch { denied.push(p); return; }
            for (const n of names) if (n !== 'script.mjs') walk(path.join(p, n), depth + 1);
          } else if (stat.isFile() && stat.size < 5e6) {
            try { const t = fs.readFileSync(p, 'latin1'); readable.push(p); if (has(t)) found.push(p); }
            catch { denied.push(p); }
          }
        };
        for (const root of [
          process.cwd(), os.tmpdir(), os.homedir(),
          ${JSON.stringify(env.dataDir)}, ${JSON.stringify(process.cwd())},
          path.dirname(process.argv[1]), ${JSON.stringify(playwrightDir)},
          '/proc/' + process.ppid + '/environ', '/proc/' + process.ppid + '/cmdline',
          '/proc/self/environ', '/etc', '/root', '/',
        ]) walk(root, 0);
        return { found: found.slice(0, 20), readable: readable.length, denied: denied.slice(0, 100), ipc: Boolean(process.connected) };
      };`,
    );
    const job = await runScript(scriptId, [key(1010)]).finally(
      () => delete process.env['DECK_TEST_COS_TOKEN'],
    );
    expect(item(job, key(1010)), JSON.stringify(item(job, key(1010)))).toMatchObject({
      state: 'ok',
    });
    const seen = JSON.parse(item(job, key(1010)).output!.result!) as {
      found: string[];
      readable: number;
      denied: string[];
      ipc: boolean;
    };
    expect(seen.found).toEqual([]);
    // It read its host and playwright-core; main's environment, the data dir, the project and
    // the rest of the machine were closed to it (it may list the names in /, not open them).
    expect(seen.readable).toBeGreaterThan(10);
    expect(seen.denied).toEqual(
      expect.arrayContaining([
        '/etc',
        '/root',
        env.dataDir,
        process.cwd(),
        `/proc/${process.pid}/environ`,
        `/proc/${process.pid}/cmdline`,
      ]),
    );
    expect(seen.ipc).toBe(false);
    expect(item(job, key(1010)).output!.logs ?? []).not.toContain(
      'note: this runtime does not limit what the script may read',
    );
  });
});
