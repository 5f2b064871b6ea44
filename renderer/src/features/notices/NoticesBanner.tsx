import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import i18next from 'i18next';
import { toast } from 'sonner';
import type { AppInfo, Notice } from '../../../../shared/ipc/contract';
import { Button } from '../../components/Button';
import { copyText } from '../../lib/copy';
import { deck, errorText, unwrap } from '../../lib/deck';
import { appInfoQuery, keys } from '../../lib/queries';
import { useTranslation } from '../../i18n';

/**
 * Data files main could not read (moved aside) or had to drop entries from: which file,
 * what happened, where the backup is. Sits above the view, pushing it down rather than
 * covering it, until the user dismisses each notice.
 */
export function NoticesBanner() {
  const { t } = useTranslation();
  const notices = useQuery(appInfoQuery).data?.notices ?? [];
  const dismiss = useDismissNotice();
  if (!notices.length) return null;
  return (
    <section
      aria-label={t('notices.label')}
      className="max-h-[40%] shrink-0 divide-y divide-amber-200 overflow-y-auto border-b border-amber-300 bg-amber-50 px-4 text-xs text-amber-950 dark:divide-amber-900 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-100"
    >
      {notices.map((n) => (
        <NoticeItem
          key={n.id}
          notice={n}
          dismissing={dismiss.isPending && dismiss.variables === n.id}
          onDismiss={() => dismiss.mutate(n.id)}
        />
      ))}
    </section>
  );
}

function NoticeItem(props: { notice: Notice; dismissing: boolean; onDismiss(): void }) {
  const { t } = useTranslation();
  const { notice } = props;
  return (
    <div role="alert" className="flex items-start gap-3 py-2" data-notice={notice.kind}>
      <div className="min-w-0 flex-1 space-y-1">
        <p className="text-[13px] font-medium">{t(`notices.kind.${notice.kind}`)}</p>
        {/* Main's own sentence: what happened and what it means, until main sends codes. */}
        <p data-testid="notice-details">{notice.message}</p>
        <dl className="grid grid-cols-[max-content_minmax(0,1fr)] items-center gap-x-2">
          <dt>{t('notices.file')}</dt>
          <dd className="flex min-h-6 items-center">
            <Path path={notice.file} />
          </dd>
          <dt>{t('notices.backup')}</dt>
          <dd className="flex min-h-6 items-center gap-2">
            {notice.backup ? (
              <>
                <Path path={notice.backup} />
                <Button
                  variant="ghost"
                  className="px-1.5 py-0 text-xs"
                  aria-label={t('notices.copyBackupLabel')}
                  onClick={() => void copyText(notice.backup!, t('notices.backupWhat'))}
                >
                  {t('notices.copy')}
                </Button>
              </>
            ) : (
              <span>{t('notices.noBackup')}</span>
            )}
          </dd>
        </dl>
      </div>
      <Button
        className="shrink-0"
        aria-label={t('notices.dismissLabel', { file: fileName(notice.file) })}
        disabled={props.dismissing}
        onClick={props.onDismiss}
      >
        {t('notices.dismiss')}
      </Button>
    </div>
  );
}

/** Selectable in one click, so it can be copied by hand where the clipboard is refused. */
function Path({ path }: { path: string }) {
  return <code className="font-mono break-all select-all">{path}</code>;
}

const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path;

function useDismissNotice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(deck().notices.dismiss({ id })),
    onSuccess: (_result, id) =>
      queryClient.setQueryData<AppInfo>(keys.app, (info) =>
        info ? { ...info, notices: info.notices.filter((n) => n.id !== id) } : info,
      ),
    onError: (e) => toast.error(i18next.t('notices.dismissFailed'), { description: errorText(e) }),
  });
}
