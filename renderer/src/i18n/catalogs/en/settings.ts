/** English: The Settings screen. (part of the catalog in ./index.ts). */
export const settings = {};
