/** 简体中文, one file per screen or area as in ../en. Terms follow ../glossary.zh-CN.md (the vendors' own words). */
import type { Catalog } from '../en';
import { shell } from './shell';
import { connections } from './connections';
import { profiles } from './profiles';
import { bulk } from './bulk';
import { create } from './create';
import { proxy } from './proxy';
import { sessions } from './sessions';
import { activity } from './activity';
import { settings } from './settings';
import { scripts } from './scripts';
import { errors } from './errors';
import { notices } from './notices';

const zhCN: Catalog = {
  ...shell,
  connections,
  profiles,
  bulk,
  create,
  proxy,
  sessions,
  activity,
  settings,
  scripts,
  errors,
  notices,
};

export default zhCN;
