import { LANGUAGES, setLanguage, useTranslation } from '../i18n';

/** Switches the whole UI at once, no restart; the choice is remembered. */
export function LanguagePicker() {
  const { t, i18n } = useTranslation();
  return (
    <label className="flex items-center gap-2 px-3 pb-2 text-xs text-zinc-600 dark:text-zinc-400">
      <span>{t('language.label')}</span>
      <select
        value={LANGUAGES.some((l) => l.code === i18n.language) ? i18n.language : 'en'}
        onChange={(e) => void setLanguage(e.target.value)}
        className="min-w-0 flex-1 rounded border border-zinc-300 bg-white px-1.5 py-1 dark:border-zinc-700 dark:bg-zinc-900"
      >
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.name}
          </option>
        ))}
      </select>
    </label>
  );
}
