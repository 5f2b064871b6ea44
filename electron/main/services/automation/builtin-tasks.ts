/**
 * The built-in tasks, run in main over a Playwright connection to the profile's browser.
 * They are BrowserDeck's own code, so they run here; what a page gives back (titles, URLs,
 * echo answers) is still cut to size before it reaches a job item.
 */
import type { Browser, Cookie } from 'playwright-core';
import { DeckError } from '../../../../shared/ipc/result';
import type { AutomationTask } from '../../../../shared/model/automation';
import {
  parseCookieText,
  toExtensionCookies,
  type DeckCookie,
} from '../../../../shared/automation/cookie-text';
import { exitIpOf } from '../proxy-check';
import { activePage } from './active-page';
import type { JobFiles } from './job-files';
import { captureThumbnail } from './page-thumbnail';

export type BuiltinTask = Exclude<AutomationTask, { type: 'script' }>;

export interface BuiltinContext {
  browser: Browser;
  jobId: string;
  profileKey: string;
  timeoutMs: number;
  files: JobFiles;
  /** The IP-echo page of the proxy check (settings). */
  ipEchoUrl: string;
  log(line: string): void;
}

export interface TaskProduct {
  value: unknown;
  thumbnail?: boolean;
  file?: string;
}

/** Page strings (titles, URLs) are the page's to choose: kept to this length. */
const TEXT_MAX = 2048;
const TABS_MAX = 100;
const cut = (s: string) => (s.length > TEXT_MAX ? `${s.slice(0, TEXT_MAX - 1)}…` : s);

export async function runBuiltin(task: BuiltinTask, ctx: BuiltinContext): Promise<TaskProduct> {
  const context = ctx.browser.contexts()[0];
  if (!context)
    throw DeckError.of('unsupported', 'The browser has no default context to work in', {
      reason: 'automation.no-context',
    });
  // The runner's own timer ends the task with a clear reason; Playwright's comes later.
  context.setDefaultTimeout(ctx.timeoutMs + 1000);
  switch (task.type) {
    case 'screenshot': {
      const page = await activePage(context);
      const png = await page.screenshot({ type: 'png' });
      const file = await ctx.files.write(ctx.jobId, ctx.profileKey, 'screenshot.png', png);
      const thumb = await captureThumbnail(await context.newCDPSession(page)).catch(
        () => undefined,
      );
      if (thumb) await ctx.files.write(ctx.jobId, ctx.profileKey, 'thumbnail.jpg', thumb);
      ctx.log(`saved ${png.length.toLocaleString('en')} bytes`);
      return {
        value: { url: cut(page.url()), title: cut(await page.title()), file },
        file,
        thumbnail: Boolean(thumb),
      };
    }
    case 'tabs': {
      const pages = ctx.browser.contexts().flatMap((c) => c.pages());
      if (pages.length > TABS_MAX) ctx.log(`${pages.length} tabs: the first ${TABS_MAX} are read`);
      const tabs = [];
      for (const page of pages.slice(0, TABS_MAX))
        tabs.push({ title: cut(await page.title()), url: cut(page.url()) });
      return { value: tabs };
    }
    case 'open-urls': {
      const opened = [];
      let failed = 0;
      for (const url of task.urls) {
        const page = await context.newPage();
        try {
          const response = await page.goto(url, { waitUntil: 'domcontentloaded' });
          opened.push({ url, status: response?.status() ?? null, title: cut(await page.title()) });
        } catch (e) {
          failed++;
          const reason = cut((e as Error).message.split('\n')[0] ?? '');
          ctx.log(`${url}: ${reason}`);
          opened.push({ url, error: reason });
        }
      }
      if (failed)
        throw new TaskError(
          DeckError.of('unreachable', `${failed} of ${task.urls.length} URLs did not load`, {
            reason: 'automation.urls-failed',
            params: { failed, total: task.urls.length },
          }),
          { value: opened },
        );
      return { value: opened };
    }
    case 'exit-ip': {
      const page = await context.newPage();
      try {
        const response = await page.goto(ctx.ipEchoUrl, { waitUntil: 'domcontentloaded' });
        const body = response ? (await response.text()).slice(0, 64 * 1024) : '';
        const ip = exitIpOf(body);
        if (!ip)
          throw DeckError.of(
            'vendor-error',
            `The IP-echo page ${new URL(ctx.ipEchoUrl).host} answered without an IP address`,
            { reason: 'automation.no-ip', params: { host: new URL(ctx.ipEchoUrl).host } },
          );
        const country = countryOf(body);
        if (!country) ctx.log('the IP-echo page gives no country');
        return { value: { ip, country: country ?? null, echo: new URL(ctx.ipEchoUrl).host } };
      } finally {
        await page.close().catch(() => undefined);
      }
    }
    case 'export-cookies': {
      const all = await context.cookies();
      const cookies = (task.domain ? all.filter(onDomain(task.domain)) : all).map(fromPlaywright);
      const file = await ctx.files.write(
        ctx.jobId,
        ctx.profileKey,
        'cookies.json',
        `${JSON.stringify(toExtensionCookies(cookies), null, 2)}\n`,
      );
      return { value: { count: cookies.length, file }, file };
    }
    case 'import-cookies': {
      const parsed = parseCookieText(task.cookies);
      if (!parsed.ok)
        throw DeckError.of('invalid-input', parsed.message, {
          reason: 'automation.cookies-invalid',
          params: { problem: parsed.message },
        });
      await context.addCookies(parsed.cookies.map(toPlaywright));
      return { value: { imported: parsed.cookies.length, format: parsed.format } };
    }
  }
}

/** A failure that still has something to show (which URLs loaded). */
export class TaskError extends Error {
  constructor(
    readonly error: DeckError,
    readonly product: TaskProduct,
  ) {
    super(error.message);
  }
}

/** `country`, `countryCode` or `country_code` of a JSON echo (ipinfo, ip-api, ipapi…). */
export function countryOf(body: string): string | undefined {
  try {
    const json: unknown = JSON.parse(body);
    if (!json || typeof json !== 'object') return undefined;
    const o = json as Record<string, unknown>;
    const value = [o['country_code'], o['countryCode'], o['country']].find(
      (v) => typeof v === 'string' && v.length > 0 && v.length <= 64,
    );
    return value as string | undefined;
  } catch {
    return undefined;
  }
}

/** The cookie is sent to `domain` or one of its subdomains. */
const onDomain = (domain: string) => {
  const bare = domain.replace(/^\./, '').toLowerCase();
  return (c: Cookie) => {
    const d = c.domain.replace(/^\./, '').toLowerCase();
    return d === bare || d.endsWith(`.${bare}`);
  };
};

const fromPlaywright = (c: Cookie): DeckCookie => ({
  name: c.name,
  value: c.value,
  domain: c.domain,
  path: c.path,
  expires: c.expires,
  httpOnly: c.httpOnly,
  secure: c.secure,
  sameSite: c.sameSite,
  hostOnly: !c.domain.startsWith('.'),
});

function toPlaywright(c: DeckCookie) {
  return {
    name: c.name,
    value: c.value,
    domain: c.domain,
    path: c.path,
    expires: c.expires,
    httpOnly: c.httpOnly,
    secure: c.secure,
    // Chromium drops a SameSite=None cookie that is not Secure; Lax is what it would apply.
    sameSite: c.sameSite === 'None' && !c.secure ? ('Lax' as const) : c.sameSite,
  };
}
