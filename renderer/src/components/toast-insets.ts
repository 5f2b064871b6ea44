/**
 * Room the toasts leave free. A part of the screen that holds controls along an edge (the
 * bulk bar along the bottom, the profile panel along the right) claims how far it reaches
 * in from that edge, and the toasts are placed past the furthest claim of each edge.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';

export type ToastEdge = 'bottom' | 'right';
export interface ToastInsets {
  bottom: number;
  right: number;
}

const NONE: ToastInsets = { bottom: 0, right: 0 };

/** The furthest claim per edge. */
export function insetsOf(claims: Iterable<{ edge: ToastEdge; px: number }>): ToastInsets {
  const out = { ...NONE };
  for (const c of claims) out[c.edge] = Math.max(out[c.edge], Math.ceil(c.px));
  return out;
}

const claims = new Map<symbol, { edge: ToastEdge; px: number }>();
const listeners = new Set<() => void>();
let current = NONE;

function publish(): void {
  const next = insetsOf(claims.values());
  if (next.bottom === current.bottom && next.right === current.right) return;
  current = next;
  for (const l of listeners) l();
}

/** Claims `px` from `edge` under `id` (again to update it); `null` gives it back. */
export function claimToastSpace(id: symbol, claim: { edge: ToastEdge; px: number } | null): void {
  if (claim) claims.set(id, claim);
  else claims.delete(id);
  publish();
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => void listeners.delete(l);
};

export const useToastInsets = (): ToastInsets =>
  useSyncExternalStore(
    subscribe,
    () => current,
    () => NONE,
  );

/**
 * A ref callback that keeps toasts off the element it is given, for as long as it is
 * mounted and however it is resized.
 */
export function useKeepToastsOff(edge: ToastEdge): (el: HTMLElement | null) => void {
  const [el, setEl] = useState<HTMLElement | null>(null);
  useEffect(() => {
    if (!el) return;
    const id = Symbol(edge);
    const measure = () => {
      const r = el.getBoundingClientRect();
      const px = edge === 'bottom' ? window.innerHeight - r.top : window.innerWidth - r.left;
      claimToastSpace(id, { edge, px: Math.max(0, px) });
    };
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    window.addEventListener('resize', measure);
    measure();
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
      claimToastSpace(id, null);
    };
  }, [el, edge]);
  return setEl;
}
