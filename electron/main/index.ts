/**
 * Electron wiring only: lifecycle, windows, menu, IPC registration. Every behaviour lives
 * in createCore() (./core.ts), which runs and is tested without Electron.
 */
import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  nativeTheme,
  safeStorage,
  screen,
  session,
  utilityProcess,
} from 'electron';
import { createCore, type Core } from './core';
import {
  createAppUrlCheck,
  denyAllPermissions,
  createDevtoolsWindow,
  createMainWindow as newMainWindow,
  guardWebContents,
  rendererDevServerUrl,
  restrictSessionToOrigin,
} from './window';
import { createSenderCheck, registerAllChannels } from './ipc/handle';
import { createLogger } from './log';
import { createSafeStorageCipher } from './secrets/safe-storage-cipher';
import { loadWindowBounds, saveWindowBounds } from './window-state';
import { buildMenu } from './menu';
import { createQuitGuard } from './quit-guard';
import type { QuitQuestion } from './services/jobs/quit-question';
import { createUtilityLauncher } from './services/automation/utility-launcher';

const log = createLogger();
const rendererFile = join(__dirname, '../renderer/index.html');
const devServerUrl = rendererDevServerUrl(app.isPackaged, process.env);
const isAppUrl = createAppUrlCheck(rendererFile, devServerUrl);
const trustedContents = new Set<number>();
let mainWindow: BrowserWindow | null = null;
let core: Core | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // Anything that slips past a window's own guards (webviews, popups) is stopped here.
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  app.whenReady().then(start, (e) => log.error('app failed to start', e));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0 && core) createMainWindow();
  });
  app.on(
    'before-quit',
    createQuitGuard({
      question: () => core?.quitQuestion(),
      ask: askToQuit,
      stop: async () => core?.dispose(),
      quit: () => app.quit(),
      stayed: () => {
        if (BrowserWindow.getAllWindows().length === 0 && core) createMainWindow();
      },
    }),
  );
}

async function start(): Promise<void> {
  denyAllPermissions(session.defaultSession);
  const dataDir = app.getPath('userData');
  core = createCore({
    dataDir,
    cipher: createSafeStorageCipher(safeStorage),
    log,
    openWindow: openDevtoolsWindow,
    onLanguage: (language) =>
      Menu.setApplicationMenu(buildMenu(Menu, app.name, { packaged: app.isPackaged, language })),
    displays: () => {
      const primary = screen.getPrimaryDisplay().id;
      return screen.getAllDisplays().map((d, i) => ({
        id: d.id,
        label: d.label || `Display ${i + 1}`,
        primary: d.id === primary,
        workArea: {
          left: d.workArea.x,
          top: d.workArea.y,
          width: d.workArea.width,
          height: d.workArea.height,
        },
      }));
    },
    scripts: {
      launcher: createUtilityLauncher(utilityProcess),
      hostPath: join(__dirname, 'script-host.js'),
    },
    app: {
      name: 'BrowserDeck',
      version: app.getVersion(),
      platform: process.platform,
      electron: process.versions.electron ?? null,
    },
  });
  registerAllChannels(ipcMain, core.dispatch, createSenderCheck(trustedContents, isAppUrl), log);
  core.events.subscribe((event, payload) => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(event, payload);
  });
  // The window frame, native menus and dialogs follow the theme the renderer shows.
  const { settings } = core.services;
  settings.onChange(({ theme }) => (nativeTheme.themeSource = theme));
  void settings.get().then(({ theme }) => (nativeTheme.themeSource = theme));
  Menu.setApplicationMenu(buildMenu(Menu, app.name, { packaged: app.isPackaged }));
  createMainWindow();
}

function createMainWindow(): void {
  const dataDir = app.getPath('userData');
  const preload = join(__dirname, '../preload/index.cjs');
  const win = newMainWindow(BrowserWindow, preload, loadWindowBounds(dataDir));
  mainWindow = win;
  const id = win.webContents.id;
  trustedContents.add(id);
  guardWebContents(win.webContents, isAppUrl);
  win.once('ready-to-show', () => win.show());
  win.on('close', () => void saveWindowBounds(dataDir, win.getBounds()).catch(() => {}));
  win.on('closed', () => {
    trustedContents.delete(id);
    mainWindow = null;
  });
  void (devServerUrl ? win.loadURL(devServerUrl) : win.loadFile(rendererFile));
}

async function askToQuit(q: QuitQuestion): Promise<boolean> {
  const options = {
    type: 'warning' as const,
    message: q.message,
    detail: q.detail,
    buttons: [q.stay, q.quit],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
  const win = mainWindow && !mainWindow.isDestroyed() ? mainWindow : undefined;
  const { response } = await (win
    ? dialog.showMessageBox(win, options)
    : dialog.showMessageBox(options));
  return response === 1;
}

let devtoolsWindows = 0;
/** A DevTools frontend served by the debugged Chromium itself, in a window limited to it. */
async function openDevtoolsWindow(url: string, origin: string): Promise<void> {
  const hostPort = new URL(origin).host;
  const partition = `devtools-${++devtoolsWindows}`;
  restrictSessionToOrigin(session.fromPartition(partition), hostPort);
  const win = createDevtoolsWindow(BrowserWindow, partition);
  guardWebContents(win.webContents, (target) => {
    try {
      return new URL(target).host === hostPort;
    } catch {
      return false;
    }
  });
  await win.loadURL(url);
}
