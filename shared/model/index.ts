/**
 * BrowserDeck's one model of profiles, proxies, sessions and connections. Every vendor
 * response is mapped into these at the provider edge; nothing past it sees vendor field names.
 */
import { z } from 'zod';
import { DeckErrorSchema } from '../ipc/result';

import {
  COUNTRY_MAX,
  PROFILE_STATUSES,
  PROXY_CHECK_REASONS,
  PROXY_METHODS,
  PROXY_TYPES,
} from './row-values';
import { VENDOR_IDS } from './vendors';

export { VENDOR_IDS, VENDOR_LABEL, VENDORS, type Vendor } from './vendors';
export const VendorSchema = z.enum(VENDOR_IDS);

export const ProxyMethodSchema = z.enum(PROXY_METHODS);
export type ProxyMethod = z.infer<typeof ProxyMethodSchema>;
export const ProxyTypeSchema = z.enum(PROXY_TYPES);
export type ProxyType = z.infer<typeof ProxyTypeSchema>;

/** What a vendor can do, so the UI offers only what works. */
export const CapabilitiesSchema = z.object({
  batchGroup: z.boolean(),
  batchRemark: z.boolean(),
  batchName: z.boolean(),
  batchTags: z.boolean(),
  batchProxy: z.boolean(),
  batchDelete: z.boolean(),
  batchClose: z.boolean(),
  copy: z.boolean(),
  /** Chrome DevTools attach: only Chromium engines. */
  devtools: z.boolean(),
  /** CosLogin's Local API needs a complete `config` to create a profile. */
  createNeedsConfig: z.boolean(),
  startUrl: z.boolean(),
  /** Tag calls in its Local API (list, create, set on a profile); BitBrowser has none. */
  tags: z.boolean(),
  /** The custom proxy types a profile of it can take. */
  proxyTypes: z.array(ProxyTypeSchema),
  /** Proxies extracted from a link (method 'api'). */
  proxyApi: z.boolean(),
  /** Concurrent requests the vendor tolerates. */
  maxConcurrency: z.number().int().positive(),
});
export type Capabilities = z.infer<typeof CapabilitiesSchema>;

export const ConnectionHealthSchema = z.object({
  state: z.enum(['unknown', 'ok', 'error']),
  checkedAt: z.number().optional(),
  /** The failure's English, for logs (and health stored before `error` existed). */
  message: z.string().optional(),
  /** The failure as a value (code, reason, values), worded in the UI's language. */
  error: DeckErrorSchema.optional(),
  profileCount: z.number().optional(),
});
export type ConnectionHealth = z.infer<typeof ConnectionHealthSchema>;

export const ConnectionSchema = z.object({
  id: z.string(),
  vendor: VendorSchema,
  label: z.string(),
  baseUrl: z.string(),
  hasToken: z.boolean(),
  /** Added by the built-in sandbox (demo mode). */
  demo: z.boolean(),
  checkProxyBeforeOpen: z.boolean(),
  /** Requests per second the connection sends, for a vendor that limits them (AdsPower). */
  requestsPerSecond: z.number().int().positive().optional(),
  health: ConnectionHealthSchema,
  capabilities: CapabilitiesSchema,
});
export type Connection = z.infer<typeof ConnectionSchema>;

export const ProxyCheckResultSchema = z.object({
  ok: z.boolean(),
  checkedAt: z.number(),
  exitIp: z.string().optional(),
  /** Where the exit IP is, as the IP-echo service named it (a code such as "DE", or a name). */
  country: z.string().max(COUNTRY_MAX).optional(),
  latencyMs: z.number().optional(),
  /** refused | auth | timeout | dns | protocol | unsupported | other */
  reason: z.enum(PROXY_CHECK_REASONS).optional(),
  message: z.string().optional(),
});
export type ProxyCheckResult = z.infer<typeof ProxyCheckResultSchema>;

/** A profile's proxy as the renderer may see it: never a password, only whether one is set. */
export const ProxyConfigSchema = z.object({
  method: ProxyMethodSchema,
  type: ProxyTypeSchema,
  host: z.string(),
  port: z.number().int().min(0).max(65535).nullable(),
  username: z.string(),
  hasPassword: z.boolean(),
  refreshUrl: z.string(),
  extractionUrl: z.string(),
  extractionChannel: z.string(),
  checkService: z.string(),
  socks5Udp: z.boolean(),
  /** Vendor-managed proxies (purchased, traffic package, proxy manager binding). */
  vendorProxyId: z.string().optional(),
});
export type ProxyConfig = z.infer<typeof ProxyConfigSchema>;

export const ProfileStatusSchema = z.enum(PROFILE_STATUSES);
export type ProfileStatus = z.infer<typeof ProfileStatusSchema>;

export const TagRefSchema = z.object({ id: z.string(), name: z.string() });
export type TagRef = z.infer<typeof TagRefSchema>;

export const ProfileSchema = z.object({
  /** Unique across connections: `${connectionId}/${vendorId}`. */
  key: z.string(),
  connectionId: z.string(),
  vendor: VendorSchema,
  vendorId: z.string(),
  uuid: z.string().optional(),
  name: z.string(),
  groupId: z.string(),
  groupName: z.string(),
  tags: z.array(TagRefSchema),
  remark: z.string(),
  proxy: ProxyConfigSchema,
  proxyCheck: ProxyCheckResultSchema.optional(),
  status: ProfileStatusSchema,
  /** Epoch ms. */
  lastOpenedAt: z.number().optional(),
  debugPort: z.number().optional(),
});
export type Profile = z.infer<typeof ProfileSchema>;

export const EngineSchema = z.enum(['chromium', 'firefox', 'unknown']);
export type Engine = z.infer<typeof EngineSchema>;

export const SessionSchema = z.object({
  profileKey: z.string(),
  connectionId: z.string(),
  vendor: VendorSchema,
  vendorId: z.string(),
  profileName: z.string().optional(),
  /** host:port as the vendor reports it. */
  debugAddress: z.string().optional(),
  debugPort: z.number().optional(),
  wsUrl: z.string().optional(),
  pid: z.number().optional(),
  /** Epoch ms. */
  openedAt: z.number().optional(),
  webdriverPath: z.string().optional(),
  engine: EngineSchema,
  /** Extra facts the vendor gave (CosLogin profileDir, …), shown as-is. */
  extra: z.record(z.string(), z.string()).optional(),
});
export type Session = z.infer<typeof SessionSchema>;

export const GroupSchema = z.object({ connectionId: z.string(), id: z.string(), name: z.string() });
export type Group = z.infer<typeof GroupSchema>;
export const TagSchema = z.object({ connectionId: z.string(), id: z.string(), name: z.string() });
export type Tag = z.infer<typeof TagSchema>;

export { profileKey, splitProfileKey } from './profile-key';
