/** 简体中文: The proxy editor and proxy-list import. Terms: ../glossary.zh-CN.md. */
import type { Catalog } from '../en';

export const proxy: Catalog['proxy'] = {};
