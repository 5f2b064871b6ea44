/**
 * The words a long list repeats in every row, worded once per language. i18next per row
 * and cell, and a language subscription per row component, cost the frames a list
 * re-renders in (a profiles scroll or filter keystroke, a Sessions refresh of a few hundred
 * rows). A list that words its rows this way re-renders its memoized rows on a language
 * switch itself (a `language` prop).
 */
import i18next, { type TFunction } from 'i18next';

/** Where a row's own value (a profile's name) goes in a template worded once. */
export const SLOT = '\u0000';

/** The template with the row's value in place of SLOT. */
export const fill = (template: string, value: string): string =>
  template.replace(SLOT, () => value);

/** `build`'s words for the language chosen now, built once per language. */
export function wordedPerLanguage<W>(build: (t: TFunction) => W): () => W {
  const byLanguage = new Map<string, W>();
  return () => {
    const lng = i18next.language;
    let words = byLanguage.get(lng);
    if (!words) {
      words = build(i18next.t);
      // Before i18next has a catalog (a test without it), nothing is kept.
      if (i18next.isInitialized) byLanguage.set(lng, words);
    }
    return words;
  };
}
