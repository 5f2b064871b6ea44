import type { Menu as MenuType, MenuItemConstructorOptions } from 'electron';

/**
 * The menu's words per UI language. Electron words role items in English on Windows and
 * Linux, so each role gets its label here; a language without an entry reads English.
 */
const WORDS = {
  en: {
    file: 'File',
    edit: 'Edit',
    view: 'View',
    window: 'Window',
  },
  'zh-CN': {
    file: '文件',
    edit: '编辑',
    view: '视图',
    window: '窗口',
    about: '关于',
    hide: '隐藏',
    hideOthers: '隐藏其他',
    unhide: '全部显示',
    quit: '退出',
    close: '关闭窗口',
    undo: '撤销',
    redo: '重做',
    cut: '剪切',
    copy: '复制',
    paste: '粘贴',
    selectAll: '全选',
    reload: '重新加载',
    toggleDevTools: '开发者工具',
    resetZoom: '实际大小',
    zoomIn: '放大',
    zoomOut: '缩小',
    togglefullscreen: '全屏',
    minimize: '最小化',
    zoom: '缩放',
    front: '前置全部窗口',
  },
} satisfies Record<string, Words>;

interface Words extends Partial<Record<string, string>> {
  file: string;
  edit: string;
  view: string;
  window: string;
}

const wordsFor = (language: string): Words =>
  (WORDS as Record<string, Words>)[language] ?? WORDS.en;

/** Labels each role item in the language (English keeps Electron's own labels). */
function worded(items: MenuItemConstructorOptions[], words: Words): MenuItemConstructorOptions[] {
  return items.map((item) => {
    const label = item.role ? words[item.role] : undefined;
    return {
      ...item,
      ...(label ? { label } : {}),
      ...(Array.isArray(item.submenu) ? { submenu: worded(item.submenu, words) } : {}),
    };
  });
}

/**
 * The usual roles and shortcuts (copy/paste must work in every text field). A packaged app
 * has no "Toggle Developer Tools" (nor its shortcut): a user talked into pasting code into
 * its console would run it with the preload's whole API.
 */
export function buildMenu(
  Menu: typeof MenuType,
  appName: string,
  options: { packaged: boolean; language?: string },
): MenuType {
  const isMac = process.platform === 'darwin';
  const words = wordsFor(options.language ?? 'en');
  const template: MenuItemConstructorOptions[] = [
    ...(isMac
      ? [
          {
            label: appName,
            submenu: [
              { role: 'about' },
              { type: 'separator' },
              { role: 'hide' },
              { role: 'hideOthers' },
              { role: 'unhide' },
              { type: 'separator' },
              { role: 'quit' },
            ],
          } as MenuItemConstructorOptions,
        ]
      : []),
    { label: words.file, submenu: [isMac ? { role: 'close' } : { role: 'quit' }] },
    {
      label: words.edit,
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: words.view,
      submenu: [
        { role: 'reload' },
        ...(options.packaged ? [] : [{ role: 'toggleDevTools' } as const]),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: words.window,
      submenu: [
        { role: 'minimize' },
        { role: 'zoom' },
        ...(isMac ? [{ role: 'front' } as const] : [{ role: 'close' } as const]),
      ],
    },
  ];
  return Menu.buildFromTemplate(worded(template, words));
}
