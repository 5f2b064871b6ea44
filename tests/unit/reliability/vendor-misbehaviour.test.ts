/**
 * A vendor that misbehaves once: each misbehaviour is a clear error, and the next call on
 * the same connection (same provider, same keep-alive agent) works. The error mapping of
 * each case is detailed in tests/unit/providers/*-errors.test.ts; this adds the recovery,
 * the product's default size cap, and that a huge body is cut off rather than read whole.
 */
import type { ServerResponse } from 'node:http';
import { expect, it } from 'vitest';
import { DeckError } from '../../../shared/ipc/result';
import { createCosProvider } from '../../../electron/main/providers/cos/cos-provider';
import { createIxProvider } from '../../../electron/main/providers/ixbrowser/ix-provider';
import type { VendorProvider } from '../../../electron/main/providers/provider';
import {
  FAST_RETRY,
  cosOk,
  ixOk,
  quietLog,
  sendJson,
  fakeServerPerTest,
} from '../providers/fake-server';

const fake = fakeServerPerTest();

const FIFTY_MB = 50 * 1024 * 1024;
let bytesSent = 0;

/** Streams 50 MB of valid-looking JSON, honouring backpressure, counting what got out. */
function hugeBody(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  const pump = () => {
    while (bytesSent < FIFTY_MB) {
      bytesSent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    res.end();
  };
  res.write('{"data":"');
  pump();
}

/** The drip case waits out this deadline; the others keep the product's default. */
const DRIP_TIMEOUT_MS = 400;

const vendors = {
  ixbrowser: {
    make: (url: string, timeoutMs?: number) =>
      createIxProvider({
        connectionId: 'c',
        baseUrl: url,
        log: quietLog().log,
        retry: FAST_RETRY,
        timeoutMs,
      }),
    good: (res: ServerResponse) =>
      sendJson(res, ixOk({ total: 1, data: [{ id: 1, title: 'Default' }] })),
    unknownCode: (res: ServerResponse) =>
      sendJson(res, { error: { code: 987654, message: 'Flux offline' }, data: null }),
  },
  cos: {
    make: (url: string, timeoutMs?: number) =>
      createCosProvider({
        connectionId: 'c',
        baseUrl: url,
        token: () => 'tok',
        log: quietLog().log,
        retry: FAST_RETRY,
        timeoutMs,
      }),
    good: (res: ServerResponse) =>
      sendJson(res, cosOk({ list: [{ id: 1, name: 'Default' }], total: 1 })),
    unknownCode: (res: ServerResponse) =>
      sendJson(res, { code: 987654, msg: 'Flux offline', data: null }),
  },
};

interface Misbehaviour {
  what: string;
  answer(res: ServerResponse, unknownCode: (res: ServerResponse) => void): void;
  code: string;
  message: RegExp;
  timeoutMs?: number;
}

const misbehaviours: Misbehaviour[] = [
  {
    what: 'HTML instead of JSON',
    answer: (res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><body>Login required</body></html>');
    },
    code: 'vendor-error',
    message: /HTML page instead of JSON/,
  },
  {
    what: 'truncated JSON',
    answer: (res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"code":0,"data":{"list":[{"id":1,');
    },
    code: 'vendor-error',
    message: /malformed or truncated JSON/,
  },
  {
    what: 'HTTP 200 with an unknown error code',
    answer: (res, unknownCode) => unknownCode(res),
    code: 'vendor-error',
    message: /987654.*Flux offline|Flux offline.*987654/,
  },
  {
    what: 'a body that drips slowly',
    answer: (res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"data":[');
      const timer = setInterval(() => res.write(' '), 20);
      res.on('close', () => clearInterval(timer));
    },
    code: 'timeout',
    message: /did not answer within 400 ms/,
    timeoutMs: DRIP_TIMEOUT_MS,
  },
  {
    what: 'a 50 MB response',
    answer: hugeBody,
    code: 'vendor-error',
    message: /larger than 20 MB; refused/,
  },
];

it.each(
  (Object.keys(vendors) as Array<keyof typeof vendors>).flatMap((vendor) =>
    misbehaviours.map((m) => ({ vendor, ...m })),
  ),
)(
  '$vendor: $what is a clear error and the next call works',
  async ({ vendor, answer, code, message, timeoutMs }) => {
    const v = vendors[vendor];
    let calls = 0;
    bytesSent = 0;
    const server = await fake.serve((_req, res) =>
      calls++ === 0 ? answer(res, v.unknownCode) : v.good(res),
    );
    const provider: VendorProvider = v.make(server.url, timeoutMs);

    const error = await provider.listGroups().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DeckError);
    expect((error as DeckError).code).toBe(code);
    expect((error as DeckError).message).toMatch(message);
    // Refused at the cap: the client stopped reading long before the 50 MB were out.
    expect(bytesSent).toBeLessThan(FIFTY_MB);

    await expect(provider.listGroups()).resolves.toEqual([
      { connectionId: 'c', id: '1', name: 'Default' },
    ]);
  },
);
