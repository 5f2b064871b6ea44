/**
 * Assign proxies: a proxy per profile from a previewed list, one call per profile. The
 * list names its profiles, so no selection is needed; each proxy is kept with its task
 * (the journal does not repeat the list, and withholds passwords).
 */
import { AssignProxiesActionSchema, type ActionOf } from '../../../../../shared/model/job-actions';
import { FIELDS, proxyConfigOf } from '../edit-fields';
import { profileTasks, refusal } from '../job-plan';
import { eachProfile, single } from '../send-tasks';
import type { JobKindSpec } from './spec';

export const assignProxiesKind: JobKindSpec<ActionOf<'assign-proxies'>> = {
  schema: AssignProxiesActionSchema,
  label: 'Assign proxies',
  affects: 'updates',
  selectionOptional: true,
  sets: (action) => {
    const n = action.assignments.length;
    // The stored action drops its list (each proxy is kept with its task).
    return n
      ? {
          text: `${n.toLocaleString('en')} ${n === 1 ? 'proxy' : 'proxies'} from a list`,
          words: { key: 'proxyList', params: { count: n } },
        }
      : undefined;
  },
  plan(action, keys, labels) {
    const proxies = new Map(action.assignments.map((a) => [a.key, a.proxy]));
    const ordered = keys.length === 0 ? action.assignments.map((a) => a.key) : keys;
    return profileTasks(ordered, labels, (task) => {
      task.proxy = proxies.get(task.item.key);
    });
  },
  refuse: (_action, task) =>
    task.proxy
      ? undefined
      : refusal('invalid-input', 'No proxy assigned to this profile', {
          reason: 'job.no-proxy-assigned',
        }),
  edit: {
    field: FIELDS.proxy,
    target: (_action, task) => (task.proxy ? proxyConfigOf(task.proxy) : undefined),
  },
  run: (_action, provider, tasks, ctx) =>
    eachProfile(provider, tasks, ctx, async (task, opts) => {
      single(await provider.setProxy([task.vendorId], task.proxy!, opts), task.vendorId);
    }),
  stored: (action) => ({ ...action, assignments: [] }),
  restored: (stored, tasks) => ({
    ...stored,
    assignments: tasks.flatMap((t) => (t.proxy ? [{ key: t.item.key, proxy: t.proxy }] : [])),
  }),
};
