/**
 * Every IPC channel BrowserDeck has: request and response schemas, one registry.
 * Main registers each through handle(); the preload and the browser harness build
 * `window.deck` from the same registry (shared/ipc/deck-api.ts).
 */
import { z } from 'zod';
import { schemaMessage, type WholeNumberUnit } from './error-reasons';
import {
  ConnectionHealthSchema,
  ConnectionSchema,
  GroupSchema,
  ProfileSchema,
  ProfileStatusSchema,
  ProxyCheckResultSchema,
  SessionSchema,
  TagSchema,
  VendorSchema,
} from '../model';
import { JobActionSchema, JobProgressSchema, JobSchema, JobSummarySchema } from '../model/job';
import { CopyPreviewSchema } from '../model/copy-preview';
import { ProxyInputSchema } from '../model/proxy-input';
import { httpUrlSchema } from '../model/http-url';
import {
  ScriptNameSchema,
  ScriptSchema,
  ScriptSourceSchema,
  ScriptSummarySchema,
} from '../model/automation';
import { DeckErrorSchema } from './result';
import type { Channel, EventName } from './channels';

const Id = z.string().min(1).max(200);
/** A window that could not be arranged or restored, and why. */
const WindowFailure = z.object({
  profileKey: z.string(),
  code: DeckErrorSchema.shape.code,
  message: z.string(),
});
const Empty = z.object({}).strict();
/** A language tag as the renderer's language table names them ('en', 'zh-CN', 'en-XA'). */
const LanguageSchema = z
  .string()
  .regex(
    /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/,
    schemaMessage('invalid.language-tag', 'a language tag such as en or zh-CN'),
  )
  .max(35);
const BaseUrl = httpUrlSchema(500, 'http://127.0.0.1:53200');
/** The proxy check fetches it through the user's proxies: a web address, nothing else. */
const IpEchoUrl = httpUrlSchema(2048, 'https://api.ipify.org?format=json');
const Token = z.string().min(1).max(4096);
const RequestsPerSecond = z.number().int().min(1).max(100);
const ConnectionIds = z.object({ connectionIds: z.array(Id).max(100).optional() }).strict();

/**
 * Something the user must hear about that no request asked for: a data file BrowserDeck could
 * not read and moved aside (`backup`), or damaged entries it dropped from one. Kept for the
 * session until dismissed.
 */
export const NoticeSchema = z.object({
  id: z.string(),
  kind: z.enum(['unreadable-file', 'dropped-entries']),
  /** The data file concerned, as a full path. */
  file: z.string(),
  /** Where the file as it was now is; absent when it could not be moved or copied. */
  backup: z.string().optional(),
  /** Short: "truncated", "empty", "not JSON", "newer version 2", "could not decrypt", ... */
  problem: z.string(),
  /** What happened and what it means for the user, in a sentence or two. */
  message: z.string(),
});
export type Notice = z.infer<typeof NoticeSchema>;

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  electron: z.string().nullable(),
  /** How secrets are kept on this machine: OS-encrypted on disk, or in memory for this session only. */
  secretStorage: z.enum(['encrypted', 'memory']),
  demo: z.object({
    running: z.boolean(),
    simulated: z.boolean(),
    browserPath: z.string().optional(),
  }),
  notices: z.array(NoticeSchema),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

/** A whole number in a range; any way it is wrong gets the one message that says the range. */
const wholeNumber = (min: number, max: number, unit: WholeNumberUnit) => {
  const message = schemaMessage(
    'invalid.whole-number',
    `must be a whole number from ${min.toLocaleString('en')} to ${max.toLocaleString('en')} ${unit}`,
    { min, max, unitName: unit },
  );
  return z.number({ error: message }).int(message).min(min, message).max(max, message);
};

export const THEMES = ['system', 'light', 'dark'] as const;
export const ThemeSchema = z.enum(THEMES, {
  error: schemaMessage('invalid.theme', 'must be system, light or dark'),
});
export type Theme = z.infer<typeof ThemeSchema>;

export const SettingsSchema = z.object({
  /** IP-echo URL used by the proxy check. */
  ipEchoUrl: IpEchoUrl,
  /** Windows opened at once by a bulk open. */
  openConcurrency: wholeNumber(1, 16, 'windows'),
  proxyCheckConcurrency: wholeNumber(1, 64, 'checks'),
  proxyCheckTimeoutMs: wholeNumber(500, 120_000, 'ms'),
  /** The renderer's colours; `system` follows the OS. */
  theme: ThemeSchema,
  /**
   * Requests in flight at once per connection of each vendor; a vendor left out keeps its
   * own default (VENDORS[vendor].concurrency).
   */
  vendorConcurrency: z.partialRecord(VendorSchema, wholeNumber(1, 16, 'requests')),
  /** Each vendor request but an open; a client that does not answer in time fails the call. */
  requestTimeoutMs: wholeNumber(1_000, 300_000, 'ms'),
  /** Opening a profile starts a browser (and may check its proxy): it gets longer. */
  openTimeoutMs: wholeNumber(5_000, 600_000, 'ms'),
  /** "Check proxy before opening" of a connection when it is added. */
  checkProxyBeforeOpen: z.boolean({ error: schemaMessage('invalid.on-off', 'must be on or off') }),
  /** Profiles the demo sandbox creates, split between the vendors. */
  demoProfiles: wholeNumber(2, 100_000, 'profiles'),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DevtoolsTargetSchema = z.object({
  id: z.string(),
  title: z.string(),
  url: z.string(),
  type: z.string(),
});
export type DevtoolsTarget = z.infer<typeof DevtoolsTargetSchema>;

const channel = <Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) => ({
  request,
  response,
});

export const contract = {
  'app:info': channel(Empty, AppInfoSchema),
  /** The UI's language, so main's own words (the native menu) follow it. */
  'app:language': channel(
    z.object({ language: LanguageSchema }).strict(),
    z.object({ language: LanguageSchema }),
  ),
  'notices:dismiss': channel(z.object({ id: Id }).strict(), z.object({ dismissed: z.boolean() })),
  'settings:get': channel(Empty, SettingsSchema),
  'settings:update': channel(SettingsSchema.partial().strict(), SettingsSchema),

  'connections:list': channel(Empty, z.array(ConnectionSchema)),
  'connections:add': channel(
    z
      .object({
        vendor: VendorSchema,
        label: z.string().max(100).optional(),
        baseUrl: BaseUrl,
        token: Token.optional(),
        requestsPerSecond: RequestsPerSecond.optional(),
      })
      .strict(),
    ConnectionSchema,
  ),
  'connections:update': channel(
    z
      .object({
        id: Id,
        label: z.string().min(1).max(100).optional(),
        baseUrl: BaseUrl.optional(),
        /** A new token, or null to clear it. Omitted: unchanged. */
        token: Token.nullable().optional(),
        checkProxyBeforeOpen: z.boolean().optional(),
        /** Which rates a vendor takes is checked by main (the vendor table says). */
        requestsPerSecond: RequestsPerSecond.optional(),
      })
      .strict(),
    ConnectionSchema,
  ),
  'connections:remove': channel(z.object({ id: Id }).strict(), z.object({ removed: z.boolean() })),
  'connections:test': channel(z.object({ id: Id }).strict(), ConnectionHealthSchema),
  'connections:detect': channel(
    Empty,
    z.array(
      z.object({
        vendor: VendorSchema,
        baseUrl: z.string(),
        added: z.boolean(),
        needsToken: z.boolean(),
      }),
    ),
  ),

  'demo:start': channel(
    z.object({ profiles: z.number().int().min(1).max(100_000).optional() }).strict(),
    z.object({
      connections: z.array(ConnectionSchema),
      simulated: z.boolean(),
      browserPath: z.string().optional(),
    }),
  ),
  'demo:stop': channel(Empty, z.object({ stopped: z.boolean() })),

  'profiles:list': channel(
    ConnectionIds,
    z.object({
      profiles: z.array(ProfileSchema),
      /**
       * Connections that could not be listed; the others still are. With `lastKnownAt`, the
       * connection's rows in `profiles` are its last full listing from that time (stale).
       */
      errors: z.array(
        z.object({
          connectionId: z.string(),
          error: DeckErrorSchema,
          lastKnownAt: z.number().optional(),
        }),
      ),
    }),
  ),
  'profiles:detail': channel(z.object({ key: Id }).strict(), ProfileSchema),
  /**
   * Each connection's last full listing, from memory or disk, at once: what the table shows
   * while a listing is on its way (stale, with its time). Rows main holds come as rows (with
   * their connections' times); a snapshot main has only read comes as the file's text, for
   * the page to read with `readSnapshot` (last-known-snapshot.ts) and mark stale.
   */
  'profiles:last-known': channel(
    ConnectionIds,
    z.object({
      profiles: z.array(ProfileSchema),
      connections: z.array(z.object({ connectionId: z.string(), listedAt: z.number() })),
      snapshots: z.array(z.object({ connectionId: z.string(), text: z.string() })),
    }),
  ),
  'groups:list': channel(ConnectionIds, z.array(GroupSchema)),
  'groups:create': channel(
    z.object({ connectionId: Id, name: z.string().min(1).max(100) }).strict(),
    GroupSchema,
  ),
  'tags:list': channel(ConnectionIds, z.array(TagSchema)),

  'jobs:start': channel(
    z
      .object({
        action: JobActionSchema,
        keys: z.array(Id).max(100_000),
        concurrency: z.number().int().min(1).max(16).optional(),
        /** Profile names by key, so job results and CSV exports read as names. */
        labels: z.record(Id, z.string().max(200)).optional(),
      })
      .strict(),
    JobSummarySchema,
  ),
  'jobs:list': channel(Empty, z.array(JobSummarySchema)),
  'jobs:get': channel(z.object({ id: Id }).strict(), JobSchema),
  'jobs:cancel': channel(z.object({ id: Id }).strict(), JobSummarySchema),
  'jobs:retry-failed': channel(z.object({ id: Id }).strict(), JobSummarySchema),
  /** A new job that puts back what a finished edit overwrote, profile by profile. */
  'jobs:undo': channel(z.object({ id: Id }).strict(), JobSummarySchema),
  /** What a copy-to-connection job would make of these profiles in the target connection. */
  'jobs:copy-preview': channel(
    z.object({ keys: z.array(Id).min(1).max(100_000), targetConnectionId: Id }).strict(),
    CopyPreviewSchema,
  ),
  'jobs:export-csv': channel(
    z.object({ id: Id.optional() }).strict(),
    z.object({ csv: z.string() }),
  ),

  'sessions:list': channel(
    ConnectionIds,
    z.object({
      sessions: z.array(SessionSchema),
      errors: z.array(z.object({ connectionId: z.string(), error: DeckErrorSchema })),
    }),
  ),
  /** A small JPEG of an open Chromium profile's active page, as a data URL. */
  'sessions:thumbnail': channel(
    z.object({ profileKey: Id }).strict(),
    z.object({ dataUrl: z.string() }),
  ),
  /** Brings an open Chromium profile's window to the front. */
  'sessions:focus': channel(
    z.object({ profileKey: Id }).strict(),
    z.object({ focused: z.boolean() }),
  ),
  /** The screens windows can be arranged on (none where the build cannot tell). */
  'sessions:displays': channel(
    Empty,
    z.object({
      displays: z.array(
        z.object({
          id: z.number(),
          label: z.string(),
          primary: z.boolean(),
          workArea: z.object({
            left: z.number(),
            top: z.number(),
            width: z.number(),
            height: z.number(),
          }),
        }),
      ),
    }),
  ),
  /** Tiles the windows of these profiles, in order, into a grid over an area of the screen. */
  'sessions:arrange': channel(
    z
      .object({
        profileKeys: z.array(Id).min(1).max(100),
        rows: z.number().int().min(1).max(10),
        columns: z.number().int().min(1).max(10),
        area: z
          .object({
            left: z.number().int().min(-100_000).max(100_000),
            top: z.number().int().min(-100_000).max(100_000),
            width: z.number().int().min(100).max(100_000),
            height: z.number().int().min(100).max(100_000),
          })
          .strict(),
        gap: z.number().int().min(0).max(200).default(0),
      })
      .strict(),
    z.object({
      arranged: z.array(z.string()),
      failed: z.array(WindowFailure),
      notPlaced: z.array(z.string()),
    }),
  ),
  /** Puts arranged windows back (all of them without keys). */
  'sessions:restore-bounds': channel(
    z.object({ profileKeys: z.array(Id).max(100).optional() }).strict(),
    z.object({
      restored: z.array(z.string()),
      failed: z.array(WindowFailure),
    }),
  ),
  'devtools:targets': channel(
    z.object({ profileKey: Id }).strict(),
    z.object({ address: z.string(), targets: z.array(DevtoolsTargetSchema) }),
  ),
  'devtools:open': channel(
    z.object({ profileKey: Id, targetId: Id }).strict(),
    z.object({ url: z.string(), devtoolsUrl: z.string().optional() }),
  ),

  'proxy:check': channel(z.object({ proxy: ProxyInputSchema }).strict(), ProxyCheckResultSchema),

  /** Custom automation scripts saved in the data dir. */
  'scripts:list': channel(Empty, z.array(ScriptSummarySchema)),
  'scripts:get': channel(z.object({ id: Id }).strict(), ScriptSchema),
  /** Without an id, a new script. */
  'scripts:save': channel(
    z.object({ id: Id.optional(), name: ScriptNameSchema, source: ScriptSourceSchema }).strict(),
    ScriptSchema,
  ),
  'scripts:delete': channel(z.object({ id: Id }).strict(), z.object({ deleted: z.boolean() })),
  /** The thumbnail an automation task kept for one profile of a job, as a data URL. */
  'automation:thumbnail': channel(
    z.object({ jobId: Id, key: Id }).strict(),
    z.object({ dataUrl: z.string() }),
  ),
} as const satisfies Record<Channel, { request: z.ZodType; response: z.ZodType }>;

export type Contract = typeof contract;
export type { Channel, EventName };
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<Contract[C]['response']>;

/** Push events from main to the renderer. */
export const events = {
  'jobs:event:progress': JobProgressSchema,
  /** Rows changed by a job or a status move: patch them in place, no full reload. */
  'profiles:event:changed': z.object({
    updated: z.array(ProfileSchema),
    removedKeys: z.array(z.string()),
    /** Connections whose list should be refetched whole (creates, copies). */
    refetchConnections: z.array(z.string()),
  }),
  /** A page of a listing in progress: the table fills page by page (see profiles:list). */
  'profiles:event:page': z.object({ connectionId: z.string(), profiles: z.array(ProfileSchema) }),
  'profiles:event:status': z.object({
    changes: z.array(
      z.object({ key: z.string(), status: ProfileStatusSchema, debugPort: z.number().optional() }),
    ),
  }),
  'connections:event:changed': z.object({ ids: z.array(z.string()) }),
} as const satisfies Record<EventName, z.ZodType>;
export type Events = typeof events;
export type EventOf<E extends EventName> = z.output<Events[E]>;
