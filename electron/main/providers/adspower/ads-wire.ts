/**
 * AdsPower wire shapes: v2 profile rows (`user_proxy_config` nested, the password in it),
 * pages without a total (`{list, page, page_size}`: read until a short page), v1 groups,
 * v2 tags, the start answer (`ws.puppeteer`, `debug_port`, `webdriver`) and v1's opened list.
 */
import { z } from 'zod';
import type { PageDialect } from '../common/paging';
import {
  WireAny,
  WireId,
  WireNumber,
  WirePort,
  WireText,
  id,
  wireOptional,
  wireRow,
  wireRows,
  type WireScalar,
} from '../common/wire';
import { isRecord } from '../../../../shared/lib/is-record';

/** `user_proxy_config`: each field text, number or missing. */
export interface AdsProxyConfig {
  proxy_soft?: WireScalar;
  proxy_type?: WireScalar;
  proxy_host?: WireScalar;
  /** Checked as a port (WirePort): a string or number, or empty. */
  proxy_port?: string | number | null;
  proxy_user?: WireScalar;
  proxy_password?: WireScalar;
  proxy_url?: WireScalar;
}
const PROXY_KEYS = [
  'proxy_soft',
  'proxy_type',
  'proxy_host',
  'proxy_port',
  'proxy_user',
  'proxy_password',
  'proxy_url',
] as const;
const WireProxyConfig = wireOptional<AdsProxyConfig | null>(
  (v) =>
    v === null ||
    (isRecord(v) &&
      PROXY_KEYS.every((k) => WireText.check(v[k])) &&
      WirePort.check(v['proxy_port'])),
  'expected a proxy config object',
);

type TagRef = { id: string | number; name?: WireScalar };
const WireTags = wireOptional<TagRef[] | null>(
  (v) =>
    v === null ||
    (Array.isArray(v) &&
      v.every((t) => isRecord(t) && WireId.check(t['id']) && WireText.check(t['name']))),
  'expected a list of tags',
);

/** A profile as the v2 list sends it (the keys BrowserDeck reads). */
export const AdsProfileWire = wireRow({
  profile_id: WireId,
  profile_no: WireText,
  name: WireText,
  remark: WireText,
  group_id: WireText,
  group_name: WireText,
  tags: WireTags,
  user_proxy_config: WireProxyConfig,
  /** The proxy manager's proxy the profile uses ('' or '0': none). */
  fbcc_proxy_acc_id: WireText,
  /** Unix seconds. */
  last_open_time: WireNumber,
});
export type AdsProfileWire = z.output<typeof AdsProfileWire>;

/** A page: `{list, page, page_size}`; AdsPower gives no total. */
export const AdsPage = <T extends z.ZodType>(item: T) =>
  z.looseObject({ list: wireRows(item).nullable().optional() });

/** v2 pages: `page` from 1 and `limit` (which defaults to 1 if left out: always sent). */
export const ADS_PAGES: PageDialect = {
  request: (index, pageSize) => ({ page: index + 1, limit: pageSize }),
  schema: (item) => AdsPage(item),
  rows: (page) => ({
    items: (page as { list?: unknown[] | null }).list ?? [],
    total: undefined,
  }),
};

/** v1 pages: the same, with `page_size` (query string). */
export const ADS_V1_PAGES: PageDialect = {
  ...ADS_PAGES,
  request: (index, pageSize) => ({ page: index + 1, page_size: pageSize }),
};

export const AdsGroupWire = wireRow({ group_id: WireId, group_name: WireText });
export const AdsTagWire = wireRow({ id: WireId, name: WireText });

/** Data of v1 group/create. */
export const AdsCreatedGroup = z
  .looseObject({ group_id: WireId.schema })
  .transform((g) => id(g.group_id));

/** Data of v2 browser-tags/create: the created tags, as a list or under `list`/`tags`. */
export const AdsCreatedTags = z
  .union([
    z.array(AdsTagWire),
    z.looseObject({ list: z.array(AdsTagWire) }).transform((d) => d.list),
    z.looseObject({ tags: z.array(AdsTagWire) }).transform((d) => d.tags),
  ])
  .transform((tags) => tags.map((t) => ({ id: id(t.id), name: String(t.name ?? '') })));

/** Data of v2 browser-profile/create. */
export const AdsCreatedProfile = z
  .looseObject({ profile_id: WireId.schema })
  .transform((p) => id(p.profile_id));

/** `ws: {puppeteer, selenium}` of start and of the opened list. */
const WireWs = wireOptional<{ puppeteer?: WireScalar; selenium?: WireScalar } | null>(
  (v) =>
    v === null || (isRecord(v) && WireText.check(v['puppeteer']) && WireText.check(v['selenium'])),
  'expected ws endpoints',
);

/** Data of v2 start, and a row of v1 local-active (which adds `user_id`). */
export const AdsOpenedWire = wireRow({
  user_id: WireAny,
  ws: WireWs,
  debug_port: WirePort,
  webdriver: WireText,
});
export type AdsOpenedWire = z.output<typeof AdsOpenedWire>;

/** Data of v1 local-active: `{list: [...]}`. */
export const AdsOpenedList = z
  .looseObject({ list: wireRows(AdsOpenedWire).nullable().optional() })
  .nullable();
