/** 简体中文: The Profiles screen: table, columns, filter bar, facets, profile panel, saved-view dialog, shortcuts. Terms: ../glossary.zh-CN.md. */
import type { Catalog } from '../en';

export const profiles: Catalog['profiles'] = {};
