/**
 * The names of main's channels and push events, without their schemas (contract.ts, which
 * must define exactly these: it `satisfies` both lists). The preload builds `window.deck`
 * from the names at every page load, before the page's first script runs; importing the
 * contract for them built every zod schema there first (50-65 ms in the page, measured with
 * the browser harness's copy of the preload). No imports: this module is all the preload
 * reads of the contract at run time.
 */
export const CHANNELS = [
  'app:info',
  'app:language',
  'notices:dismiss',
  'settings:get',
  'settings:update',
  'connections:list',
  'connections:add',
  'connections:update',
  'connections:remove',
  'connections:test',
  'connections:detect',
  'demo:start',
  'demo:stop',
  'profiles:list',
  'profiles:detail',
  'profiles:last-known',
  'groups:list',
  'groups:create',
  'tags:list',
  'jobs:start',
  'jobs:list',
  'jobs:get',
  'jobs:cancel',
  'jobs:retry-failed',
  'jobs:undo',
  'jobs:copy-preview',
  'jobs:export-csv',
  'sessions:list',
  'sessions:thumbnail',
  'sessions:focus',
  'sessions:displays',
  'sessions:arrange',
  'sessions:restore-bounds',
  'devtools:targets',
  'devtools:open',
  'proxy:check',
  'scripts:list',
  'scripts:get',
  'scripts:save',
  'scripts:delete',
  'automation:thumbnail',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const EVENT_NAMES = [
  'jobs:event:progress',
  'profiles:event:changed',
  'profiles:event:page',
  'profiles:event:status',
  'connections:event:changed',
] as const;
export type EventName = (typeof EVENT_NAMES)[number];
