/** 简体中文: Errors worded from their code and parameters (main sends codes, not sentences). Terms: ../glossary.zh-CN.md. */
import type { Catalog } from '../en';

export const errors: Catalog['errors'] = {};
