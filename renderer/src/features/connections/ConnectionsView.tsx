import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Connection } from '../../../../shared/model';
import { deck, errorText } from '../../lib/deck';
import { appInfoQuery, connectionsQuery, keys } from '../../lib/queries';
import { connectionsDetectQuery } from './queries';
import { errorBanner, noticeBanner } from '../../components/styles';
import { ConnectionCard } from './ConnectionCard';
import { ConnectionFormDialog, type ConnectionFormMode } from './ConnectionFormDialog';
import { DemoOffer, DemoStatus } from './DemoOffer';
import { DetectPanel } from './DetectPanel';
import { RemoveConnectionDialog } from './RemoveConnectionDialog';
import { useDemoStart, useDemoStop } from './use-demo';
import { Button } from '../../components/Button';
import { useTranslation } from '../../i18n';

/**
 * The vendor clients BrowserDeck talks to. With none configured it looks for clients on
 * their default ports and, when none answers, offers the built-in sandbox.
 */
export function ConnectionsView() {
  const queryClient = useQueryClient();
  const connections = useQuery(connectionsQuery);
  const info = useQuery(appInfoQuery).data;
  const [form, setForm] = useState<ConnectionFormMode | null>(null);
  const [removing, setRemoving] = useState<Connection | null>(null);
  const [detectAsked, setDetectAsked] = useState(false);
  const { t } = useTranslation();

  const none = connections.isSuccess && connections.data.length === 0;
  // Detection probes the network: on request, or by itself when there is nothing yet.
  const detect = useQuery({ ...connectionsDetectQuery, enabled: detectAsked || none });
  const demoStart = useDemoStart();
  const demoStop = useDemoStop(() => demoStart.reset());

  useEffect(
    () =>
      deck().events.onConnectionsChanged(() => {
        void queryClient.invalidateQueries({ queryKey: keys.connections });
      }),
    [queryClient],
  );

  const nothingDetected =
    detect.isSuccess && !detect.isFetching && detect.data.every((f) => f.added);
  const showDemoOffer = none && (nothingDetected || detect.isError);
  // app:info is the truth once main reports it; the start result bridges the refetch.
  const demo = info?.demo.running ? info.demo : demoStart.data;

  return (
    <section className="flex h-full flex-col overflow-auto" aria-labelledby="connections-title">
      <header className="flex items-center gap-3 px-6 pt-5 pb-3">
        <h1 id="connections-title" className="text-lg font-semibold">
          {t('connections.title')}
        </h1>
        <div className="ml-auto flex gap-2">
          <Button
            disabled={detect.isFetching}
            onClick={() => (detectAsked ? void detect.refetch() : setDetectAsked(true))}
          >
            {detect.isFetching ? t('connections.detecting') : t('connections.detect')}
          </Button>
          <Button variant="primary" onClick={() => setForm({ kind: 'add' })}>
            {t('connections.add')}
          </Button>
        </div>
      </header>

      <div className="space-y-3 px-6 pb-6">
        {info?.secretStorage === 'memory' && (
          <p role="note" className={noticeBanner}>
            {t('connections.memoryOnly')}
          </p>
        )}
        {demo && (
          <DemoStatus demo={demo} stopping={demoStop.isPending} onStop={() => demoStop.mutate()} />
        )}
        {connections.isError && (
          <div role="alert" className={`${errorBanner} flex items-center justify-between gap-3`}>
            <span>{t('connections.listFailed', { error: errorText(connections.error) })}</span>
            <Button onClick={() => void connections.refetch()}>{t('common.retry')}</Button>
          </div>
        )}

        {(detectAsked || none) && !showDemoOffer && (
          <DetectPanel
            detect={detect}
            onAddWithToken={(vendor, baseUrl) => setForm({ kind: 'add', vendor, baseUrl })}
          />
        )}
        {showDemoOffer && (
          <DemoOffer start={demoStart} onAddManually={() => setForm({ kind: 'add' })} />
        )}

        {connections.isPending && (
          <p className="text-xs text-zinc-500">{t('connections.loading')}</p>
        )}
        {connections.data && connections.data.length > 0 && (
          <ul className="space-y-3" aria-label={t('connections.listLabel')}>
            {connections.data.map((c) => (
              <li key={c.id}>
                <ConnectionCard
                  connection={c}
                  onEdit={(connection) => setForm({ kind: 'edit', connection })}
                  onRemove={setRemoving}
                  onStopDemo={() => demoStop.mutate()}
                  stoppingDemo={demoStop.isPending}
                />
              </li>
            ))}
          </ul>
        )}
      </div>

      {form && <ConnectionFormDialog mode={form} onClose={() => setForm(null)} />}
      {removing && (
        <RemoveConnectionDialog connection={removing} onClose={() => setRemoving(null)} />
      )}
    </section>
  );
}
