/**
 * The profiles search box's syntax: words, quoted phrases (`"账号 97"`) and field prefixes
 * (`group:ads`, `tag:"big spender"`). Every term must match; a bare word or phrase may
 * match in any free-text field, a prefixed one only in its field. A prefix that names no
 * field (`http://host`, `10:30`) is part of an ordinary word.
 */
import { SEARCH_FIELDS, type SearchFieldName } from './search-index';

export interface SearchTerm {
  /** Undefined: any free-text field. */
  field?: SearchFieldName;
  /** Lowercase; may hold spaces (a phrase), never a line break. */
  value: string;
}

const isField = (name: string): name is SearchFieldName => Object.hasOwn(SEARCH_FIELDS, name);

const PREFIX = /^([a-z]+):/i;

/** The terms of a search text, each once; `tag:` with nothing after it yet is no term. */
export function parseSearch(text: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  const seen = new Set<string>();
  let at = 0;
  while (at < text.length) {
    while (at < text.length && /\s/.test(text[at]!)) at++;
    if (at >= text.length) break;
    let field: SearchFieldName | undefined;
    const prefix = PREFIX.exec(text.slice(at, at + 16));
    const name = prefix?.[1]!.toLowerCase();
    if (prefix && name !== undefined && isField(name)) {
      field = name;
      at += prefix[0].length;
    }
    let value: string;
    if (text[at] === '"') {
      // An unclosed quote runs to the end: the phrase being typed.
      const end = text.indexOf('"', at + 1);
      value = text.slice(at + 1, end < 0 ? text.length : end);
      at = end < 0 ? text.length : end + 1;
    } else {
      const start = at;
      while (at < text.length && !/\s/.test(text[at]!)) at++;
      value = text.slice(start, at);
    }
    value = value.replace(/[\r\n]+/g, ' ').toLowerCase();
    if (!value.trim()) continue;
    const key = termKey({ field, value });
    if (seen.has(key)) continue;
    seen.add(key);
    terms.push(field ? { field, value } : { value });
  }
  return terms;
}

/** One string per term, for comparing queries. */
export const termKey = (t: SearchTerm): string => `${t.field ?? ''}\u0000${t.value}`;

/**
 * Whether every row `later` keeps is also kept by `earlier`, so an answer to `earlier` can
 * be narrowed to `later` instead of searching every row again.
 */
export function implies(later: SearchTerm, earlier: SearchTerm): boolean {
  if (later.field !== earlier.field) return false;
  const exact = later.field ? SEARCH_FIELDS[later.field].exact : undefined;
  if (!exact) return later.value.includes(earlier.value);
  // `status:open` is open only; `status:op` is open and opening.
  return exact.has(earlier.value)
    ? later.value === earlier.value
    : later.value.startsWith(earlier.value);
}
