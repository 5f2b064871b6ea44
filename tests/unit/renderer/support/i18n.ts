/**
 * i18next as the renderer starts it, for unit tests in Node: modules that word text when
 * called (table cells, job names, validation messages) read the global instance. English
 * unless a test switches with `switchLanguage`.
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
    initAsync: false,
  });

/** Switches the language for the rest of a test (resources are in memory: at once). */
export async function switchLanguage(code: 'en' | 'zh-CN'): Promise<void> {
  await i18next.changeLanguage(code);
}
