/**
 * Screens and dialogs the first screen does not show load when first drawn, so the start
 * bundle is what the Profiles table needs (start.lastknown10k.ms). Each brings its own
 * Suspense with no fallback: a chunk read from disk takes a few ms, and a spinner for that
 * would be the flash.
 */
import { lazy, Suspense, useState, type ComponentType } from 'react';

const loaders: Array<() => Promise<unknown>> = [];

/** A component whose code loads the first time it is drawn (or by preloadLazyWhenIdle);
 * nothing is drawn meanwhile. Mounted after its code loaded, it draws at once. */
export function lazyComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const get = () => (loading ??= load().then((c) => (loaded = c)));
  loaders.push(get);
  const Loaded = lazy(async () => ({ default: await get() }));
  return function LazyComponent(props: P) {
    // Chosen once per mount: switching from the lazy path to the loaded component later
    // would change the element type and remount it, losing its state (a form being filled).
    const [Ready] = useState(() => loaded);
    if (Ready) return <Ready {...props} />;
    return (
      <Suspense fallback={null}>
        <Loaded {...props} />
      </Suspense>
    );
  };
}

/** Typing, clicking or scrolling this recently holds the preloading back. */
const QUIET_MS = 1000;

/**
 * Loads every lazy screen and dialog once the first screen is up and the page is idle, so
 * the first open of a dialog is instant (keys typed right after Enter reach it) while the
 * start bundle stays small. One chunk at a time, each in an idle moment, and never while
 * the user types, clicks or scrolls: all of them at once (fetched, compiled and run) held
 * back the frames of a search typed in the first seconds (table.filter50k.p95.ms), and
 * then of the scroll that follows it (table.scroll50k.fps).
 */
export function preloadLazyWhenIdle(afterMs = 1500): void {
  let lastInput = -Infinity;
  const onInput = () => (lastInput = performance.now());
  // Scrolling counts too (caught on its way down: a scroll event does not bubble).
  const INPUTS = ['keydown', 'pointerdown', 'wheel', 'scroll'] as const;
  for (const type of INPUTS) window.addEventListener(type, onInput, true);
  const idle = (run: () => void) =>
    'requestIdleCallback' in window ? window.requestIdleCallback(run) : setTimeout(run, 0);
  const next = (i: number) => {
    if (i >= loaders.length) {
      for (const type of INPUTS) window.removeEventListener(type, onInput, true);
      return;
    }
    const since = performance.now() - lastInput;
    if (since < QUIET_MS) {
      setTimeout(() => next(i), QUIET_MS - since);
      return;
    }
    idle(() => {
      void loaders[i]!()
        .catch(() => undefined)
        .finally(() => next(i + 1));
    });
  };
  setTimeout(() => next(0), afterMs);
}

/**
 * A dialog that stays mounted and is shown by `open`: its code loads when it first opens,
 * and from then on it stays mounted as before, so closing it keeps what it kept.
 */
export function lazyDialog<P extends { open: boolean }>(
  load: () => Promise<ComponentType<P>>,
): ComponentType<P> {
  const Loaded = lazyComponent(load);
  return function LazyDialog(props: P) {
    const [opened, setOpened] = useState(props.open);
    if (props.open && !opened) setOpened(true);
    return opened ? <Loaded {...props} /> : null;
  };
}
