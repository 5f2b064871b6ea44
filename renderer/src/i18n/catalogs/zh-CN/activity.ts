/** 简体中文: Activity: jobs, their items, toasts and chips. Terms: ../glossary.zh-CN.md. */
import type { Catalog } from '../en';

export const activity: Catalog['activity'] = {};
