/**
 * The before-quit decision, away from Electron so it can be tested: ask when core says so,
 * stop core before the app goes, and never ask twice at once.
 */
import type { QuitQuestion } from './services/jobs/quit-question';

export interface QuitGuardDeps {
  question(): QuitQuestion | undefined;
  /** Shows the question; resolves true to quit. */
  ask(question: QuitQuestion): Promise<boolean>;
  /** Stops every service (core.dispose()). */
  stop(): Promise<void>;
  /** Quits for real (app.quit()): the guard lets that one through. */
  quit(): void;
  /** The user chose to stay after the last window closed: show one again. */
  stayed(): void;
}

/** Returns the before-quit listener. */
export function createQuitGuard(deps: QuitGuardDeps) {
  let stopping = false;
  let asking = false;
  return (event: { preventDefault(): void }): void => {
    if (stopping) return;
    event.preventDefault();
    if (asking) return;
    const question = deps.question();
    asking = true;
    void (question ? deps.ask(question) : Promise.resolve(true))
      .catch(() => false)
      .then((quit) => {
        asking = false;
        if (!quit) return deps.stayed();
        stopping = true;
        // Stops the demo sandbox and every browser it started before the app goes.
        void deps.stop().finally(() => deps.quit());
      });
  };
}
