import { useId } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { VENDOR_LABEL, type Connection, type ConnectionHealth } from '../../../../shared/model';
import { deck, errorText, unwrap } from '../../lib/deck';
import { keys } from '../../lib/queries';
import { RelativeTime } from '../../components/RelativeTime';
import { Button } from '../../components/Button';

import { takesToken } from './vendor-defaults';
import { useFormat, useTranslation } from '../../i18n';

/** One vendor client: where it is, whether it answers, and what can be done with it. */
export function ConnectionCard({
  connection: c,
  onEdit,
  onRemove,
  onStopDemo,
  stoppingDemo,
}: {
  connection: Connection;
  onEdit(c: Connection): void;
  onRemove(c: Connection): void;
  onStopDemo(): void;
  stoppingDemo: boolean;
}) {
  const queryClient = useQueryClient();
  const checkboxId = useId();
  const { t } = useTranslation();
  const format = useFormat();
  const test = useMutation({
    mutationFn: () => unwrap(deck().connections.test({ id: c.id })),
    // Main records the check on the connection too; refresh so the health line agrees.
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.connections }),
  });
  const toggle = useMutation({
    mutationFn: (checkProxyBeforeOpen: boolean) =>
      unwrap(deck().connections.update({ id: c.id, checkProxyBeforeOpen })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.connections }),
    onError: (error) =>
      toast.error(t('connections.card.checkProxyFailed'), { description: errorText(error) }),
  });
  // Show the click at once; the list catches up when main confirms.
  const checkProxy = toggle.isPending ? toggle.variables : c.checkProxyBeforeOpen;

  return (
    <article
      aria-label={t('connections.card.label', { label: c.label, vendor: VENDOR_LABEL[c.vendor] })}
      data-testid="connection-card"
      className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <span className="rounded bg-zinc-100 px-1.5 py-0.5 text-[11px] font-medium text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
              {VENDOR_LABEL[c.vendor]}
            </span>
            <h2 className="truncate text-sm font-semibold">{c.label}</h2>
            {c.demo && (
              <span className="rounded bg-blue-100 px-1.5 py-0.5 text-[11px] font-semibold text-blue-800 dark:bg-blue-950 dark:text-blue-300">
                {t('connections.card.demo')}
              </span>
            )}
          </div>
          <dl className="mt-1.5 flex flex-wrap gap-x-4 gap-y-0.5 text-xs text-zinc-600 dark:text-zinc-400">
            <div>
              <dt className="sr-only">{t('connections.card.baseUrl')}</dt>
              <dd className="font-mono">{c.baseUrl}</dd>
            </div>
            <div>
              <dt className="inline">{t('connections.card.token')} </dt>
              <dd className="inline" data-testid="token-status">
                {!takesToken(c.vendor)
                  ? t('connections.card.tokenNotNeeded')
                  : c.hasToken
                    ? t('connections.card.tokenSet')
                    : t('connections.card.tokenNotSet')}
              </dd>
            </div>
            <div>
              <dt className="inline">{t('connections.card.profiles')} </dt>
              <dd className="inline tabular-nums">
                {c.health.profileCount !== undefined ? format.number(c.health.profileCount) : '—'}
              </dd>
            </div>
          </dl>
        </div>
        <div className="flex flex-wrap gap-1.5">
          <Button disabled={test.isPending} onClick={() => test.mutate()}>
            {test.isPending ? t('connections.card.testing') : t('connections.card.test')}
          </Button>
          <Button onClick={() => onEdit(c)}>{t('common.edit')}</Button>
          {c.demo ? (
            <Button disabled={stoppingDemo} onClick={onStopDemo}>
              {stoppingDemo ? t('common.stopping') : t('connections.card.stopDemo')}
            </Button>
          ) : (
            <Button onClick={() => onRemove(c)}>{t('common.remove')}</Button>
          )}
        </div>
      </div>

      <HealthLine health={c.health} />
      {(test.isSuccess || test.isError) && (
        <p
          role={test.isError || test.data?.state === 'error' ? 'alert' : 'status'}
          data-testid="test-result"
          className={`mt-1 text-xs ${test.isError || test.data?.state === 'error' ? 'text-red-700 dark:text-red-400' : 'text-emerald-700 dark:text-emerald-400'}`}
        >
          {test.isError
            ? t('connections.card.testFailed', { error: errorText(test.error) })
            : test.data.state === 'ok'
              ? test.data.profileCount !== undefined
                ? t('connections.card.testOkCount', { count: test.data.profileCount })
                : t('connections.card.testOk')
              : t('connections.card.testFailed', {
                  error: test.data.message ?? t('connections.card.testNoAnswer'),
                })}
        </p>
      )}

      <div className="mt-3 flex items-center gap-2 text-xs">
        <input
          id={checkboxId}
          type="checkbox"
          checked={checkProxy}
          disabled={toggle.isPending}
          onChange={(e) => toggle.mutate(e.target.checked)}
          className="size-3.5 accent-blue-600"
        />
        <label htmlFor={checkboxId}>{t('connections.card.checkProxy')}</label>
      </div>
    </article>
  );
}

function HealthLine({ health }: { health: ConnectionHealth }) {
  const { t } = useTranslation();
  const tone = {
    ok: 'bg-emerald-500',
    error: 'bg-red-500',
    unknown: 'bg-zinc-400',
  }[health.state];
  const text = t(`connections.health.${health.state}`);
  return (
    <p className="mt-2 flex flex-wrap items-center gap-x-1.5 text-xs" data-testid="health">
      <span aria-hidden="true" className={`inline-block size-2 rounded-full ${tone}`} />
      <span className="font-medium">{text}</span>
      {health.checkedAt !== undefined && (
        <span className="text-zinc-500">
          · {t('connections.health.checked')} <RelativeTime at={health.checkedAt} />
        </span>
      )}
      {(health.error || health.message) && (
        <span className="text-zinc-600 dark:text-zinc-400">
          · {health.error ? errorText(health.error) : health.message}
        </span>
      )}
    </p>
  );
}
