/**
 * Scripts: the custom automation scripts saved in the data dir. Write one here, then run it
 * on any selection from the profiles' bulk bar ("Run automation…", task Script).
 */
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import i18next from 'i18next';
import { toast } from 'sonner';
import { SCRIPT_MAX_CHARS, SCRIPT_TEMPLATE } from '../../../../shared/model/automation';
import { Button } from '../../components/Button';
import { inputClass } from '../../components/Field';
import { useTranslation } from '../../i18n';
import { deck, errorText, unwrap } from '../../lib/deck';
import { ScriptEditor } from './ScriptEditor';
import { scriptsQuery, SCRIPTS_KEY } from './scripts-query';

/** The script being edited: a saved one by id, or a new one not saved yet. */
type Editing = { id?: string; name: string; source: string; load: number };

/** Each load of a script into the editor gets a new number: the editor is remounted. */
let loads = 0;
const nextLoad = () => ++loads;

export function ScriptsView() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const scripts = useQuery(scriptsQuery);
  const [editing, setEditing] = useState<Editing>();
  const [problem, setProblem] = useState('');

  const open = async (id: string) => {
    try {
      const s = await unwrap(deck().scripts.get({ id }));
      setProblem('');
      setEditing({ id: s.id, name: s.name, source: s.source, load: nextLoad() });
    } catch (e) {
      toast.error(i18next.t('scripts.openFailed'), { description: errorText(e) });
    }
  };
  const save = useMutation({
    mutationFn: (e: Editing) =>
      unwrap(
        deck().scripts.save({ ...(e.id ? { id: e.id } : {}), name: e.name, source: e.source }),
      ),
    onSuccess: (saved) => {
      setEditing((e) => e && { ...e, id: saved.id, name: saved.name });
      void queryClient.invalidateQueries({ queryKey: SCRIPTS_KEY });
      toast.success(i18next.t('scripts.savedToast', { name: saved.name }));
    },
    onError: (e) => setProblem(i18next.t('scripts.saveFailed', { error: errorText(e) })),
  });
  const remove = useMutation({
    mutationFn: (id: string) => unwrap(deck().scripts.delete({ id })),
    onSuccess: () => {
      setEditing(undefined);
      void queryClient.invalidateQueries({ queryKey: SCRIPTS_KEY });
    },
    onError: (e) => toast.error(i18next.t('scripts.deleteFailed'), { description: errorText(e) }),
  });

  const submit = () => {
    if (!editing) return;
    if (!editing.name.trim()) return setProblem(t('scripts.nameMissing'));
    if (editing.source.length > SCRIPT_MAX_CHARS)
      return setProblem(t('scripts.sourceTooLong', { max: SCRIPT_MAX_CHARS }));
    setProblem('');
    save.mutate(editing);
  };

  return (
    <section aria-labelledby="scripts-title" className="flex h-full flex-col">
      <header className="flex items-center gap-3 border-b border-zinc-200 px-6 py-3 dark:border-zinc-800">
        <div className="flex-1">
          <h1 id="scripts-title" className="text-lg font-semibold">
            {t('scripts.title')}
          </h1>
          <p className="text-xs text-zinc-500">{t('scripts.subtitle')}</p>
        </div>
        <Button
          variant="primary"
          onClick={() =>
            setEditing({
              name: t('scripts.newScriptName'),
              source: SCRIPT_TEMPLATE,
              load: nextLoad(),
            })
          }
        >
          {t('scripts.newScript')}
        </Button>
      </header>
      <div className="flex min-h-0 flex-1">
        <ul
          aria-label={t('scripts.saved')}
          className="w-60 shrink-0 space-y-0.5 overflow-auto border-r border-zinc-200 p-2 dark:border-zinc-800"
        >
          {scripts.data?.map((s) => (
            <li key={s.id}>
              <button
                type="button"
                aria-current={editing?.id === s.id ? 'true' : undefined}
                onClick={() => void open(s.id)}
                className="w-full truncate rounded px-2 py-1.5 text-left hover:bg-zinc-100 aria-[current=true]:bg-zinc-200 dark:hover:bg-zinc-800 dark:aria-[current=true]:bg-zinc-800"
              >
                {s.name}
              </button>
            </li>
          ))}
          {scripts.data?.length === 0 && (
            <li className="px-2 py-1.5 text-zinc-500">{t('scripts.none')}</li>
          )}
          {scripts.isError && (
            <li role="alert" className="px-2 py-1.5 text-red-700 dark:text-red-400">
              {errorText(scripts.error)}
            </li>
          )}
        </ul>
        {editing ? (
          <form
            className="flex min-w-0 flex-1 flex-col gap-2 p-4"
            onSubmit={(e) => {
              e.preventDefault();
              submit();
            }}
          >
            <div className="flex items-center gap-2">
              <input
                aria-label={t('scripts.name')}
                value={editing.name}
                maxLength={100}
                onChange={(e) => setEditing({ ...editing, name: e.target.value })}
                className={`${inputClass} max-w-sm`}
              />
              <div className="flex-1" />
              {editing.id && (
                <Button
                  variant="danger"
                  disabled={remove.isPending}
                  onClick={() => remove.mutate(editing.id!)}
                >
                  {t('scripts.delete')}
                </Button>
              )}
              <Button variant="primary" type="submit" disabled={save.isPending}>
                {t('scripts.save')}
              </Button>
            </div>
            {problem && (
              <p role="alert" className="text-red-700 dark:text-red-400">
                {problem}
              </p>
            )}
            <div className="min-h-0 flex-1">
              <ScriptEditor
                key={`${editing.id ?? 'new'}-${editing.load}`}
                label={t('scripts.source')}
                initial={editing.source}
                onChange={(source) => setEditing((e) => e && { ...e, source })}
              />
            </div>
          </form>
        ) : (
          <p className="p-6 text-zinc-500">{t('scripts.choose')}</p>
        )}
      </div>
    </section>
  );
}
