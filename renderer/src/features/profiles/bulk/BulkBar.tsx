import { Fragment, useLayoutEffect, useRef, useState } from 'react';
import type { Connection, Profile } from '../../../../../shared/model';
import { Button, buttonClass } from '../../../components/Button';
import { MenuButton } from '../../../components/Menu';
import { useKeepToastsOff } from '../../../components/toast-insets';
import { clearProfileSelection, useProfilesUi } from '../store';
import { useTranslation } from '../../../i18n';
import { actionLabel, actionTitle, BULK_ACTIONS, type BulkAction } from './bulk-actions';
import { fitActions } from './fit-actions';
import { useBulkActions } from './use-bulk-actions';

const GAP = 6;
/** A divider before a button: its line plus its margins. */
const DIVIDER = 9 + GAP;
let lastFit: number | undefined;

/**
 * Acts on the whole selection, including selected rows the current filter hides. One line
 * whatever the window's width: the buttons that do not fit go into "More".
 */
export function BulkBar({
  selected,
  hidden,
  connectionsById,
  actions = BULK_ACTIONS,
}: {
  selected: Profile[];
  /** How many selected rows the filter hides: the bar says so, since they are acted on too. */
  hidden: number;
  connectionsById: ReadonlyMap<string, Connection>;
  actions?: readonly BulkAction[];
}) {
  const openId = useProfilesUi((s) => s.bulkDialog);
  const openDialog = useProfilesUi((s) => s.openBulkDialog);
  const bulk = useBulkActions(selected, connectionsById);
  const toastsOff = useKeepToastsOff('bottom');
  const { t, i18n } = useTranslation();
  const open = actions.find((a) => a.id === openId);
  // A dialog opened by a key or the context menu still answers to its enabled-when.
  const Open = open && 'dialog' in open && bulk.isEnabled(open) ? open.dialog : null;

  const box = useRef<HTMLDivElement>(null);
  const measure = useRef<HTMLDivElement>(null);
  // Starts from the last fit: a bar shown again (a new selection) lays out once, not twice.
  const [fit, setFit] = useState(() => lastFit ?? actions.length);
  useLayoutEffect(() => {
    const area = box.current;
    const copies = measure.current;
    if (!area || !copies) return;
    const relayout = () => {
      const [more, ...buttons] = [...copies.children] as HTMLElement[];
      const widths = buttons.map(
        (b, i) => b.offsetWidth + (i > 0 && actions[i]?.divider ? DIVIDER : 0),
      );
      lastFit = fitActions(widths, area.clientWidth, more!.offsetWidth + GAP, GAP);
      setFit(lastFit);
    };
    const observer = new ResizeObserver(relayout);
    observer.observe(area);
    observer.observe(copies);
    relayout();
    return () => observer.disconnect();
    // A new language is new widths: the copies are observed, and measured again here too.
  }, [actions, i18n.language]);

  const shown = actions.slice(0, fit);
  const rest = actions.slice(fit);
  return (
    <div
      ref={toastsOff}
      role="toolbar"
      aria-label={t('bulk.bar.label')}
      className="relative flex items-center gap-1.5 border-t border-blue-200 bg-blue-50 px-3 py-2 whitespace-nowrap dark:border-blue-900 dark:bg-blue-950/40"
    >
      <span data-testid="bulk-count" className="mr-2 shrink-0 font-medium">
        {t('bulk.bar.selected', { count: selected.length })}
        {hidden > 0 && (
          <span className="ml-1 font-normal text-zinc-600 dark:text-zinc-400">
            {t('bulk.bar.hidden', { count: hidden })}
          </span>
        )}
      </span>
      <div ref={box} className="flex min-w-0 flex-1 items-center gap-1.5 overflow-hidden">
        {shown.map((a, i) => (
          <Fragment key={a.id}>
            {a.divider && i > 0 && (
              <span className="mx-1 h-5 w-px shrink-0 bg-blue-200 dark:bg-blue-900" aria-hidden />
            )}
            <Button
              variant={a.danger ? 'ghost' : 'secondary'}
              className={`shrink-0 ${a.danger ? 'text-red-700 dark:text-red-400' : ''}`}
              onClick={() => bulk.press(a)}
              disabled={!bulk.isEnabled(a)}
              title={actionTitle(a)}
            >
              {actionLabel(a)}
            </Button>
          </Fragment>
        ))}
        {rest.length > 0 && (
          <MenuButton
            label={t('bulk.bar.more')}
            menuLabel={t('bulk.bar.moreMenu')}
            title={rest.map(actionLabel).join(', ')}
            items={rest.map((a, i) => ({ ...bulk.menuEntry(a), divider: i > 0 && !!a.divider }))}
          />
        )}
      </div>
      <Button
        variant="ghost"
        className="shrink-0"
        onClick={clearProfileSelection}
        title={t('bulk.bar.clearTitle')}
      >
        {t('bulk.bar.clear')}
      </Button>
      {/* Unseen copies of "More" and every button, to measure what fits. */}
      <div
        ref={measure}
        aria-hidden
        className="pointer-events-none invisible absolute top-0 left-0 flex gap-1.5"
      >
        <span className={buttonClass('secondary')}>{t('bulk.bar.more')}</span>
        {actions.map((a) => (
          <span key={a.id} className={buttonClass(a.danger ? 'ghost' : 'secondary')}>
            {actionLabel(a)}
          </span>
        ))}
      </div>
      {Open && (
        <Open
          profiles={selected}
          connectionsById={connectionsById}
          onClose={() => openDialog(null)}
        />
      )}
    </div>
  );
}
