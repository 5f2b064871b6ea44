import { errorText } from '../../lib/deck';
import { errorBanner } from '../../components/styles';
import type { useDemoStart } from './use-demo';
import { Button } from '../../components/Button';

/**
 * What a first start with no vendor client meets: an honest "nothing answered" and a way
 * to try everything on the built-in sandbox.
 */
export function DemoOffer({
  start,
  onAddManually,
}: {
  start: ReturnType<typeof useDemoStart>;
  onAddManually(): void;
}) {
  return (
    <section
      aria-labelledby="demo-offer-title"
      aria-busy={start.isPending}
      className="rounded-lg border border-blue-200 bg-blue-50 p-6 dark:border-blue-900 dark:bg-blue-950/40"
    >
      <h2 id="demo-offer-title" className="text-base font-semibold">
        No vendor client answered on this machine. Try the built-in sandbox
      </h2>
      <p className="mt-1.5 max-w-2xl text-xs text-zinc-600 dark:text-zinc-400">
        The sandbox emulates the vendors' Local APIs with 200 demo profiles, so you can try the
        table, bulk edits, sessions and DevTools. It uses a real Chromium, Chrome or Edge if one is
        installed, otherwise a simulated mode. Stop it any time.
      </p>
      {start.isError && (
        <p role="alert" className={`${errorBanner} mt-3`}>
          The sandbox did not start: {errorText(start.error)}
        </p>
      )}
      <div className="mt-4 flex flex-wrap items-center gap-2">
        <Button variant="primary" disabled={start.isPending} onClick={() => start.mutate()}>
          {start.isPending ? 'Starting the sandbox…' : 'Try the built-in sandbox'}
        </Button>
        <Button onClick={onAddManually}>Add a connection by hand</Button>
        {start.isPending && (
          <span role="status" className="text-xs text-zinc-600 dark:text-zinc-400">
            Creating 200 demo profiles and looking for a browser…
          </span>
        )}
      </div>
    </section>
  );
}

/** Says plainly which mode the running sandbox is in. */
export function DemoStatus({
  demo,
  stopping,
  onStop,
}: {
  demo: { simulated: boolean; browserPath?: string | undefined };
  stopping: boolean;
  onStop(): void;
}) {
  return (
    <div
      role="status"
      data-testid="demo-status"
      className="flex items-center justify-between gap-3 rounded border border-blue-200 bg-blue-50 px-3 py-2 text-xs dark:border-blue-900 dark:bg-blue-950/40"
    >
      <span>
        <strong className="font-semibold">Demo sandbox running</strong>
        {demo.simulated ? (
          <>
            {' '}
            in simulated mode: no Chromium, Chrome or Edge was found, so demo windows are simulated
            and no real browser opens.
          </>
        ) : (
          <>
            {' '}
            with a real browser:{' '}
            <code className="font-mono">{demo.browserPath ?? 'found on this system'}</code>
          </>
        )}
      </span>
      <Button disabled={stopping} onClick={onStop}>
        {stopping ? 'Stopping…' : 'Stop demo'}
      </Button>
    </div>
  );
}
