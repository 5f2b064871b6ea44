import { memo } from 'react';
import { Popover } from '../../components/Popover';
import { useTranslation } from '../../i18n';
import { useProfilesUi } from './store';
import { columnLabel, PROFILE_COLUMNS } from './columns';
import {
  columnGroups,
  DENSITIES,
  pinColumn,
  shiftColumn,
  type ColumnLayout,
  type Density,
  type PinSide,
} from './column-layout';

const ALL_IDS = PROFILE_COLUMNS.map((c) => c.id as string);
// Symbols, not words: the same in every language.
const LEFT = '←';
const RIGHT = '→';
const smallButton =
  'rounded px-1 text-xs text-zinc-600 hover:bg-zinc-200 disabled:opacity-30 disabled:hover:bg-transparent dark:text-zinc-300 dark:hover:bg-zinc-700';

/**
 * Everything about the columns, by keyboard as well as by mouse: show or hide, move (the
 * headers can also be dragged), pin to an edge, and the row density. All of it is remembered.
 */
export const ColumnsMenu = memo(function ColumnsMenu() {
  const { t } = useTranslation();
  return (
    <Popover label={t('profiles.columnsMenu.button')}>
      <ColumnSettings />
    </Popover>
  );
});

/**
 * The menu's panel, a component of its own so that it is worded and built only while open:
 * built inside ColumnsMenu, its six worded strings per column were a tenth of the app's
 * first render, for a panel nobody had opened.
 */
function ColumnSettings() {
  const visibility = useProfilesUi((s) => s.columnVisibility);
  const setVisibility = useProfilesUi((s) => s.setColumnVisibility);
  const order = useProfilesUi((s) => s.columnOrder);
  const pinning = useProfilesUi((s) => s.columnPinning);
  const density = useProfilesUi((s) => s.density);
  const setDensity = useProfilesUi((s) => s.setDensity);
  const resetColumns = useProfilesUi((s) => s.resetColumns);
  const { t } = useTranslation();
  const layout: ColumnLayout = { order, pinning };
  const shown = (id: string) => visibility[id] !== false;
  const shownCount = ALL_IDS.filter(shown).length;
  const groups = columnGroups(ALL_IDS, layout);
  const apply = (next: ColumnLayout) => {
    if (next === layout) return;
    useProfilesUi.getState().setColumnOrder(next.order);
    useProfilesUi.getState().setColumnPinning(next.pinning);
  };
  const sideOf = (id: string): PinSide | '' =>
    groups.left.includes(id) ? 'left' : groups.right.includes(id) ? 'right' : '';

  return (
    <div className="w-72 space-y-3">
      <fieldset className="space-y-0.5">
        <legend className="mb-1 text-xs font-medium text-zinc-500">
          {t('profiles.columnsMenu.order')}
        </legend>
        {[...groups.left, ...groups.center, ...groups.right].map((id) => {
          const label = columnLabel(id);
          const on = shown(id);
          const moved = (delta: -1 | 1) => shiftColumn(ALL_IDS, layout, id, delta, shown);
          return (
            <div
              key={id}
              data-column-setting={id}
              className="flex items-center gap-1 rounded px-1 py-0.5 hover:bg-zinc-100 dark:hover:bg-zinc-800"
            >
              <label className="flex min-w-0 flex-1 items-center gap-2">
                <input
                  type="checkbox"
                  checked={on}
                  // The last visible column stays: a table with no columns helps no one.
                  disabled={on && shownCount === 1}
                  onChange={() => setVisibility({ ...visibility, [id]: !on })}
                />
                <span className="truncate">{label}</span>
              </label>
              <button
                type="button"
                aria-label={t('profiles.columnsMenu.moveLeft', { column: label })}
                title={t('profiles.columnsMenu.moveLeftTitle')}
                disabled={moved(-1) === layout}
                onClick={() => apply(moved(-1))}
                className={smallButton}
              >
                {LEFT}
              </button>
              <button
                type="button"
                aria-label={t('profiles.columnsMenu.moveRight', { column: label })}
                title={t('profiles.columnsMenu.moveRightTitle')}
                disabled={moved(1) === layout}
                onClick={() => apply(moved(1))}
                className={smallButton}
              >
                {RIGHT}
              </button>
              <select
                aria-label={t('profiles.columnsMenu.pin', { column: label })}
                value={sideOf(id)}
                onChange={(e) =>
                  apply(pinColumn(ALL_IDS, layout, id, (e.target.value || false) as PinSide))
                }
                className="rounded border border-zinc-300 bg-white px-0.5 text-xs dark:border-zinc-700 dark:bg-zinc-900"
              >
                <option value="">{t('profiles.columnsMenu.notPinned')}</option>
                <option value="left">{t('profiles.columnsMenu.pinLeft')}</option>
                <option value="right">{t('profiles.columnsMenu.pinRight')}</option>
              </select>
            </div>
          );
        })}
      </fieldset>
      <fieldset>
        <legend className="mb-1 text-xs font-medium text-zinc-500">
          {t('profiles.columnsMenu.density')}
        </legend>
        <div className="flex gap-3">
          {DENSITIES.map((d) => (
            <label key={d} className="flex items-center gap-1">
              <input
                type="radio"
                name="profiles-density"
                checked={density === d}
                onChange={() => setDensity(d)}
              />
              {t(`profiles.columnsMenu.${d satisfies Density}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <button
        type="button"
        onClick={resetColumns}
        className="w-full rounded px-1 py-0.5 text-left text-xs text-blue-700 hover:bg-zinc-100 dark:text-blue-400 dark:hover:bg-zinc-800"
      >
        {t('profiles.columnsMenu.reset')}
      </button>
    </div>
  );
}
