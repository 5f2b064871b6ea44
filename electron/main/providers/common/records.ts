/**
 * The classes a listing's profiles and proxies are built as. A vendor's mapping extends
 * these and sets every field in its constructor.
 *
 * Why classes and not object literals: V8 watches each object-literal site, and seeing
 * every profile of a listing survive until the listing is done, starts allocating them
 * straight into the old generation (allocation-site pretenuring). There they outlive the
 * listing, and every field pointing at a freshly parsed string costs a remembered-set
 * entry. Class instances are not tracked that way. Replaying a 10,000-window CosLogin
 * listing without HTTP, what mapping added to parsing the pages went from about 40 ms to 20.
 */
import type {
  Profile,
  ProfileStatus,
  ProxyCheckResult,
  ProxyConfig,
  ProxyMethod,
  ProxyType,
  Tag,
  TagRef,
  Vendor,
} from '../../../../shared/model';

export abstract class ProxyRecord implements ProxyConfig {
  declare method: ProxyMethod;
  declare type: ProxyType;
  declare host: string;
  declare port: number | null;
  declare username: string;
  declare hasPassword: boolean;
  declare refreshUrl: string;
  declare extractionUrl: string;
  declare extractionChannel: string;
  declare checkService: string;
  declare socks5Udp: boolean;
  declare vendorProxyId?: string;
}

export abstract class ProfileRecord implements Profile {
  declare key: string;
  declare connectionId: string;
  declare vendor: Vendor;
  declare vendorId: string;
  declare uuid?: string;
  declare name: string;
  declare groupId: string;
  declare groupName: string;
  declare tags: TagRef[];
  declare remark: string;
  declare proxy: ProxyConfig;
  declare proxyCheck?: ProxyCheckResult;
  declare status: ProfileStatus;
  declare lastOpenedAt?: number;
  declare debugPort?: number;
}

/**
 * What a group or tag the vendor did not name is called: `#<id>`, so the table never shows a
 * blank where a group is set (and the user can tell two unnamed ones apart).
 */
export const unnamed = (id: string): string => `#${id}`;

/**
 * Tag ids by the names rows show: a tag listed without a name answers to `#<id>` too, so a
 * tag set read from a row (an add or remove keeps the tags it does not name) is written back
 * as the same tags, never as new tags named `#<id>`. A real tag of that name comes first.
 */
export function tagIdsByName(tags: readonly Pick<Tag, 'id' | 'name'>[]): Map<string, string> {
  const ids = new Map<string, string>();
  for (const t of tags) if (!t.name) ids.set(unnamed(t.id), t.id);
  for (const t of tags) if (t.name) ids.set(t.name, t.id);
  return ids;
}
