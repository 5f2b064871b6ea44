/** English: The Sessions screen: table, thumbnails, DevTools, snippets, arrange windows. (part of the catalog in ./index.ts). */
export const sessions = {};
