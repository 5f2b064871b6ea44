/**
 * Close: in vendor requests where the vendor closes many windows in one (ixBrowser), else
 * one call per profile; each row shows closing, then closed or unknown.
 */
import { CloseActionSchema, type ActionOf } from '../../../../../shared/model/job-actions';
import { inRequests } from '../in-requests';
import type { JobTask } from '../job-task';
import { gone } from '../job-verify';
import { requestShape } from '../request-shape';
import type { StatusChange } from '../run-context';
import { callOptions, eachProfile } from '../send-tasks';
import type { JobKindSpec } from './spec';
import { noted } from '../job-notes';

const closing = (task: JobTask): StatusChange => ({ key: task.item.key, status: 'closing' });

export const closeKind: JobKindSpec<ActionOf<'close'>> = {
  schema: CloseActionSchema,
  label: 'Close',
  affects: 'updates',
  applied: (_action, _task, profile) =>
    !profile ? gone() : profile.status === 'closed' ? 'applied' : 'not-applied',
  run(_action, provider, tasks, ctx) {
    if (provider.closeMany) {
      const closeMany = provider.closeMany.bind(provider);
      const opts = callOptions(ctx);
      const shape = requestShape(true, provider.capabilities, ctx.chunkSize);
      return inRequests(tasks, ctx, shape, (ids) => closeMany(ids, opts), {
        before: (claimed) => ctx.status(claimed.map((t) => closing(t))),
        after: (task, ok) =>
          ctx.status([{ key: task.item.key, status: ok ? 'closed' : 'unknown' }]),
      });
    }
    return eachProfile(provider, tasks, ctx, async (task, opts) => {
      ctx.status([closing(task)]);
      try {
        const { alreadyClosed } = await provider.close(task.vendorId, opts);
        ctx.status([{ key: task.item.key, status: 'closed' }]);
        return alreadyClosed ? noted('already closed', 'alreadyClosed') : {};
      } catch (e) {
        ctx.status([{ key: task.item.key, status: 'unknown' }]);
        throw e;
      }
    });
  },
};
