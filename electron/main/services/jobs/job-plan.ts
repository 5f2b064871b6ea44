/**
 * Turns a job request into tasks: one per profile (or per item to create), each with what
 * it needs fixed at planning time, so "Retry failed" redoes exactly the same thing. A key
 * whose connection is gone or cannot do the action becomes a failed task here; it never
 * fails the whole job. What differs per kind comes from its spec (kinds/).
 */
import { splitProfileKey } from '../../../../shared/model';
import type { JobItem, JobSummary } from '../../../../shared/model/job';
// `fail` here marks an item failed; the result module's builds an error value.
import {
  DeckError,
  fail as failed,
  type DeckErrorValue,
  type FailExtra,
} from '../../../../shared/ipc/result';
import type { VendorProvider } from '../../providers/provider';
import type { Abilities, JobKindSpec, KindAction } from './kinds/spec';
import { pendingItem, type JobTask } from './job-task';
import { boundedValue } from './job-notes';

export const labelOf = (spec: JobKindSpec, action: KindAction): string =>
  spec.labelOf?.(action) ?? spec.label;

/** `{ applied, appliedWords }` when the kind says what the action sets, else nothing. */
export function appliedOf(
  spec: JobKindSpec,
  action: KindAction,
): Pick<JobSummary, 'applied' | 'appliedWords'> {
  const applied = spec.sets?.(action);
  return applied?.text
    ? { applied: applied.text.slice(0, 300), appliedWords: boundedValue(applied.words) }
    : {};
}

/** `{ labelWords }` when the kind's label depends on its action, else nothing. */
export function labelWordsOf(
  spec: JobKindSpec,
  action: KindAction,
): Pick<JobSummary, 'labelWords'> {
  const labelWords = spec.labelWords?.(action);
  return labelWords ? { labelWords } : {};
}

export function planTasks(
  spec: JobKindSpec,
  action: KindAction,
  keys: readonly string[],
  labels: Readonly<Record<string, string>> = {},
): JobTask[] {
  return spec.plan ? spec.plan(action, keys, labels) : profileTasks(keys, labels);
}

/**
 * One task per profile key, in the order given with duplicates dropped (a rename numbers
 * them in this order); `fill` adds what a kind fixes per task.
 */
export function profileTasks(
  keys: readonly string[],
  labels: Readonly<Record<string, string>>,
  fill?: (task: JobTask, index: number) => void,
): JobTask[] {
  return [...new Set(keys)].map((key, index) => {
    // A key without a slash names no connection; refuseEarly() reports it.
    const { connectionId, vendorId } = key.includes('/')
      ? splitProfileKey(key)
      : { connectionId: '', vendorId: '' };
    const task: JobTask = {
      item: pendingItem(key, connectionId, labels[key] ?? key),
      vendorId,
    };
    fill?.(task, index);
    return task;
  });
}

/**
 * A fresh pending copy of a task, for "Retry". One that was on the wire when BrowserDeck
 * stopped is read from the vendor before it is sent again.
 */
export function retryTask(task: JobTask): JobTask {
  const {
    error: _error,
    note: _note,
    noteWords: _noteWords,
    resultKey: _resultKey,
    output: _output,
    ...item
  } = task.item;
  const verify = task.verify || task.item.state === 'interrupted';
  return { ...task, item: { ...item, state: 'pending' }, ...(verify ? { verify } : {}) };
}

/**
 * Resolves each task's connection and fails, in place, the tasks that cannot run: bad key,
 * unknown connection, a vendor without the capability, missing per-task input.
 * Returns the providers of the connections that have runnable tasks.
 */
export function validateTasks(
  spec: JobKindSpec,
  action: KindAction,
  tasks: readonly JobTask[],
  getProvider: (connectionId: string) => VendorProvider,
  abilities: Abilities,
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
            : refusal('internal', `Connection ${connectionId} could not be loaded`, {
                reason: 'job.connection-unloadable',
                params: { id: connectionId },
              });
      }
      lookups.set(connectionId, found);
    }
    return found;
  };
  for (const task of tasks) {
    const { item } = task;
    const refused = refuseEarly(spec, action, task, abilities);
    if (refused) {
      fail(item, refused);
      continue;
    }
    const provider = lookup(item.connectionId);
    if (!('vendor' in provider)) {
      fail(item, provider.code === 'not-found' ? notFound(item.connectionId, provider) : provider);
      continue;
    }
    const unsupported = spec.unsupported?.(provider);
    if (unsupported) {
      fail(item, unsupported);
      continue;
    }
    providers.set(item.connectionId, provider);
  }
  return providers;
}

/** What can be told from the request alone, before asking for a connection. */
function refuseEarly(
  spec: JobKindSpec,
  action: KindAction,
  task: JobTask,
  abilities: Abilities,
): DeckErrorValue | undefined {
  const { item } = task;
  if (task.withheld)
    return refusal(
      'invalid-input',
      'The proxy password this edit sets is not kept once BrowserDeck restarts: run the edit again and enter the password',
      { reason: 'job.password-withheld' },
    );
  if (!spec.newProfiles && (!item.connectionId || !task.vendorId))
    return failed('invalid-input', `"${item.key}" is not a profile key (connection/id)`, {
      retryable: false,
      reason: 'profile-key.invalid',
      params: { key: item.key },
    }).error;
  return spec.refuse?.(action, task, abilities);
}

function notFound(connectionId: string, error: DeckErrorValue): DeckErrorValue {
  return {
    ...error,
    message: `Connection ${connectionId} no longer exists`,
    details: {
      ...error.details,
      connectionId,
      reason: 'connection.gone',
      params: { id: connectionId },
    },
  };
}

/** A task refused before it runs; `why` is its reason and values, for the renderer to word. */
export function refusal(
  code: DeckErrorValue['code'],
  message: string,
  why: Pick<FailExtra, 'reason' | 'params' | 'details'> = {},
): DeckErrorValue {
  return failed(code, message, { ...why, retryable: false }).error;
}

function fail(item: JobItem, error: DeckErrorValue): void {
  item.state = 'failed';
  item.error = error;
}
