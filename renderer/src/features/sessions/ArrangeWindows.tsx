/**
 * Arrange the open Chromium windows of every vendor into a grid on a chosen display's work
 * area, and put them back. Main does it over each browser's DevTools endpoint.
 */
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { toast } from 'sonner';
import type { Session } from '../../../../shared/model';
import { Button } from '../../components/Button';
import { inputClass } from '../../components/Field';
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
        const extra = r.notPlaced.length ? `; ${r.notPlaced.length} more than the grid holds` : '';
        if (r.failed.length)
          toast.error(`Arranged ${r.arranged.length}; ${r.failed.length} failed${extra}`, {
            description: r.failed.map((f) => `${f.profileKey}: ${f.message}`).join('\n'),
          });
        else toast.success(`Arranged ${r.arranged.length} windows${extra}`);
      } else {
        const r = await unwrap(deck().sessions.restoreBounds({}));
        toast.success(`Restored ${r.restored.length} windows`);
      }
    } catch (e) {
      toast.error(what === 'arrange' ? 'Could not arrange' : 'Could not restore', {
        description: errorText(e),
      });
    } finally {
      setBusy(false);
    }
  };

  const number = (label: string, value: number, set: (n: number) => void, max: number) => (
    <label className="inline-flex items-center gap-1 text-xs text-zinc-600 dark:text-zinc-400">
      {label}
      <input
        type="number"
        min={label === 'Gap' ? 0 : 1}
        max={max}
        value={value}
        onChange={(e) => set(e.target.valueAsNumber)}
        className={`${inputClass} w-14`}
      />
    </label>
  );
  const valid =
    [rows, columns].every((n) => Number.isInteger(n) && n >= 1 && n <= 10) &&
    Number.isInteger(gap) &&
    gap >= 0 &&
    gap <= 200;
  return (
    <div role="group" aria-label="Arrange windows" className="ml-auto flex items-center gap-2">
      {displays && displays.length > 1 && (
        <select
          aria-label="Display"
          value={display?.id}
          onChange={(e) => setDisplayId(Number(e.target.value))}
          className={`${inputClass} w-40`}
        >
          {displays.map((d) => (
            <option key={d.id} value={d.id}>
              {d.label}
              {d.primary ? ' (main)' : ''} · {d.workArea.width}×{d.workArea.height}
            </option>
          ))}
        </select>
      )}
      {number('Rows', rows, setRows, 10)}
      {number('Columns', columns, setColumns, 10)}
      {number('Gap', gap, setGap, 200)}
      <Button
        disabled={busy || keys.length === 0 || !valid}
        onClick={() => void run('arrange')}
        title="Tile the open Chromium windows of every vendor, in this list's order"
      >
        Arrange {Number.isInteger(rows) ? rows : '?'}×{Number.isInteger(columns) ? columns : '?'}
      </Button>
      <Button disabled={busy} onClick={() => void run('restore')}>
        Restore windows
      </Button>
    </div>
  );
}

const roundArea = (a: { left: number; top: number; width: number; height: number }) => ({
  left: Math.round(a.left),
  top: Math.round(a.top),
  width: Math.max(100, Math.round(a.width)),
  height: Math.max(100, Math.round(a.height)),
});
