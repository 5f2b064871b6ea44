/**
 * The English catalog: the source every other catalog translates, key for key (the type
 * `Catalog` makes a missing or extra key a compile error). One file per screen or area, so a
 * screen's words sit together. Plurals use i18next's suffixes (`_one`, `_other`); `{{name}}`
 * is interpolated. Terms: see ../glossary.zh-CN.md.
 */
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

export const en = {
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

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
/** What every catalog has: the English one's keys, each a string. */
export type Catalog = Strings<typeof en>;
