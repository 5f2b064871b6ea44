/** 简体中文: Notices from main (data files, outages), and the words of the shared components (dialogs, the toast stack). Terms: ../glossary.zh-CN.md. */
import type { Catalog } from '../en';

export const notices: Catalog['notices'] = {
  label: '数据文件问题',
  kind: {
    'unreadable-file': '无法读取一个数据文件',
    'dropped-entries': '已从数据文件中移除损坏的条目',
  },
  file: '文件',
  backup: '备份',
  copy: '复制',
  copyBackupLabel: '复制备份路径',
  backupWhat: '备份路径',
  noBackup: '无：文件保留在原处',
  dismiss: '忽略',
  dismissLabel: '忽略关于 {{file}} 的提示',
  dismissFailed: '无法忽略此提示',
  dialog: {
    close: '关闭',
  },
  toaster: {
    label: '通知',
    closeToast: '关闭通知',
  },
};
