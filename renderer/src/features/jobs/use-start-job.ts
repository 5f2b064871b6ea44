import { useMutation } from '@tanstack/react-query';
import type { JobAction } from '../../../../shared/model/job';
import { deck, unwrap } from '../../lib/deck';

/**
 * Starts a bulk job in main. Progress arrives as `jobs:event:progress`; changed rows as
 * `profiles:event:changed` (patched into the profiles query by the profiles feature).
 */
export function useStartJob() {
  return useMutation({
    mutationFn: (input: { action: JobAction; keys: string[]; concurrency?: number }) => unwrap(deck().jobs.start(input)),
  });
}
