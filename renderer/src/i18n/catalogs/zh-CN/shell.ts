/** 简体中文: the app shell, navigation, saved views in the sidebar, common words. Terms: ../glossary.zh-CN.md. */
import type { Catalog } from '../en';

export const shell: Pick<Catalog, 'nav' | 'appInfo' | 'language' | 'savedViews' | 'common'> = {
  nav: {
    label: '主导航',
    profiles: '环境',
    profilesHint: '所有连接的所有环境',
    sessions: '会话',
    sessionsHint: '已打开的环境及其调试地址',
    connections: '连接',
    connectionsHint: 'BrowserDeck 连接的浏览器客户端',
    activity: '任务',
    activityHint: '批量任务及其结果',
    scripts: '脚本',
    scriptsHint: '在环境上运行的自动化脚本',
    settings: '设置',
    settingsHint: '主题、厂商限制、代理检测、演示',
  },
  appInfo: {
    connecting: '正在连接核心…',
    unavailable: '核心不可用：{{error}}',
    version: '版本',
    platform: '平台',
    harness: '浏览器测试环境',
    secrets: '密钥',
    secretsEncrypted: '系统加密',
    secretsMemory: '仅内存',
    secretsEncryptedHint: '令牌由操作系统加密保存',
    secretsMemoryHint: '系统不提供加密：令牌仅在本次运行期间保存在内存中',
  },
  language: {
    label: '语言',
  },
  savedViews: {
    title: '已保存的视图',
    empty: '在“环境”页点“保存视图…”，即可把筛选、排序和列设置保存在这里。',
    changed: '（保存后已更改）',
    deleted: '已删除视图“{{name}}”',
    deleteLabel: '删除视图 {{name}}',
    deleteTitle: '删除此视图',
  },
  common: {
    undo: '撤销',
    cancel: '取消',
    retry: '重试',
    add: '添加',
    edit: '编辑',
    remove: '移除',
    removing: '正在移除…',
    stopping: '正在停止…',
  },
};
