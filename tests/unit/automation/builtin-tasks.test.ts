/**
 * The built-in automation tasks end to end: the real core, the vendor sandbox and a real
 * Chromium behind every opened profile. What the tasks did is read back from the browsers
 * themselves (over CDP), from the files written and from the sandbox's processes.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../../shared/model/job';
import { chromiumPath, startAutomationCore, type AutomationCore } from './automation-core';

const listen = (server: Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );

describe.skipIf(!chromiumPath)('built-in automation tasks in real Chromium', () => {
  let env: AutomationCore;
  let site: Server;
  let siteUrl: string;
  const held: Array<() => void> = [];

  beforeAll(async () => {
    site = createServer((req, res) => {
      if (req.url === '/echo') {
        res.setHeader('Content-Type', 'application/json');
        return res.end(JSON.stringify({ ip: '203.0.113.7', country: 'NL' }));
      }
      if (req.url === '/login') {
        res.setHeader('Set-Cookie', [
          'sid=s3ss10n; Path=/; HttpOnly',
          'theme=dark; Path=/; Max-Age=3600; SameSite=Strict',
        ]);
        return res.end('<title>Logged in</title>');
      }
      // Never answers until the test ends: a page that hangs.
      if (req.url === '/hang') return held.push(() => res.end());
      res.setHeader('Content-Type', 'text/html');
      res.end(`<title>Page ${req.url?.slice(1)}</title>`);
    });
    siteUrl = `http://127.0.0.1:${await listen(site)}`;
    env = await startAutomationCore({}, { settings: { ipEchoUrl: `${siteUrl}/echo` } });
  });
  afterAll(async () => {
    for (const release of held) release();
    await env?.close();
    site?.close();
  });

  const key = (id: number) => `${env.ixId}/${id}`;
  const byKey = (job: Job, k: string) => job.items.find((i) => i.key === k)!;

  it('Screenshot on 10 profiles, 3 at once: 10 screenshots, the profiles it opened closed again, the others left open', async () => {
    const before = [await env.openBehind(1001), await env.openBehind(1002)];
    env.browsers.resetPeak();
    const opened = env.browsers.alive;
    const job = await env.runJob({
      action: { kind: 'automate', task: { type: 'screenshot' } },
      keys: [...Array.from({ length: 10 }, (_, i) => key(1001 + i)), `${env.cosId}/101`],
      concurrency: 3,
    });

    expect(job).toMatchObject({ state: 'failures', ok: 10, failed: 1 });
    // Never more than 3 of the profiles it had to open were running at once.
    expect(env.browsers.peak - opened).toBeLessThanOrEqual(3);
    expect(env.browsers.peak - opened).toBeGreaterThanOrEqual(2);
    // The two opened before the run are the only browsers left.
    expect(env.sandbox.runningBrowserPids().sort()).toEqual(before.map((b) => b.pid).sort());

    for (let id = 1001; id <= 1010; id++) {
      const item = byKey(job, key(id));
      expect(item.output).toMatchObject({ thumbnail: true, durationMs: expect.any(Number) });
      const png = await readFile(item.output!.file!);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(JSON.parse(item.output!.result!)).toMatchObject({ file: item.output!.file });
      expect(item.note).toBe(id <= 1002 ? undefined : 'opened and closed');
    }
    const thumb = await env.core.dispatch('automation:thumbnail', {
      jobId: job.id,
      key: key(1003),
    });
    expect(thumb).toMatchObject({
      ok: true,
      data: { dataUrl: expect.stringMatching(/^data:image\/jpeg;base64,\/9j\//) },
    });

    // The CosLogin profile is refused on its own, with the reason.
    expect(byKey(job, `${env.cosId}/101`).error).toMatchObject({
      code: 'unsupported',
      message: expect.stringContaining('needs a Chromium profile'),
    });

    // The CSV export carries each item's result and file.
    const csv = await env.core.dispatch('jobs:export-csv', { id: job.id });
    expect((csv as { data: { csv: string } }).data.csv).toContain(
      byKey(job, key(1005)).output!.file!,
    );
    await env.runJob({ action: { kind: 'close' }, keys: [key(1001), key(1002)] });
  });

  it('cookies exported from one profile and imported into another read back through CDP', async () => {
    const from = await env.openBehind(1003);
    const into = await env.openBehind(1004);
    const source = await chromium.connectOverCDP(`http://127.0.0.1:${from.port}`);
    try {
      await source.contexts()[0]!.pages()[0]!.goto(`${siteUrl}/login`);
    } finally {
      await source.close();
    }

    const exported = await env.runJob({
      action: { kind: 'automate', task: { type: 'export-cookies', domain: '127.0.0.1' } },
      keys: [key(1003)],
    });
    expect(exported.items[0]).toMatchObject({ state: 'ok' });
    const file = exported.items[0]!.output!.file!;
    const text = await readFile(file, 'utf8');
    expect(JSON.parse(text)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'sid', value: 's3ss10n', httpOnly: true, session: true }),
        expect.objectContaining({
          name: 'theme',
          value: 'dark',
          sameSite: 'strict',
          session: false,
        }),
      ]),
    );

    const imported = await env.runJob({
      action: { kind: 'automate', task: { type: 'import-cookies', cookies: text } },
      keys: [key(1004)],
    });
    expect(imported.items[0]).toMatchObject({ state: 'ok' });
    expect(JSON.parse(imported.items[0]!.output!.result!)).toEqual({ imported: 2, format: 'json' });

    const target = await chromium.connectOverCDP(`http://127.0.0.1:${into.port}`);
    try {
      const cookies = await target.contexts()[0]!.cookies(siteUrl);
      expect(cookies.map((c) => [c.name, c.value, c.httpOnly, c.sameSite]).sort()).toEqual([
        ['sid', 's3ss10n', true, 'Lax'],
        ['theme', 'dark', false, 'Strict'],
      ]);
    } finally {
      await target.close();
    }
    await env.runJob({ action: { kind: 'close' }, keys: [key(1003), key(1004)] });
  });

  it('opens URLs in new tabs, reads every tab, checks the exit IP; a page that hangs fails on timeout', async () => {
    await env.openBehind(1005);
    const urls = [`${siteUrl}/a`, `${siteUrl}/b`];
    const opened = await env.runJob({
      action: { kind: 'automate', task: { type: 'open-urls', urls } },
      keys: [key(1005)],
    });
    expect(JSON.parse(opened.items[0]!.output!.result!)).toEqual([
      { url: urls[0], status: 200, title: 'Page a' },
      { url: urls[1], status: 200, title: 'Page b' },
    ]);

    const tabs = await env.runJob({
      action: { kind: 'automate', task: { type: 'tabs' } },
      keys: [key(1005)],
    });
    expect(JSON.parse(tabs.items[0]!.output!.result!)).toEqual(
      expect.arrayContaining([
        { title: 'Page a', url: urls[0] },
        { title: 'Page b', url: urls[1] },
      ]),
    );

    const ip = await env.runJob({
      action: { kind: 'automate', task: { type: 'exit-ip' } },
      keys: [key(1005)],
    });
    expect(JSON.parse(ip.items[0]!.output!.result!)).toEqual({
      ip: '203.0.113.7',
      country: 'NL',
      echo: new URL(siteUrl).host,
    });

    const started = Date.now();
    const hung = await env.runJob({
      action: {
        kind: 'automate',
        task: { type: 'open-urls', urls: [`${siteUrl}/hang`] },
        timeoutMs: 1500,
      },
      keys: [key(1005)],
    });
    expect(hung.items[0]).toMatchObject({ state: 'failed', error: { code: 'timeout' } });
    expect(Date.now() - started).toBeLessThan(10_000);
    await env.runJob({ action: { kind: 'close' }, keys: [key(1005)] });
  });
});
