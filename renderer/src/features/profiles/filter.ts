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

const wordsOf = (text: string) => text.toLowerCase().split(/\s+/).filter(Boolean);

/** Positions in the index of the rows that pass; `among` limits the scan to those positions. */
function matchPositions(
  index: SearchIndex,
  f: ProfileFilters,
  among?: readonly number[],
): number[] {
  // Every whitespace-separated word must occur, in any of the searched fields.
  const words = wordsOf(f.text);
  const tests: Array<(p: Profile) => boolean> = [];
  if (f.connectionId) tests.push((p) => p.connectionId === f.connectionId);
  if (f.group) tests.push((p) => p.groupName === f.group);
  if (f.tag) tests.push((p) => p.tags.some((t) => t.name === f.tag));
  if (f.status) tests.push((p) => p.status === f.status);
  if (f.proxyType) tests.push((p) => p.proxy.type === f.proxyType);
  const { rows, texts } = index;
  const n = among ? among.length : rows.length;
  const out: number[] = [];
  // Plain loops, no closure per row: this runs over 50,000 rows on a keystroke.
  rows: for (let k = 0; k < n; k++) {
    const i = among ? among[k]! : k;
    const text = texts[i]!;
    for (let w = 0; w < words.length; w++) if (!text.includes(words[w]!)) continue rows;
    const p = rows[i]!;
    for (let t = 0; t < tests.length; t++) if (!tests[t]!(p)) continue rows;
    out.push(i);
  }
  return out;
}

/** Keeps the order of the index (already sorted), so filtering never re-sorts. */
export function filterProfiles(index: SearchIndex, f: ProfileFilters): Profile[] {
  if (!hasActiveFilters(f)) return index.rows as Profile[];
  return matchPositions(index, f).map((i) => index.rows[i]!);
}

const sameFacets = (a: ProfileFilters, b: ProfileFilters) =>
  a.connectionId === b.connectionId &&
  a.group === b.group &&
  a.tag === b.tag &&
  a.status === b.status &&
  a.proxyType === b.proxyType;

/**
 * filterProfiles that remembers its last answer. Typing forward only narrows (every word
 * of "sho" occurs wherever "shop 4" matches), so then it scans the last matches instead
 * of every row: each further keystroke over 50,000 profiles gets cheaper, not dearer.
 */
export function createNarrowingFilter(): (index: SearchIndex, f: ProfileFilters) => Profile[] {
  let last: { index: SearchIndex; f: ProfileFilters; hits: number[] } | undefined;
  return (index, f) => {
    if (!hasActiveFilters(f)) {
      last = undefined;
      return index.rows as Profile[];
    }
    const narrows =
      last !== undefined &&
      last.index === index &&
      sameFacets(last.f, f) &&
      f.text.toLowerCase().startsWith(last.f.text.toLowerCase());
    const hits = matchPositions(index, f, narrows ? last!.hits : undefined);
    last = { index, f, hits };
    return hits.map((i) => index.rows[i]!);
  };
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
