/** 简体中文: New profile, bulk create and copy-profiles dialogs. Terms: ../glossary.zh-CN.md. */
import type { Catalog } from '../en';

export const create: Catalog['create'] = {};
