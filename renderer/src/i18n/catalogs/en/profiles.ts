/** English: The Profiles screen: table, columns, filter bar, facets, profile panel, saved-view dialog, shortcuts. (part of the catalog in ./index.ts). */
export const profiles = {};
