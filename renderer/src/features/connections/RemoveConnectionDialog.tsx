import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import type { Connection } from '../../../../shared/model';
import { deck, errorText, unwrap } from '../../lib/deck';
import { keys } from '../../lib/queries';
import { Dialog } from '../../components/Dialog';
import { errorBanner } from '../../components/styles';
import { Button } from '../../components/Button';

/** Removing forgets the connection (and its stored token); the vendor keeps its profiles. */
export function RemoveConnectionDialog({
  connection,
  onClose,
}: {
  connection: Connection;
  onClose(): void;
}) {
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => unwrap(deck().connections.remove({ id: connection.id })),
    onSuccess: () => {
      for (const queryKey of [keys.connections, keys.profiles, keys.sessions]) {
        void queryClient.invalidateQueries({ queryKey });
      }
      toast.success('Connection removed', { description: connection.label });
      onClose();
    },
  });
  return (
    <Dialog title={`Remove ${connection.label}?`} onClose={() => !remove.isPending && onClose()}>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        BrowserDeck forgets this connection and its token, and its profiles leave the table. Nothing
        is deleted in the vendor client: add the connection again to see them.
      </p>
      {remove.isError && (
        <p role="alert" className={`${errorBanner} mt-3`}>
          {errorText(remove.error)}
        </p>
      )}
      <div className="mt-4 flex justify-end gap-2">
        <Button onClick={onClose} disabled={remove.isPending} data-autofocus>
          Cancel
        </Button>
        <Button variant="danger" disabled={remove.isPending} onClick={() => remove.mutate()}>
          {remove.isPending ? 'Removing…' : 'Remove'}
        </Button>
      </div>
    </Dialog>
  );
}
