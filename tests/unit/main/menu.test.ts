import type { Menu, MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenu } from '../../../electron/main/menu';
import { electronMock } from '../mocks/electron';

/** Every role in the menu, submenus included (the mocked Menu returns the template). */
function roles(packaged: boolean): string[] {
  const template = buildMenu(electronMock.Menu as unknown as typeof Menu, 'BrowserDeck', {
    packaged,
  }) as unknown as MenuItemConstructorOptions[];
  const walk = (items: MenuItemConstructorOptions[]): string[] =>
    items.flatMap((i) => [
      ...(i.role ? [i.role] : []),
      ...(Array.isArray(i.submenu) ? walk(i.submenu) : []),
    ]);
  return walk(template);
}

describe('application menu', () => {
  it('offers Toggle Developer Tools in development only, not in a packaged app', () => {
    expect(roles(false)).toContain('toggleDevTools');
    expect(roles(true)).not.toContain('toggleDevTools');
    // The rest stays: copy and paste must work in every text field.
    expect(roles(true)).toEqual(expect.arrayContaining(['copy', 'paste', 'reload', 'quit']));
  });

  it('follows the UI language: 中文 words every menu and item; an unknown language reads English', () => {
    const labels = (language?: string) => {
      const template = buildMenu(electronMock.Menu as unknown as typeof Menu, 'BrowserDeck', {
        packaged: true,
        language,
      }) as unknown as MenuItemConstructorOptions[];
      const walk = (items: MenuItemConstructorOptions[]): Array<string | undefined> =>
        items.flatMap((i) => [
          i.type === 'separator' ? '-' : i.label,
          ...(Array.isArray(i.submenu) ? walk(i.submenu) : []),
        ]);
      return walk(template);
    };
    const zh = labels('zh-CN');
    expect(zh).toEqual(expect.arrayContaining(['文件', '编辑', '视图', '窗口', '复制', '粘贴']));
    // Every item is worded (no role left to Electron's English label).
    expect(zh.filter((l) => l === undefined)).toEqual([]);
    expect(labels('xx')).toEqual(labels());
    expect(labels()).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Window']));
  });
});
