import i18next from 'i18next';
import { toast } from 'sonner';
import type { JobAction } from '../../../../../shared/model/job';
import { errorText } from '../../../lib/deck';
import { useStartJob } from '../../jobs';

/**
 * Starts one bulk job; progress and results are the Activity feature's toasts, so only a
 * refusal to start is said here. Resolves true once main accepted the job, so a dialog
 * knows to close.
 */
export function useBulkJob() {
  const start = useStartJob();
  const run = async (
    action: JobAction,
    keys: readonly string[],
    what: string,
  ): Promise<boolean> => {
    if (keys.length === 0) return false;
    try {
      await start.mutateAsync({ action, keys: [...keys] });
      return true;
    } catch (e) {
      toast.error(i18next.t('bulk.couldNotStart', { what }), { description: errorText(e) });
      return false;
    }
  };
  return { run, pending: start.isPending };
}

/** "3 profiles", in the language chosen now. */
export const countLabel = (n: number): string => i18next.t('bulk.profiles', { count: n });
