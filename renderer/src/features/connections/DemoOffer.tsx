import { errorText } from '../../lib/deck';
import { errorBanner } from '../../components/styles';
import type { useDemoStart } from './use-demo';
import { Button } from '../../components/Button';
import { useTranslation } from '../../i18n';

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
  const { t } = useTranslation();
  return (
    <section
      aria-labelledby="demo-offer-title"
      aria-busy={start.isPending}
      className="rounded-lg border border-blue-200 bg-blue-50 p-6 dark:border-blue-900 dark:bg-blue-950/40"
    >
      <h2 id="demo-offer-title" className="text-base font-semibold">
        {t('connections.demo.offerTitle')}
      </h2>
      <p className="mt-1.5 max-w-2xl text-xs text-zinc-600 dark:text-zinc-400">
        {t('connections.demo.offerText')}
      </p>
      {start.isError && (
        <p role="alert" className={`${errorBanner} mt-3`}>
          {t('connections.demo.startFailed', { error: errorText(start.error) })}
        </p>
      )}
      <div className="mt-4 flex flex-wrap items-center gap-2">
        <Button variant="primary" disabled={start.isPending} onClick={() => start.mutate()}>
          {start.isPending ? t('connections.demo.starting') : t('connections.demo.start')}
        </Button>
        <Button onClick={onAddManually}>{t('connections.demo.addByHand')}</Button>
        {start.isPending && (
          <span role="status" className="text-xs text-zinc-600 dark:text-zinc-400">
            {t('connections.demo.creating')}
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
  const { t } = useTranslation();
  return (
    <div
      role="status"
      data-testid="demo-status"
      className="flex items-center justify-between gap-3 rounded border border-blue-200 bg-blue-50 px-3 py-2 text-xs dark:border-blue-900 dark:bg-blue-950/40"
    >
      <span>
        <strong className="font-semibold">{t('connections.demo.running')}</strong>{' '}
        {demo.simulated ? (
          t('connections.demo.simulated')
        ) : (
          <>
            {t('connections.demo.realBrowser')}{' '}
            <code className="font-mono">
              {demo.browserPath ?? t('connections.demo.browserFound')}
            </code>
          </>
        )}
      </span>
      <Button disabled={stopping} onClick={onStop}>
        {stopping ? t('common.stopping') : t('connections.demo.stop')}
      </Button>
    </div>
  );
}
