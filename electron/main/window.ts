/**
 * Window options and guards. Kept apart from index.ts so a unit test with a mocked
 * `electron` can check every security option without the Electron binary.
 */
import type {
  BrowserWindow as BrowserWindowType,
  BrowserWindowConstructorOptions,
  Session,
  WebContents,
} from 'electron';

type BrowserWindowClass = typeof BrowserWindowType;

/*
 * Windows are constructed here with their webPreferences written out at the
 * `new BrowserWindow(...)` call, so static checkers (Electronegativity) see them too.
 */
export function createMainWindow(
  BrowserWindow: BrowserWindowClass,
  preloadPath: string,
  bounds?: Partial<Bounds>,
): BrowserWindowType {
  return new BrowserWindow({
    ...mainWindowFrame(bounds),
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // Middle-click must not open links in new windows.
      disableBlinkFeatures: 'Auxclick',
    },
  });
}

/** A DevTools window: sandboxed, no preload, its own partition limited to one origin. */
export function createDevtoolsWindow(
  BrowserWindow: BrowserWindowClass,
  partition: string,
): BrowserWindowType {
  return new BrowserWindow({
    width: 1200,
    height: 800,
    title: 'DevTools — BrowserDeck',
    autoHideMenuBar: true,
    webPreferences: {
      partition,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
}

function mainWindowFrame(bounds?: Partial<Bounds>): BrowserWindowConstructorOptions {
  return {
    width: bounds?.width ?? 1400,
    height: bounds?.height ?? 880,
    ...(bounds?.x !== undefined && bounds?.y !== undefined ? { x: bounds.x, y: bounds.y } : {}),
    minWidth: 900,
    minHeight: 560,
    show: false,
    title: 'BrowserDeck',
    backgroundColor: '#0b0d12',
  };
}

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Blocks navigation away from allowed URLs, all new windows and webviews. */
export function guardWebContents(
  contents: WebContents,
  isAllowedUrl: (url: string) => boolean,
): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** No permission prompt is ever granted: BrowserDeck needs none. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/**
 * Requests from a DevTools partition may reach only the debugged browser's origin. Its
 * DevTools socket goes without an Origin header: Chromium 111 and later refuse (403) a
 * debugging socket whose Origin is not in `--remote-allow-origins`, and vendors' kernels
 * are not started with ours in it (tools such as Playwright send none). Only this window's
 * socket to that host:port loses it; the window can reach nothing else anyway.
 */
export function restrictSessionToOrigin(session: Session, hostPort: string): void {
  denyAllPermissions(session);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isSameHostPort(details.url, hostPort) });
  });
  session.webRequest.onBeforeSendHeaders(
    { urls: [`ws://${hostPort}/devtools/*`] },
    (details, callback) => callback({ requestHeaders: withoutOrigin(details.requestHeaders) }),
  );
}

/** The headers without Origin, however it is spelt. */
export function withoutOrigin(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([k]) => k.toLowerCase() !== 'origin'));
}

export function isSameHostPort(url: string, hostPort: string): boolean {
  try {
    const u = new URL(url);
    if (u.protocol === 'devtools:') return true; // the frontend's own bundled resources
    if (!['http:', 'https:', 'ws:', 'wss:'].includes(u.protocol)) return false;
    return u.host === hostPort;
  } catch {
    return false;
  }
}

/**
 * The dev server the renderer loads from in development (electron-vite sets
 * ELECTRON_RENDERER_URL for `npm run dev`). A packaged app never honours it: whoever can set
 * the environment of the user's app would otherwise give it their own page, with the
 * preload's whole API.
 */
export function rendererDevServerUrl(
  isPackaged: boolean,
  env: Record<string, string | undefined>,
): string | undefined {
  const value = env['ELECTRON_RENDERER_URL'];
  if (isPackaged || !value) return undefined;
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The app's own page: the built index.html (file://) or the dev server in development. */
export function createAppUrlCheck(rendererFile: string, devServerUrl?: string) {
  const fileUrl = new URL(
    `file://${rendererFile.startsWith('/') ? '' : '/'}${rendererFile.replaceAll('\\', '/')}`,
  );
  const devOrigin = devServerUrl ? new URL(devServerUrl).origin : undefined;
  return (url: string): boolean => {
    try {
      const u = new URL(url);
      if (devOrigin && u.origin === devOrigin) return true;
      return u.protocol === 'file:' && u.pathname === fileUrl.pathname;
    } catch {
      return false;
    }
  };
}
