/**
 * i18next set up as the app sets it up, in the language a test asks for: renderer modules
 * that word text when called (job summaries, form messages, editor markers) then read as
 * they would on screen.
 */
import i18next from 'i18next';
import { en } from '../../../../renderer/src/i18n/catalogs/en';
import zhCN from '../../../../renderer/src/i18n/catalogs/zh-CN';

export async function speak(lng: 'en' | 'zh-CN'): Promise<void> {
  if (!i18next.isInitialized)
    await i18next.init({
      lng,
      fallbackLng: 'en',
      resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
      interpolation: { escapeValue: false },
    });
  await i18next.changeLanguage(lng);
}
