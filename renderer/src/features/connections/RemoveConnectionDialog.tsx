import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import type { Connection } from '../../../../shared/model';
import { deck, errorText, unwrap } from '../../lib/deck';
import { keys } from '../../lib/queries';
import { Dialog } from '../../components/Dialog';
import { errorBanner } from '../../components/styles';
import { Button } from '../../components/Button';
import { useTranslation } from '../../i18n';

/** Removing forgets the connection (and its stored token); the vendor keeps its profiles. */
export function RemoveConnectionDialog({
  connection,
  onClose,
}: {
  connection: Connection;
  onClose(): void;
}) {
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  const remove = useMutation({
    mutationFn: () => unwrap(deck().connections.remove({ id: connection.id })),
    onSuccess: () => {
      for (const queryKey of [keys.connections, keys.profiles, keys.sessions]) {
        void queryClient.invalidateQueries({ queryKey });
      }
      toast.success(t('connections.remove.toastRemoved'), { description: connection.label });
      onClose();
    },
  });
  return (
    <Dialog
      title={t('connections.remove.title', { label: connection.label })}
      onClose={() => !remove.isPending && onClose()}
    >
      <p className="text-xs text-zinc-600 dark:text-zinc-400">{t('connections.remove.text')}</p>
      {remove.isError && (
        <p role="alert" className={`${errorBanner} mt-3`}>
          {errorText(remove.error)}
        </p>
      )}
      <div className="mt-4 flex justify-end gap-2">
        <Button onClick={onClose} disabled={remove.isPending} data-autofocus>
          {t('common.cancel')}
        </Button>
        <Button variant="danger" disabled={remove.isPending} onClick={() => remove.mutate()}>
          {remove.isPending ? t('common.removing') : t('common.remove')}
        </Button>
      </div>
    </Dialog>
  );
}
