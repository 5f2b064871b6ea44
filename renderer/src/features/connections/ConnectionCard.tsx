import { useId } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { VENDOR_LABEL, type Connection, type ConnectionHealth } from '../../../../shared/model';
import { deck, errorText, unwrap } from '../../lib/deck';
import { keys } from '../../lib/queries';
import { RelativeTime } from '../../components/RelativeTime';
import { Button } from '../../components/Button';

import { takesToken } from './vendor-defaults';

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
      toast.error('Could not change the proxy check setting', { description: errorText(error) }),
  });
  // Show the click at once; the list catches up when main confirms.
  const checkProxy = toggle.isPending ? toggle.variables : c.checkProxyBeforeOpen;

  return (
    <article
      aria-label={`${c.label} (${VENDOR_LABEL[c.vendor]})`}
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
                demo
              </span>
            )}
          </div>
          <dl className="mt-1.5 flex flex-wrap gap-x-4 gap-y-0.5 text-xs text-zinc-600 dark:text-zinc-400">
            <div>
              <dt className="sr-only">Base URL</dt>
              <dd className="font-mono">{c.baseUrl}</dd>
            </div>
            <div>
              <dt className="inline">Token </dt>
              <dd className="inline" data-testid="token-status">
                {!takesToken(c.vendor) ? 'not needed' : c.hasToken ? 'set' : 'not set'}
              </dd>
            </div>
            <div>
              <dt className="inline">Profiles </dt>
              <dd className="inline tabular-nums">{c.health.profileCount ?? '—'}</dd>
            </div>
          </dl>
        </div>
        <div className="flex flex-wrap gap-1.5">
          <Button disabled={test.isPending} onClick={() => test.mutate()}>
            {test.isPending ? 'Testing…' : 'Test'}
          </Button>
          <Button onClick={() => onEdit(c)}>Edit</Button>
          {c.demo ? (
            <Button disabled={stoppingDemo} onClick={onStopDemo}>
              {stoppingDemo ? 'Stopping…' : 'Stop demo'}
            </Button>
          ) : (
            <Button onClick={() => onRemove(c)}>Remove</Button>
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
            ? `Test failed: ${errorText(test.error)}`
            : test.data.state === 'ok'
              ? `Test OK${test.data.profileCount !== undefined ? ` · ${test.data.profileCount} profiles` : ''}`
              : `Test failed: ${test.data.message ?? 'the client did not answer as expected'}`}
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
        <label htmlFor={checkboxId}>Check proxy before opening</label>
      </div>
    </article>
  );
}

function HealthLine({ health }: { health: ConnectionHealth }) {
  const tone = {
    ok: 'bg-emerald-500',
    error: 'bg-red-500',
    unknown: 'bg-zinc-400',
  }[health.state];
  const text = { ok: 'Answers', error: 'Not answering', unknown: 'Not checked yet' }[health.state];
  return (
    <p className="mt-2 flex flex-wrap items-center gap-x-1.5 text-xs" data-testid="health">
      <span aria-hidden="true" className={`inline-block size-2 rounded-full ${tone}`} />
      <span className="font-medium">{text}</span>
      {health.checkedAt !== undefined && (
        <span className="text-zinc-500">
          · checked <RelativeTime at={health.checkedAt} />
        </span>
      )}
      {health.message && (
        <span className="text-zinc-600 dark:text-zinc-400">· {health.message}</span>
      )}
    </p>
  );
}
