/**
 * Detection on the vendors' default ports. BitBrowser and CosLogin share 54345: probing one
 * port in both dialects finds exactly the client that is there, whether it answers outright
 * or wants its token or key. AdsPower is found on its own port, a required key noticed.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/main/core';
import { createLogger } from '../../../electron/main/log';
import { createTestCipher } from '../../../electron/main/secrets/secret-store';
import { detectClients } from '../../../electron/main/services/connections-detect';
import { VENDOR_SPECS } from '../../../electron/main/providers';
import { startSandbox, type Sandbox } from '../../../electron/sandbox';
import { quietLog } from '../providers/fake-server';

let open: Sandbox;
let keyed: Sandbox;
beforeAll(async () => {
  const common = {
    ixProfiles: 0,
    cosProfiles: 1,
    bitProfiles: 1,
    adsProfiles: 1,
    chromiumPath: null,
  } as const;
  [open, keyed] = await Promise.all([
    startSandbox({ ...common, adsRequestsPerSecond: 100 }),
    startSandbox({
      ...common,
      bitApiKey: 'bit-key',
      adsApiKey: 'ads-key',
      adsRequestsPerSecond: 100,
    }),
  ]);
});
afterAll(() => Promise.all([open.stop(), keyed.stop()]));

const port = (url: string) => Number(new URL(url).port);
/** Both Bit-family dialects probe the same port, as they do 54345. */
const sharedPort = (url: string) => ({ cos: [port(url)], bitbrowser: [port(url)] });
const detect = (ports: Parameters<typeof detectClients>[1]) =>
  detectClients(VENDOR_SPECS, ports, quietLog().log);

describe('detection on a port BitBrowser and CosLogin share', () => {
  it('a CosLogin there (which wants its token) is CosLogin, not BitBrowser', async () => {
    expect(await detect(sharedPort(open.cos.url))).toEqual([
      { vendor: 'cos', baseUrl: open.cos.url, probe: 'needs-token' },
    ]);
  });

  it('a BitBrowser there is BitBrowser, not CosLogin', async () => {
    expect(await detect(sharedPort(open.bit.url))).toEqual([
      { vendor: 'bitbrowser', baseUrl: open.bit.url, probe: 'ok' },
    ]);
  });

  it('a BitBrowser that asks for its API key is still BitBrowser (its 401 is not CosLogin’s)', async () => {
    expect(await detect(sharedPort(keyed.bit.url))).toEqual([
      { vendor: 'bitbrowser', baseUrl: keyed.bit.url, probe: 'needs-token' },
    ]);
  });
});

describe('AdsPower detection', () => {
  it('is found on its port; with security verification on it needs its key', async () => {
    expect(await detect({ adspower: [port(open.ads.url)] })).toEqual([
      { vendor: 'adspower', baseUrl: open.ads.url, probe: 'ok' },
    ]);
    expect(await detect({ adspower: [port(keyed.ads.url)] })).toEqual([
      { vendor: 'adspower', baseUrl: keyed.ads.url, probe: 'needs-token' },
    ]);
  });

  it('no other dialect mistakes an AdsPower or BitBrowser for its own client', async () => {
    const everywhere = (url: string) =>
      Object.fromEntries(
        ['ixbrowser', 'cos', 'bitbrowser', 'adspower'].map((v) => [v, [port(url)]]),
      );
    expect((await detect(everywhere(open.ads.url))).map((d) => d.vendor)).toEqual(['adspower']);
    expect((await detect(everywhere(open.bit.url))).map((d) => d.vendor)).toEqual(['bitbrowser']);
    expect((await detect(everywhere(open.cos.url))).map((d) => d.vendor)).toEqual(['cos']);
  });
});

describe('connections:detect for vendors whose key is optional', () => {
  it('adds the client found; says it needs a key only when the client asks for one', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'deck-detect-'));
    const core = createCore({
      dataDir,
      cipher: createTestCipher(),
      log: createLogger(() => {}),
      app: { name: 'BrowserDeck', version: 't', platform: process.platform, electron: null },
      validateResponses: true,
      detectPorts: { bitbrowser: [port(keyed.bit.url), port(open.bit.url)] },
    });
    try {
      const again = await core.dispatch('connections:detect', {});
      expect(again).toMatchObject({ ok: true });
      const found = (
        again as { data: Array<{ baseUrl: string; needsToken: boolean; added: boolean }> }
      ).data;
      expect(found).toEqual(
        expect.arrayContaining([
          { vendor: 'bitbrowser', baseUrl: keyed.bit.url, added: false, needsToken: true },
          { vendor: 'bitbrowser', baseUrl: open.bit.url, added: false, needsToken: false },
        ]),
      );
    } finally {
      await core.dispose();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
