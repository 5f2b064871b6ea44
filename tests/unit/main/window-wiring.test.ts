import { beforeAll, describe, expect, it, vi } from 'vitest';
import { electronMock, state, FakeWebContents } from '../mocks/electron';
import { contract } from '../../../shared/ipc/contract';
import {
  createDevtoolsWindow,
  createMainWindow,
  guardWebContents,
  isSameHostPort,
} from '../../../electron/main/window';
import { FakeBrowserWindow } from '../mocks/electron';

vi.mock('electron', () => ({ ...electronMock, default: electronMock }));

describe('Electron wiring (mocked electron)', () => {
  beforeAll(async () => {
    await import('../../../electron/main/index');
    state.readyResolve!();
    await vi.waitFor(() => expect(state.windows.length).toBe(1));
  });

  it('takes the single-instance lock', () => {
    expect(electronMock.app.requestSingleInstanceLock).toHaveBeenCalled();
  });

  it('registers every contract channel, with the sender check on', async () => {
    expect([...state.ipcHandlers.keys()].sort()).toEqual(Object.keys(contract).sort());
    const handler = state.ipcHandlers.get('app:info')!;
    const win = state.windows[0]!;
    const foreign = await handler({ sender: { id: 999 }, senderFrame: { url: win.loaded } }, {});
    expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const own = await handler(
      { sender: { id: win.webContents.id }, senderFrame: { url: win.loaded, parent: null } },
      {},
    );
    expect(own).toMatchObject({ ok: true, data: { name: 'BrowserDeck' } });
  });

  it('locks the main window down', () => {
    const opts = state.windows[0]!.options as { webPreferences: Record<string, unknown> };
    expect(opts.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(String(opts.webPreferences['preload'])).toMatch(/preload[/\\]index\.cjs$/);
    const wc = state.windows[0]!.webContents;
    expect(wc.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    expect(wc.fire('will-navigate', 'https://example.com/')).toBe(true);
    expect(wc.fire('will-navigate', state.windows[0]!.loaded)).toBe(false);
    expect(wc.fire('will-attach-webview')).toBe(true);
  });

  it('denies every permission request', () => {
    const cb = vi.fn();
    state.defaultSession.permissionRequest?.({}, 'media', cb);
    expect(cb).toHaveBeenCalledWith(false);
    expect(state.defaultSession.permissionCheck?.()).toBe(false);
  });

  it('quits without asking when no job runs, after stopping core', async () => {
    const [beforeQuit] = state.appListeners.get('before-quit') ?? [];
    let prevented = false;
    beforeQuit!({ preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    await vi.waitFor(() => expect(electronMock.app.quit).toHaveBeenCalled());
    expect(electronMock.dialog.showMessageBox).not.toHaveBeenCalled();
    // The quit that follows goes through.
    let again = false;
    beforeQuit!({ preventDefault: () => (again = true) });
    expect(again).toBe(false);
  });

  it('blocks new windows from any web contents the app creates later', () => {
    const wc = new FakeWebContents();
    for (const fn of state.appListeners.get('web-contents-created') ?? []) fn({}, wc);
    expect(wc.windowOpenHandler?.({ url: 'https://x' })).toEqual({ action: 'deny' });
  });
});

describe('window options', () => {
  it('DevTools windows are sandboxed, have no preload, and reach only their origin', () => {
    const win = createDevtoolsWindow(FakeBrowserWindow as never, 'devtools-1');
    const prefs = (win as unknown as FakeBrowserWindow).options['webPreferences'];
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      partition: 'devtools-1',
      disableBlinkFeatures: 'Auxclick',
    });
    expect((prefs as Record<string, unknown>)['preload']).toBeUndefined();
    expect(isSameHostPort('http://127.0.0.1:9222/devtools/inspector.html', '127.0.0.1:9222')).toBe(
      true,
    );
    expect(isSameHostPort('ws://127.0.0.1:9222/devtools/page/X', '127.0.0.1:9222')).toBe(true);
    expect(isSameHostPort('http://127.0.0.1:9223/', '127.0.0.1:9222')).toBe(false);
    expect(isSameHostPort('https://evil.example/', '127.0.0.1:9222')).toBe(false);
    expect(isSameHostPort('file:///etc/passwd', '127.0.0.1:9222')).toBe(false);
  });

  it('guardWebContents lets only allowed URLs navigate', () => {
    const wc = new FakeWebContents();
    guardWebContents(wc as never, (u) => u.startsWith('http://127.0.0.1:9222/'));
    expect(wc.fire('will-navigate', 'http://127.0.0.1:9222/devtools/inspector.html')).toBe(false);
    expect(wc.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(wc.fire('will-redirect', 'https://evil.example/')).toBe(true);
  });

  it('main window remembers bounds', () => {
    const win = createMainWindow(FakeBrowserWindow as never, '/p.cjs', {
      x: 10,
      y: 20,
      width: 1000,
      height: 700,
    });
    expect((win as unknown as FakeBrowserWindow).options).toMatchObject({
      x: 10,
      y: 20,
      width: 1000,
      height: 700,
    });
  });

  it('the window follows the theme setting as soon as it is saved', async () => {
    const update = state.ipcHandlers.get('settings:update')!;
    const win = state.windows[0]!;
    const sender = {
      sender: { id: win.webContents.id },
      senderFrame: { url: win.loaded, parent: null },
    };
    expect(await update(sender, { theme: 'dark' })).toMatchObject({ ok: true });
    expect(electronMock.nativeTheme.themeSource).toBe('dark');
    await update(sender, { theme: 'system' });
    expect(electronMock.nativeTheme.themeSource).toBe('system');
  });
});
