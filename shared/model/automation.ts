/**
 * Automation: what a run does in each profile (a built-in task or a saved script), what it
 * gives back per profile, and how much of that BrowserDeck keeps. The caps are here because
 * both sides rely on them: main cuts what a script or a page sends back to these sizes, and
 * the contract refuses anything larger, so no profile's result can grow a job without bound.
 */
import { z } from 'zod';
import { schemaMessage } from '../ipc/error-reasons';
import { parseCookieText } from '../automation/cookie-text';
import { httpUrlSchema } from './http-url';

/** A result is kept as JSON text of at most this many characters (the rest is cut, marked). */
export const RESULT_MAX_CHARS = 16_384;
/** Log lines kept per profile, and characters per line; later lines are counted, not kept. */
export const LOG_MAX_LINES = 50;
export const LOG_LINE_MAX_CHARS = 500;
/** A thumbnail file larger than this is not kept (a low-resolution JPEG is a few KB). */
export const THUMBNAIL_MAX_BYTES = 64 * 1024;
/** A saved script's source. */
export const SCRIPT_MAX_CHARS = 200_000;
/** Pasted cookies (JSON or cookies.txt). */
export const COOKIE_TEXT_MAX_CHARS = 2_000_000;

/** What the cookies of an import are replaced with in a job's journal: cookies are credentials. */
export const WITHHELD_COOKIES = '(withheld)';

const WebUrl = httpUrlSchema(2048, 'https://example.com');

/** A cookie domain: letters, digits, dots and dashes, as in "example.com" or ".example.com". */
const CookieDomain = z
  .string()
  .min(1)
  .max(253)
  .regex(
    /^\.?[a-z0-9-]+(\.[a-z0-9-]+)*$/i,
    schemaMessage('invalid.domain', 'must be a domain such as example.com'),
  );

export const AutomationTaskSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('open-urls'), urls: z.array(WebUrl).min(1).max(20) }),
  z.object({ type: z.literal('screenshot') }),
  z.object({ type: z.literal('exit-ip') }),
  z.object({ type: z.literal('tabs') }),
  z.object({ type: z.literal('export-cookies'), domain: CookieDomain.optional() }),
  z.object({
    type: z.literal('import-cookies'),
    cookies: z
      .string()
      .min(1)
      .max(COOKIE_TEXT_MAX_CHARS)
      .superRefine((text, ctx) => {
        const parsed = parseCookieText(text);
        if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
      }),
  }),
  z.object({
    type: z.literal('script'),
    scriptId: z.string().min(1).max(100),
    /** The script's name when the run started: the job's label only. */
    name: z.string().max(100).optional(),
  }),
]);
export type AutomationTask = z.infer<typeof AutomationTaskSchema>;
export type AutomationTaskType = AutomationTask['type'];

/** What each task is called, in the run dialog and in a job's label. */
export const AUTOMATION_TASK_LABEL: Record<AutomationTaskType, string> = {
  'open-urls': 'Open URLs',
  screenshot: 'Screenshot',
  'exit-ip': 'Check exit IP',
  tabs: 'Read tabs',
  'export-cookies': 'Export cookies',
  'import-cookies': 'Import cookies',
  script: 'Script',
};

export const AUTOMATION_DEFAULTS = {
  concurrency: 3,
  timeoutMs: 60_000,
} as const;

/**
 * What one profile's run gave back. `result` is the returned value as JSON text (cut to
 * RESULT_MAX_CHARS, `resultTruncated` then says how long it was); `file` is where a task
 * wrote what it made (a screenshot, exported cookies); `thumbnail` says one is kept for
 * `automation:thumbnail`.
 */
export const JobItemOutputSchema = z.object({
  durationMs: z.number().int().min(0),
  result: z.string().max(RESULT_MAX_CHARS).optional(),
  /** The length of the whole result, when it was cut. */
  resultTruncated: z.number().int().optional(),
  logs: z
    .array(z.string().max(LOG_LINE_MAX_CHARS))
    .max(LOG_MAX_LINES + 1)
    .optional(),
  thumbnail: z.boolean().optional(),
  file: z.string().max(4096).optional(),
});
export type JobItemOutput = z.infer<typeof JobItemOutputSchema>;

export const ScriptNameSchema = z.string().trim().min(1).max(100);
export const ScriptSourceSchema = z.string().max(SCRIPT_MAX_CHARS);

export const ScriptSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  updatedAt: z.number(),
  size: z.number(),
});
export type ScriptSummary = z.infer<typeof ScriptSummarySchema>;
export const ScriptSchema = ScriptSummarySchema.extend({ source: z.string() });
export type Script = z.infer<typeof ScriptSchema>;

/** What a new script starts as: the contract every script follows, with a working example. */
export const SCRIPT_TEMPLATE = `// Runs in each selected profile. Return anything JSON can hold.
// page: the active tab; context, browser: Playwright objects; profile: name, key, tags…
// log(...): a line in this profile's result in Activity.
export default async ({ page, profile, log }) => {
  log('running in', profile.name);
  return { title: await page.title(), url: page.url() };
};
`;
