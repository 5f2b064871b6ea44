/**
 * How many profiles one vendor request of a bulk edit carries, and how many such requests
 * run at once. The engine claims exactly one request's worth of items before sending it,
 * so Cancel stops every request not yet sent and progress moves per answered request.
 */
import type { Capabilities } from '../../../../shared/model';

/** A capability that says a vendor takes an edit for many profiles in one request. */
export type BatchFlag =
  'batchGroup' | 'batchRemark' | 'batchName' | 'batchTags' | 'batchProxy' | 'batchDelete';

export interface RequestShape {
  /** Profiles per vendor request. */
  size: number;
  /** Requests in flight at once on one connection. */
  concurrency: number;
}

/** Whether the vendor has a real batch endpoint for the edit this capability names. */
export const batchesEdit = (flag: BatchFlag, capabilities: Capabilities): boolean =>
  capabilities[flag];

export function requestShape(
  batched: boolean,
  capabilities: Capabilities,
  chunkSize: number,
): RequestShape {
  // A real batch endpoint: one chunk per request, one after another, as vendors allow few
  // concurrent requests and a chunk already carries many profiles.
  if (batched) return { size: chunkSize, concurrency: 1 };
  // The provider would send one call per profile anyway ("batch" methods of ixBrowser):
  // claiming more than one at a time only hides work from Cancel.
  return { size: 1, concurrency: capabilities.maxConcurrency };
}
