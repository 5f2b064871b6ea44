/**
 * i18next for the renderer: English is in the bundle (the fallback for any key a catalog
 * lacks); other languages load when chosen. The choice is remembered in localStorage (a UI
 * preference of this window); main is told so the native menu follows.
 */
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { deck } from '../lib/deck';
import { en } from './catalogs/en';
import { LANGUAGES, PSEUDO, pickLanguage } from './languages';
import { pseudoCatalog } from './pseudo';

export { LANGUAGES, PSEUDO } from './languages';
export { useFormat } from './format';
export { useTranslation };

const STORAGE_KEY = 'deck.language';

const storedLanguage = (): string | null => {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
};

async function ensureLoaded(code: string): Promise<void> {
  if (i18next.hasResourceBundle(code, 'translation')) return;
  const catalog =
    code === PSEUDO ? pseudoCatalog(en) : await LANGUAGES.find((l) => l.code === code)!.load();
  i18next.addResourceBundle(code, 'translation', catalog, true, true);
}

/** The page's lang (fonts, screen readers) and main's own words (the native menu). */
const apply = (code: string) => {
  document.documentElement.lang = code === PSEUDO ? 'en' : code;
  // The menu is a nicety: the UI renders whatever main (or a test's fake deck) answers.
  try {
    deck()
      .app.language({ language: code })
      .catch(() => undefined);
  } catch {
    // No such call on this deck.
  }
};

/** Before the first render: the remembered language, else the system's. */
export async function initI18n(): Promise<void> {
  const lng = pickLanguage(storedLanguage(), navigator.languages ?? [navigator.language]);
  await i18next.use(initReactI18next).init({
    lng,
    fallbackLng: 'en',
    resources: { en: { translation: en } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  await ensureLoaded(lng);
  await i18next.changeLanguage(lng);
  apply(lng);
}

/** Switches at once, without a restart, and remembers the choice. */
export async function setLanguage(code: string): Promise<void> {
  await ensureLoaded(code);
  await i18next.changeLanguage(code);
  apply(code);
  try {
    localStorage.setItem(STORAGE_KEY, code);
  } catch {
    // Storage refused (private mode): the choice lasts this session.
  }
}

export const currentLanguage = (): string => i18next.language;
