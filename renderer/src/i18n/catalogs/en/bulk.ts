/** English: The bulk bar, context menu and bulk dialogs (group, remark, rename, tags, proxy, delete, copy), CSV export/import. (part of the catalog in ./index.ts). */
export const bulk = {};
