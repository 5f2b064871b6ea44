/**
 * Screens and dialogs the first screen does not show load when first drawn, so the start
 * bundle is what the Profiles table needs (start.lastknown10k.ms). Each brings its own
 * Suspense with no fallback: a chunk read from disk takes a few ms, and a spinner for that
 * would be the flash.
 */
import { lazy, Suspense, useState, type ComponentType } from 'react';

/** A component whose code loads the first time it is drawn; nothing is drawn meanwhile. */
export function lazyComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
): ComponentType<P> {
  const Loaded = lazy(async () => ({ default: await load() }));
  return function LazyComponent(props: P) {
    return (
      <Suspense fallback={null}>
        <Loaded {...props} />
      </Suspense>
    );
  };
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
