/** English: Activity: jobs, their items, toasts and chips. (part of the catalog in ./index.ts). */
export const activity = {};
