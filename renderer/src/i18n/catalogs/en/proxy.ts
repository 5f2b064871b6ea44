/** English: The proxy editor and proxy-list import. (part of the catalog in ./index.ts). */
export const proxy = {};
