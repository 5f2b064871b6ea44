/**
 * The vendor table is the one place that knows which vendors exist: a vendor added to it
 * (here a made-up fourth one, in the test alone) is connected, tested, detected and listed
 * through the core with no other change.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/main/core';
import { createLogger } from '../../../electron/main/log';
import { VENDOR_SPECS, type VendorSpec } from '../../../electron/main/providers';
import { createTestCipher } from '../../../electron/main/secrets/secret-store';
import { VENDOR_IDS, type Vendor } from '../../../shared/model';
import { capabilities } from '../../fixtures/profile';
import { FakeProvider } from '../jobs/fake-provider';

const cleanup: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

it('a fourth vendor added to the table alone is connected, detected and listed through the core', async () => {
  const fakezilla = 'fakezilla' as Vendor;
  // Its "client": anything that answers on a port, for detection to find.
  const client: Server = createServer((_req, res) => res.end('{}'));
  await new Promise<void>((r) => client.listen(0, '127.0.0.1', r));
  cleanup.push(() => new Promise((r) => client.close(r)));
  const port = (client.address() as { port: number }).port;

  const providers: FakeProvider[] = [];
  const spec: VendorSpec = {
    info: {
      label: 'Fakezilla',
      engine: 'chromium',
      defaultPort: port,
      auth: 'none',
      idPrefix: 'fz',
      concurrency: 2,
    },
    capabilities: capabilities(fakezilla),
    createProvider: (o) => {
      const p = new FakeProvider(o.connectionId, 7, fakezilla);
      providers.push(p);
      return p;
    },
    needsToken: () => false,
  };

  const dataDir = await mkdtemp(join(tmpdir(), 'deck-vendors-'));
  cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
  const core: Core = createCore({
    dataDir,
    cipher: createTestCipher(),
    log: createLogger(() => {}),
    app: { name: 'BrowserDeck', version: 't', platform: process.platform, electron: null },
    // Only the fourth vendor's port is probed: start-up detection adds its client.
    detectPorts: { [fakezilla]: [port] },
    vendors: { ...VENDOR_SPECS, [fakezilla]: spec },
  });
  cleanup.push(() => core.dispose());

  const [connection] = await core.services.connections.list();
  expect(connection).toMatchObject({
    vendor: fakezilla,
    label: `Fakezilla (127.0.0.1:${port})`,
    baseUrl: `http://127.0.0.1:${port}`,
    capabilities: capabilities(fakezilla),
  });
  expect(connection!.id).toMatch(/^fz-[0-9a-f]{6}$/);

  const listed = await core.dispatch('profiles:list', {});
  expect(listed.ok).toBe(true);
  const { profiles, errors } = (
    listed as { data: { profiles: Array<{ key: string; vendor: string }>; errors: unknown[] } }
  ).data;
  expect(errors).toEqual([]);
  expect(profiles).toHaveLength(7);
  expect(
    profiles.every((p) => p.vendor === fakezilla && p.key.startsWith(`${connection!.id}/`)),
  ).toBe(true);
  expect(providers.length).toBeGreaterThan(0);
});

it('every vendor of the app has a spec whose facts match the shared list', () => {
  for (const v of VENDOR_IDS) expect(VENDOR_SPECS[v].info.label).toBeTruthy();
  expect(Object.keys(VENDOR_SPECS).sort()).toEqual([...VENDOR_IDS].sort());
});
