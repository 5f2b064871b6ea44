/**
 * Arrange the open Chromium windows of every vendor into a grid on a chosen display's work
 * area, and put them back. Main does it over each browser's DevTools endpoint.
 */
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import i18next from 'i18next';
import { toast } from 'sonner';
import type { Session } from '../../../../shared/model';
import { Button } from '../../components/Button';
import { inputBoxClass } from '../../components/Field';
import { useTranslation } from '../../i18n';
import { deck, errorText, unwrap } from '../../lib/deck';

/** This window's screen, where the build cannot list displays (the browser harness). */
function thisScreen() {
  const s = window.screen as Screen & { availLeft?: number; availTop?: number };
  return {
    left: Math.round(s.availLeft ?? 0),
    top: Math.round(s.availTop ?? 0),
    width: Math.max(100, Math.round(s.availWidth)),
    height: Math.max(100, Math.round(s.availHeight)),
  };
}

export function ArrangeWindows({ sessions }: { sessions: readonly Session[] }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState(2);
  const [columns, setColumns] = useState(2);
  const [gap, setGap] = useState(0);
  const [busy, setBusy] = useState(false);
  const displays = useQuery({
    queryKey: ['displays'],
    queryFn: () => unwrap(deck().sessions.displays({})),
    staleTime: 10_000,
  }).data?.displays;
  const [displayId, setDisplayId] = useState<number>();
  const display =
    displays?.find((d) => d.id === displayId) ?? displays?.find((d) => d.primary) ?? displays?.[0];
  const keys = sessions.filter((s) => s.engine !== 'firefox').map((s) => s.profileKey);

  const run = async (what: 'arrange' | 'restore') => {
    setBusy(true);
    try {
      if (what === 'arrange') {
        const r = await unwrap(
          deck().sessions.arrange({
            profileKeys: keys,
            rows,
            columns,
            gap,
            area: roundArea(display?.workArea ?? thisScreen()),
          }),
        );
        const counts = {
          count: r.arranged.length,
          failed: r.failed.length,
          more: r.notPlaced.length,
        };
        const more = r.notPlaced.length > 0;
        if (r.failed.length)
          toast.error(
            i18next.t(
              more ? 'sessions.arrange.arrangedFailedMore' : 'sessions.arrange.arrangedFailed',
              counts,
            ),
            // Each window's reason is main's own sentence (a DevTools answer), kept as given.
            { description: r.failed.map((f) => `${f.profileKey}: ${f.message}`).join('\n') },
          );
        else
          toast.success(
            i18next.t(more ? 'sessions.arrange.arrangedMore' : 'sessions.arrange.arranged', counts),
          );
      } else {
        const r = await unwrap(deck().sessions.restoreBounds({}));
        toast.success(i18next.t('sessions.arrange.restored', { count: r.restored.length }));
      }
    } catch (e) {
      toast.error(
        i18next.t(
          what === 'arrange' ? 'sessions.arrange.arrangeFailed' : 'sessions.arrange.restoreFailed',
        ),
        { description: errorText(e) },
      );
    } finally {
      setBusy(false);
    }
  };

  const valid =
    [rows, columns].every((n) => Number.isInteger(n) && n >= 1 && n <= 10) &&
    Number.isInteger(gap) &&
    gap >= 0 &&
    gap <= 200;
  return (
    <div
      role="group"
      aria-label={t('sessions.arrange.group')}
      className="ml-auto flex items-center gap-2"
    >
      {displays && displays.length > 1 && (
        <select
          aria-label={t('sessions.arrange.display')}
          value={display?.id}
          onChange={(e) => setDisplayId(Number(e.target.value))}
          className={`${inputBoxClass} max-w-56`}
        >
          {displays.map((d) => (
            <option key={d.id} value={d.id}>
              {d.label}
              {d.primary ? t('sessions.arrange.main') : ''} · {d.workArea.width}×{d.workArea.height}
            </option>
          ))}
        </select>
      )}
      <GridNumber field="rows" value={rows} onChange={setRows} min={1} max={10} />
      <GridNumber field="columns" value={columns} onChange={setColumns} min={1} max={10} />
      <GridNumber field="gap" value={gap} onChange={setGap} min={0} max={200} />
      <Button
        disabled={busy || keys.length === 0 || !valid}
        onClick={() => void run('arrange')}
        title={t('sessions.arrange.arrangeTitle')}
      >
        {t('sessions.arrange.arrange', {
          rows: Number.isInteger(rows) ? rows : '?',
          columns: Number.isInteger(columns) ? columns : '?',
        })}
      </Button>
      <Button disabled={busy} onClick={() => void run('restore')}>
        {t('sessions.arrange.restore')}
      </Button>
    </div>
  );
}

function GridNumber({
  field,
  value,
  onChange,
  min,
  max,
}: {
  field: 'rows' | 'columns' | 'gap';
  value: number;
  onChange(n: number): void;
  min: number;
  max: number;
}) {
  const { t } = useTranslation();
  return (
    <label className="inline-flex items-center gap-1 text-xs whitespace-nowrap text-zinc-600 dark:text-zinc-400">
      {t(`sessions.arrange.${field}`)}
      <input
        type="number"
        min={min}
        max={max}
        value={value}
        onChange={(e) => onChange(e.target.valueAsNumber)}
        className={`${inputBoxClass} w-14`}
      />
    </label>
  );
}

const roundArea = (a: { left: number; top: number; width: number; height: number }) => ({
  left: Math.round(a.left),
  top: Math.round(a.top),
  width: Math.max(100, Math.round(a.width)),
  height: Math.max(100, Math.round(a.height)),
});
