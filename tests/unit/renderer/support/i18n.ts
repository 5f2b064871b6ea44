/**
 * The renderer's i18next as the app starts it, for unit tests in Node: modules that word
 * their messages (table cells, validation, copy plans, job summaries, editor markers) read the
 * global instance, so they are tested with the words the user reads. English unless a test
 * switches: `inLanguage` runs a check in another language (中文) and back; `speak` (alias
 * `switchLanguage`) switches for the tests that follow.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from '../../../../renderer/src/i18n/catalogs/en';
import zhCN from '../../../../renderer/src/i18n/catalogs/zh-CN';

if (!i18next.isInitialized)
  void i18next.use(initReactI18next).init({
    lng: 'en',
    fallbackLng: 'en',
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    interpolation: { escapeValue: false },
    // Resources are in memory: initialised before this module's importers run.
    initAsync: false,
  });

/** Runs `fn` with the UI in `lng`, then back in English. */
export async function inLanguage<T>(lng: string, fn: () => T): Promise<T> {
  await i18next.changeLanguage(lng);
  try {
    return fn();
  } finally {
    await i18next.changeLanguage('en');
  }
}

/** Switches the UI language for the tests that follow (at once). */
export async function speak(lng: 'en' | 'zh-CN'): Promise<void> {
  await i18next.changeLanguage(lng);
}
export const switchLanguage = speak;
