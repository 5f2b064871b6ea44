import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { useTranslation } from '../../i18n';
import { SHORTCUT_GROUPS, type Shortcut } from './shortcuts';

type Group = (typeof SHORTCUT_GROUPS)[number];

// The longest group takes a column of its own and the others stack beside it, so the list
// is as short as it can be and fits a 1280×720 window without scrolling.
const LONGEST = SHORTCUT_GROUPS.reduce((a, b) => (b.shortcuts.length > a.shortcuts.length ? b : a));
const OTHERS = SHORTCUT_GROUPS.filter((g) => g !== LONGEST);

/** `?`: every shortcut of the profiles screen, from the one list the handlers announce. */
export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Dialog
      title={t('profiles.shortcuts.title')}
      onClose={onClose}
      wide
      footer={
        <Button variant="primary" data-autofocus onClick={onClose}>
          {t('profiles.shortcuts.done')}
        </Button>
      }
    >
      <div className="grid gap-x-8 gap-y-4 sm:grid-cols-2">
        <div className="space-y-4">
          {OTHERS.map((g) => (
            <GroupSection key={g.id} group={g} />
          ))}
        </div>
        <div>
          <GroupSection group={LONGEST} />
        </div>
      </div>
    </Dialog>
  );
}

function GroupSection({ group: g }: { group: Group }) {
  const { t } = useTranslation();
  const title = t(`profiles.shortcuts.groups.${g.id}`);
  return (
    <section aria-label={title}>
      <h3 className="mb-1.5 text-xs font-semibold text-zinc-600 dark:text-zinc-400">{title}</h3>
      <dl className="space-y-1">
        {g.shortcuts.map((s) => (
          <ShortcutRow key={`${s.keys} ${s.what}`} shortcut={s} />
        ))}
      </dl>
    </section>
  );
}

function ShortcutRow({ shortcut: s }: { shortcut: Shortcut }) {
  const { t } = useTranslation();
  return (
    <div className="flex items-baseline gap-3">
      <dt className="w-36 shrink-0">
        <kbd className="rounded border border-zinc-300 bg-zinc-50 px-1 py-px font-sans text-xs whitespace-nowrap dark:border-zinc-700 dark:bg-zinc-800">
          {s.keys}
        </kbd>
      </dt>
      <dd className="text-[13px]">{t(`profiles.shortcuts.what.${s.what}`)}</dd>
    </div>
  );
}
