/**
 * Numbers, dates, times, relative times and lists through Intl in the chosen language.
 * Formatters are cached per language: creating an Intl formatter costs far more than using
 * one, and a table formats thousands of cells.
 */
import { useTranslation } from 'react-i18next';
import { PSEUDO } from './languages';
import { PSEUDO_CLOSE, PSEUDO_OPEN } from './pseudo';

const locale = (lng: string) => (lng === PSEUDO ? 'en' : lng);

const cache = new Map<string, unknown>();
function cached<T>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) cache.set(key, (f = make()));
  return f;
}

export interface Formatters {
  number(n: number): string;
  dateTime(at: number): string;
  time(at: number): string;
  /** "3 minutes ago" / "3分钟前", from `at` to `now`. */
  relative(at: number, now: number): string;
  list(items: readonly string[]): string;
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

export function formatters(lng: string): Formatters {
  const f = intlFormatters(lng);
  if (lng !== PSEUDO) return f;
  // The pseudo-locale marks worded output too: dates and relative times are the UI's words.
  const mark = (s: string) => `${PSEUDO_OPEN}${s}${PSEUDO_CLOSE}`;
  return {
    number: f.number,
    dateTime: (at) => mark(f.dateTime(at)),
    time: (at) => mark(f.time(at)),
    relative: (at, now) => mark(f.relative(at, now)),
    list: (items) => mark(f.list(items)),
  };
}

function intlFormatters(lng: string): Formatters {
  const l = locale(lng);
  const num = cached(`n ${l}`, () => new Intl.NumberFormat(l));
  const dt = cached(
    `dt ${l}`,
    () => new Intl.DateTimeFormat(l, { dateStyle: 'medium', timeStyle: 'medium' }),
  );
  const tm = cached(`t ${l}`, () => new Intl.DateTimeFormat(l, { timeStyle: 'medium' }));
  const rel = cached(
    `r ${l}`,
    () => new Intl.RelativeTimeFormat(l, { numeric: 'auto', style: 'short' }),
  );
  const lst = cached(`l ${l}`, () => new Intl.ListFormat(l, { type: 'conjunction' }));
  return {
    number: (n) => num.format(n),
    dateTime: (at) => dt.format(at),
    time: (at) => tm.format(at),
    relative(at, now) {
      const seconds = Math.max(0, Math.round((now - at) / 1000));
      if (seconds < 45) return rel.format(0, 'second');
      for (const [unit, size] of UNITS)
        if (seconds >= size || unit === 'minute')
          return rel.format(-Math.max(1, Math.round(seconds / size)), unit);
      return rel.format(0, 'second');
    },
    list: (items) => lst.format(items),
  };
}

export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  return formatters(i18n.language);
}
