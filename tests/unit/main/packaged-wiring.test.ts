/**
 * A packaged app (mocked electron, app.isPackaged) with ELECTRON_RENDERER_URL set in its
 * environment: it loads its own files, never the URL, and its menu has no DevTools.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { rendererDevServerUrl } from '../../../electron/main/window';
import { electronMock, state } from '../mocks/electron';

vi.mock('electron', () => ({ ...electronMock, default: electronMock }));

const FOREIGN = 'http://127.0.0.1:5999/';

describe('a packaged app', () => {
  beforeAll(async () => {
    electronMock.app.isPackaged = true;
    vi.stubEnv('ELECTRON_RENDERER_URL', FOREIGN);
    await import('../../../electron/main/index');
    state.readyResolve!();
    await vi.waitFor(() => expect(state.windows.length).toBe(1));
  });
  afterAll(() => vi.unstubAllEnvs());

  it('ignores ELECTRON_RENDERER_URL: loads its own page and may not navigate to the URL', () => {
    const win = state.windows[0]!;
    expect(win.loaded).toMatch(/^file:\/\/.*renderer[/\\]index\.html$/);
    expect(win.webContents.fire('will-navigate', FOREIGN)).toBe(true);
  });

  it('has no Toggle Developer Tools in its menu', () => {
    const view = (state.menu as MenuItemConstructorOptions[]).find((m) => m.label === 'View')!;
    expect((view.submenu as MenuItemConstructorOptions[]).map((i) => i.role)).not.toContain(
      'toggleDevTools',
    );
  });
});

describe('the dev server URL', () => {
  it('is honoured in development only, and only as an http(s) URL', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173' };
    expect(rendererDevServerUrl(false, env)).toBe('http://localhost:5173');
    expect(rendererDevServerUrl(true, env)).toBeUndefined();
    expect(rendererDevServerUrl(false, {})).toBeUndefined();
    for (const bad of ['file:///etc/passwd', 'javascript:alert(1)', 'not a url']) {
      expect(rendererDevServerUrl(false, { ELECTRON_RENDERER_URL: bad }), bad).toBeUndefined();
    }
  });
});
