/**
 * ixBrowser client against small fakes: every failure the wire can produce maps to a
 * closed code, keeps the vendor's code and message, and names the connection.
 */
import { describe, expect, it } from 'vitest';
import { createIxProvider } from '../../../electron/main/providers/ixbrowser/ix-provider';
import type { ProviderOptions } from '../../../electron/main/providers/common/provider-options';
import {
  FAST_RETRY,
  closedPort,
  ixFail,
  ixOk,
  quietLog,
  sendJson,
  failure,
  fakeServerPerTest,
  type FakeHandler,
} from './fake-server';

const fake = fakeServerPerTest();

async function ixWith(handler: FakeHandler, extra: Partial<ProviderOptions> = {}) {
  const server = await fake.serve(handler);
  return createIxProvider({
    connectionId: 'ix-test',
    baseUrl: server.url,
    log: quietLog().log,
    retry: FAST_RETRY,
    timeoutMs: 2000,
    ...extra,
  });
}

const page = (items: unknown[], total = items.length) => ixOk({ total, data: items });

describe('ixBrowser transport failures', () => {
  it('an unreachable port is `unreachable` and names the connection', async () => {
    const port = await closedPort();
    const ix = createIxProvider({
      connectionId: 'ix-gone',
      baseUrl: `http://127.0.0.1:${port}`,
      log: quietLog().log,
      retry: FAST_RETRY,
    });
    const e = await failure(ix.listProfiles());
    expect(e.code).toBe('unreachable');
    expect(e.message).toMatch(/not reachable/);
    expect(e.details?.connectionId).toBe('ix-gone');
  });

  it('an HTML error page is a vendor-error that says so', async () => {
    const ix = await ixWith((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
    });
    const e = await failure(ix.listGroups());
    expect(e.code).toBe('vendor-error');
    expect(e.message).toMatch(/HTML page instead of JSON/);
    expect(e.details?.vendorCode).toBe('HTTP 502');
  });

  it('truncated JSON is a vendor-error, not a crash', async () => {
    const ix = await ixWith((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"error":{"code":0,"message":"success"},"data":{"total":3,"data":[{"profile_id":1,');
    });
    const e = await failure(ix.listProfiles());
    expect(e.code).toBe('vendor-error');
    expect(e.message).toMatch(/malformed or truncated JSON/);
  });

  it('JSON that is not an ixBrowser envelope is a vendor-error', async () => {
    const ix = await ixWith((_req, res) => sendJson(res, { hello: 'world' }));
    const e = await failure(ix.listTags());
    expect(e.code).toBe('vendor-error');
    expect(e.message).toMatch(/not an ixBrowser response/);
  });

  it('a client that never answers times out', async () => {
    const ix = await ixWith(() => undefined, { timeoutMs: 150 });
    const e = await failure(ix.test());
    expect(e.code).toBe('timeout');
    expect(e.message).toMatch(/did not answer within 150 ms/);
  });

  it('a body that drips forever times out too (the deadline covers the whole exchange)', async () => {
    const ix = await ixWith(
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"error":{"code":0,"message":"success"},"data":[');
        const timer = setInterval(() => res.write(' '), 20);
        res.on('close', () => clearInterval(timer));
      },
      { timeoutMs: 300 },
    );
    const e = await failure(ix.listSessions());
    expect(e.code).toBe('timeout');
  });

  it('an abort signal cancels a request in flight', async () => {
    const ix = await ixWith(() => undefined);
    const ctrl = new AbortController();
    const call = ix.listGroups({ signal: ctrl.signal });
    await waitFor(() => fake.server.requests.length === 1);
    ctrl.abort();
    const e = await failure(call);
    expect(e.code).toBe('cancelled');
  });

  it('an already aborted signal sends nothing', async () => {
    const ix = await ixWith((_req, res) => sendJson(res, page([])));
    const ctrl = new AbortController();
    ctrl.abort();
    const e = await failure(ix.listGroups({ signal: ctrl.signal }));
    expect(e.code).toBe('cancelled');
    expect(fake.server.requests).toHaveLength(0);
  });

  it('a response over the size cap is refused with a clear error', async () => {
    const ix = await ixWith(
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(1024 * 1024, 0x20);
        let sent = 0;
        const pump = () => {
          while (sent < 50 && res.write(chunk)) sent++;
          if (sent < 50) res.once('drain', pump);
          else res.end();
        };
        res.write('{"error":{"code":0,"message":"success"},"data":"');
        pump();
      },
      { maxResponseBytes: 20 * 1024 * 1024 },
    );
    const e = await failure(ix.listSessions());
    expect(e.code).toBe('vendor-error');
    expect(e.message).toMatch(/larger than 20 MB/);
  });

  it('a dropped connection on a read is retried', async () => {
    let n = 0;
    const ix = await ixWith((_req, res) => {
      if (n++ === 0) res.socket?.destroy();
      else sendJson(res, page([{ id: 1, title: 'Default' }]));
    });
    await expect(ix.listGroups()).resolves.toEqual([
      { connectionId: 'ix-test', id: '1', name: 'Default' },
    ]);
    expect(fake.server.requests).toHaveLength(2);
  });
});

describe('ixBrowser error codes', () => {
  it('a code we have never seen still reaches the user with its code and message', async () => {
    const ix = await ixWith((_req, res) =>
      sendJson(res, ixFail(987654, 'Quantum flux capacitor offline')),
    );
    const e = await failure(
      ix.setRemark(['7'], 'x').then((r) => {
        throw r.get('7');
      }),
    );
    expect(e.code).toBe('vendor-error');
    expect(e.message).toContain('Quantum flux capacitor offline');
    expect(e.message).toContain('987654');
    expect(e.details).toMatchObject({
      vendorCode: 987654,
      vendorMessage: 'Quantum flux capacitor offline',
      connectionId: 'ix-test',
    });
  });

  it.each([
    [2007, 'Profile does not exist', 'not-found'],
    [1002, 'Please log in again', 'unauthorized'],
    [101004, 'Profile name already exists', 'conflict'],
    [101040, 'Note is too long', 'invalid-input'],
  ])('code %i maps to %s', async (code, message, expected) => {
    const ix = await ixWith((_req, res) => sendJson(res, ixFail(code, message)));
    const e = await failure(ix.copyProfile('5', {}));
    expect(e.code).toBe(expected);
    expect(e.details?.vendorCode).toBe(code);
  });

  it('busy answers (1010, 1008) on a safe call are retried until it succeeds', async () => {
    let n = 0;
    const ix = await ixWith((_req, res) => {
      n++;
      if (n === 1) sendJson(res, ixFail(1010, 'Your operation was too fast'));
      else if (n === 2) sendJson(res, ixFail(1008, 'Your permissions are restricted'));
      else sendJson(res, ixOk('success'));
    });
    const results = await ix.setName(['3'], 'Renamed');
    expect(results.get('3')).toBeNull();
    expect(fake.server.requests).toHaveLength(3);
  });

  it('a busy answer to a create is not repeated (it is not safe to)', async () => {
    const ix = await ixWith((_req, res) => sendJson(res, ixFail(1010, 'too fast')));
    const e = await failure(ix.createProfile({ name: 'n', tags: [], remark: '' }));
    expect(e.code).toBe('busy');
    expect(fake.server.requests).toHaveLength(1);
  });

  it('gives up after the retry budget and says busy', async () => {
    const ix = await ixWith((_req, res) => sendJson(res, ixFail(1010, 'too fast')));
    const e = await failure(ix.setRemark(['1'], 'x').then((r) => Promise.reject(r.get('1'))));
    expect(e.code).toBe('busy');
    expect(e.retryable).toBe(true);
    expect(fake.server.requests).toHaveLength(1 + FAST_RETRY.retries);
  });

  it('a listing retries a busy page until its deadline, then says busy', async () => {
    const ix = await ixWith((_req, res) => sendJson(res, ixFail(1010, 'too fast')), {
      listingLimits: { deadlineMs: 300 },
    });
    const started = Date.now();
    const e = await failure(ix.listGroups());
    expect(e.code).toBe('busy');
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(fake.server.requests.length).toBeGreaterThan(1 + FAST_RETRY.retries);
  });
});

describe('ixBrowser concurrency', () => {
  it('never has more than 3 requests in flight, whatever the callers do', async () => {
    const ix = await ixWith((_req, res) => {
      setTimeout(() => sendJson(res, page([{ id: 1, title: 'Default' }])), 15);
    });
    const calls = Array.from({ length: 50 }, () => ix.listGroups());
    const results = await Promise.all(calls);
    expect(results).toHaveLength(50);
    expect(fake.server.requests).toHaveLength(50);
    expect(fake.server.maxInFlight()).toBe(3);
  });

  it('edits, reads and lists of one connection share the same limit', async () => {
    const ix = await ixWith((req, res) => {
      const body = req.path.endsWith('profile-list')
        ? page([], 0)
        : req.path.endsWith('group-list')
          ? page([])
          : ixOk('success');
      setTimeout(() => sendJson(res, body), 10);
    });
    await Promise.all([
      ix.setRemark(
        Array.from({ length: 20 }, (_, i) => String(i + 1)),
        'r',
      ),
      ...Array.from({ length: 10 }, () => ix.listGroups()),
      ...Array.from({ length: 10 }, () => ix.test()),
    ]);
    expect(fake.server.maxInFlight()).toBe(3);
  });
});

describe('ixBrowser open and close', () => {
  const opened = {
    debugging_address: '127.0.0.1:28545',
    debugging_port: 28545,
    profile_id: 2073,
    pid: 11380,
    open_time: '2025-04-30 14:25:47',
    ws: 'ws://127.0.0.1:28545/devtools/browser/5cb87d78',
    webdriver: 'C:\\chromedriver.exe',
  };

  it('111003 (already open) attaches through the opened list', async () => {
    const ix = await ixWith((req, res) => {
      if (req.path.endsWith('/profile-open'))
        sendJson(res, ixFail(111003, 'The current profile is already open'));
      else sendJson(res, ixOk([opened]));
    });
    const r = await ix.open('2073');
    expect(r.attached).toBe(true);
    expect(r.session).toMatchObject({
      profileKey: 'ix-test/2073',
      debugAddress: '127.0.0.1:28545',
      debugPort: 28545,
      pid: 11380,
      wsUrl: opened.ws,
      webdriverPath: opened.webdriver,
      engine: 'chromium',
      openedAt: new Date(2025, 3, 30, 14, 25, 47).getTime(),
    });
  });

  it('a fresh open reports the endpoints profile-open returned', async () => {
    const ix = await ixWith(
      (_req, res) => {
        const { open_time: _omit, ...data } = opened;
        sendJson(res, ixOk({ ...data, gateway: '' }));
      },
      { clock: () => 1_700_000_000_000 },
    );
    const r = await ix.open('2073');
    expect(r.attached).toBe(false);
    expect(r.session.debugPort).toBe(28545);
    expect(r.session.openedAt).toBe(1_700_000_000_000);
  });

  it('1009 (process not found) on close counts as already closed', async () => {
    const ix = await ixWith((_req, res) => sendJson(res, ixFail(1009, 'Process not found')));
    await expect(ix.close('9')).resolves.toEqual({ alreadyClosed: true });
  });

  it('close answered without data is a plain close', async () => {
    const ix = await ixWith((_req, res) =>
      sendJson(res, { error: { code: 0, message: 'success' } }),
    );
    await expect(ix.close('9')).resolves.toEqual({ alreadyClosed: false });
  });

  it('a batch close where none was running (1009) leaves every item closed', async () => {
    const ix = await ixWith((_req, res) => sendJson(res, ixFail(1009, 'Process not found')));
    const r = await ix.closeMany!(['1', '2']);
    expect([...r.values()]).toEqual([null, null]);
  });
});

async function waitFor(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!check()) throw new Error('condition not reached');
}
