/**
 * Filtering the profiles table in memory. Pure: no React, no store, so it is unit-tested
 * and cheap enough to run on every keystroke over 50,000 rows.
 */
import type { Profile, ProfileStatus, ProxyType } from '../../../../shared/model';

/** What the user filters by; persisted, so every field is plain JSON. `''` means "any". */
export interface ProfileFilters {
  connectionId: string;
  /** Group by name: the same group name in two connections is one choice. */
  group: string;
  tag: string;
  status: ProfileStatus | '';
  proxyType: ProxyType | '';
  text: string;
}

export const EMPTY_FILTERS: ProfileFilters = {
  connectionId: '',
  group: '',
  tag: '',
  status: '',
  proxyType: '',
  text: '',
};

export const hasActiveFilters = (f: ProfileFilters): boolean =>
  f.connectionId !== '' ||
  f.group !== '' ||
  f.tag !== '' ||
  f.status !== '' ||
  f.proxyType !== '' ||
  f.text.trim() !== '';

// Keyed by the profile object: a patched row is a new object and gets a new entry; the
// 49,999 rows a job did not touch keep theirs, so a refetch does not re-lowercase them all.
const searchTexts = new WeakMap<Profile, string>();

/** The lowercase text free-text search looks in: name, remark, id and proxy host. */
export function searchTextOf(p: Profile): string {
  let text = searchTexts.get(p);
  if (text === undefined) {
    text = `${p.name}\n${p.remark}\n${p.vendorId}\n${p.proxy.host}`.toLowerCase();
    searchTexts.set(p, text);
  }
  return text;
}

/**
 * The rows in display order with their search texts alongside: built once per data or
 * sort change, so a keystroke only runs `includes` over an array of strings.
 */
export interface SearchIndex {
  rows: readonly Profile[];
  texts: readonly string[];
}

export function buildSearchIndex(rows: readonly Profile[]): SearchIndex {
  return { rows, texts: rows.map(searchTextOf) };
}

/** Keeps the order of the index (already sorted), so filtering never re-sorts. */
export function filterProfiles(index: SearchIndex, f: ProfileFilters): Profile[] {
  // Every whitespace-separated word must occur, in any of the searched fields.
  const words = f.text.toLowerCase().split(/\s+/).filter(Boolean);
  const tests: Array<(p: Profile) => boolean> = [];
  if (f.connectionId) tests.push((p) => p.connectionId === f.connectionId);
  if (f.group) tests.push((p) => p.groupName === f.group);
  if (f.tag) tests.push((p) => p.tags.some((t) => t.name === f.tag));
  if (f.status) tests.push((p) => p.status === f.status);
  if (f.proxyType) tests.push((p) => p.proxy.type === f.proxyType);
  const { rows, texts } = index;
  if (tests.length === 0 && words.length === 0) return rows as Profile[];
  const out: Profile[] = [];
  for (let i = 0; i < rows.length; i++) {
    const text = texts[i]!;
    if (!words.every((w) => text.includes(w))) continue;
    const p = rows[i]!;
    if (tests.every((t) => t(p))) out.push(p);
  }
  return out;
}

export interface FacetOptions {
  groups: string[];
  tags: string[];
}

/** The group and tag names present in the data, for the filter menus. */
export function facetOptions(rows: readonly Profile[]): FacetOptions {
  const groups = new Set<string>();
  const tags = new Set<string>();
  for (const p of rows) {
    if (p.groupName) groups.add(p.groupName);
    for (const t of p.tags) tags.add(t.name);
  }
  const byName = (a: string, b: string) => a.localeCompare(b, undefined, { numeric: true });
  return { groups: [...groups].sort(byName), tags: [...tags].sort(byName) };
}
