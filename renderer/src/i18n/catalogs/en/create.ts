/** English: New profile, bulk create and copy-profiles dialogs. (part of the catalog in ./index.ts). */
export const create = {};
