/**
 * Bit-family wire shapes (BitBrowser's and CosLogin's windows share their field names).
 * CosLogin's page shape is not documented and BitBrowser's clients disagree on the total's
 * name, so a page is read tolerantly (`list`/`records`/`rows`/`items`/`data`,
 * `total`/`totalNum`/`count`); window fields follow the create/edit parameters.
 */
import { z } from 'zod';
import type { PageDialect } from '../common/paging';
import {
  WireCount,
  WireFlag,
  WireId,
  WireIdList,
  WireOptionalId,
  WireNumber,
  WirePort,
  WireProxyType,
  WireText,
  count,
  flag,
  id,
  int,
  port,
  text,
  wireOptional,
  wireRow,
  wireRows,
  type WireScalar,
} from '../common/wire';

type TagRef = { id: string | number; tagName?: WireScalar; name?: WireScalar } | string;
const isTagRef = (t: unknown): boolean => {
  if (typeof t === 'string') return true;
  if (typeof t !== 'object' || t === null) return false;
  const o = t as Record<string, unknown>;
  return WireId.check(o.id) && WireText.check(o.tagName) && WireText.check(o.name);
};
/** Tags as objects (`{id, tagName}`) or bare ids; null or missing means none. */
const WireTagRefs = wireOptional<TagRef[] | null>(
  (v) => v === null || (Array.isArray(v) && v.every(isTagRef)),
  'expected a list of tags',
);

/**
 * A window as the list and detail send it: checked per field here, read into the model by
 * bit-mapping.ts with the wire readers (no intermediate object per row).
 */
export const WindowWire = wireRow(
  {
    id: WireOptionalId,
    browserId: WireOptionalId,
    uuid: WireText,
    name: WireText,
    groupId: WireText,
    groupName: WireText,
    tagIds: WireIdList,
    tags: WireTagRefs,
    /** BitBrowser sends a window's tags as `browserTags` objects. */
    browserTags: WireTagRefs,
    remark: WireText,
    proxyMethod: WireNumber,
    proxyType: WireProxyType,
    host: WireText,
    port: WirePort,
    proxyUserName: WireText,
    proxyPassword: WireText,
    refreshProxyUrl: WireText,
    dynamicIpUrl: WireText,
    dynamicIpChannel: WireText,
    ipCheckService: WireText,
    enableSocks5Udp: WireFlag,
    proxyId: WireText,
    lastOpenTime: WireText,
  },
  {
    check: (w) => w.id !== undefined || w.browserId !== undefined,
    field: 'id',
    message: 'window without an id',
  },
);
export type WindowWire = z.output<typeof WindowWire>;

/** The window's id (`id`, or the compatibility `browserId`). */
export const windowId = (w: WindowWire): string => id((w.id ?? w.browserId)!);

const LIST_KEYS = ['list', 'records', 'rows', 'items', 'data'] as const;
const TOTAL_KEYS = ['total', 'totalNum', 'count', 'totalCount'] as const;

/** A page: its items, and the total where the client says it. */
export interface WindowPageOf<T> {
  items: T[];
  total?: number;
}

/**
 * A page of anything: a bare array, or an object holding the array and maybe a total.
 *
 * A check that sets the value, not a zod transform: a transform hangs a closure that holds
 * the payload on the payload, and in V8 (Node 20) that kept every page's parsed JSON alive
 * through young-generation collections until the next full one. A 10,000-window listing
 * promoted 1.7 MB more and paused about 6 ms longer for it.
 */
export const WindowPage = <T extends z.ZodType>(item: T): z.ZodType<WindowPageOf<z.output<T>>> => {
  const rows = wireRows(item);
  return z.unknown().check((ctx) => {
    const fail = (message: string, path: PropertyKey[] = []) =>
      void ctx.issues.push({ code: 'custom', message, path, input: ctx.value });
    const raw = ctx.value;
    if (raw === null || raw === undefined) {
      ctx.value = { items: [], total: 0 };
      return;
    }
    if (typeof raw !== 'object') return fail('expected a page of items');
    const v = raw as Record<string, unknown>;
    const key = Array.isArray(raw) ? undefined : LIST_KEYS.find((k) => Array.isArray(v[k]));
    if (!Array.isArray(raw) && !key) return fail('no list in the page');
    let total: number | undefined;
    const totalKey = key && TOTAL_KEYS.find((k) => v[k] !== undefined && v[k] !== null);
    if (totalKey) {
      const t = v[totalKey];
      if (!WireCount.check(t)) return fail('expected a whole number', [totalKey]);
      total = count(t as number | string);
    }
    const items = rows.safeParse(key ? v[key] : raw);
    if (!items.success) {
      const issue = items.error.issues[0]!;
      return fail(issue.message, key ? [key, ...issue.path] : issue.path);
    }
    ctx.value = total === undefined ? { items: items.data } : { items: items.data, total };
  }) as unknown as z.ZodType<WindowPageOf<z.output<T>>>;
};

export const NamedWire = z
  .object({
    id: WireId.schema,
    groupName: WireText.schema,
    tagName: WireText.schema,
    name: WireText.schema,
    title: WireText.schema,
  })
  .transform((w) => ({
    id: id(w.id),
    name: text(w.groupName) || text(w.tagName) || text(w.name) || text(w.title),
  }));

/** Data of a create: the new id bare, or the window / group / tag object. */
export const CreatedWire = z.union([
  WireId.schema.transform((v) => ({ id: id(v), uuid: '' })),
  z
    .object({ id: WireOptionalId.schema, browserId: WireOptionalId.schema, uuid: WireText.schema })
    .transform((o, ctx) => {
      const raw = o.id ?? o.browserId;
      if (raw === undefined) {
        ctx.addIssue({ code: 'custom', path: ['id'], message: 'no id in the answer' });
        return z.NEVER;
      }
      return { id: id(raw), uuid: text(o.uuid) };
    }),
]);

/**
 * Data of /browser/open: CosLogin's Firefox answer (pid, profileDir, configPath), or
 * BitBrowser's Chromium one (`ws` the CDP browser endpoint, `http` its host:port, `driver`
 * the chromedriver path, `coreVersion`).
 */
export const OpenWire = z
  .object({
    pid: WireNumber.schema,
    alreadyStarted: WireFlag.schema,
    profileDir: WireText.schema,
    configPath: WireText.schema,
    port: WirePort.schema,
    debugPort: WirePort.schema,
    ws: WireText.schema,
    http: WireText.schema,
    driver: WireText.schema,
    coreVersion: WireText.schema,
  })
  .transform((w) => {
    const address = text(w.http).trim();
    const fromAddress = /:(\d{1,5})$/.exec(address);
    return {
      pid: int(w.pid),
      alreadyStarted: flag(w.alreadyStarted),
      profileDir: text(w.profileDir),
      configPath: text(w.configPath),
      port:
        port(w.debugPort) ??
        port(w.port) ??
        (fromAddress ? port(fromAddress[1]) : null) ??
        undefined,
      ws: text(w.ws),
      debugAddress: address,
      driver: text(w.driver),
      coreVersion: text(w.coreVersion),
    };
  });
export type OpenWire = z.output<typeof OpenWire>;

/** `/browser/pids` (BitBrowser `/browser/pids/all`) → `{"<id>": pid}`; `/browser/ports` → `{"<id>": "port"}`. */
export const IdNumberMap = z
  .union([
    z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
    z.null(),
    z.array(z.never()),
  ])
  .transform((v) => {
    const out = new Map<string, number>();
    if (!v || Array.isArray(v)) return out;
    for (const [k, raw] of Object.entries(v)) {
      const n = typeof raw === 'number' ? raw : Number(raw);
      if (raw !== null && raw !== '' && Number.isFinite(n) && n > 0) out.set(k, n);
    }
    return out;
  });

/** Bit-family pages: `page` from 0 and `pageSize`; rows under one of several keys (WindowPage). */
export const WINDOW_PAGES: PageDialect = {
  request: (index, pageSize) => ({ page: index, pageSize }),
  schema: (item) => WindowPage(item),
  rows: (page) => {
    const p = page as WindowPageOf<unknown>;
    return { items: p.items, total: p.total };
  },
};
