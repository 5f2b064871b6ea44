/**
 * The sandbox runs on the user's desktop (demo mode), where any web page in any browser can
 * send it requests. What a page can send is refused before the vendor logic runs, and no
 * browser starts; what BrowserDeck's own client sends still works.
 */
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createJsonClient } from '../../../electron/main/http/json-client';
import { findChromium, startSandbox, type Sandbox } from '../../../electron/sandbox';
import { fakeBrowserSpawn } from './fake-browser';

let sb: Sandbox;
const browser = fakeBrowserSpawn();
const log: string[] = [];
let profileId: number;

beforeAll(async () => {
  sb = await startSandbox({
    profiles: 5,
    // Any existing file: the fake spawn never runs it.
    chromiumPath: process.execPath,
    spawn: browser.spawn,
    chromiumSandbox: true,
    log: (line) => log.push(line),
  });
  profileId = sb.ix.profiles()[0]!.profile_id;
});
afterAll(() => sb?.stop());
beforeEach(async () => {
  // Each test starts with the profile closed.
  await new Promise<void>((done) => {
    const req = request(`${sb.ix.url}/api/v2/profile-close`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
    });
    req.on('response', (res) => res.resume().on('end', done));
    req.end(JSON.stringify({ profile_id: profileId }));
  });
  browser.launches.length = 0;
});

interface Raw {
  status: number;
  json: {
    error?: { code: number; message: string };
    code?: number;
    msg?: string;
    success?: boolean;
  };
}

/** A POST with exactly these headers (fetch would not let a test set Host). */
function post(url: string, headers: Record<string, string>, body: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const openAttack = () =>
  JSON.stringify({ profile_id: profileId, args: ['--renderer-cmd-prefix=touch /tmp/x'] });
const ixOpen = () => `${sb.ix.url}/api/v2/profile-open`;
const port = (url: string) => new URL(url).port;

describe('what a web page can send is refused, and no browser starts', () => {
  it('a text/plain "simple request" (no CORS preflight) gets 415', async () => {
    const res = await post(ixOpen(), { 'Content-Type': 'text/plain;charset=UTF-8' }, openAttack());
    expect(res.status).toBe(415);
    expect(res.json.error).toMatchObject({
      code: 1001,
      message: expect.stringMatching(/application\/json/),
    });
    for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      expect((await post(ixOpen(), { 'Content-Type': type }, openAttack())).status).toBe(415);
    }
    expect((await post(ixOpen(), {}, openAttack())).status).toBe(415);
    expect(browser.launches).toEqual([]);
  });

  it('JSON with a foreign Origin gets 403, and so does Origin null', async () => {
    for (const origin of ['https://evil.example', 'null', `http://127.0.0.1:${port(sb.cos.url)}`]) {
      const res = await post(
        ixOpen(),
        { 'Content-Type': 'application/json', Origin: origin },
        openAttack(),
      );
      expect(res.status, origin).toBe(403);
    }
    expect(browser.launches).toEqual([]);
  });

  it('a Host other than its own loopback address:port (DNS rebinding) gets 421', async () => {
    for (const host of [
      `evil.example:${port(sb.ix.url)}`,
      `127.0.0.1.nip.io:${port(sb.ix.url)}`,
      `127.0.0.1:${port(sb.cos.url)}`,
      '127.0.0.1',
    ]) {
      const res = await post(
        ixOpen(),
        { 'Content-Type': 'application/json', Host: host },
        openAttack(),
      );
      expect(res.status, host).toBe(421);
    }
    expect(browser.launches).toEqual([]);
  });

  it('CosLogin refuses the same way, in its own envelope, even with the right token', async () => {
    const res = await post(
      `${sb.cos.url}/browser/list`,
      { 'Content-Type': 'text/plain', 'X-Cos-Local-Token': sb.cos.token },
      '{}',
    );
    expect(res).toMatchObject({ status: 415, json: { code: 415, msg: expect.any(String) } });
  });

  it('BitBrowser refuses the same way, in its own envelope, and opens nothing', async () => {
    const open = `${sb.bit.url}/browser/open`;
    const body = JSON.stringify({ id: sb.bit.profiles()[0]!.id });
    const own = `127.0.0.1:${port(sb.bit.url)}`;
    const refused = [
      await post(open, { 'Content-Type': 'text/plain', Host: own }, body),
      await post(
        open,
        { 'Content-Type': 'application/json', Host: own, Origin: 'https://evil.example' },
        body,
      ),
      await post(
        open,
        { 'Content-Type': 'application/json', Host: `evil.example:${port(sb.bit.url)}` },
        body,
      ),
    ];
    expect(refused.map((r) => r.status)).toEqual([415, 403, 421]);
    for (const r of refused) expect(r.json).toEqual({ success: false, msg: expect.any(String) });
    expect(browser.launches).toEqual([]);
  });

  it('AdsPower refuses the same way in its envelope, its GETs included', async () => {
    const own = `127.0.0.1:${port(sb.ads.url)}`;
    const start = `${sb.ads.url}/api/v2/browser-profile/start`;
    const body = JSON.stringify({ profile_id: sb.ads.profiles()[0]!.profile_id });
    const refused = [
      await post(start, { 'Content-Type': 'text/plain', Host: own }, body),
      await post(start, { 'Content-Type': 'application/json', Host: own, Origin: 'null' }, body),
    ];
    expect(refused.map((r) => r.status)).toEqual([415, 403]);
    for (const r of refused) expect(r.json).toEqual({ code: -1, msg: expect.any(String) });
    const get = await new Promise<number>((resolve, reject) => {
      const req = request(`${sb.ads.url}/api/v1/browser/local-active`, { method: 'GET' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(get).toBe(415);
    expect(browser.launches).toEqual([]);
  });

  it('never runs the vendor logic for a refused request (nothing changes)', async () => {
    const before = sb.ix.profiles().length;
    await post(
      `${sb.ix.url}/api/v2/profile-create`,
      { 'Content-Type': 'text/plain' },
      JSON.stringify({ name: 'from a web page', group_id: 1 }),
    );
    expect(sb.ix.profiles()).toHaveLength(before);
    expect(log.some((l) => /refused POST \/api\/v2\/profile-create/.test(l))).toBe(true);
  });
});

describe.skipIf(!findChromium())('a real web page in Chromium', () => {
  it('cannot open a profile with a no-cors text/plain fetch from another loopback origin', async () => {
    const page = createServer((_req, res) => res.end('<title>a web page</title>'));
    await new Promise<void>((r) => page.listen(0, '127.0.0.1', r));
    const web = await chromium.launch({ executablePath: findChromium()! });
    try {
      const tab = await web.newPage();
      await tab.goto(`http://127.0.0.1:${(page.address() as AddressInfo).port}/`);
      // What any page can do without asking: the answer is opaque, the request still lands.
      await tab.evaluate(
        ([url, body]) =>
          fetch(url!, { method: 'POST', mode: 'no-cors', body }).then(() => undefined),
        [ixOpen(), openAttack()],
      );
      expect(browser.launches).toEqual([]);
      expect(
        log.some((l) => /refused POST \/api\/v2\/profile-open: Requests from web pages/.test(l)),
      ).toBe(true);
    } finally {
      await web.close();
      page.close();
    }
  });
});

describe('what BrowserDeck and vendor clients send still works', () => {
  it('BrowserDeck’s own JSON client opens a profile, by 127.0.0.1 and by localhost', async () => {
    const client = createJsonClient({ label: 'ixBrowser' });
    try {
      const opened = await client.post({
        url: ixOpen(),
        body: { profile_id: profileId },
        timeoutMs: 10_000,
      });
      expect(opened.json).toMatchObject({ error: { code: 0 } });
      expect(browser.launches).toHaveLength(1);
      const list = await client.post({
        url: `http://localhost:${port(sb.ix.url)}/api/v2/profile-list`,
        body: {},
        timeoutMs: 10_000,
      });
      expect(list.json).toMatchObject({ error: { code: 0 } });
    } finally {
      client.close();
    }
  });

  it('opens with the harmless switches of `args` only: none that runs a command', async () => {
    const client = createJsonClient({ label: 'ixBrowser' });
    try {
      const opened = await client.post({
        url: ixOpen(),
        body: {
          profile_id: profileId,
          args: [
            '--renderer-cmd-prefix=touch /tmp/x',
            '--utility-cmd-prefix=touch /tmp/x',
            '--window-size=800,600',
          ],
        },
        timeoutMs: 10_000,
      });
      expect(opened.json).toMatchObject({ error: { code: 0 } });
    } finally {
      client.close();
    }
    expect(browser.launches).toHaveLength(1);
    const [args] = browser.launches;
    expect(args).toContain('--window-size=800,600');
    expect(args!.filter((a) => /cmd-prefix/.test(a))).toEqual([]);
  });

  it('takes a charset parameter and the server’s own origin', async () => {
    const res = await post(
      `${sb.cos.url}/browser/list`,
      {
        'Content-Type': 'Application/JSON; charset=utf-8',
        Origin: sb.cos.url,
        'X-Cos-Local-Token': sb.cos.token,
      },
      '{}',
    );
    expect(res).toMatchObject({ status: 200, json: { code: 0 } });
  });
});
