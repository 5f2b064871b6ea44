/** 简体中文: The Settings screen. Terms: ../glossary.zh-CN.md. */
import type { Catalog } from '../en';

export const settings: Catalog['settings'] = {};
