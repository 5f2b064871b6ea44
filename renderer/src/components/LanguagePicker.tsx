import type { SelectHTMLAttributes } from 'react';
import { LANGUAGES, setLanguage, useTranslation } from '../i18n';

const sidebarSelect =
  'min-w-0 flex-1 rounded border border-zinc-300 bg-white px-1.5 py-1 dark:border-zinc-700 dark:bg-zinc-900';

/**
 * The language choice itself, wherever it is offered (the sidebar, Settings): it switches the
 * whole UI at once, no restart, and the choice is remembered.
 */
export function LanguageSelect(
  props: Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'>,
) {
  const { i18n } = useTranslation();
  return (
    <select
      {...props}
      value={LANGUAGES.some((l) => l.code === i18n.language) ? i18n.language : 'en'}
      onChange={(e) => void setLanguage(e.target.value)}
    >
      {LANGUAGES.map((l) => (
        <option key={l.code} value={l.code} lang={l.code}>
          {l.name}
        </option>
      ))}
    </select>
  );
}

/** The sidebar's picker: the select with its label. */
export function LanguagePicker() {
  const { t } = useTranslation();
  return (
    <label className="flex items-center gap-2 px-3 pb-2 text-xs text-zinc-600 dark:text-zinc-400">
      <span>{t('language.label')}</span>
      <LanguageSelect className={sidebarSelect} />
    </label>
  );
}
