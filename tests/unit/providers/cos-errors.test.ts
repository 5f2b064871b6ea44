/**
 * CosLogin client against small fakes: the token header, status and envelope codes, busy
 * retries, chunked batches, and sessions when the client has no /browser/pids.
 */
import { describe, expect, it } from 'vitest';
import { createCosProvider } from '../../../electron/main/providers/cos/cos-provider';
import type { ProviderOptions } from '../../../electron/main/providers/common/provider-options';
import {
  FAST_RETRY,
  cosOk,
  quietLog,
  sendJson,
  failure,
  fakeServerPerTest,
  type FakeHandler,
} from './fake-server';

const fake = fakeServerPerTest();

async function cosWith(handler: FakeHandler, extra: Partial<ProviderOptions> = {}) {
  const server = await fake.serve(handler);
  return createCosProvider({
    connectionId: 'cos-test',
    baseUrl: server.url,
    token: () => 'tok-123',
    log: quietLog().log,
    retry: FAST_RETRY,
    timeoutMs: 2000,
    ...extra,
  });
}

const windows = (n: number, from = 1) =>
  Array.from({ length: n }, (_, i) => ({
    id: from + i,
    uuid: `uuid-${from + i}`,
    name: `W${from + i}`,
  }));

describe('CosLogin transport and codes', () => {
  it('sends the token in X-Cos-Local-Token; a wrong one is unauthorized (HTTP 401)', async () => {
    const cos = await cosWith((req, res) =>
      req.headers['x-cos-local-token'] === 'right'
        ? sendJson(res, cosOk({ list: [], total: 0 }))
        : sendJson(
            res,
            { code: 401, msg: 'Client not logged in, or invalid local access token', data: {} },
            401,
          ),
    );
    const e = await failure(cos.test());
    expect(e.code).toBe('unauthorized');
    expect(e.message).toMatch(/refused the Local API token/);
    expect(e.details).toMatchObject({ vendorCode: 401, connectionId: 'cos-test' });
    expect(fake.server.requests[0]!.headers['x-cos-local-token']).toBe('tok-123');
  });

  it('without a token it says where to find one', async () => {
    const cos = await cosWith(
      (_req, res) => sendJson(res, { code: 401, msg: 'no', data: {} }, 401),
      {
        token: () => undefined,
      },
    );
    const e = await failure(cos.listGroups());
    expect(e.code).toBe('unauthorized');
    expect(e.message).toMatch(/System Settings \/ Local API/);
    expect(fake.server.requests[0]!.headers['x-cos-local-token']).toBeUndefined();
  });

  it('211 is invalid-input with the vendor message kept', async () => {
    const cos = await cosWith((_req, res) =>
      sendJson(res, { code: 211, msg: 'UUID invalid', data: {} }),
    );
    const e = await failure(cos.setRemark(['1'], 'x').then((r) => Promise.reject(r.get('1'))));
    expect(e).toMatchObject({
      code: 'invalid-input',
      details: { vendorCode: 211, vendorMessage: 'UUID invalid' },
    });
  });

  it('an unknown code reaches the user with code and message', async () => {
    const cos = await cosWith((_req, res) =>
      sendJson(res, { code: 7321, msg: 'Subscription expired', data: null }),
    );
    const e = await failure(cos.listTags());
    expect(e.code).toBe('vendor-error');
    expect(e.message).toContain('Subscription expired');
    expect(e.message).toContain('7321');
  });

  it('an HTML page with HTTP 500 is a vendor-error that says so', async () => {
    const cos = await cosWith((_req, res) => {
      res.writeHead(500, { 'content-type': 'text/html' });
      res.end('<!doctype html><title>Internal Server Error</title>');
    });
    const e = await failure(cos.listGroups());
    expect(e.code).toBe('vendor-error');
    expect(e.message).toMatch(/HTML page/);
  });

  it('500 on a batch edit is retried, then succeeds', async () => {
    let n = 0;
    const cos = await cosWith((_req, res) =>
      n++ < 2
        ? sendJson(res, { code: 500, msg: 'Local service execution failed', data: {} }, 500)
        : sendJson(res, cosOk({})),
    );
    const results = await cos.setRemark(['1', '2'], 'ok');
    expect([...results.values()]).toEqual([null, null]);
    expect(fake.server.requests).toHaveLength(3);
  });

  it('a busy create is not repeated', async () => {
    const cos = await cosWith((_req, res) =>
      sendJson(res, { code: 500, msg: 'Local service execution failed', data: {} }, 500),
    );
    const e = await failure(cos.createProfile({ name: 'x', tags: [], remark: '' }));
    expect(e.code).toBe('busy');
    expect(fake.server.requests).toHaveLength(1);
  });

  it('splits a very large selection into batches of 500 ids', async () => {
    const cos = await cosWith((_req, res) => sendJson(res, cosOk({})));
    const ids = Array.from({ length: 1200 }, (_, i) => String(i + 1));
    const results = await cos.setProxy(ids, {
      method: 'custom',
      type: 'http',
      host: 'h.example',
      port: 8080,
      username: '',
      password: { action: 'clear' },
      refreshUrl: '',
      extractionUrl: '',
      extractionChannel: '',
      checkService: '',
      socks5Udp: false,
    });
    expect(results.size).toBe(1200);
    expect(fake.server.requests.map((r) => (r.body['ids'] as unknown[]).length)).toEqual([
      500, 500, 200,
    ]);
    expect(fake.server.requests[0]!.path).toBe('/browser/proxy/update');
    expect(fake.server.requests[0]!.body['ids']).toEqual(expect.arrayContaining([1, 2, 3]));
    expect(fake.server.requests[0]!.body['proxyPassword']).toBe('');
  });
});

describe('CosLogin reading', () => {
  it('a listing cancelled while its pids are still pending leaves no rejection unobserved', async () => {
    const unobserved: unknown[] = [];
    const record = (e: unknown) => unobserved.push(e);
    process.on('unhandledRejection', record);
    const controller = new AbortController();
    try {
      const cos = await cosWith(async (req, res) => {
        // The page fails at once; pids, ports and lookups hang until the cancel.
        if (req.path === '/browser/list') return sendJson(res, { code: 211, msg: 'nope' });
        await new Promise((r) => setTimeout(r, 500));
        sendJson(res, cosOk({}));
      });
      const listing = cos.listProfiles({ signal: controller.signal });
      expect((await failure(listing)).code).toBe('invalid-input');
      controller.abort();
      await new Promise((r) => setTimeout(r, 50));
      expect(unobserved).toEqual([]);
    } finally {
      process.off('unhandledRejection', record);
    }
  });

  it.each([0, 1, 2, 37, 1000])(
    'counts %i windows for its connection when the list has no total, in few requests',
    async (n) => {
      const all = windows(n);
      const cos = await cosWith((req, res) => {
        const page = req.body['page'] as number;
        const size = req.body['pageSize'] as number;
        sendJson(res, cosOk({ list: all.slice(page * size, (page + 1) * size) }));
      });
      expect(await cos.test()).toEqual({ profileCount: n });
      const requests = fake.server.requests.filter((r) => r.path === '/browser/list');
      expect(requests.every((r) => r.body['pageSize'] === 1)).toBe(true);
      expect(requests.length).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(n + 2)) + 1);
    },
  );

  it('gives no count rather than a wrong one when the client ignores pageSize', async () => {
    const cos = await cosWith((_req, res) => sendJson(res, cosOk({ list: windows(20) })));
    expect(await cos.test()).toEqual({});
  });

  it('pages from 0 and reads an undocumented page shape tolerantly', async () => {
    const all = windows(230);
    const cos = await cosWith((req, res) => {
      if (req.path === '/browser/list') {
        const page = req.body['page'] as number;
        const size = req.body['pageSize'] as number;
        sendJson(
          res,
          cosOk({
            records: all.slice(page * size, (page + 1) * size),
            totalNum: String(all.length),
          }),
        );
      } else if (req.path === '/browser/pids') sendJson(res, cosOk({ 5: 4242 }));
      else sendJson(res, cosOk([]));
    });
    const profiles = await cos.listProfiles();
    expect(profiles).toHaveLength(230);
    const pages = fake.server.requests
      .filter((r) => r.path === '/browser/list')
      .map((r) => r.body['page']);
    expect(pages.sort((a, b) => Number(a) - Number(b))).toEqual([0, 1, 2]);
    expect(profiles.find((p) => p.vendorId === '5')?.status).toBe('open');
    expect(profiles.find((p) => p.vendorId === '6')?.status).toBe('closed');
  });

  it('a window without an id is a vendor-error naming the field', async () => {
    const cos = await cosWith((req, res) =>
      req.path === '/browser/list'
        ? sendJson(res, cosOk({ list: [{ name: 'no id' }], total: 1 }))
        : sendJson(res, cosOk([])),
    );
    const e = await failure(cos.listProfiles());
    expect(e.code).toBe('vendor-error');
    expect(e.message).toMatch(/id/);
  });

  it('without /browser/pids (404) sessions show what open returned', async () => {
    const cos = await cosWith(
      (req, res) => {
        if (req.path === '/browser/list') sendJson(res, cosOk({ list: windows(3), total: 3 }));
        else if (req.path === '/browser/open')
          sendJson(
            res,
            cosOk({
              id: '2',
              uuid: 'uuid-2',
              pid: 777,
              alreadyStarted: false,
              profileDir: '/p/2',
              configPath: '/c/2.json',
            }),
          );
        else if (req.path === '/browser/pids' || req.path === '/browser/ports')
          sendJson(res, { code: 404, msg: 'API not found', data: {} }, 404);
        else sendJson(res, cosOk({}));
      },
      { clock: () => 1_234_000 },
    );
    const opened = await cos.open('2');
    expect(fake.server.requests.find((r) => r.path === '/browser/open')!.body).toEqual({
      uuid: 'uuid-2',
    });
    expect(opened).toMatchObject({ attached: false, session: { pid: 777, engine: 'firefox' } });
    const sessions = await cos.listSessions();
    expect(sessions).toEqual([
      {
        profileKey: 'cos-test/2',
        connectionId: 'cos-test',
        vendor: 'cos',
        vendorId: '2',
        profileName: 'W2',
        pid: 777,
        openedAt: 1_234_000,
        engine: 'firefox',
        extra: { profileDir: '/p/2', configPath: '/c/2.json' },
      },
    ]);
    const listed = await cos.listProfiles();
    expect(listed.find((p) => p.vendorId === '2')?.status).toBe('open');
    expect(listed.find((p) => p.vendorId === '1')?.status).toBe('unknown');
    await cos.close('2');
    expect(await cos.listSessions()).toEqual([]);
  });
});
