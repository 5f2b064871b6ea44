/**
 * The windows of open Chromium profiles, across vendors, over each browser's own DevTools
 * endpoint: a small live image of the active page, bringing a window to the front, tiling
 * windows into a grid (Browser.getWindowForTarget / Browser.setWindowBounds) and putting
 * them back where they were. Vendors' own arrange calls cover only their own windows.
 *
 * A connection per profile is kept while it is used (Sessions asks for a thumbnail every
 * few seconds) and dropped after IDLE_MS, or at once when the browser goes away.
 */
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { DeckError } from '../../../../shared/ipc/result';
import type { Session } from '../../../../shared/model';
import type { HandlerGroup } from '../../ipc/handle';
import { activePage } from './active-page';
import { cdpEndpoint } from './cdp-endpoint';
import { captureThumbnailBase64 } from './page-thumbnail';

const IDLE_MS = 30_000;
const CONNECT_TIMEOUT_MS = 10_000;
/**
 * Thumbnails are taken this wide: Sessions shows them 96 CSS pixels wide, so this is sharp on
 * a screen of twice the density, and 20 of them are a few KB each.
 */
const THUMB_WIDTH = 192;

export interface Bounds {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** A screen, as the app's window manager reports it; `workArea` leaves out task bars. */
export interface Display {
  id: number;
  label: string;
  primary: boolean;
  workArea: Bounds;
}

export interface GridRequest {
  profileKeys: string[];
  rows: number;
  columns: number;
  /** The area to tile, in screen pixels (a display's work area). */
  area: Bounds;
  gap: number;
}

export interface SessionWindowsDeps {
  sessionFor(profileKey: string): Promise<Session>;
  connect?: (endpoint: string, timeoutMs: number) => Promise<Browser>;
  clock?: () => number;
}

/** The cell each window goes to, row by row; windows past rows×columns are not placed. */
export function gridBounds({
  rows,
  columns,
  area,
  gap,
}: Omit<GridRequest, 'profileKeys'>): Bounds[] {
  const width = Math.floor((area.width - gap * (columns - 1)) / columns);
  const height = Math.floor((area.height - gap * (rows - 1)) / rows);
  if (width < 100 || height < 100)
    throw DeckError.of(
      'invalid-input',
      `Each window would be ${width}×${height}: make the area larger or the grid smaller`,
      { reason: 'windows.too-small', params: { width, height } },
    );
  const cells: Bounds[] = [];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < columns; c++)
      cells.push({
        left: area.left + c * (width + gap),
        top: area.top + r * (height + gap),
        width,
        height,
      });
  return cells;
}

const failure = (profileKey: string, e: unknown) =>
  e instanceof DeckError
    ? { profileKey, code: e.code, message: e.message }
    : {
        profileKey,
        code: 'internal' as const,
        message: e instanceof Error ? e.message : String(e),
      };

export function createSessionWindows(deps: SessionWindowsDeps) {
  const connect =
    deps.connect ?? ((endpoint, timeout) => chromium.connectOverCDP(endpoint, { timeout }));
  const clock = deps.clock ?? Date.now;
  const open = new Map<string, { browser: Promise<Browser>; usedAt: number }>();
  /** Where each arranged window was before, to restore on request. */
  const previous = new Map<string, Bounds>();

  const drop = (key: string) => {
    const held = open.get(key);
    open.delete(key);
    void held?.browser.then((b) => b.close()).catch(() => undefined);
  };
  const sweep = setInterval(() => {
    for (const [key, held] of open) if (clock() - held.usedAt > IDLE_MS) drop(key);
  }, IDLE_MS);
  sweep.unref?.();

  async function browserOf(profileKey: string): Promise<Browser> {
    const held = open.get(profileKey);
    if (held) {
      held.usedAt = clock();
      const browser = await held.browser.catch(() => undefined);
      if (browser?.isConnected()) return browser;
      open.delete(profileKey);
    }
    const endpoint = cdpEndpoint(await deps.sessionFor(profileKey));
    const browser = connect(endpoint, CONNECT_TIMEOUT_MS);
    open.set(profileKey, { browser, usedAt: clock() });
    try {
      const b = await browser;
      b.on('disconnected', () => {
        if (open.get(profileKey)?.browser === browser) open.delete(profileKey);
      });
      return b;
    } catch (e) {
      open.delete(profileKey);
      throw e;
    }
  }

  /**
   * One DevTools session per page for its thumbnails, kept while the page lives: Sessions
   * asks every few seconds for each open profile, and attaching and detaching each time
   * doubled main's DevTools round trips per image.
   */
  const thumbnailSessions = new WeakMap<Page, Promise<CDPSession>>();
  function thumbnailSessionOf(page: Page): Promise<CDPSession> {
    let cdp = thumbnailSessions.get(page);
    if (!cdp) {
      cdp = page.context().newCDPSession(page);
      thumbnailSessions.set(page, cdp);
      cdp.catch(() => thumbnailSessions.delete(page));
      page.once('close', () => thumbnailSessions.delete(page));
    }
    return cdp;
  }

  async function pageOf(profileKey: string): Promise<Page> {
    const browser = await browserOf(profileKey);
    const context = browser.contexts()[0];
    if (!context)
      throw DeckError.of('not-found', 'This browser has no window', { reason: 'windows.none' });
    return activePage(context);
  }

  /** The window id of the profile's active page, and a browser-level DevTools session. */
  async function windowOf(profileKey: string) {
    const page = await pageOf(profileKey);
    const pageCdp = await page.context().newCDPSession(page);
    const { targetInfo } = await pageCdp.send('Target.getTargetInfo');
    await pageCdp.detach().catch(() => undefined);
    const cdp = await page.context().browser()!.newBrowserCDPSession();
    const { windowId } = await cdp.send('Browser.getWindowForTarget', {
      targetId: targetInfo.targetId,
    });
    return { cdp, windowId };
  }

  async function placeWindow(profileKey: string, bounds: Bounds, remember: boolean) {
    const { cdp, windowId } = await windowOf(profileKey);
    try {
      if (remember && !previous.has(profileKey)) {
        const { bounds: was } = await cdp.send('Browser.getWindowBounds', { windowId });
        if (was.windowState === 'normal')
          previous.set(profileKey, {
            left: was.left ?? 0,
            top: was.top ?? 0,
            width: was.width ?? 800,
            height: was.height ?? 600,
          });
      }
      // A maximized or minimized window takes no bounds until it is normal again.
      await cdp.send('Browser.setWindowBounds', { windowId, bounds: { windowState: 'normal' } });
      await cdp.send('Browser.setWindowBounds', { windowId, bounds });
    } finally {
      await cdp.detach().catch(() => undefined);
    }
  }

  const settle = async <T>(keys: string[], each: (key: string, i: number) => Promise<T>) => {
    const results = await Promise.allSettled(keys.map(each));
    return {
      done: keys.filter((_, i) => results[i]!.status === 'fulfilled'),
      failed: keys.flatMap((profileKey, i) => {
        const r = results[i]!;
        return r.status === 'rejected' ? [failure(profileKey, r.reason)] : [];
      }),
    };
  };

  return {
    /** A JPEG data URL of the profile's active page, THUMB_WIDTH wide. */
    async thumbnail(profileKey: string): Promise<string> {
      const page = await pageOf(profileKey);
      const cdp = thumbnailSessionOf(page);
      let image: string | undefined;
      try {
        image = await captureThumbnailBase64(await cdp, { width: THUMB_WIDTH, quality: 50 });
      } catch (e) {
        // A session that failed is not asked again: the next refresh attaches anew.
        if (thumbnailSessions.get(page) === cdp) thumbnailSessions.delete(page);
        throw e;
      }
      if (!image)
        throw DeckError.of('not-found', 'The page shows nothing to take', {
          reason: 'windows.blank',
        });
      return `data:image/jpeg;base64,${image}`;
    },

    /** Brings the profile's window (and its active tab) to the front. */
    async focus(profileKey: string): Promise<void> {
      const { cdp, windowId } = await windowOf(profileKey);
      try {
        const { bounds } = await cdp.send('Browser.getWindowBounds', { windowId });
        if (bounds.windowState === 'minimized')
          await cdp.send('Browser.setWindowBounds', {
            windowId,
            bounds: { windowState: 'normal' },
          });
      } finally {
        await cdp.detach().catch(() => undefined);
      }
      await (await pageOf(profileKey)).bringToFront();
    },

    async arrange(request: GridRequest) {
      const cells = gridBounds(request);
      const keys = request.profileKeys.slice(0, cells.length);
      const placed = await settle(keys, (key, i) => placeWindow(key, cells[i]!, true));
      return {
        arranged: placed.done,
        failed: placed.failed,
        notPlaced: request.profileKeys.slice(cells.length),
      };
    },

    /** Puts arranged windows back where they were before the first arrange. */
    async restore(profileKeys?: string[]) {
      const keys = profileKeys ?? [...previous.keys()];
      const put = await settle(keys, (key) => {
        const was = previous.get(key);
        if (!was)
          throw DeckError.of(
            'not-found',
            'BrowserDeck has not arranged this window, or restored it',
            { reason: 'windows.not-arranged' },
          );
        return placeWindow(key, was, false);
      });
      for (const key of put.done) previous.delete(key);
      return { restored: put.done, failed: put.failed };
    },

    async dispose() {
      clearInterval(sweep);
      for (const key of [...open.keys()]) drop(key);
    },
  };
}
export type SessionWindows = ReturnType<typeof createSessionWindows>;

export const sessionWindowsHandlers = (
  windows: SessionWindows,
  displays: () => Display[] = () => [],
): HandlerGroup<
  | 'sessions:thumbnail'
  | 'sessions:focus'
  | 'sessions:arrange'
  | 'sessions:restore-bounds'
  | 'sessions:displays'
> => ({
  'sessions:displays': async () => ({ displays: displays() }),
  'sessions:thumbnail': async ({ profileKey }) => ({
    dataUrl: await windows.thumbnail(profileKey),
  }),
  'sessions:focus': async ({ profileKey }) => {
    await windows.focus(profileKey);
    return { focused: true };
  },
  'sessions:arrange': (request) => windows.arrange(request),
  'sessions:restore-bounds': ({ profileKeys }) => windows.restore(profileKeys),
});
