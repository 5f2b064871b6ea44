/**
 * ixBrowser wire shapes (profile-list items, opened list, open result, groups, tags),
 * checked at the edge. Account `password` and `proxy_password` are read only so the log
 * can mask them; the mapping never lets them out.
 */
import { z } from 'zod';
import type { PageDialect } from '../common/paging';
import {
  WireCount,
  count,
  WireId,
  WireIdList,
  WireNumber,
  WirePort,
  WireProxyType,
  WireText,
  wireRow,
  wireRows,
} from '../common/wire';

/** The keys BrowserDeck reads; others are ignored. */
export const IxProfileWire = wireRow({
  profile_id: WireId,
  name: WireText,
  note: WireText,
  group_id: WireText,
  group_name: WireText,
  tag_id: WireIdList,
  tag_name: WireText,
  last_open_time: WireNumber,
  proxy_mode: WireNumber,
  proxy_id: WireText,
  proxy_type: WireProxyType,
  proxy_ip: WireText,
  proxy_port: WirePort,
  proxy_user: WireText,
  proxy_password: WireText,
  proxy_url: WireText,
  proxy_check_line: WireText,
  /** The platform account's password: read only so the log can mask it. */
  password: WireText,
});
export type IxProfileWire = z.output<typeof IxProfileWire>;

export const IxPage = <T extends z.ZodType>(item: T) =>
  z.object({
    total: WireCount.schema,
    data: wireRows(item).nullable(),
  });

/** ixBrowser pages: `page` from 1 and `limit`; `{total, data: [...]}`. */
export const IX_PAGES: PageDialect = {
  request: (index, pageSize) => ({ page: index + 1, limit: pageSize }),
  schema: (item) => IxPage(item),
  rows: (page) => {
    const p = page as z.output<ReturnType<typeof IxPage>>;
    return { items: p.data ?? [], total: count(p.total) };
  },
};

export const IxNamedWire = wireRow({ id: WireId, title: WireText });

/** One of the account's saved proxies (proxy-list): read for its user and password only. */
export const IxSavedProxyWire = wireRow({
  id: WireId,
  proxy_user: WireText,
  proxy_password: WireText,
});
export type IxSavedProxyWire = z.output<typeof IxSavedProxyWire>;

/** One row of native-client-profile-opened-list, and the data of profile-open. */
export const IxOpenedWire = wireRow({
  profile_id: WireId,
  debugging_address: WireText,
  debugging_port: WirePort,
  pid: WireNumber,
  ws: WireText,
  webdriver: WireText,
  open_time: WireText,
});
export type IxOpenedWire = z.output<typeof IxOpenedWire>;

export const IxOpenedList = wireRows(IxOpenedWire).nullable();

/** Data of create / copy / group-create / tag-create: the new id, bare or in an object. */
export const IxNewId = z.union([
  WireId.schema,
  z.object({ id: WireId.schema }).transform((o) => o.id),
  z.object({ profile_id: WireId.schema }).transform((o) => o.profile_id),
]);
