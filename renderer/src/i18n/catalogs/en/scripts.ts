/** English: The Scripts screen and the run-automation dialog. (part of the catalog in ./index.ts). */
export const scripts = {};
