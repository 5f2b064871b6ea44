/** 简体中文: Notices from main (data files, outages). Terms: ../glossary.zh-CN.md. */
import type { Catalog } from '../en';

export const notices: Catalog['notices'] = {};
