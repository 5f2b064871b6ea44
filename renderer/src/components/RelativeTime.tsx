import { useSyncExternalStore } from 'react';
import { useFormat } from '../i18n';

// One shared clock for every relative time on screen: a tick re-renders only the time
// cells, never whole rows, and there is one timer however many rows are shown.
const TICK_MS = 15_000;
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** Relative time in the chosen language that keeps itself current, exact time on hover. */
export function RelativeTime({ at }: { at: number }) {
  const current = useSyncExternalStore(subscribe, () => now);
  const format = useFormat();
  return (
    <time dateTime={new Date(at).toISOString()} title={format.dateTime(at)}>
      {format.relative(at, Math.max(current, at))}
    </time>
  );
}
