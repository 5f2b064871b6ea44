/** Calls into a running sandbox the way the vendors' clients are called. */
import type { Sandbox } from '../../../electron/sandbox';

/** Wire answers are read loosely: their shape is what the tests assert. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

export interface Answer<T = Loose> {
  status: number;
  json: T;
}

export async function ix<T = Loose>(
  sb: Sandbox,
  action: string,
  body: unknown = {},
): Promise<Answer<T>> {
  const res = await fetch(`${sb.ix.url}/api/v2/${action}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as T };
}

export async function cos<T = Loose>(
  sb: Sandbox,
  path: string,
  body: unknown = {},
  init: { token?: string | null; headers?: Record<string, string>; rawBody?: string } = {},
): Promise<Answer<T>> {
  const token = init.token === undefined ? sb.cos.token : init.token;
  const res = await fetch(`${sb.cos.url}${path}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(token === null ? {} : { 'X-Cos-Local-Token': token }),
      ...init.headers,
    },
    body: init.rawBody ?? JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as T };
}

/**
 * The shape of a JSON value: object keys with the shapes of their values, the shape of an
 * array's first item, and the type of a primitive. Two values with equal shapes would
 * parse with the same schema.
 */
export function shapeOf(value: unknown): unknown {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length ? [shapeOf(value[0])] : [];
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, shapeOf(v)]),
    );
  }
  return typeof value;
}

export async function bit<T = Loose>(
  sb: Sandbox,
  path: string,
  body: unknown = {},
  init: { headers?: Record<string, string>; rawBody?: string } = {},
): Promise<Answer<T>> {
  const res = await fetch(`${sb.bit.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...init.headers },
    body: init.rawBody ?? JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as T };
}

export async function ads<T = Loose>(
  sb: Sandbox,
  path: string,
  body: unknown = {},
  init: { method?: 'GET' | 'POST'; headers?: Record<string, string> } = {},
): Promise<Answer<T>> {
  const get = init.method === 'GET';
  const res = await fetch(`${sb.ads.url}${path}`, {
    method: init.method ?? 'POST',
    headers: { 'Content-Type': 'application/json', ...init.headers },
    ...(get ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, json: (await res.json()) as T };
}
