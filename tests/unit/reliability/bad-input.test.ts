/**
 * Bad input on every IPC channel, generated from the contract: each channel has one valid
 * example (the type below makes a new channel fail to compile until it gets one), and every
 * field of it is broken in turn: wrong types, NaN and Infinity, huge strings, missing
 * required fields, `__proto__` / `constructor` keys. Each must answer `invalid-input`
 * naming the field, without a throw and without a single request reaching a vendor.
 * Well-formed but unknown ids answer `not-found`.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { contract, type Channel, type RequestOf } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/result';
import { startSandboxedCore, type SandboxedCore } from './sandboxed-core';

const UNKNOWN = 'no-such-id';
const UNKNOWN_KEY = `${UNKNOWN}/1`;
const PROXY = {
  method: 'custom',
  type: 'http',
  host: '127.0.0.1',
  port: 8080,
  username: 'u',
  password: { action: 'set', value: 'pw' },
} as const;

const examples: { [C in Channel]: RequestOf<C> } = {
  'app:info': {},
  'app:language': { language: 'zh-CN' },
  'notices:dismiss': { id: UNKNOWN },
  'settings:get': {},
  'settings:update': {
    ipEchoUrl: 'http://127.0.0.1:9/',
    openConcurrency: 2,
    theme: 'dark',
    vendorConcurrency: { ixbrowser: 2, cos: 4 },
    requestTimeoutMs: 5_000,
    openTimeoutMs: 60_000,
    checkProxyBeforeOpen: true,
    demoProfiles: 50,
  },
  'connections:list': {},
  'connections:add': { vendor: 'cos', label: 'Shop', baseUrl: 'http://127.0.0.1:9', token: 't' },
  'connections:update': {
    id: UNKNOWN,
    label: 'Shop',
    baseUrl: 'http://127.0.0.1:9',
    token: null,
    checkProxyBeforeOpen: true,
  },
  'connections:remove': { id: UNKNOWN },
  'connections:test': { id: UNKNOWN },
  'connections:detect': {},
  'demo:start': { profiles: 10 },
  'demo:stop': {},
  'profiles:list': { connectionIds: [UNKNOWN] },
  'profiles:detail': { key: UNKNOWN_KEY },
  'profiles:last-known': { connectionIds: [UNKNOWN] },
  'groups:list': { connectionIds: [UNKNOWN] },
  'groups:create': { connectionId: UNKNOWN, name: 'Group' },
  'tags:list': { connectionIds: [UNKNOWN] },
  'jobs:start': {
    action: { kind: 'set-proxy', proxy: PROXY },
    keys: [UNKNOWN_KEY],
    concurrency: 2,
    labels: { [UNKNOWN_KEY]: 'Shop 1' },
  },
  'jobs:list': {},
  'jobs:get': { id: UNKNOWN },
  'jobs:cancel': { id: UNKNOWN },
  'jobs:retry-failed': { id: UNKNOWN },
  'jobs:undo': { id: UNKNOWN },
  'jobs:export-csv': { id: UNKNOWN },
  'jobs:copy-preview': { keys: [UNKNOWN_KEY], targetConnectionId: UNKNOWN },
  'sessions:list': { connectionIds: [UNKNOWN] },
  'devtools:targets': { profileKey: UNKNOWN_KEY },
  'devtools:open': { profileKey: UNKNOWN_KEY, targetId: 'T1' },
  'proxy:check': { proxy: PROXY },
  'sessions:thumbnail': { profileKey: UNKNOWN_KEY },
  'sessions:focus': { profileKey: UNKNOWN_KEY },
  'sessions:displays': {},
  'sessions:arrange': {
    profileKeys: [UNKNOWN_KEY],
    rows: 1,
    columns: 1,
    area: { left: 0, top: 0, width: 800, height: 600 },
    gap: 0,
  },
  'sessions:restore-bounds': { profileKeys: [UNKNOWN_KEY] },
  'scripts:list': {},
  'scripts:get': { id: UNKNOWN },
  'scripts:save': { id: UNKNOWN, name: 'Titles', source: 'export default async () => 1;' },
  'scripts:delete': { id: UNKNOWN },
  'automation:thumbnail': { jobId: UNKNOWN, key: UNKNOWN_KEY },
};

const HUGE = 'x'.repeat(1_000_000);
const BAD_VALUES: unknown[] = [12345, 'text', true, null, [], {}, NaN, Infinity, -Infinity, HUGE];
const BAD_PAYLOADS: unknown[] = [42, 'text', true, [], [{}]];

type Path = Array<string | number>;
type Json = Record<string, unknown> | unknown[];

/** Every place in the example a value sits: object fields and array elements, nested. */
function paths(value: unknown, at: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => {
    const here = [...at, Array.isArray(value) ? Number(k) : k];
    return [here, ...paths(v, here)];
  });
}

/** A deep copy with `edit` applied to the object or array holding `path`'s last step. */
function edited(example: unknown, path: Path, edit: (holder: Json, key: string | number) => void) {
  const copy = JSON.parse(JSON.stringify(example)) as Json;
  let holder = copy as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) holder = holder[step] as Record<string | number, unknown>;
  edit(holder as Json, path[path.length - 1]!);
  return copy;
}

/** `{"__proto__": …}` as JSON.parse makes it: an own key, the shape a hostile payload has. */
function withKey(example: unknown, at: Path, key: '__proto__' | 'constructor'): unknown {
  const copy = JSON.parse(JSON.stringify(example)) as Record<string, unknown>;
  let holder = copy;
  for (const step of at) holder = holder[step] as Record<string, unknown>;
  Object.defineProperty(holder, key, {
    value: JSON.parse('{"polluted": true}'),
    enumerable: true,
    configurable: true,
    writable: true,
  });
  return copy;
}

const isPlainObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);

interface Case {
  channel: Channel;
  what: string;
  payload: unknown;
  /** The field details.field must name (or a field inside it). */
  field: string;
}

function invalidCases(channel: Channel): Case[] {
  const schema = contract[channel].request;
  const example = examples[channel];
  const invalid = (payload: unknown) => !schema.safeParse(payload).success;
  const cases: Case[] = BAD_PAYLOADS.map((payload) => ({
    channel,
    what: `payload ${JSON.stringify(payload)}`,
    payload,
    field: '(request)',
  }));
  for (const path of paths(example)) {
    const field = path.join('.');
    for (const bad of BAD_VALUES) {
      const payload = edited(
        example,
        path,
        (h, k) => void ((h as Record<string, unknown>)[k] = bad),
      );
      if (invalid(payload))
        cases.push({ channel, what: `${field} = ${String(bad).slice(0, 20)}`, payload, field });
    }
    if (typeof path[path.length - 1] !== 'string') continue;
    const missing = edited(example, path, (h, k) => void delete (h as Record<string, unknown>)[k]);
    if (invalid(missing))
      cases.push({ channel, what: `${field} missing`, payload: missing, field });
  }
  const objects: Path[] = [[], ...paths(example).filter((p) => isPlainObject(valueAt(example, p)))];
  for (const at of objects)
    for (const key of ['__proto__', 'constructor'] as const) {
      const payload = withKey(example, at, key);
      // Records (labels, per-connection ids) take any key: only strict objects refuse them.
      if (invalid(payload))
        cases.push({
          channel,
          what: `${key} in ${at.join('.') || 'request'}`,
          payload,
          field: [...at, key].join('.'),
        });
    }
  return cases;
}

function valueAt(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((v, step) => (v as Record<string | number, unknown>)[step], value);
}

let env: SandboxedCore;
beforeAll(async () => {
  env = await startSandboxedCore({ profiles: 5 });
  // Live connections of both vendors, so a request that slipped through would be counted.
  await env.connect('ixbrowser');
  await env.connect('cos');
});
afterAll(() => env.close());

it('every example is itself valid (so each case below breaks exactly one thing)', () => {
  for (const channel of Object.keys(contract) as Channel[])
    expect(contract[channel].request.safeParse(examples[channel]).error, channel).toBeUndefined();
});

it(
  'invalid payloads on every channel answer invalid-input naming the field and reach no vendor',
  { timeout: 60_000 },
  async () => {
    const before = env.sandbox.ix.requestCount() + env.sandbox.cos.requestCount();
    const cases = (Object.keys(contract) as Channel[]).flatMap(invalidCases);
    // Guards against a generator that silently produces nothing for a channel.
    for (const channel of Object.keys(contract) as Channel[])
      expect(cases.filter((c) => c.channel === channel).length, channel).toBeGreaterThanOrEqual(
        BAD_PAYLOADS.length,
      );
    for (const c of cases) {
      const result = await env.core.dispatch(c.channel, c.payload);
      expect(result, `${c.channel}: ${c.what}`).toMatchObject({
        ok: false,
        error: { code: 'invalid-input' },
      });
      const field = (result as Extract<Result<unknown>, { ok: false }>).error.details?.field ?? '';
      expect(
        field === c.field || field.startsWith(`${c.field}.`),
        `${c.channel}: ${c.what} named ${field}`,
      ).toBe(true);
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(env.sandbox.ix.requestCount() + env.sandbox.cos.requestCount()).toBe(before);
    // Still serving after all that.
    expect(await env.core.dispatch('connections:list', {})).toMatchObject({ ok: true });
  },
);

it('well-formed unknown ids answer not-found without reaching a vendor', async () => {
  const before = env.sandbox.ix.requestCount() + env.sandbox.cos.requestCount();
  const withIds = (Object.keys(contract) as Channel[]).filter((c) =>
    JSON.stringify(examples[c]).includes(UNKNOWN),
  );
  for (const channel of withIds) {
    const result = await env.core.dispatch(channel, examples[channel]);
    expect(
      await unknownReportedAsNotFound(channel, result),
      `${channel}: ${JSON.stringify(result)}`,
    ).toBe(true);
  }
  expect(env.sandbox.ix.requestCount() + env.sandbox.cos.requestCount()).toBe(before);
});

/**
 * `not-found` where the channel answers one thing; where it answers per connection or per
 * item (lists, jobs) the unknown one carries `not-found`; removing and dismissing are idempotent.
 */
async function unknownReportedAsNotFound(
  channel: Channel,
  result: Result<unknown>,
): Promise<boolean> {
  if (!result.ok) return result.error.code === 'not-found';
  const data = result.data as {
    errors?: Array<{ connectionId: string; error: { code: string } }>;
    removed?: boolean;
    dismissed?: boolean;
    id?: string;
  };
  if (channel === 'connections:remove') return data.removed === false;
  if (channel === 'notices:dismiss') return data.dismissed === false;
  if (channel === 'sessions:arrange' || channel === 'sessions:restore-bounds') {
    const failed = (result.data as { failed: Array<{ code: string }> }).failed;
    return failed.length > 0 && failed.every((f) => f.code === 'not-found');
  }
  if (channel === 'jobs:start') {
    const job = await env.core.dispatch('jobs:get', { id: data.id });
    const items = (job as { data: { items: Array<{ state: string; error?: { code: string } }> } })
      .data.items;
    return items.every((i) => i.state === 'failed' && i.error?.code === 'not-found');
  }
  return Boolean(
    data.errors?.some((e) => e.connectionId === UNKNOWN && e.error.code === 'not-found'),
  );
}
