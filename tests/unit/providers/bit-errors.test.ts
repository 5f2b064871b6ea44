/**
 * BitBrowser client against small fakes: the optional key's headers, failures classed by
 * the vendor's message (it sends no code), a CosLogin answer refused on the shared port,
 * busy retries, the list total under either name, ports as strings or numbers.
 */
import { describe, expect, it } from 'vitest';
import { createBitProvider } from '../../../electron/main/providers/bitbrowser/bit-provider';
import type { ProviderOptions } from '../../../electron/main/providers/common/provider-options';
import {
  FAST_RETRY,
  bitFail,
  bitOk,
  cosOk,
  failure,
  fakeServerPerTest,
  quietLog,
  sendJson,
  type FakeHandler,
} from './fake-server';

const fake = fakeServerPerTest();

async function bitWith(handler: FakeHandler, extra: Partial<ProviderOptions> = {}) {
  const server = await fake.serve(handler);
  return createBitProvider({
    connectionId: 'bit-test',
    baseUrl: server.url,
    log: quietLog().log,
    retry: FAST_RETRY,
    timeoutMs: 2000,
    ...extra,
  });
}

const windowRow = (id: string, over: Record<string, unknown> = {}) => ({
  id,
  seq: 1,
  name: `W ${id}`,
  groupId: '',
  proxyMethod: 2,
  proxyType: 'noproxy',
  browserTags: [],
  ...over,
});

describe('BitBrowser transport and messages', () => {
  it('sends no key header without a key, and the key as Bearer and X-API-KEY with one', async () => {
    const bare = await bitWith((_req, res) => sendJson(res, bitOk({ list: [], totalNum: 0 })));
    await bare.test();
    expect(fake.server.requests[0]!.headers.authorization).toBeUndefined();
    expect(fake.server.requests[0]!.headers['x-api-key']).toBeUndefined();
    const keyed = await bitWith((_req, res) => sendJson(res, bitOk({ list: [], totalNum: 0 })), {
      token: () => 'k-9',
    });
    await keyed.test();
    expect(fake.server.requests[0]!.headers).toMatchObject({
      authorization: 'Bearer k-9',
      'x-api-key': 'k-9',
    });
  });

  it('classes failures by their message, keeping the vendor message', async () => {
    const cases: Array<[string, string]> = [
      ['Id is required', 'invalid-input'],
      ['Browser window does not exist', 'not-found'],
      ['Browser window is open, close it first', 'conflict'],
      ['Local service busy, please try again later', 'busy'],
      ['Unauthorized: a valid API key is required', 'unauthorized'],
      ['Something else happened', 'vendor-error'],
    ];
    for (const [msg, code] of cases) {
      const bit = await bitWith((_req, res) => sendJson(res, bitFail(msg)), {
        retry: { retries: 0, baseDelayMs: 0, maxDelayMs: 0 },
      });
      const e = await failure(bit.test());
      expect(e.code, msg).toBe(code);
      if (code !== 'unauthorized') expect(e.details).toMatchObject({ vendorMessage: msg });
      bit.dispose?.();
      await fake.server.close();
    }
  });

  it('HTTP 401 is unauthorized whatever the body; the message says a key is asked for', async () => {
    const bit = await bitWith((_req, res) => {
      res.writeHead(401);
      res.end();
    });
    const e = await failure(bit.test());
    expect(e.code).toBe('unauthorized');
    expect(e.message).toMatch(/asks for an API key/);
  });

  it('a CosLogin answer on the shared port is not BitBrowser (and not "needs a token")', async () => {
    const bit = await bitWith((_req, res) =>
      sendJson(res, { code: 401, msg: 'Client not logged in', data: {} }, 401),
    );
    const e = await failure(bit.test());
    expect(e.code).toBe('vendor-error');
    expect(e.message).toMatch(/answers as CosLogin does.*add it as a CosLogin connection/);
    const ok = await bitWith((_req, res) => sendJson(res, cosOk({ list: [], total: 0 })));
    expect((await failure(ok.test())).code).toBe('vendor-error');
  });

  it('retries a busy answer (HTTP 500) on reads', async () => {
    let n = 0;
    const bit = await bitWith((_req, res) =>
      ++n < 3
        ? sendJson(res, bitFail('Local service busy, please try again later'), 500)
        : sendJson(res, bitOk({ list: [], totalNum: 7 })),
    );
    expect(await bit.test()).toEqual({ profileCount: 7 });
    expect(n).toBe(3);
  });

  it('reads the total as totalNum or total, and ports as strings or numbers', async () => {
    for (const [totalKey, port] of [
      ['totalNum', '8080'],
      ['total', 8080],
    ] as const) {
      const bit = await bitWith((req, res) => {
        if (req.path === '/browser/list')
          sendJson(
            res,
            bitOk({
              [totalKey]: 1,
              list: [windowRow('a1', { proxyType: 'http', host: '192.0.2.1', port })],
            }),
          );
        else if (req.path === '/group/list') sendJson(res, bitOk({ list: [], totalNum: 0 }));
        else sendJson(res, bitOk({}));
      });
      const [p] = await bit.listProfiles();
      expect(p!.proxy).toMatchObject({ type: 'http', host: '192.0.2.1', port: 8080 });
      bit.dispose?.();
      await fake.server.close();
    }
  });

  it('sessions come from /browser/pids/all and /browser/ports, keyed by window id', async () => {
    const bit = await bitWith((req, res) => {
      if (req.path === '/browser/pids/all') sendJson(res, bitOk({ a1: 4242 }));
      else if (req.path === '/browser/ports') sendJson(res, bitOk({ a1: '9333' }));
      else sendJson(res, bitFail('API not found'), 404);
    });
    const [s] = await bit.listSessions();
    expect(s).toMatchObject({
      vendor: 'bitbrowser',
      vendorId: 'a1',
      engine: 'chromium',
      pid: 4242,
      debugPort: 9333,
      debugAddress: '127.0.0.1:9333',
    });
  });
});
