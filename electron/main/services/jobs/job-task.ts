/**
 * One item of a job as the engine runs it: the public item plus what it needs fixed at
 * planning time, so "Retry failed" redoes exactly the same thing (profile #7 of a rename
 * is still "Shop 7" on retry).
 */
import type { CreateItem, JobItem } from '../../../../shared/model/job';
import type { ProxyInput } from '../../../../shared/model/proxy-input';
import type { FieldValue } from './edit-fields';

export interface JobTask {
  /** The public item, updated in place as the task runs. */
  item: JobItem;
  vendorId: string;
  /** Rename and copy: the rendered name. */
  name?: string;
  /** Assign-proxies: this profile's proxy. */
  proxy?: ProxyInput;
  /** Create: what to create. */
  create?: CreateItem;
  /** Retry after a restart: the call was on the wire, so read the vendor before sending it again. */
  verify?: boolean;
  /** Read back from a journal without the proxy password it needs: it cannot run again. */
  withheld?: boolean;
  /** Undo: the value to put back, and the one the edit set (else the profile is left alone). */
  undo?: { restore: FieldValue; expected: FieldValue };
}

export function pendingItem(key: string, connectionId: string, label: string): JobItem {
  return { key, connectionId, label, state: 'pending' };
}
