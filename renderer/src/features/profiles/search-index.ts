/**
 * What free-text search looks in, and an index over it for one ordered list of rows. Built
 * once per data or sort change, so a keystroke scans strings, never profiles: at 400,000
 * rows a keystroke has about 50 ms, and walking the profiles' fields took most of it.
 */
import type { Profile, ProxyConfig } from '../../../../shared/model';
import { PROFILE_STATUSES } from '../../../../shared/model/row-values';

export type SearchFieldName = 'name' | 'remark' | 'id' | 'proxy' | 'group' | 'tag' | 'status';

export interface SearchField {
  /** What a term with this field's prefix (`remark:`) looks in. */
  text(p: Profile): string;
  /** What of this field a bare word looks in; absent: bare words do not look here. */
  free?(p: Profile): string;
  /** A field of a few fixed values: a whole value matches itself only, a part those it begins. */
  exact?: ReadonlySet<string>;
  /** Few distinct texts (groups, tags): its index is built ahead, while the page is idle. */
  ahead?: true;
}

const tagNames = (p: Profile) => p.tags.map((t) => t.name).join('\n');

/** `proxy:` finds a type, a host, host:port or the username. */
function proxyText(proxy: ProxyConfig): string {
  if (proxy.method === 'vendor') return `vendor ${proxy.vendorProxyId ?? ''}`;
  if (proxy.method === 'api') return `${proxy.type} api`;
  if (proxy.type === 'direct') return 'direct';
  return `${proxy.type}://${proxy.host}:${proxy.port ?? ''}\n${proxy.username}`;
}

/** The searchable fields, each also a prefix (`group:`); a new one is one entry here. */
export const SEARCH_FIELDS: Readonly<Record<SearchFieldName, SearchField>> = {
  name: { text: (p) => p.name, free: (p) => p.name },
  remark: { text: (p) => p.remark, free: (p) => p.remark },
  id: { text: (p) => p.vendorId, free: (p) => p.vendorId },
  proxy: { text: (p) => proxyText(p.proxy), free: (p) => p.proxy.host },
  group: { text: (p) => p.groupName, free: (p) => p.groupName, ahead: true },
  tag: { text: tagNames, free: tagNames, ahead: true },
  status: { text: (p) => p.status, exact: new Set(PROFILE_STATUSES) },
};

const FREE_TEXTS = Object.values(SEARCH_FIELDS).flatMap((f) => (f.free ? [f.free] : []));

// Keyed by the profile object: a patched row is a new object and gets a new entry; the
// 49,999 rows a job did not touch keep theirs, so a refetch does not re-lowercase them all.
const searchTexts = new WeakMap<Profile, string>();

/**
 * The lowercase text a bare word or phrase looks in: the free fields, one per line (a tag
 * per line). A term holds no line break, so it never matches across two fields.
 */
export function searchTextOf(p: Profile): string {
  let text = searchTexts.get(p);
  if (text === undefined) {
    text = FREE_TEXTS.map((free) => free(p))
      .join('\n')
      .toLowerCase();
    searchTexts.set(p, text);
  }
  return text;
}

/** The rows in display order with their search texts alongside. */
export interface SearchIndex {
  rows: readonly Profile[];
  texts: readonly string[];
}

/**
 * Every row's text in one string, rows separated by a line break, and where each row starts
 * (`starts[n]` is one past the end). One native `indexOf` over it skips the rows that do not
 * match without a call per row: about half the time of `includes` per row at 400,000 rows.
 */
interface Haystack {
  text: string;
  starts: Int32Array;
  /** Per row, two words of bits: which characters its text has (FIRST_BIT, SECOND_BIT). */
  chars: Uint32Array;
}

/**
 * A row's character set is two words of bits: a-z in the first, `!` to `?` (digits, `.`,
 * `-`, `:`, `/`...) in the second. A one-character word among those (the first key typed,
 * a new one-digit word) is then found with one typed-array read per row instead of a
 * search per row; other characters go through the haystack.
 */
const FIRST_BIT = new Int32Array(128);
const SECOND_BIT = new Int32Array(128);
for (let code = 97; code <= 122; code++) FIRST_BIT[code] = 1 << (code - 97);
for (let code = 33; code <= 63; code++) SECOND_BIT[code] = 1 << (code - 33);

/** Where a one-character needle's own bit is, if it has one. */
function ownBit(needle: string): { word: 0 | 1; bit: number } | undefined {
  if (needle.length !== 1) return undefined;
  const code = needle.charCodeAt(0);
  if (FIRST_BIT[code]) return { word: 0, bit: FIRST_BIT[code]! };
  if (SECOND_BIT[code]) return { word: 1, bit: SECOND_BIT[code]! };
  return undefined;
}

const haystacks = new WeakMap<SearchIndex, Haystack>();

/** A haystack being built a slice of rows at a time (buildSearchIndexAhead). */
interface HaystackBuild {
  starts: Int32Array;
  chars: Uint32Array;
  /** The first row not yet in. */
  next: number;
  /** Where that row will start in the text. */
  at: number;
}
const haystackBuilds = new WeakMap<SearchIndex, HaystackBuild>();

/**
 * Adds up to `count` more rows to the index's haystack (making their search texts first), or
 * joins the text once every row is in: the haystack then, else undefined. A finite `count`
 * leaves the join (tens of ms at 400,000 rows) to a call of its own.
 */
function growHaystack(index: SearchIndex, count: number): Haystack | undefined {
  const done = haystacks.get(index);
  if (done) return done;
  const n = index.rows.length;
  let build = haystackBuilds.get(index);
  if (!build) {
    build = { starts: new Int32Array(n + 1), chars: new Uint32Array(2 * n), next: 0, at: 0 };
    haystackBuilds.set(index, build);
  }
  const { starts, chars } = build;
  const until = Math.min(n, build.next + count);
  const texts = textsUntil(index, until);
  const rowsLeft = build.next < n;
  let at = build.at;
  for (let i = build.next; i < until; i++) {
    const t = texts[i]!;
    starts[i] = at;
    at += t.length + 1;
    let first = 0;
    let second = 0;
    for (let c = 0; c < t.length; c++) {
      const code = t.charCodeAt(c);
      if (code < 128) {
        first |= FIRST_BIT[code]!;
        second |= SECOND_BIT[code]!;
      }
    }
    chars[2 * i] = first;
    chars[2 * i + 1] = second;
  }
  build.next = until;
  build.at = at;
  if (until < n || (rowsLeft && count !== Infinity)) return undefined;
  starts[n] = at;
  const hay: Haystack = { text: texts.join('\n'), starts, chars };
  haystacks.set(index, hay);
  haystackBuilds.delete(index);
  return hay;
}

const haystackOf = (index: SearchIndex): Haystack => growHaystack(index, Infinity)!;

const fieldIndexes = new WeakMap<SearchIndex, Map<SearchFieldName, SearchIndex>>();

/**
 * A field of few distinct texts (groups, tags, statuses over 400,000 rows): each row's
 * number in `values`. A word is then looked for in each distinct text once and the rows
 * read their answer from a table, so the first `group:` key builds no haystack (that took
 * about 160 ms at 400,000 rows) and no keystroke walks one.
 */
interface Dictionary {
  values: string[];
  ids: Int32Array;
}

const dictionaries = new WeakMap<SearchIndex, Dictionary>();

/** A field with more distinct texts than one row in this many is searched through its haystack. */
const DICTIONARY_WHEN_ONE_IN = 16;

/**
 * The same rows with one field's lowercase text each, for prefixed terms: positions in it
 * are positions in `index`. Built on the first prefixed term, kept while `index` lives.
 */
export function fieldIndex(index: SearchIndex, field: SearchFieldName): SearchIndex {
  let byField = fieldIndexes.get(index);
  if (!byField) fieldIndexes.set(index, (byField = new Map()));
  let sub = byField.get(field);
  if (!sub) {
    const { text } = SEARCH_FIELDS[field];
    const { rows } = index;
    // Equal texts share one lowercase string: one toLowerCase per distinct text.
    const idOf = new Map<string, number>();
    const values: string[] = [];
    const ids = new Int32Array(rows.length);
    const texts = new Array<string>(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const raw = text(rows[i]!);
      let id = idOf.get(raw);
      if (id === undefined) {
        id = values.length;
        idOf.set(raw, id);
        values.push(raw.toLowerCase());
      }
      ids[i] = id;
      texts[i] = values[id]!;
    }
    sub = { rows, texts };
    if (values.length * DICTIONARY_WHEN_ONE_IN <= rows.length)
      dictionaries.set(sub, { values, ids });
    byField.set(field, sub);
  }
  return sub;
}

/** Rows per slice of work done ahead: about 3 ms of making texts (350-590 ms for 400,000). */
const ROWS_PER_SLICE = 2_000;

/**
 * Builds what a first search would: the rows' texts and their haystack, and the field
 * indexes marked `ahead` (so the first `group:` key builds none: about 30 ms at 400,000
 * rows). Called while the page is idle after a data or sort change, a slice at a time while
 * `more()` says there is time (all at once without it): in one go, it took 0.6-1.2 s at
 * 400,000 rows, and a key typed meanwhile waited for all of it. Resumes where it stopped; a
 * search before the end builds the rest itself. True once everything is built.
 */
export function buildSearchIndexAhead(index: SearchIndex, more = () => true): boolean {
  while (!haystacks.has(index)) {
    if (!more()) return false;
    growHaystack(index, ROWS_PER_SLICE);
  }
  for (const [name, field] of Object.entries(SEARCH_FIELDS) as [SearchFieldName, SearchField][]) {
    if (!field.ahead || fieldIndexes.get(index)?.has(name)) continue;
    if (!more()) return false;
    fieldIndex(index, name);
  }
  return true;
}

/** Per distinct text of a dictionary, 1 when it contains `needle`. */
function valuesContaining({ values }: Dictionary, needle: string): Uint8Array {
  const hit = new Uint8Array(values.length);
  for (let v = 0; v < values.length; v++) hit[v] = values[v]!.includes(needle) ? 1 : 0;
  return hit;
}

/** Per index from buildSearchIndex: its texts made up to a row, and those made so far. */
const textMakers = new WeakMap<SearchIndex, (until: number) => readonly string[]>();

/** The index's search texts, made at least up to row `until`. */
const textsUntil = (index: SearchIndex, until: number): readonly string[] =>
  textMakers.get(index)?.(until) ?? index.texts;

/**
 * The index over `rows`: their texts are made when first read, by a search or by
 * buildSearchIndexAhead while the page is idle, so the table's first paint never waits for
 * them (15 ms at 10,000 rows at start, where no filter is set).
 */
export function buildSearchIndex(rows: readonly Profile[]): SearchIndex {
  const texts: string[] = [];
  const make = (until: number) => {
    for (let i = texts.length; i < until; i++) texts.push(searchTextOf(rows[i]!));
    return texts;
  };
  const index: SearchIndex = {
    rows,
    get texts() {
      return make(rows.length);
    },
  };
  textMakers.set(index, make);
  return index;
}

// A copy, not a view: answers are kept for narrowing, and a view would keep every row's slot.
const fit = (positions: Int32Array, count: number) =>
  count === positions.length ? positions : positions.slice(0, count);

/** Positions 0..n-1: every row. */
export function allPositions(index: SearchIndex): Int32Array {
  const out = new Int32Array(index.rows.length);
  for (let i = 0; i < out.length; i++) out[i] = i;
  return out;
}

/** The positions, in order, of the rows whose text contains `needle` (no whitespace). */
export function rowsContaining(index: SearchIndex, needle: string): Int32Array {
  const dictionary = dictionaries.get(index);
  if (dictionary) return keepContaining(index, allPositions(index), needle);
  const { text, starts, chars } = haystackOf(index);
  const n = index.rows.length;
  const out = new Int32Array(n);
  let count = 0;
  const one = ownBit(needle);
  if (one) {
    for (let i = 0; i < n; i++) if (chars[2 * i + one.word]! & one.bit) out[count++] = i;
    return fit(out, count);
  }
  let row = 0;
  let at = text.indexOf(needle);
  while (at >= 0) {
    while (starts[row + 1]! <= at) row++;
    out[count++] = row;
    // One hit is enough: go on from the next row's start.
    if (++row >= n) break;
    at = text.indexOf(needle, starts[row]);
  }
  return fit(out, count);
}

/**
 * The positions among `among` (in order) whose text contains `needle`. Many rows: one walk
 * through the haystack, searching again only past the last occurrence found (a call per
 * row took 38 ms at 400,000 rows, the walk 8). Few rows: their own texts, as a walk would
 * cross every row between them.
 */
export function keepContaining(index: SearchIndex, among: Int32Array, needle: string): Int32Array {
  const out = new Int32Array(among.length);
  let count = 0;
  const dictionary = dictionaries.get(index);
  if (dictionary) {
    const hit = valuesContaining(dictionary, needle);
    const { ids } = dictionary;
    for (let k = 0; k < among.length; k++) {
      const i = among[k]!;
      if (hit[ids[i]!]) out[count++] = i;
    }
    return fit(out, count);
  }
  const one = ownBit(needle);
  if (among.length >= WALK_MIN_ROWS && among.length * WALK_WHEN_ONE_IN > index.rows.length) {
    const { text, starts, chars } = haystackOf(index);
    if (one) {
      for (let k = 0; k < among.length; k++) {
        const i = among[k]!;
        if (chars[2 * i + one.word]! & one.bit) out[count++] = i;
      }
      return fit(out, count);
    }
    let at = -1;
    for (let k = 0; k < among.length; k++) {
      const i = among[k]!;
      if (at < starts[i]!) {
        at = text.indexOf(needle, starts[i]);
        if (at < 0) break;
      }
      if (at < starts[i + 1]!) out[count++] = i;
    }
  } else {
    const { texts } = index;
    for (let k = 0; k < among.length; k++) {
      const i = among[k]!;
      if (texts[i]!.includes(needle)) out[count++] = i;
    }
  }
  return fit(out, count);
}

/** Below this many rows, or one row in this many, narrowing reads the rows' own texts. */
const WALK_MIN_ROWS = 10_000;
const WALK_WHEN_ONE_IN = 8;

/** The positions among `among` whose profile passes `test`. */
export function keepRows(
  index: SearchIndex,
  among: Int32Array,
  test: (p: Profile) => boolean,
): Int32Array {
  const { rows } = index;
  const out = new Int32Array(among.length);
  let count = 0;
  for (let k = 0; k < among.length; k++) {
    const i = among[k]!;
    if (test(rows[i]!)) out[count++] = i;
  }
  return fit(out, count);
}

/** The profiles at `positions`, in that order. */
export function rowsAt(index: SearchIndex, positions: Int32Array): Profile[] {
  const { rows } = index;
  const out = new Array<Profile>(positions.length);
  for (let k = 0; k < positions.length; k++) out[k] = rows[positions[k]!]!;
  return out;
}
