import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { deck, errorText, unwrap } from '../../lib/deck';
import { applyJobStarted } from './job-cache';

/** Cancel: pending items stop, the ones in flight finish; progress events tell the rest. */
export function useCancelJob() {
  return useMutation({
    mutationFn: (id: string) => unwrap(deck().jobs.cancel({ id })),
    onError: (e) => toast.error('Could not cancel the job', { description: errorText(e) }),
  });
}

/** "Retry failed": a new job over the failed items, with the same action. */
export function useRetryFailed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(deck().jobs.retryFailed({ id })),
    onSuccess: (summary) => applyJobStarted(queryClient, summary),
    onError: (e) => toast.error('Could not retry', { description: errorText(e) }),
  });
}

/** "Undo": a new job putting back what a finished edit overwrote, where nothing changed since. */
export function useUndoJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(deck().jobs.undo({ id })),
    onSuccess: (summary) => applyJobStarted(queryClient, summary),
    onError: (e) => toast.error('Could not undo', { description: errorText(e) }),
  });
}
