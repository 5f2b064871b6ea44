import { useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { THEMES, type Settings, type Theme } from '../../../../shared/ipc/contract';
import { VENDOR_IDS, VENDOR_LABEL } from '../../../../shared/model';
import { Button } from '../../components/Button';
import { FormField, controlClass } from '../../components/FormField';
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

const THEME_LABEL: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/** What main has that users ask to change: each field checked on its own as it is typed. */
export function SettingsView() {
  const settings = useQuery(settingsQuery);
  return (
    <section aria-labelledby="settings-title" className="flex h-full flex-col">
      <header className="border-b border-zinc-200 px-6 py-3 dark:border-zinc-800">
        <h1 id="settings-title" className="text-lg font-semibold">
          Settings
        </h1>
        <p className="text-xs text-zinc-500">Saved on this computer; they apply at once.</p>
      </header>
      {settings.isPending ? (
        <p className="px-6 py-4 text-zinc-500">Loading settings…</p>
      ) : settings.isError ? (
        <p role="alert" className={`${errorBanner} m-6`}>
          Could not load the settings: {errorText(settings.error)}
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
        toast.success('Settings saved');
      },
      onError: (error) => {
        // Main checks again; what it refuses shows under the field it names.
        const refused = fieldError(error);
        if (refused) setRefused({ path: refused.field, message: refused.text });
        else toast.error('Could not save the settings', { description: errorText(error) });
      },
    });
  };

  // The theme is not part of the draft: it applies (and is saved) the moment it is picked.
  const pickTheme = (next: Theme) => {
    const before = queryClient.getQueryData<Settings>(keys.settings);
    if (before) queryClient.setQueryData(keys.settings, { ...before, theme: next });
    theme.mutate(
      { theme: next },
      {
        onError: (error) => {
          if (before) queryClient.setQueryData(keys.settings, before);
          toast.error('Could not change the theme', { description: errorText(error) });
        },
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
  const msHint = (path: FieldPath, what: string) => {
    const spoken = spokenMs(draft.text[path]);
    return spoken ? `${what} (${spoken})` : what;
  };

  return (
    <form
      aria-label="Settings"
      onSubmit={submit}
      noValidate
      className="flex min-h-0 flex-1 flex-col"
    >
      <div className="min-h-0 flex-1 overflow-auto px-6 py-4">
        <div className="max-w-3xl space-y-6">
          <Section title="Appearance">
            <fieldset>
              <legend className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
                Theme
              </legend>
              <div role="radiogroup" aria-label="Theme" className="mt-1 flex gap-1.5">
                {THEMES.map((t) => (
                  <label
                    key={t}
                    className="flex cursor-pointer items-center gap-1.5 rounded border border-zinc-300 px-3 py-1 has-[:checked]:border-blue-500 has-[:checked]:bg-blue-50 dark:border-zinc-700 dark:has-[:checked]:border-blue-400 dark:has-[:checked]:bg-blue-950/50"
                  >
                    <input
                      type="radio"
                      name="theme"
                      value={t}
                      checked={saved.theme === t}
                      onChange={() => pickTheme(t)}
                      className="accent-blue-600"
                    />
                    {THEME_LABEL[t]}
                  </label>
                ))}
              </div>
              <p className="mt-1 text-xs text-zinc-500">
                System follows the light or dark mode of this computer.
              </p>
            </fieldset>
          </Section>

          <Section
            title="Vendor requests"
            note="How hard BrowserDeck may drive each vendor's client. Too many requests at once and a client answers “too fast”; a client that does not answer in time fails the request."
          >
            <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
              {VENDOR_IDS.map((vendor) =>
                numberField(
                  vendorPath(vendor),
                  `${VENDOR_LABEL[vendor]}: requests at once`,
                  `Per connection. Empty: the default, ${vendorDefault(vendor)}.`,
                  String(vendorDefault(vendor)),
                ),
              )}
              {numberField(
                'requestTimeoutMs',
                'Request timeout, ms',
                msHint('requestTimeoutMs', 'Every request but an open'),
              )}
              {numberField(
                'openTimeoutMs',
                'Open timeout, ms',
                msHint('openTimeoutMs', 'Opening starts a browser, so it may take longer'),
              )}
              {numberField(
                'openConcurrency',
                'Profiles opened at once',
                'By a bulk open; each starts a browser.',
              )}
            </div>
          </Section>

          <Section
            title="Proxy check"
            note="A check fetches the echo service through the profile's proxy and reads the exit IP it sees."
          >
            <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
              <FormField
                label="IP echo service"
                hint="An http(s) address that answers with the caller's IP."
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
              {numberField(
                'proxyCheckTimeoutMs',
                'Check timeout, ms',
                msHint('proxyCheckTimeoutMs', 'Per proxy'),
              )}
              {numberField('proxyCheckConcurrency', 'Checks at once')}
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
                  Check the proxy before opening, for connections added from now on
                  <span className="block text-xs text-zinc-500">
                    Each connection keeps its own choice; change it on the connection.
                  </span>
                </span>
              </label>
            </div>
          </Section>

          <Section title="Demo">
            <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
              {numberField(
                'demoProfiles',
                'Demo profiles',
                'Made by the built-in sandbox, split between the vendors.',
              )}
            </div>
          </Section>
        </div>
      </div>
      <footer className="flex items-center justify-end gap-3 border-t border-zinc-200 px-6 py-2.5 dark:border-zinc-800">
        <p role="status" className="mr-auto text-xs text-zinc-500">
          {invalid
            ? `${invalid === 1 ? 'One field needs' : `${invalid} fields need`} fixing before saving.`
            : changed
              ? 'Unsaved changes.'
              : 'Everything is saved.'}
        </p>
        <Button onClick={() => setDraft(toDraft(saved))} disabled={!changed || save.isPending}>
          Discard
        </Button>
        <Button
          variant="primary"
          type="submit"
          disabled={!changed || invalid > 0 || save.isPending}
        >
          {save.isPending ? 'Saving…' : 'Save'}
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
