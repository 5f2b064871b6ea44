import type { LookupFunction } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../../electron/main/log';
import {
  createProxyChecker,
  echoAnswerOf,
  type ProxyTarget,
} from '../../../electron/main/services/proxy-check';
import type { ProxyCheckResult } from '../../../shared/model';
import type { ProxyInput } from '../../../shared/model/proxy-input';
import {
  closedPort,
  pickExitAddress,
  startBlackHole,
  startEcho,
  startHttpProxy,
  startSocksProxy,
  type Closable,
  type Echo,
} from './loopback';

const USER = 'alice';
// ':' '@' and '%' in a password must reach the proxy unchanged.
const PASS = 'pa:ss@w%rd';
const CHECKED_AT = 1_700_000_000_000;

let exit: string;
const opened: Closable[] = [];
const keep = <T extends Closable>(c: T): T => (opened.push(c), c);
afterEach(async () => {
  await Promise.all(opened.splice(0).map((c) => c.close()));
});
beforeAll(async () => {
  exit = await pickExitAddress();
});

/** Only `proxy.test` resolves (to loopback); the tests never ask a real DNS server. */
const lookup: LookupFunction = (hostname, options, callback) => {
  if (hostname !== 'proxy.test') {
    const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
      code: 'ENOTFOUND',
      hostname,
    });
    return callback(error, '', 4);
  }
  if (options.all) return callback(null, [{ address: '127.0.0.1', family: 4 }]);
  callback(null, '127.0.0.1', 4);
};

function checker(
  echo: Pick<Echo, 'url'>,
  overrides: { timeoutMs?: number; concurrency?: number } = {},
) {
  const lines: string[] = [];
  const proxyChecker = createProxyChecker({
    settings: {
      get: async () => ({
        ipEchoUrl: echo.url,
        proxyCheckConcurrency: overrides.concurrency ?? 4,
        proxyCheckTimeoutMs: overrides.timeoutMs ?? 5_000,
      }),
    },
    log: createLogger((l) => lines.push(l)),
    clock: () => CHECKED_AT,
    lookup,
  });
  return { proxyChecker, lines };
}

const expectExit = (result: ProxyCheckResult, echo: Echo) => {
  expect(result).toMatchObject({ ok: true, exitIp: exit, checkedAt: CHECKED_AT });
  expect(result.latencyMs).toBeGreaterThan(0);
  // The echo really was asked, once, from the proxy's side.
  expect(echo.seen).toEqual([exit]);
};

describe.each([
  ['http', startHttpProxy],
  ['socks5', startSocksProxy],
] as const)('proxy check through a real %s proxy on loopback', (type, start) => {
  it('reports the exit address the echo saw, and a latency', async () => {
    const echo = keep(await startEcho());
    const proxy = keep(await start(exit));
    const { proxyChecker } = checker(echo);
    const result = await proxyChecker.check({ type, host: '127.0.0.1', port: proxy.port });
    expectExit(result, echo);
    expect(proxy.tunnels).toBe(1);
  });

  it('logs in with a username and a password holding : @ and %', async () => {
    const echo = keep(await startEcho());
    const proxy = keep(await start(exit, { user: USER, pass: PASS }));
    const { proxyChecker } = checker(echo);
    const result = await proxyChecker.check({
      type,
      host: '127.0.0.1',
      port: proxy.port,
      username: USER,
      password: PASS,
    });
    expectExit(result, echo);
  });

  it('reports auth on a wrong password, without the password in the result or the log', async () => {
    const echo = keep(await startEcho());
    const proxy = keep(await start(exit, { user: USER, pass: PASS }));
    const { proxyChecker, lines } = checker(echo);
    const wrong = 'not-the-password';
    const result = await proxyChecker.check({
      type,
      host: '127.0.0.1',
      port: proxy.port,
      username: USER,
      password: wrong,
    });
    expect(result).toMatchObject({ ok: false, reason: 'auth', checkedAt: CHECKED_AT });
    expect(result.message).toMatch(/rejected the username or password/);
    expect(JSON.stringify(result) + lines.join('\n')).not.toContain(wrong);
    expect(echo.seen).toEqual([]);
  });

  it('reports auth when the proxy wants a login and none is given', async () => {
    const echo = keep(await startEcho());
    const proxy = keep(await start(exit, { user: USER, pass: PASS }));
    const result = await checker(echo).proxyChecker.check({
      type,
      host: '127.0.0.1',
      port: proxy.port,
    });
    expect(result).toMatchObject({ ok: false, reason: 'auth' });
    expect(result.message).toMatch(/requires a username and password/);
  });

  it('reports refused on a closed port', async () => {
    const port = await closedPort();
    const result = await checker({ url: 'http://127.0.0.1:9/ip' }).proxyChecker.check({
      type,
      host: '127.0.0.1',
      port,
    });
    expect(result).toMatchObject({ ok: false, reason: 'refused' });
    expect(result.message).toContain(`127.0.0.1:${port}`);
  });

  it('reports dns when the proxy host does not resolve, and resolves one that does', async () => {
    const echo = keep(await startEcho());
    const proxy = keep(await start(exit));
    const { proxyChecker } = checker(echo);
    const bad = await proxyChecker.check({ type, host: 'nowhere.invalid', port: proxy.port });
    expect(bad).toMatchObject({ ok: false, reason: 'dns' });
    expect(bad.message).toContain('nowhere.invalid');
    const good = await proxyChecker.check({ type, host: 'proxy.test', port: proxy.port });
    expect(good).toMatchObject({ ok: true, exitIp: exit });
  });

  it('reports timeout when the proxy accepts and never answers', async () => {
    const hole = keep(await startBlackHole());
    const result = await checker(
      { url: 'http://127.0.0.1:9/ip' },
      { timeoutMs: 500 },
    ).proxyChecker.check({ type, host: '127.0.0.1', port: hole.port });
    expect(result).toMatchObject({ ok: false, reason: 'timeout' });
    // A bulk check of dead proxies must not leave a socket open per proxy.
    await vi.waitFor(async () => expect(await hole.openConnections()).toBe(0));
  });
});

describe('proxy check: what the answer means', () => {
  it('reads a plain-text echo', async () => {
    const echo = keep(await startEcho({ format: 'text' }));
    const proxy = keep(await startHttpProxy(exit));
    const result = await checker(echo).proxyChecker.check({
      type: 'https',
      host: '127.0.0.1',
      port: proxy.port,
    });
    expectExit(result, echo);
  });

  it('reports the exit country where the echo service names one', async () => {
    const echo = keep(await startEcho({ fields: { country: 'de', city: 'Berlin' } }));
    const proxy = keep(await startHttpProxy(exit));
    const result = await checker(echo).proxyChecker.check({
      type: 'http',
      host: '127.0.0.1',
      port: proxy.port,
    });
    expect(result).toMatchObject({ ok: true, exitIp: exit, country: 'DE' });
  });

  it('reads the country the ways echo services give it, and keeps nothing odd', () => {
    const ip = '203.0.113.7';
    const answer = (fields: Record<string, unknown>) => echoAnswerOf(JSON.stringify(fields));
    expect(answer({ query: ip, country: 'Germany', countryCode: 'DE' })).toEqual({
      exitIp: ip,
      country: 'DE',
    });
    expect(answer({ ip, country_code: 'fr', country_name: 'France' })).toMatchObject({
      country: 'FR',
    });
    expect(answer({ ip, country_name: 'Côte d’Ivoire' })).toMatchObject({
      country: 'Côte d’Ivoire',
    });
    expect(answer({ ip, country: 'United States' })).toMatchObject({ country: 'United States' });
    expect(answer({ ip, country: '<img src=x onerror=alert(1)>' })).toEqual({ exitIp: ip });
    expect(answer({ ip, country: 'x'.repeat(500) })).toEqual({ exitIp: ip });
    expect(answer({ ip: 'not an ip', country: 'DE' })).toEqual({});
  });

  it('reports protocol when the echo answers without an IP', async () => {
    const echo = keep(await startEcho({ answer: '<html>hello</html>' }));
    const proxy = keep(await startSocksProxy(exit));
    const result = await checker(echo).proxyChecker.check({
      type: 'socks5',
      host: '127.0.0.1',
      port: proxy.port,
    });
    expect(result).toMatchObject({ ok: false, reason: 'protocol' });
    expect(result.message).toMatch(/without an IP address/);
  });

  it('reports protocol when the type is wrong (HTTP check against a SOCKS5 proxy and back)', async () => {
    const echo = keep(await startEcho());
    const socksProxy = keep(await startSocksProxy(exit));
    const httpProxy = keep(await startHttpProxy(exit));
    const { proxyChecker } = checker(echo);
    const asHttp = await proxyChecker.check({
      type: 'http',
      host: '127.0.0.1',
      port: socksProxy.port,
    });
    const asSocks = await proxyChecker.check({
      type: 'socks5',
      host: '127.0.0.1',
      port: httpProxy.port,
    });
    expect([asHttp.reason, asSocks.reason]).toEqual(['protocol', 'protocol']);
    expect(asHttp.message).toMatch(/is the type \(http\) right/);
  });

  it('checks a direct connection against the echo itself', async () => {
    const echo = keep(await startEcho());
    const result = await checker(echo).proxyChecker.check({
      type: 'direct',
      host: '',
      port: null,
    });
    expect(result).toMatchObject({ ok: true, exitIp: '127.0.0.1' });
  });

  it('says ssh cannot be checked', async () => {
    const result = await checker({ url: 'http://127.0.0.1:9/ip' }).proxyChecker.check({
      type: 'ssh',
      host: '1.2.3.4',
      port: 22,
    });
    expect(result).toMatchObject({ ok: false, reason: 'unsupported' });
  });
});

describe('checkMany', () => {
  it('runs at most proxyCheckConcurrency checks at once and answers in input order', async () => {
    const echo = keep(await startEcho({ holdMs: 40 }));
    const proxy = keep(await startHttpProxy(exit));
    const { proxyChecker } = checker(echo, { concurrency: 2 });
    const closed = await closedPort();
    const targets: ProxyTarget[] = [0, 1, 2, 3, 4].map((i) => ({
      type: 'http',
      host: '127.0.0.1',
      port: i === 3 ? closed : proxy.port,
    }));
    const reported: number[] = [];
    const results = await proxyChecker.checkMany(
      targets.map((target, key) => ({ key, target })),
      (key) => reported.push(key),
    );
    expect(results.map((r) => [r.key, r.result.ok])).toEqual([
      [0, true],
      [1, true],
      [2, true],
      [3, false],
      [4, true],
    ]);
    expect(reported.sort()).toEqual([0, 1, 2, 3, 4]);
    expect(echo.seen).toHaveLength(4);
    expect(echo.maxInFlight).toBeLessThanOrEqual(2);
  });
});

describe('checkInput (the proxy:check channel)', () => {
  const input = (over: Partial<ProxyInput>): ProxyInput => ({
    method: 'custom',
    type: 'http',
    host: '127.0.0.1',
    port: 1,
    username: '',
    password: { action: 'clear' },
    refreshUrl: '',
    extractionUrl: '',
    extractionChannel: '',
    checkService: '',
    socks5Udp: false,
    ...over,
  });

  it('uses a password typed in the editor', async () => {
    const echo = keep(await startEcho());
    const proxy = keep(await startSocksProxy(exit, { user: USER, pass: PASS }));
    const result = await checker(echo).proxyChecker.checkInput(
      input({
        type: 'socks5',
        port: proxy.port,
        username: USER,
        password: { action: 'set', value: PASS },
      }),
    );
    expectExit(result, echo);
  });

  it('says the saved password is not used when the form keeps it and auth fails', async () => {
    const echo = keep(await startEcho());
    const proxy = keep(await startHttpProxy(exit, { user: USER, pass: PASS }));
    const result = await checker(echo).proxyChecker.checkInput(
      input({ port: proxy.port, username: USER, password: { action: 'keep' } }),
    );
    expect(result).toMatchObject({ ok: false, reason: 'auth' });
    expect(result.message).toMatch(/saved password is not used/);
  });

  it('does not check API-extracted or vendor-managed proxies', async () => {
    const { proxyChecker } = checker({ url: 'http://127.0.0.1:9/ip' });
    const api = await proxyChecker.checkInput(
      input({ method: 'api', extractionUrl: 'http://127.0.0.1:9/x' }),
    );
    const vendor = await proxyChecker.checkInput(input({ method: 'vendor', vendorProxyId: '7' }));
    expect([api.reason, vendor.reason]).toEqual(['unsupported', 'unsupported']);
  });
});

afterAll(async () => {
  await Promise.all(opened.splice(0).map((c) => c.close()));
});
