/**
 * Turns a job request into tasks: one per profile (or per item to create), each with what
 * it needs fixed at planning time, so "Retry failed" redoes exactly the same thing
 * (profile #7 of a rename is still "Shop 7" on retry). A key whose connection is gone or
 * cannot do the action becomes a failed task here; it never fails the whole job.
 */
import { splitProfileKey } from '../../../../shared/model';
import {
  renderName,
  type CreateItem,
  type JobAction,
  type JobItem,
  type JobKind,
} from '../../../../shared/model/job';
import type { ProxyInput } from '../../../../shared/model/proxy-input';
import { DeckError, type DeckErrorValue } from '../../../../shared/ipc/result';
import type { VendorProvider } from '../../providers/provider';
import type { FieldValue } from './edit-fields';

/** Edits that set one field of a profile: these keep what they overwrite, for Undo. */
export type EditKind =
  'set-remark' | 'set-name' | 'rename' | 'move-group' | 'set-tags' | 'set-proxy' | 'assign-proxies';

/** Puts back what a finished edit overwrote. Started by jobs:undo, never by jobs:start. */
export interface UndoAction {
  kind: 'undo';
  undoOf: string;
  edit: EditKind;
}
/** Whatever a job runs: an action a user starts, or an undo. */
export type EngineAction = JobAction | UndoAction;
export type EngineKind = EngineAction['kind'];

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

export const JOB_KIND_LABEL: Record<JobKind, string> = {
  open: 'Open',
  close: 'Close',
  'move-group': 'Move to group',
  'set-remark': 'Set remark',
  rename: 'Rename',
  'set-name': 'Set name',
  'set-tags': 'Set tags',
  'set-proxy': 'Set proxy',
  'assign-proxies': 'Assign proxies',
  copy: 'Copy',
  delete: 'Delete',
  'check-proxy': 'Check proxy',
  create: 'Create profiles',
};

export const labelOf = (action: EngineAction): string =>
  action.kind === 'undo'
    ? `Undo ${JOB_KIND_LABEL[action.edit].toLowerCase()}`
    : JOB_KIND_LABEL[action.kind];

/** Keys in the order given, duplicates dropped (a rename numbers them in this order). */
function uniqueKeys(keys: readonly string[]): string[] {
  return [...new Set(keys)];
}

export function planTasks(
  action: JobAction,
  keys: readonly string[],
  labels: Readonly<Record<string, string>> = {},
): JobTask[] {
  if (action.kind === 'create') {
    return action.items.map((create, index) => ({
      item: pendingItem(`create:${index}`, action.connectionId, create.name),
      vendorId: '',
      create,
    }));
  }
  const proxies =
    action.kind === 'assign-proxies'
      ? new Map(action.assignments.map((a) => [a.key, a.proxy]))
      : undefined;
  const ordered = uniqueKeys(
    keys.length === 0 && action.kind === 'assign-proxies'
      ? action.assignments.map((a) => a.key)
      : keys,
  );
  return ordered.map((key, index) => {
    // A key without a slash names no connection; refuseEarly() reports it.
    const { connectionId, vendorId } = key.includes('/')
      ? splitProfileKey(key)
      : { connectionId: '', vendorId: '' };
    const task: JobTask = {
      item: pendingItem(key, connectionId, labels[key] ?? key),
      vendorId,
    };
    if (action.kind === 'rename') task.name = renderName(action.name, index);
    if (action.kind === 'copy' && action.name) task.name = renderName(action.name, index);
    if (proxies) task.proxy = proxies.get(key);
    return task;
  });
}

/**
 * A fresh pending copy of a task, for "Retry". One that was on the wire when BrowserDeck
 * stopped is read from the vendor before it is sent again.
 */
export function retryTask(task: JobTask): JobTask {
  const { error: _error, note: _note, resultKey: _resultKey, ...item } = task.item;
  const verify = task.verify || task.item.state === 'interrupted';
  return { ...task, item: { ...item, state: 'pending' }, ...(verify ? { verify } : {}) };
}

function pendingItem(key: string, connectionId: string, label: string): JobItem {
  return { key, connectionId, label, state: 'pending' };
}

/**
 * Resolves each task's connection and fails, in place, the tasks that cannot run: bad key,
 * unknown connection, a vendor without the capability, missing per-task input.
 * Returns the providers of the connections that have runnable tasks.
 */
export function validateTasks(
  action: EngineAction,
  tasks: readonly JobTask[],
  getProvider: (connectionId: string) => VendorProvider,
  options: { canCheckProxy: boolean },
): Map<string, VendorProvider> {
  const providers = new Map<string, VendorProvider>();
  const lookups = new Map<string, VendorProvider | DeckErrorValue>();
  const lookup = (connectionId: string) => {
    let found = lookups.get(connectionId);
    if (!found) {
      try {
        found = getProvider(connectionId);
      } catch (e) {
        found =
          e instanceof DeckError
            ? e.toValue()
            : refusal('internal', `Connection ${connectionId} could not be loaded`);
      }
      lookups.set(connectionId, found);
    }
    return found;
  };
  for (const task of tasks) {
    const { item } = task;
    const refused = refuseEarly(action, task, options);
    if (refused) {
      fail(item, refused);
      continue;
    }
    const provider = lookup(item.connectionId);
    if (!('vendor' in provider)) {
      fail(item, provider.code === 'not-found' ? notFound(item.connectionId, provider) : provider);
      continue;
    }
    const unsupported = unsupportedBy(action, provider);
    if (unsupported) {
      fail(item, refusal('unsupported', unsupported));
      continue;
    }
    providers.set(item.connectionId, provider);
  }
  return providers;
}

/** What can be told from the request alone, before asking for a connection. */
function refuseEarly(
  action: EngineAction,
  task: JobTask,
  { canCheckProxy }: { canCheckProxy: boolean },
): DeckErrorValue | undefined {
  const { item } = task;
  if (task.withheld)
    return refusal(
      'invalid-input',
      'The proxy password this edit sets is not kept once BrowserDeck restarts: run the edit again and enter the password',
    );
  if (action.kind !== 'create' && (!item.connectionId || !task.vendorId))
    return refusal('invalid-input', `"${item.key}" is not a profile key (connection/id)`);
  switch (action.kind) {
    case 'move-group':
      return action.groupIds[item.connectionId]
        ? undefined
        : refusal('invalid-input', `No target group chosen for connection ${item.connectionId}`);
    case 'assign-proxies':
      return task.proxy ? undefined : refusal('invalid-input', 'No proxy assigned to this profile');
    case 'check-proxy':
      return canCheckProxy
        ? undefined
        : refusal('unsupported', 'Proxy checks are not available in this build');
    case 'create': {
      const like = task.create?.likeProfileKey;
      return like && splitProfileKey(like).connectionId !== item.connectionId
        ? refusal('invalid-input', `The template profile ${like} is not in this connection`)
        : undefined;
    }
    default:
      return undefined;
  }
}

function unsupportedBy(action: EngineAction, provider: VendorProvider): string | undefined {
  if (action.kind === 'copy' && !provider.capabilities.copy)
    return `Copy is not offered by this vendor's Local API (${provider.vendor}); ixBrowser profiles only`;
  return undefined;
}

function notFound(connectionId: string, error: DeckErrorValue): DeckErrorValue {
  return {
    ...error,
    message: `Connection ${connectionId} no longer exists`,
    details: { ...error.details, connectionId },
  };
}

function refusal(code: DeckErrorValue['code'], message: string): DeckErrorValue {
  return { code, message, retryable: false };
}

function fail(item: JobItem, error: DeckErrorValue): void {
  item.state = 'failed';
  item.error = error;
}
