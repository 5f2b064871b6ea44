import { useMutation, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { toast } from 'sonner';
import type { ResponseOf } from '../../../../shared/ipc/contract';
import { VENDOR_LABEL, type Vendor } from '../../../../shared/model';
import { deck, errorText, unwrap } from '../../lib/deck';
import { keys } from '../../lib/queries';
import { errorBanner } from '../../components/styles';
import { Button } from '../../components/Button';
import { useTranslation } from '../../i18n';

type Found = ResponseOf<'connections:detect'>[number];

/** Vendor clients answering on their default ports, each one click from being added. */
export function DetectPanel({
  detect,
  onAddWithToken,
}: {
  detect: UseQueryResult<Found[]>;
  onAddWithToken(vendor: Vendor, baseUrl: string): void;
}) {
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  const add = useMutation({
    mutationFn: (found: Found) =>
      unwrap(deck().connections.add({ vendor: found.vendor, baseUrl: found.baseUrl })),
    onSuccess: (c) => {
      void queryClient.invalidateQueries({ queryKey: keys.connections });
      void queryClient.invalidateQueries({ queryKey: keys.profiles });
      toast.success(t('connections.detectPanel.toastAdded'), {
        description: `${c.label} · ${c.baseUrl}`,
      });
    },
    onError: (error) =>
      toast.error(t('connections.detectPanel.toastAddFailed'), { description: errorText(error) }),
  });

  if (detect.isFetching && !detect.data) {
    return (
      <p role="status" className="text-xs text-zinc-500">
        {t('connections.detectPanel.looking')}
      </p>
    );
  }
  if (detect.isError) {
    return (
      <p role="alert" className={errorBanner}>
        {t('connections.detectPanel.failed', { error: errorText(detect.error) })}
      </p>
    );
  }
  const found = detect.data;
  if (!found || found.length === 0) return null;
  return (
    <section aria-labelledby="detect-title" className="space-y-2">
      <h2 id="detect-title" className="text-xs font-semibold text-zinc-600 dark:text-zinc-400">
        {t('connections.detectPanel.title')}
      </h2>
      <ul className="space-y-1.5">
        {found.map((f) => (
          <li
            key={`${f.vendor} ${f.baseUrl}`}
            data-testid="detected-client"
            className="flex flex-wrap items-center justify-between gap-2 rounded border border-zinc-200 px-3 py-2 text-xs dark:border-zinc-800"
          >
            <span>
              <strong className="font-semibold">{VENDOR_LABEL[f.vendor]}</strong>{' '}
              {t('connections.detectPanel.answersAt')}{' '}
              <code className="font-mono">{f.baseUrl}</code>
              {f.needsToken && !f.added && (
                <span className="text-zinc-500"> · {t('connections.detectPanel.needsToken')}</span>
              )}
            </span>
            {f.added ? (
              <span className="text-emerald-700 dark:text-emerald-400">
                {t('connections.detectPanel.added')}
              </span>
            ) : f.needsToken ? (
              <Button variant="primary" onClick={() => onAddWithToken(f.vendor, f.baseUrl)}>
                {t('connections.detectPanel.addWithToken')}
              </Button>
            ) : (
              <Button
                variant="primary"
                disabled={add.isPending}
                onClick={() => add.mutate(f)}
                aria-label={t('connections.detectPanel.addLabel', {
                  vendor: VENDOR_LABEL[f.vendor],
                  url: f.baseUrl,
                })}
              >
                {t('common.add')}
              </Button>
            )}
          </li>
        ))}
      </ul>
      {detect.isFetching && (
        <span className="text-[11px] text-zinc-500">
          {t('connections.detectPanel.checkingAgain')}
        </span>
      )}
    </section>
  );
}
