import { Fragment, useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import i18next, { type ParseKeys } from 'i18next';
import { toast } from 'sonner';
import { THEMES, type Settings, type Theme } from '../../../../shared/ipc/contract';
import { VENDOR_IDS, VENDOR_LABEL } from '../../../../shared/model';
import { Button } from '../../components/Button';
import { FormField, controlClass } from '../../components/FormField';
import { LanguageSelect } from '../../components/LanguagePicker';
import { useTranslation } from '../../i18n';
import { errorBanner } from '../../components/styles';
import { deck, errorText, fieldError, unwrap } from '../../lib/deck';
import { keys, settingsQuery } from '../../lib/queries';
import {
  checkDraft,
  draftChanged,
  spokenMs,
  toDraft,
  vendorDefault,
  vendorPath,
  type FieldPath,
  type SettingsDraft,
} from './settings-form';

type NumberSpec = {
  path: FieldPath;
  label: ParseKeys;
  hint?: ParseKeys;
  /** Milliseconds: the hint also says what the typed number means ("15 s"). */
  ms?: boolean;
};
const REQUEST_FIELDS: readonly NumberSpec[] = [
  {
    path: 'requestTimeoutMs',
    label: 'settings.requestTimeout',
    hint: 'settings.requestTimeoutHint',
    ms: true,
  },
  {
    path: 'openTimeoutMs',
    label: 'settings.openTimeout',
    hint: 'settings.openTimeoutHint',
    ms: true,
  },
  {
    path: 'openConcurrency',
    label: 'settings.openConcurrency',
    hint: 'settings.openConcurrencyHint',
  },
];
const PROXY_CHECK_FIELDS: readonly NumberSpec[] = [
  {
    path: 'proxyCheckTimeoutMs',
    label: 'settings.checkTimeout',
    hint: 'settings.checkTimeoutHint',
    ms: true,
  },
  { path: 'proxyCheckConcurrency', label: 'settings.checkConcurrency' },
];
const DEMO_FIELDS: readonly NumberSpec[] = [
  { path: 'demoProfiles', label: 'settings.demoProfiles', hint: 'settings.demoProfilesHint' },
];

/** What main has that users ask to change: each field checked on its own as it is typed. */
export function SettingsView() {
  const { t } = useTranslation();
  const settings = useQuery(settingsQuery);
  return (
    <section aria-labelledby="settings-title" className="flex h-full flex-col">
      <header className="border-b border-zinc-200 px-6 py-3 dark:border-zinc-800">
        <h1 id="settings-title" className="text-lg font-semibold">
          {t('settings.title')}
        </h1>
        <p className="text-xs text-zinc-500">{t('settings.subtitle')}</p>
      </header>
      {settings.isPending ? (
        <p className="px-6 py-4 text-zinc-500">{t('settings.loading')}</p>
      ) : settings.isError ? (
        <p role="alert" className={`${errorBanner} m-6`}>
          {t('settings.loadFailed', { error: errorText(settings.error) })}
        </p>
      ) : (
        <SettingsForm saved={settings.data} />
      )}
    </section>
  );
}

function useSaveSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: Partial<Settings>) => unwrap(deck().settings.update(patch)),
    onSuccess: (saved) => queryClient.setQueryData(keys.settings, saved),
  });
}

function SettingsForm({ saved }: { saved: Settings }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<SettingsDraft>(() => toDraft(saved));
  const [refused, setRefused] = useState<{ path: string; message: string } | null>(null);
  const save = useSaveSettings();
  const theme = useSaveSettings();
  const queryClient = useQueryClient();

  const { patch, errors } = checkDraft(draft);
  const invalid = Object.keys(errors).length;
  const changed = draftChanged(draft, saved);
  const errorOf = (path: FieldPath) =>
    errors[path] ?? (refused?.path === path ? refused.message : undefined);
  const setText = (path: FieldPath, value: string) => {
    setRefused(null);
    setDraft((d) => ({ ...d, text: { ...d.text, [path]: value } }));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (invalid || !changed) return;
    save.mutate(patch, {
      onSuccess: (next) => {
        setDraft(toDraft(next));
        toast.success(i18next.t('settings.saved'));
      },
      onError: (error) => {
        // Main checks again; what it refuses shows under the field it names.
        const refused = fieldError(error);
        if (refused) setRefused({ path: refused.field, message: refused.text });
        else toast.error(i18next.t('settings.saveFailed'), { description: errorText(error) });
      },
    });
  };

  // The theme is not part of the draft: it applies (and is saved) the moment it is picked.
  // The radio shows the pick at once (the cache's change reaches React a task later), and a
  // read in flight (the screen's own, on mount) is cancelled first: landing after the pick,
  // it put the old theme back until the save answered.
  const [picked, setPicked] = useState<Theme | null>(null);
  const pickTheme = async (next: Theme) => {
    setPicked(next);
    await queryClient.cancelQueries({ queryKey: keys.settings });
    const before = queryClient.getQueryData<Settings>(keys.settings);
    if (before) queryClient.setQueryData(keys.settings, { ...before, theme: next });
    theme.mutate(
      { theme: next },
      {
        onError: (error) => {
          if (before) queryClient.setQueryData(keys.settings, before);
          toast.error(i18next.t('settings.themeFailed'), { description: errorText(error) });
        },
        onSettled: () => setPicked((p) => (p === next ? null : p)),
      },
    );
  };

  const numberField = (path: FieldPath, label: string, hint?: ReactNode, placeholder?: string) => (
    <FormField label={label} hint={hint} error={errorOf(path)}>
      <input
        inputMode="numeric"
        autoComplete="off"
        value={draft.text[path]}
        placeholder={placeholder}
        onChange={(e) => setText(path, e.target.value)}
        className={controlClass}
      />
    </FormField>
  );
  const specField = ({ path, label, hint, ms }: NumberSpec) => {
    const said = hint && t(hint);
    const spoken = ms ? spokenMs(draft.text[path]) : undefined;
    return (
      <Fragment key={path}>
        {numberField(
          path,
          t(label),
          said && spoken ? t('settings.withSpoken', { hint: said, spoken }) : said,
        )}
      </Fragment>
    );
  };

  return (
    <form
      aria-label={t('settings.formLabel')}
      onSubmit={submit}
      noValidate
      className="flex min-h-0 flex-1 flex-col"
    >
      <div className="min-h-0 flex-1 overflow-auto px-6 py-4">
        <div className="max-w-3xl space-y-6">
          <Section title={t('settings.appearance')}>
            <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
              <FormField label={t('settings.language')} hint={t('settings.languageHint')}>
                <LanguageSelect className={controlClass} />
              </FormField>
            </div>
            <fieldset>
              <legend className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
                {t('settings.theme')}
              </legend>
              <div
                role="radiogroup"
                aria-label={t('settings.theme')}
                className="mt-1 flex flex-wrap gap-1.5"
              >
                {THEMES.map((theme) => (
                  <label
                    key={theme}
                    className="flex cursor-pointer items-center gap-1.5 rounded border border-zinc-300 px-3 py-1 has-[:checked]:border-blue-500 has-[:checked]:bg-blue-50 dark:border-zinc-700 dark:has-[:checked]:border-blue-400 dark:has-[:checked]:bg-blue-950/50"
                  >
                    <input
                      type="radio"
                      name="theme"
                      value={theme}
                      checked={(picked ?? saved.theme) === theme}
                      onChange={() => void pickTheme(theme)}
                      className="accent-blue-600"
                    />
                    {t(`settings.themes.${theme}`)}
                  </label>
                ))}
              </div>
              <p className="mt-1 text-xs text-zinc-500">{t('settings.themeHint')}</p>
            </fieldset>
          </Section>

          <Section title={t('settings.vendorRequests')} note={t('settings.vendorRequestsNote')}>
            <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
              {VENDOR_IDS.map((vendor) =>
                numberField(
                  vendorPath(vendor),
                  t('settings.vendorConcurrency', { vendor: VENDOR_LABEL[vendor] }),
                  t('settings.vendorConcurrencyHint', { count: vendorDefault(vendor) }),
                  String(vendorDefault(vendor)),
                ),
              )}
              {REQUEST_FIELDS.map(specField)}
            </div>
          </Section>

          <Section title={t('settings.proxyCheck')} note={t('settings.proxyCheckNote')}>
            <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
              <FormField
                label={t('settings.ipEcho')}
                hint={t('settings.ipEchoHint')}
                error={errorOf('ipEchoUrl')}
                className="sm:col-span-2"
              >
                <input
                  type="url"
                  autoComplete="off"
                  spellCheck={false}
                  value={draft.text.ipEchoUrl}
                  onChange={(e) => setText('ipEchoUrl', e.target.value)}
                  className={controlClass}
                />
              </FormField>
              {PROXY_CHECK_FIELDS.map(specField)}
              <label className="flex items-start gap-2 sm:col-span-2">
                <input
                  type="checkbox"
                  checked={draft.checkProxyBeforeOpen}
                  onChange={(e) => {
                    const on = e.target.checked;
                    setDraft((d) => ({ ...d, checkProxyBeforeOpen: on }));
                  }}
                  className="mt-0.5 accent-blue-600"
                />
                <span>
                  {t('settings.checkBeforeOpen')}
                  <span className="block text-xs text-zinc-500">
                    {t('settings.checkBeforeOpenHint')}
                  </span>
                </span>
              </label>
            </div>
          </Section>

          <Section title={t('settings.demo')}>
            <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
              {DEMO_FIELDS.map(specField)}
            </div>
          </Section>
        </div>
      </div>
      <footer className="flex items-center justify-end gap-3 border-t border-zinc-200 px-6 py-2.5 dark:border-zinc-800">
        <p role="status" className="mr-auto text-xs text-zinc-500">
          {invalid
            ? t('settings.invalid', { count: invalid })
            : changed
              ? t('settings.unsaved')
              : t('settings.allSaved')}
        </p>
        <Button onClick={() => setDraft(toDraft(saved))} disabled={!changed || save.isPending}>
          {t('settings.discard')}
        </Button>
        <Button
          variant="primary"
          type="submit"
          disabled={!changed || invalid > 0 || save.isPending}
        >
          {save.isPending ? t('settings.saving') : t('settings.save')}
        </Button>
      </footer>
    </form>
  );
}

function Section({ title, note, children }: { title: string; note?: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="space-y-3">
      <div>
        <h2 className="text-sm font-semibold">{title}</h2>
        {note && <p className="mt-0.5 max-w-2xl text-xs text-zinc-500">{note}</p>}
      </div>
      {children}
    </section>
  );
}
