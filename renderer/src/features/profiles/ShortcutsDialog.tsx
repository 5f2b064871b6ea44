import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { SHORTCUT_GROUPS } from './shortcuts';

/** `?`: every shortcut of the profiles screen, from the one list the handlers announce. */
export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  return (
    <Dialog
      title="Keyboard shortcuts"
      onClose={onClose}
      wide
      footer={
        <Button variant="primary" data-autofocus onClick={onClose}>
          Done
        </Button>
      }
    >
      <div className="grid gap-x-8 gap-y-4 sm:grid-cols-2">
        {SHORTCUT_GROUPS.map((g) => (
          <section key={g.title} aria-label={g.title}>
            <h3 className="mb-1.5 text-xs font-semibold text-zinc-600 dark:text-zinc-400">
              {g.title}
            </h3>
            <dl className="space-y-1">
              {g.shortcuts.map((s) => (
                <div key={`${s.keys} ${s.what}`} className="flex items-baseline gap-3">
                  <dt className="w-36 shrink-0">
                    <kbd className="rounded border whitespace-nowrap border-zinc-300 bg-zinc-50 px-1 py-px font-sans text-xs dark:border-zinc-700 dark:bg-zinc-800">
                      {s.keys}
                    </kbd>
                  </dt>
                  <dd className="text-[13px]">{s.what}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Dialog>
  );
}
