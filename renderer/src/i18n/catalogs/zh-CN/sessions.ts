/** 简体中文: The Sessions screen: table, thumbnails, DevTools, snippets, arrange windows. Terms: ../glossary.zh-CN.md. */
import type { Catalog } from '../en';

export const sessions: Catalog['sessions'] = {};
