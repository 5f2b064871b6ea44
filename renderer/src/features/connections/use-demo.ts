import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { deck, errorText, unwrap } from '../../lib/deck';
import { keys } from '../../lib/queries';

/** The demo swaps every connection and profile in view, and app:info reports it. */
function refreshAfterDemo(queryClient: QueryClient): void {
  for (const queryKey of [keys.connections, keys.profiles, keys.sessions, keys.app]) {
    void queryClient.invalidateQueries({ queryKey });
  }
}

/** Starts the built-in vendor sandbox (200 demo profiles, two demo connections). */
export function useDemoStart() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(deck().demo.start({})),
    onSuccess: (result) => {
      refreshAfterDemo(queryClient);
      toast.success('Demo sandbox started', {
        description: result.simulated
          ? 'Simulated mode: no Chromium, Chrome or Edge was found.'
          : `Real browser: ${result.browserPath ?? 'found'}`,
      });
    },
  });
}

export function useDemoStop(onStopped?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(deck().demo.stop()),
    onSuccess: () => {
      refreshAfterDemo(queryClient);
      onStopped?.();
      toast.success('Demo sandbox stopped');
    },
    onError: (error) => toast.error('Could not stop the demo', { description: errorText(error) }),
  });
}
