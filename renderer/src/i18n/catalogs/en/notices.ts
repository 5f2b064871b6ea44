/** English: Notices from main (data files, outages). (part of the catalog in ./index.ts). */
export const notices = {};
