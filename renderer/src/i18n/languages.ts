/**
 * The languages BrowserDeck speaks. A third one is a catalog file plus one line here; its
 * catalog is fetched only when chosen, so it costs nothing at start.
 */
import { en, type Catalog } from './catalogs/en';

export interface Language {
  code: string;
  /** The language's name in itself, as the picker shows it. */
  name: string;
  load(): Promise<Catalog>;
}

export const LANGUAGES: readonly Language[] = [
  { code: 'en', name: 'English', load: async () => en },
  { code: 'zh-CN', name: '简体中文', load: async () => (await import('./catalogs/zh-CN')).default },
];

/** Every catalog string wrapped and lengthened: a test locale that shows untranslated text. */
export const PSEUDO = 'en-XA';

/**
 * The stored choice when there is one, else the first of the system's languages we speak
 * (Electron reports the OS locale through navigator.languages), else English.
 */
export function pickLanguage(stored: string | null, system: readonly string[]): string {
  if (stored && (stored === PSEUDO || LANGUAGES.some((l) => l.code === stored))) return stored;
  for (const tag of system) {
    const lower = tag.toLowerCase();
    const exact = LANGUAGES.find((l) => l.code.toLowerCase() === lower);
    if (exact) return exact.code;
    // zh, zh-Hans, zh-SG read Simplified; zh-TW, zh-HK, zh-Hant do not (no catalog yet).
    if (/^zh(-hans|-cn|-sg)?(-|$)/.test(lower) && !/-(hant|tw|hk|mo)\b/.test(lower)) return 'zh-CN';
    const base = LANGUAGES.find((l) => l.code.toLowerCase() === lower.split('-')[0]);
    if (base) return base.code;
  }
  return 'en';
}
