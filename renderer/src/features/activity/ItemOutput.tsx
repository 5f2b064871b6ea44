/**
 * What an automation task gave back for one profile: duration, returned JSON, file, log
 * lines and the thumbnail main kept. All of it was capped in main (shared/model/automation.ts).
 */
import { useQuery } from '@tanstack/react-query';
import i18next from 'i18next';
import type { JobItemOutput } from '../../../../shared/model/automation';
import { useTranslation } from '../../i18n';
import { deck, unwrap } from '../../lib/deck';

export function ItemOutput({
  jobId,
  itemKey,
  output,
}: {
  jobId: string;
  itemKey: string;
  output: JobItemOutput;
}) {
  const { t } = useTranslation();
  return (
    <div className="mt-0.5 space-y-1 text-xs" data-testid="item-output">
      <div className="flex items-start gap-2">
        {output.thumbnail && <Thumbnail jobId={jobId} itemKey={itemKey} />}
        <div className="min-w-0 space-y-0.5">
          <div className="text-zinc-500" data-testid="item-duration">
            {formatDuration(output.durationMs)}
          </div>
          {output.result !== undefined && (
            <pre
              className="max-h-24 overflow-auto rounded bg-zinc-100 px-1.5 py-0.5 font-mono break-all whitespace-pre-wrap dark:bg-zinc-900"
              data-testid="item-result"
            >
              {output.result}
              {output.resultTruncated !== undefined &&
                t('activity.output.cut', { count: output.resultTruncated })}
            </pre>
          )}
          {output.file && (
            <div className="truncate font-mono text-zinc-500" title={output.file}>
              {output.file}
            </div>
          )}
        </div>
      </div>
      {output.logs && output.logs.length > 0 && (
        <details>
          <summary className="cursor-pointer text-zinc-500">
            {t('activity.output.logLines', { count: output.logs.length })}
          </summary>
          <pre className="max-h-40 overflow-auto font-mono break-all whitespace-pre-wrap">
            {output.logs.join('\n')}
          </pre>
        </details>
      )}
    </div>
  );
}

function Thumbnail({ jobId, itemKey }: { jobId: string; itemKey: string }) {
  const { t } = useTranslation();
  const image = useQuery({
    queryKey: ['automation-thumbnail', jobId, itemKey],
    queryFn: () => unwrap(deck().automation.thumbnail({ jobId, key: itemKey })),
    staleTime: Infinity,
  });
  if (!image.data)
    return <div className="h-14 w-24 shrink-0 rounded bg-zinc-100 dark:bg-zinc-900" />;
  return (
    <img
      src={image.data.dataUrl}
      alt={t('activity.output.thumbnail')}
      className="h-14 w-24 shrink-0 rounded border border-zinc-200 object-cover dark:border-zinc-800"
    />
  );
}

/** "850 ms", "2.4 s", "12 s": a tenth of a second matters only under ten. */
const formatDuration = (ms: number) =>
  ms < 1000
    ? i18next.t('activity.duration.ms', { ms })
    : i18next.t('activity.output.seconds', { s: (ms / 1000).toFixed(ms < 10_000 ? 1 : 0) });
