/**
 * One shared fake of the `electron` module for wiring tests (the binary cannot run here).
 * It records what main asked of Electron so tests can check options and handlers.
 */
import { vi } from 'vitest';

type Handler = (...args: unknown[]) => unknown;

export class FakeWebContents {
  static nextId = 1;
  id = FakeWebContents.nextId++;
  listeners = new Map<string, Handler[]>();
  windowOpenHandler: Handler | undefined;
  sent: Array<[string, unknown]> = [];
  on(event: string, fn: Handler) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]);
    return this;
  }
  setWindowOpenHandler(fn: Handler) {
    this.windowOpenHandler = fn;
  }
  send(channel: string, payload: unknown) {
    this.sent.push([channel, payload]);
  }
  /** Fires an event with a preventable event object; returns whether it was prevented. */
  fire(event: string, ...args: unknown[]): boolean {
    let prevented = false;
    const e = { preventDefault: () => (prevented = true) };
    for (const fn of this.listeners.get(event) ?? []) fn(e, ...args);
    return prevented;
  }
}

export class FakeSession {
  permissionRequest: Handler | undefined;
  permissionCheck: Handler | undefined;
  beforeRequest: Handler | undefined;
  setPermissionRequestHandler(fn: Handler) {
    this.permissionRequest = fn;
  }
  setPermissionCheckHandler(fn: Handler) {
    this.permissionCheck = fn;
  }
  beforeSendHeaders: { filter: { urls: string[] }; fn: Handler } | undefined;
  webRequest = {
    onBeforeRequest: (fn: Handler) => (this.beforeRequest = fn),
    onBeforeSendHeaders: (filter: { urls: string[] }, fn: Handler) =>
      (this.beforeSendHeaders = { filter, fn }),
  };
}

export const state = {
  windows: [] as FakeBrowserWindow[],
  ipcHandlers: new Map<string, Handler>(),
  appListeners: new Map<string, Handler[]>(),
  partitions: new Map<string, FakeSession>(),
  defaultSession: new FakeSession(),
  menu: undefined as unknown,
  readyResolve: undefined as undefined | (() => void),
};

export class FakeBrowserWindow {
  webContents = new FakeWebContents();
  loaded: string | undefined;
  constructor(public options: Record<string, unknown>) {
    state.windows.push(this);
  }
  static getAllWindows = () => state.windows;
  once() {}
  on() {}
  show() {}
  isDestroyed = () => false;
  isMinimized = () => false;
  getBounds = () => ({ x: 0, y: 0, width: 1400, height: 880 });
  loadFile = async (f: string) => void (this.loaded = `file://${f}`);
  loadURL = async (u: string) => void (this.loaded = u);
}

const ready = new Promise<void>((r) => (state.readyResolve = r));

export const electronMock = {
  nativeTheme: { themeSource: 'system' as string },
  app: {
    requestSingleInstanceLock: vi.fn(() => true),
    on: (event: string, fn: Handler) =>
      state.appListeners.set(event, [...(state.appListeners.get(event) ?? []), fn]),
    whenReady: () => ready,
    getPath: () => '/tmp/browserdeck-wiring-test',
    getVersion: () => '0.0.0-test',
    isPackaged: false,
    quit: vi.fn(),
    name: 'BrowserDeck',
  },
  BrowserWindow: FakeBrowserWindow,
  ipcMain: { handle: (channel: string, fn: Handler) => state.ipcHandlers.set(channel, fn) },
  Menu: {
    buildFromTemplate: (t: unknown) => t,
    setApplicationMenu: (m: unknown) => (state.menu = m),
  },
  safeStorage: {
    isAsyncEncryptionAvailable: async () => true,
    getSelectedStorageBackend: () => 'gnome_libsecret',
    encryptStringAsync: async (s: string) => Buffer.from(`enc:${s}`),
    decryptStringAsync: async (b: Buffer) => ({
      result: b.toString().slice(4),
      shouldReEncrypt: false,
    }),
  },
  session: {
    get defaultSession() {
      return state.defaultSession;
    },
    fromPartition: (p: string) => {
      const s = state.partitions.get(p) ?? new FakeSession();
      state.partitions.set(p, s);
      return s;
    },
  },
  shell: { openExternal: vi.fn() },
  /** Custom automation scripts' processes; the wiring tests start none. */
  utilityProcess: { fork: vi.fn() },
  screen: {
    getPrimaryDisplay: vi.fn(() => ({ id: 1 })),
    getAllDisplays: vi.fn(() => [
      { id: 1, label: '', workArea: { x: 0, y: 0, width: 1920, height: 1040 } },
    ]),
  },
  /** Answers "Keep running" (button 0) unless a test says otherwise. */
  dialog: { showMessageBox: vi.fn(async () => ({ response: 0 })) },
};
