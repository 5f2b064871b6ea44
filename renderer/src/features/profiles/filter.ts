/**
 * Filtering the profiles table in memory. Pure: no React, no store, so it is unit-tested
 * and cheap enough to run on every keystroke over 400,000 rows.
 */
import type { Profile, ProfileStatus, ProxyType } from '../../../../shared/model';
import {
  allPositions,
  keepContaining,
  keepRows,
  rowsAt,
  rowsContaining,
  type SearchIndex,
} from './search-index';

export { buildSearchIndex, searchTextOf, type SearchIndex } from './search-index';

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

/**
 * The words each row must contain. Quoted phrases and field prefixes (`group:`...) will be
 * terms here; narrowing holds as long as an earlier term is part of a later one.
 */
const wordsOf = (text: string) => [...new Set(text.toLowerCase().split(/\s+/).filter(Boolean))];

/** One test for the facet filters (connection, group, tag, status, proxy type), if any is set. */
function facetTest(f: ProfileFilters): ((p: Profile) => boolean) | undefined {
  const tests: Array<(p: Profile) => boolean> = [];
  if (f.connectionId) tests.push((p) => p.connectionId === f.connectionId);
  if (f.group) tests.push((p) => p.groupName === f.group);
  if (f.tag) tests.push((p) => p.tags.some((t) => t.name === f.tag));
  if (f.status) tests.push((p) => p.status === f.status);
  if (f.proxyType) tests.push((p) => p.proxy.type === f.proxyType);
  if (tests.length === 0) return undefined;
  if (tests.length === 1) return tests[0];
  return (p) => tests.every((t) => t(p));
}

/**
 * Positions in the index of the rows that pass. Every whitespace-separated word must occur,
 * in any of the searched fields. `among`: rows already known to pass the facets and every
 * word but `words`, so only those are checked there.
 */
function matchPositions(
  index: SearchIndex,
  f: ProfileFilters,
  words: readonly string[],
  among?: Int32Array,
): Int32Array {
  let hits = among;
  let rest = words;
  if (!hits && words.length > 0) {
    // The longest word through the haystack first: it usually leaves the fewest rows.
    const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
    hits = rowsContaining(index, longest);
    rest = words.filter((w) => w !== longest);
  }
  hits ??= allPositions(index);
  for (const w of rest) hits = keepContaining(index, hits, w);
  const facets = among ? undefined : facetTest(f);
  return facets ? keepRows(index, hits, facets) : hits;
}

const rowsOf = (index: SearchIndex, hits: Int32Array): Profile[] =>
  hits.length === index.rows.length ? (index.rows as Profile[]) : rowsAt(index, hits);

/** Keeps the order of the index (already sorted), so filtering never re-sorts. */
export function filterProfiles(index: SearchIndex, f: ProfileFilters): Profile[] {
  if (!hasActiveFilters(f)) return index.rows as Profile[];
  return rowsOf(index, matchPositions(index, f, wordsOf(f.text)));
}

const facetKey = (f: ProfileFilters) =>
  [f.connectionId, f.group, f.tag, f.status, f.proxyType].join('\u0000');

interface Answer {
  facets: string;
  words: readonly string[];
  hits: Int32Array;
  rows: Profile[];
}

/** Recent answers kept for narrowing: at most this many, holding at most 4 × the rows. */
const KEPT_ANSWERS = 16;
const KEPT_ROWS_FACTOR = 4;

/**
 * filterProfiles that remembers its recent answers. A query whose every earlier word is part
 * of one of its own words (same facets) can only narrow that answer, so it scans that
 * answer for its new words alone: typing forward gets cheaper with each key. Backspacing
 * back to a query already answered gives that answer again, the same array, so the table
 * does not re-render; so does a query that keeps every row of the answer it narrows.
 */
export function createNarrowingFilter(): (index: SearchIndex, f: ProfileFilters) => Profile[] {
  let answered: SearchIndex | undefined;
  let answers: Answer[] = [];
  const remember = (a: Answer, limit: number) => {
    answers = answers.filter((b) => b !== a);
    answers.push(a);
    let kept = answers.reduce((n, b) => n + b.hits.length, 0);
    while (answers.length > KEPT_ANSWERS || (answers.length > 1 && kept > limit))
      kept -= answers.shift()!.hits.length;
  };
  return (index, f) => {
    if (!hasActiveFilters(f)) return index.rows as Profile[];
    if (index !== answered) {
      answered = index;
      answers = [];
    }
    const limit = KEPT_ROWS_FACTOR * index.rows.length;
    const facets = facetKey(f);
    const words = wordsOf(f.text);
    const same = answers.find(
      (a) =>
        a.facets === facets &&
        a.words.length === words.length &&
        a.words.every((w) => words.includes(w)),
    );
    if (same) {
      remember(same, limit);
      return same.rows;
    }
    let base: Answer | undefined;
    for (const a of answers)
      if (
        a.facets === facets &&
        a.words.every((w) => words.some((v) => v.includes(w))) &&
        (!base || a.hits.length < base.hits.length)
      )
        base = a;
    let answer: Answer;
    if (base) {
      const known = base.words;
      const hits = matchPositions(
        index,
        f,
        words.filter((w) => !known.includes(w)),
        base.hits,
      );
      const rows = hits.length === base.hits.length ? base.rows : rowsAt(index, hits);
      answer = { facets, words, hits, rows };
    } else {
      const hits = matchPositions(index, f, words);
      answer = { facets, words, hits, rows: rowsOf(index, hits) };
    }
    remember(answer, limit);
    return answer.rows;
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
