import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** The page as preloadLazyWhenIdle sees it: events, idle callbacks, a clock (all faked). */
function fakeWindow() {
  const target = new EventTarget();
  return Object.assign(target, {
    requestIdleCallback: (run: () => void) => setTimeout(run, 0),
  });
}

async function loadLazy() {
  vi.resetModules();
  return import('../../../../renderer/src/components/lazy');
}

describe('preloading the lazy screens', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'Date'] });
    vi.stubGlobal('window', fakeWindow());
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('loads one chunk at a time once the page is up and idle', async () => {
    const { lazyComponent, preloadLazyWhenIdle } = await loadLazy();
    const done: Array<() => void> = [];
    const loads = [1, 2, 3].map(() =>
      vi.fn(() => new Promise<() => null>((resolve) => done.push(() => resolve(() => null)))),
    );
    for (const load of loads) lazyComponent(load);
    preloadLazyWhenIdle(1500);
    await vi.advanceTimersByTimeAsync(1499);
    expect(loads[0]).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(10);
    expect(loads[0]).toHaveBeenCalledOnce();
    await vi.advanceTimersByTimeAsync(1000);
    // The next waits for the first to have loaded.
    expect(loads[1]).not.toHaveBeenCalled();
    done[0]!();
    await vi.advanceTimersByTimeAsync(10);
    expect(loads[1]).toHaveBeenCalledOnce();
    done[1]!();
    await vi.advanceTimersByTimeAsync(10);
    expect(loads[2]).toHaveBeenCalledOnce();
  });

  it('waits while the user types or scrolls, and goes on a second after the last', async () => {
    const { lazyComponent, preloadLazyWhenIdle } = await loadLazy();
    const load = vi.fn(() => Promise.resolve(() => null));
    lazyComponent(load);
    preloadLazyWhenIdle(1500);
    // A key every 200 ms from 1 s to 4 s after start, then scrolling until 6 s.
    await vi.advanceTimersByTimeAsync(1000);
    for (let t = 0; t < 3000; t += 200) {
      window.dispatchEvent(new Event('keydown'));
      await vi.advanceTimersByTimeAsync(200);
    }
    for (let t = 0; t < 2000; t += 100) {
      window.dispatchEvent(new Event('scroll'));
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(load).not.toHaveBeenCalled();
    // The last scroll was at 5.9 s.
    await vi.advanceTimersByTimeAsync(850);
    expect(load).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(100);
    expect(load).toHaveBeenCalledOnce();
  });
});
