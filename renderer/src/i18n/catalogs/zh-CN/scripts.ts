/** 简体中文: The Scripts screen and the run-automation dialog. Terms: ../glossary.zh-CN.md. */
import type { Catalog } from '../en';

export const scripts: Catalog['scripts'] = {};
