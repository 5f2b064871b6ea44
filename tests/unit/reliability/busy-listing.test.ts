/**
 * Listings against vendors that are busy or hostile:
 * - at 30% "too fast" answers, every one of 200 listings of 1,234 ixBrowser profiles
 *   completes (busy pages are retried within the listing's deadline, the others kept);
 * - a vendor that sends pages far bigger than their rows is stopped after a few pages,
 *   with the default limits, instead of growing main's memory page after page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIxProvider } from '../../../electron/main/providers/ixbrowser/ix-provider';
import { createCosProvider } from '../../../electron/main/providers/cos/cos-provider';
import { startSandbox, type Sandbox } from '../../../electron/sandbox';
import { cosOk, failure, fakeServerPerTest, quietLog, sendJson } from '../providers/fake-server';

describe('a busy vendor', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ ixProfiles: 1_234, cosProfiles: 0, chromiumPath: null });
    sandbox.setFaults({ errorRate: 0.3 });
  });
  afterAll(() => sandbox.stop());

  it('200 of 200 listings succeed at 30% busy answers', { timeout: 120_000 }, async () => {
    const ix = createIxProvider({
      connectionId: 'ix-busy',
      baseUrl: sandbox.ix.url,
      log: quietLog().log,
      // The production policy's shape with short delays, so the test takes seconds: a few
      // quick retries per call, then the listing's deadline decides.
      retry: { retries: 4, baseDelayMs: 1, maxDelayMs: 8 },
    });
    let ok = 0;
    const failures: string[] = [];
    for (let i = 0; i < 200; i++) {
      try {
        const profiles = await ix.listProfiles();
        if (profiles.length === 1_234) ok++;
        else failures.push(`listing ${i}: ${profiles.length} profiles`);
      } catch (e) {
        failures.push(`listing ${i}: ${(e as Error).message}`);
      }
    }
    ix.dispose?.();
    expect(failures).toEqual([]);
    expect(ok).toBe(200);
  });
});

describe('a hostile vendor', () => {
  const fake = fakeServerPerTest();

  it('pages of 100 rows at 5 MB each are refused within a few pages (default limits)', async () => {
    const fat = 'x'.repeat(50_000);
    const server = await fake.serve((req, res) => {
      if (req.path !== '/browser/list') return sendJson(res, cosOk({}));
      const page = Number(req.body['page'] ?? 0);
      const items = Array.from({ length: 100 }, (_, i) => ({
        id: page * 100 + i + 1,
        name: fat,
      }));
      sendJson(res, cosOk({ list: items, total: 100_000 }));
    });
    const cos = createCosProvider({
      connectionId: 'cos-hostile',
      baseUrl: server.url,
      log: quietLog().log,
      token: () => 't',
    });
    const e = await failure(cos.listProfiles());
    cos.dispose?.();
    expect(e.code).toBe('vendor-error');
    expect(e.message).toMatch(/far more than profiles take|more than/);
    const pages = server.requests.filter((r) => r.path === '/browser/list').length;
    // Without the limits the listing reads all 1,000 pages (5 GB).
    expect(pages).toBeLessThan(40);
  });
});
