/**
 * How many profiles one vendor request of a bulk edit carries, and how many such requests
 * run at once. The engine claims exactly one request's worth of items before sending it,
 * so Cancel stops every request not yet sent and progress moves per answered request.
 */
import type { Capabilities } from '../../../../shared/model';
import type { EngineKind } from './job-plan';

type BatchFlag =
  'batchGroup' | 'batchRemark' | 'batchName' | 'batchTags' | 'batchProxy' | 'batchDelete';

/** The capability that says a vendor takes this edit for many profiles in one request. */
const BATCH_FLAG: Partial<Record<EngineKind, BatchFlag>> = {
  'move-group': 'batchGroup',
  'set-remark': 'batchRemark',
  'set-name': 'batchName',
  'set-tags': 'batchTags',
  'set-proxy': 'batchProxy',
  delete: 'batchDelete',
};

export interface RequestShape {
  /** Profiles per vendor request. */
  size: number;
  /** Requests in flight at once on one connection. */
  concurrency: number;
}

/** Whether the vendor has a real batch endpoint for this edit. */
export const batchesEdit = (kind: EngineKind, capabilities: Capabilities): boolean => {
  const flag = BATCH_FLAG[kind];
  return flag !== undefined && capabilities[flag];
};

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
