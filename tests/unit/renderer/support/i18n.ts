/**
 * The renderer's i18next, initialised in English with the app's catalog: modules that word
 * their messages (validation, copy plans, job summaries, editor markers) are tested with the
 * words the user reads. Import it for its effect before the module under test is used;
 * `inLanguage` runs a check in another language (中文) and back; `speak` switches for a suite.
 */
import i18next from 'i18next';
import { en } from '../../../../renderer/src/i18n/catalogs/en';
import zhCN from '../../../../renderer/src/i18n/catalogs/zh-CN';

await i18next.init({
  lng: 'en',
  fallbackLng: 'en',
  resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
  interpolation: { escapeValue: false },
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

/** Switches the UI language for the tests that follow. */
export async function speak(lng: 'en' | 'zh-CN'): Promise<void> {
  await i18next.changeLanguage(lng);
}
