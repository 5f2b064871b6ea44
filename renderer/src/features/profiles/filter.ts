/**
 * Filtering the profiles table in memory. Pure: no React, no store, so it is unit-tested
 * and cheap enough to run on every keystroke over 400,000 rows.
 */
import i18next from 'i18next';
import type { Profile } from '../../../../shared/model';
import {
  allPositions,
  fieldIndex,
  keepContaining,
  keepRows,
  rowsAt,
  rowsContaining,
  SEARCH_FIELDS,
  type SearchIndex,
} from './search-index';
import { implies, parseSearch, termKey, type SearchTerm } from './search-query';

export { buildSearchIndex, searchTextOf, type SearchIndex } from './search-index';

/** Whether a row's proxy was checked, and how it went: what the Proxy-check filter offers. */
export type ProxyCheckState = 'ok' | 'failed' | 'unchecked';
export const proxyCheckState = (p: Profile): ProxyCheckState =>
  !p.proxyCheck ? 'unchecked' : p.proxyCheck.ok ? 'ok' : 'failed';
export const PROXY_CHECK_STATES: readonly ProxyCheckState[] = ['ok', 'failed', 'unchecked'];
/** A Proxy-check filter value in words, in the language chosen now. */
export const proxyCheckStateLabel = (state: ProxyCheckState): string =>
  i18next.t(`profiles.filter.proxyCheck.${state}`);

interface Facet {
  /** Whether the row has one of the chosen values. */
  has(p: Profile, chosen: ReadonlySet<string>): boolean;
}
const valueOf = (value: (p: Profile) => string): Facet => ({
  has: (p, chosen) => chosen.has(value(p)),
});

/**
 * The filters with a list of values to choose from: a row passes one when it has any of
 * the chosen values (none chosen: any row). A new one is an entry here.
 */
export const FACETS = {
  connectionId: valueOf((p) => p.connectionId),
  /** Group by name: the same group name in two connections is one choice. */
  group: valueOf((p) => p.groupName),
  tag: { has: (p, chosen) => p.tags.some((t) => chosen.has(t.name)) },
  status: valueOf((p) => p.status),
  proxyType: valueOf((p) => p.proxy.type),
  proxyCheck: valueOf(proxyCheckState),
} satisfies Record<string, Facet>;
export type FacetName = keyof typeof FACETS;
const FACET_NAMES = Object.keys(FACETS) as FacetName[];

/** What the user filters by; persisted, so every field is plain JSON. `[]` means "any". */
export type ProfileFilters = Record<FacetName, string[]> & { text: string };

export const EMPTY_FILTERS: ProfileFilters = {
  connectionId: [],
  group: [],
  tag: [],
  status: [],
  proxyType: [],
  proxyCheck: [],
  text: '',
};

export const hasActiveFilters = (f: ProfileFilters): boolean =>
  FACET_NAMES.some((name) => f[name].length > 0) || f.text.trim() !== '';

/**
 * Filters as something stored them: an older build kept one value per facet (`''` for
 * any), a newer one may have facets this one does not know. Anything else is dropped.
 */
export function readFilters(stored: unknown): ProfileFilters {
  const s = (stored ?? {}) as Record<string, unknown>;
  const out: ProfileFilters = { ...EMPTY_FILTERS, text: typeof s.text === 'string' ? s.text : '' };
  for (const name of FACET_NAMES) {
    const v = s[name];
    if (typeof v === 'string') out[name] = v ? [v] : [];
    else if (Array.isArray(v))
      out[name] = [...new Set(v.filter((x): x is string => typeof x === 'string'))];
  }
  return out;
}

/** The index a term searches: every free field's text, or its own field's. */
const indexFor = (index: SearchIndex, t: SearchTerm) =>
  t.field ? fieldIndex(index, t.field) : index;

/** A term of a field of fixed values (`status:open`) tests the value, not a substring. */
function exactTest(t: SearchTerm): ((p: Profile) => boolean) | undefined {
  const field = t.field && SEARCH_FIELDS[t.field];
  if (!field?.exact) return undefined;
  const { text } = field;
  const v = t.value;
  return field.exact.has(v) ? (p) => text(p) === v : (p) => text(p).startsWith(v);
}

/** The positions among `among` (every row when absent) that match the term. */
function matchTerm(index: SearchIndex, t: SearchTerm, among?: Int32Array): Int32Array {
  const exact = exactTest(t);
  if (exact) return keepRows(index, among ?? allPositions(index), exact);
  const searched = indexFor(index, t);
  return among ? keepContaining(searched, among, t.value) : rowsContaining(searched, t.value);
}

/** One test for the facet filters, if any is set. */
function facetTest(f: ProfileFilters): ((p: Profile) => boolean) | undefined {
  const tests: Array<(p: Profile) => boolean> = [];
  for (const name of FACET_NAMES) {
    if (f[name].length === 0) continue;
    const chosen = new Set(f[name]);
    const facet: Facet = FACETS[name];
    tests.push((p) => facet.has(p, chosen));
  }
  if (tests.length === 0) return undefined;
  if (tests.length === 1) return tests[0];
  return (p) => tests.every((t) => t(p));
}

/**
 * Positions in the index of the rows that pass: every term matches (see search-query.ts).
 * `among`: rows already known to pass the facets and every term but `terms`, so only
 * those are checked there.
 */
function matchPositions(
  index: SearchIndex,
  f: ProfileFilters,
  terms: readonly SearchTerm[],
  among?: Int32Array,
): Int32Array {
  let hits = among;
  let rest = terms;
  if (!hits && terms.length > 0) {
    // The longest term through the haystack first: it usually leaves the fewest rows.
    const longest = terms.reduce((a, b) => (b.value.length > a.value.length ? b : a));
    hits = matchTerm(index, longest);
    rest = terms.filter((t) => t !== longest);
  }
  hits ??= allPositions(index);
  for (const t of rest) hits = matchTerm(index, t, hits);
  const facets = among ? undefined : facetTest(f);
  return facets ? keepRows(index, hits, facets) : hits;
}

const rowsOf = (index: SearchIndex, hits: Int32Array): Profile[] =>
  hits.length === index.rows.length ? (index.rows as Profile[]) : rowsAt(index, hits);

/** Keeps the order of the index (already sorted), so filtering never re-sorts. */
export function filterProfiles(index: SearchIndex, f: ProfileFilters): Profile[] {
  if (!hasActiveFilters(f)) return index.rows as Profile[];
  return rowsOf(index, matchPositions(index, f, parseSearch(f.text)));
}

const facetKey = (f: ProfileFilters) => JSON.stringify(FACET_NAMES.map((name) => f[name]));

interface Answer {
  facets: string;
  terms: readonly SearchTerm[];
  /** termKey of each term. */
  keys: ReadonlySet<string>;
  hits: Int32Array;
  rows: Profile[];
}

/** Recent answers kept for narrowing: at most this many, holding at most 4 × the rows. */
const KEPT_ANSWERS = 16;
const KEPT_ROWS_FACTOR = 4;

/**
 * filterProfiles that remembers its recent answers. A query each of whose earlier terms is
 * implied by one of its own (same field, a longer word: see implies()) with the same facets
 * can only narrow that answer, so it scans that answer for its new terms alone: typing
 * forward gets cheaper with each key. Backspacing
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
    const terms = parseSearch(f.text);
    const keyed = terms.map(termKey);
    const keys = new Set(keyed);
    const same = answers.find(
      (a) =>
        a.facets === facets && a.keys.size === keys.size && [...a.keys].every((k) => keys.has(k)),
    );
    if (same) {
      remember(same, limit);
      return same.rows;
    }
    // The fewest rows to scan, then the fewest terms left to scan them for: "shop 4" narrows
    // "shop" (only 4 to look for), not "s" with as many rows (shop and 4: 16 ms more at
    // 400,000 rows).
    const left = (a: Answer) => keyed.filter((k) => !a.keys.has(k)).length;
    let base: Answer | undefined;
    for (const a of answers)
      if (
        a.facets === facets &&
        a.terms.every((earlier) => terms.some((later) => implies(later, earlier))) &&
        (!base ||
          a.hits.length < base.hits.length ||
          (a.hits.length === base.hits.length && left(a) < left(base)))
      )
        base = a;
    let answer: Answer;
    if (base) {
      const known = base.keys;
      const hits = matchPositions(
        index,
        f,
        terms.filter((_, i) => !known.has(keyed[i]!)),
        base.hits,
      );
      const rows = hits.length === base.hits.length ? base.rows : rowsAt(index, hits);
      answer = { facets, terms, keys, hits, rows };
    } else {
      const hits = matchPositions(index, f, terms);
      answer = { facets, terms, keys, hits, rows: rowsOf(index, hits) };
    }
    remember(answer, limit);
    return answer.rows;
  };
}

export interface FacetOptions {
  groups: string[];
  tags: string[];
}

/**
 * The group and tag names present in the data, made when a menu first asks (then kept): a
 * walk over every row and a sort, which the render that first shows the rows never needs
 * (up to 20 ms of it at 10,000 rows at start).
 */
export type FacetSource = () => FacetOptions;

export function facetSource(rows: readonly Profile[]): FacetSource {
  let options: FacetOptions | undefined;
  return () => (options ??= facetOptions(rows));
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
