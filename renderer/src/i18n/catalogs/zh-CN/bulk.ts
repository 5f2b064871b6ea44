/** 简体中文: The bulk bar, context menu and bulk dialogs (group, remark, rename, tags, proxy, delete, copy), CSV export/import. Terms: ../glossary.zh-CN.md. */
import type { Catalog } from '../en';

export const bulk: Catalog['bulk'] = {};
