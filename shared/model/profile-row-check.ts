/**
 * Whether a value read back from our own snapshot file has the Profile shape: the same
 * answer as `ProfileSchema.safeParse(v).success` (a unit test holds the two together over
 * valid rows and every single-field corruption), without zod's cost in a process that has
 * just started. At start 10,000s of last-known rows are read before the table can show
 * them (by the page, see last-known-snapshot.ts); zod took 100-145 ms for 10,000 in a young
 * process (12-19 ms once warm), this check a few. A row it refuses is dropped; rows from
 * vendors still go through zod.
 */
import type { Profile } from './index';
import {
  COUNTRY_MAX,
  PROFILE_STATUSES,
  PROXY_CHECK_REASONS,
  PROXY_METHODS,
  PROXY_TYPES,
} from './row-values';
import { VENDOR_IDS } from './vendors';
import { isRecord } from '../lib/is-record';

type Check = (v: unknown) => boolean;

const isString: Check = (v) => typeof v === 'string';
// Parsed JSON holds no NaN or Infinity, which z.number() refuses.
const isNumber: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const isBoolean: Check = (v) => typeof v === 'boolean';
// Made once, here: made in each call, the checks allocated 4 closures per row (a tenth of
// reading 10,000 rows at start).
const optional =
  (check: Check): Check =>
  (v) =>
    v === undefined || check(v);
const optionalString = optional(isString);
const optionalNumber = optional(isNumber);
const oneOf = (values: readonly string[]): Check => {
  const set = new Set(values);
  return (v) => typeof v === 'string' && set.has(v);
};

const isVendor = oneOf(VENDOR_IDS);
const isStatus = oneOf(PROFILE_STATUSES);
const isMethod = oneOf(PROXY_METHODS);
const isProxyType = oneOf(PROXY_TYPES);
const isCheckReason = oneOf(PROXY_CHECK_REASONS);

const isPort: Check = (v) =>
  v === null || (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v <= 65535);

const isProxy: Check = (v) =>
  isRecord(v) &&
  isMethod(v['method']) &&
  isProxyType(v['type']) &&
  isString(v['host']) &&
  isPort(v['port']) &&
  isString(v['username']) &&
  isBoolean(v['hasPassword']) &&
  isString(v['refreshUrl']) &&
  isString(v['extractionUrl']) &&
  isString(v['extractionChannel']) &&
  isString(v['checkService']) &&
  isBoolean(v['socks5Udp']) &&
  optionalString(v['vendorProxyId']);

const optionalCountry = optional((c) => isString(c) && (c as string).length <= COUNTRY_MAX);
const optionalReason = optional(isCheckReason);
const isProxyCheck: Check = (v) =>
  isRecord(v) &&
  isBoolean(v['ok']) &&
  isNumber(v['checkedAt']) &&
  optionalString(v['exitIp']) &&
  optionalCountry(v['country']) &&
  optionalNumber(v['latencyMs']) &&
  optionalReason(v['reason']) &&
  optionalString(v['message']);
const optionalProxyCheck = optional(isProxyCheck);

// Indexed, not every(): every() skips the holes of a sparse array, which zod refuses.
const isTags: Check = (v) => {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) {
    const t: unknown = v[i];
    if (!isRecord(t) || !isString(t['id']) || !isString(t['name'])) return false;
  }
  return true;
};

export function isProfileRow(v: unknown): v is Profile {
  return (
    isRecord(v) &&
    isString(v['key']) &&
    isString(v['connectionId']) &&
    isVendor(v['vendor']) &&
    isString(v['vendorId']) &&
    optionalString(v['uuid']) &&
    isString(v['name']) &&
    isString(v['groupId']) &&
    isString(v['groupName']) &&
    isTags(v['tags']) &&
    isString(v['remark']) &&
    isProxy(v['proxy']) &&
    optionalProxyCheck(v['proxyCheck']) &&
    isStatus(v['status']) &&
    optionalNumber(v['lastOpenedAt']) &&
    optionalNumber(v['debugPort'])
  );
}
