import { useId, useState } from 'react';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { Field, inputClass } from '../../components/Field';
import { useTranslation } from '../../i18n';
import {
  checkViewName,
  currentView,
  describeView,
  findViewNamed,
  useSavedViews,
  VIEW_NAME_MAX,
} from './saved-views';

/** "Save view…": names the table as it is now; a name already used replaces that view. */
export function SaveViewButton({ connectionLabel }: { connectionLabel(id: string): string }) {
  const [open, setOpen] = useState(false);
  const { t } = useTranslation();
  return (
    <>
      <Button
        className="whitespace-nowrap"
        onClick={() => setOpen(true)}
        title={t('profiles.saveView.buttonTitle')}
      >
        {t('profiles.saveView.button')}
      </Button>
      {open && <SaveViewDialog connectionLabel={connectionLabel} onClose={() => setOpen(false)} />}
    </>
  );
}

function SaveViewDialog({
  connectionLabel,
  onClose,
}: {
  connectionLabel(id: string): string;
  onClose(): void;
}) {
  const views = useSavedViews((s) => s.views);
  const activeName = useSavedViews((s) => s.views.find((v) => v.id === s.activeId)?.name ?? '');
  const save = useSavedViews((s) => s.save);
  const [name, setName] = useState(activeName);
  const [tried, setTried] = useState(false);
  const [kept] = useState(currentView);
  const errorId = useId();
  const { t } = useTranslation();
  const checked = checkViewName(name);
  const replaces = checked.ok ? findViewNamed(views, checked.name) : undefined;
  const submit = () => {
    setTried(true);
    if (!checked.ok) return;
    save(checked.name);
    onClose();
  };
  return (
    <Dialog
      title={t('profiles.saveView.title')}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button variant="primary" type="submit" form="save-view">
            {replaces ? t('profiles.saveView.replace') : t('profiles.saveView.save')}
          </Button>
        </>
      }
    >
      <form
        id="save-view"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        className="space-y-3"
      >
        <Field
          label={t('profiles.saveView.name')}
          hint={
            replaces
              ? t('profiles.saveView.replaces', { name: replaces.name })
              : t('profiles.saveView.listed')
          }
        >
          <input
            data-autofocus
            value={name}
            maxLength={VIEW_NAME_MAX + 20}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={tried && !checked.ok}
            aria-describedby={tried && !checked.ok ? errorId : undefined}
            className={inputClass}
          />
        </Field>
        {tried && !checked.ok && (
          <p id={errorId} role="alert" className="text-xs text-red-600 dark:text-red-400">
            {checked.message}
          </p>
        )}
        <div>
          <p className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
            {t('profiles.saveView.keeps')}
          </p>
          <ul className="mt-1 list-inside list-disc text-[13px] break-words text-zinc-700 dark:text-zinc-300">
            {describeView(kept, connectionLabel).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      </form>
    </Dialog>
  );
}
