/**
 * Automate: one task (a built-in one or a saved script) in each selected profile. A closed
 * profile is opened for it and closed again afterwards; one that was open stays open. At
 * most `concurrency` profiles run at once across connections (3 by default), and no more
 * per connection than its vendor takes requests at once. Cancel stops the running tasks
 * (a script's process is killed), not only the waiting ones.
 */
import pLimit from 'p-limit';
import { AutomateActionSchema, type ActionOf } from '../../../../../shared/model/job-actions';
import {
  AUTOMATION_DEFAULTS,
  AUTOMATION_TASK_LABEL,
  LOG_MAX_LINES,
  WITHHELD_COOKIES,
} from '../../../../../shared/model/automation';
import { VENDORS, type Profile, type Session } from '../../../../../shared/model';
import { DeckError } from '../../../../../shared/ipc/result';
import { z } from 'zod';
import type { ScriptProfile } from '../../../../script-host/protocol';
import type { VendorProvider } from '../../../providers/provider';
import { CHROMIUM_NEEDED } from '../../automation/cdp-endpoint';
import { refusal } from '../job-plan';
import type { JobTask } from '../job-task';
import { fetchProfiles } from '../profile-fetch';
import type { RunContext } from '../run-context';
import { callOptions } from '../send-tasks';
import type { JobKindSpec } from './spec';
import { noted } from '../job-notes';

const OPENED_AND_CLOSED = noted('opened and closed', 'openedAndClosed');

type AutomateAction = ActionOf<'automate'>;

/** What a journal keeps of an import: cookies are credentials and never reach the disk. */
const WithheldImportSchema = AutomateActionSchema.extend({
  task: z.object({ type: z.literal('import-cookies'), cookies: z.literal(WITHHELD_COOKIES) }),
});

export const automateKind: JobKindSpec<AutomateAction> = {
  schema: z.union([AutomateActionSchema, WithheldImportSchema]),
  label: 'Automation',
  labelOf: ({ task }) =>
    task.type === 'script'
      ? `Script${task.name ? `: ${task.name}` : ''}`
      : `Automation: ${AUTOMATION_TASK_LABEL[task.type]}`,
  labelWords: ({ task }) =>
    task.type === 'script'
      ? { key: 'script', ...(task.name ? { name: task.name.slice(0, 200) } : {}) }
      : { key: 'automation', task: task.type },
  defaultConcurrency: AUTOMATION_DEFAULTS.concurrency,
  affects: 'updates',
  stored: (action) =>
    action.task.type === 'import-cookies'
      ? { ...action, task: { ...action.task, cookies: WITHHELD_COOKIES } }
      : action,
  refuse(action, _task, { canAutomate }) {
    if (!canAutomate)
      return refusal('unsupported', 'Automation is not available in this build', {
        reason: 'automation.unavailable',
      });
    if (action.task.type === 'import-cookies' && action.task.cookies === WITHHELD_COOKIES)
      return refusal(
        'invalid-input',
        'The cookies this job imports are not kept once BrowserDeck restarts: run the import again and paste them',
        { reason: 'automation.cookies-withheld' },
      );
    return undefined;
  },
  unsupported: (provider) =>
    VENDORS[provider.vendor].engine === 'chromium'
      ? undefined
      : refusal(
          'unsupported',
          `${CHROMIUM_NEEDED} (every ${VENDORS[provider.vendor].label} profile does)`,
          {
            reason: 'automation.firefox',
            params: { context: 'vendor', vendor: VENDORS[provider.vendor].label },
          },
        ),
  async run(action, provider, tasks, ctx) {
    const runner = ctx.automation!;
    if (action.task.type === 'script') {
      const why = runner.scriptsUnsupported();
      if (why) {
        for (const task of await ctx.claim(tasks))
          ctx.fail(task, DeckError.of('unsupported', why, { reason: 'script.unsupported' }));
        return;
      }
    }
    const opts = callOptions(ctx);
    let open: Map<string, Session>;
    let profiles: Map<string, Profile> | undefined;
    try {
      // Which profiles are open before the run: those are used as they are and left open.
      open = new Map((await provider.listSessions(opts)).map((s) => [s.vendorId, s]));
      // Only a script is handed the profile's fields; the built-in tasks need its key alone.
      if (action.task.type === 'script')
        profiles = (
          await fetchProfiles(
            provider,
            tasks.map((t) => t.vendorId),
            opts,
          )
        ).profiles;
    } catch (e) {
      for (const task of await ctx.claim(tasks)) ctx.fail(task, e);
      return;
    }
    // The vendor's own limit bounds this connection; the job's concurrency bounds them all.
    const perConnection = pLimit(provider.capabilities.maxConcurrency);
    await Promise.all(
      tasks.map((task) =>
        perConnection(() =>
          ctx.openLimit(async () => {
            const [claimed] = await ctx.claim([task]);
            if (claimed) await runOne(action, provider, claimed, ctx, open, profiles);
          }),
        ),
      ),
    );
  },
};

async function runOne(
  action: AutomateAction,
  provider: VendorProvider,
  task: JobTask,
  ctx: RunContext,
  open: ReadonlyMap<string, Session>,
  profiles: ReadonlyMap<string, Profile> | undefined,
): Promise<void> {
  const started = Date.now();
  const key = task.item.key;
  const opts = callOptions(ctx);
  let session = open.get(task.vendorId);
  let openedHere = false;
  try {
    if (!session) {
      if (!action.openClosed)
        throw DeckError.of('conflict', 'The profile is not open, and this run opens none', {
          reason: 'automation.not-open',
        });
      ctx.status([{ key, status: 'opening' }]);
      try {
        const opened = await provider.open(task.vendorId, opts);
        session = opened.session;
        openedHere = !opened.attached;
        ctx.status([{ key, status: 'open', debugPort: session.debugPort }]);
      } catch (e) {
        ctx.status([{ key, status: 'unknown' }]);
        throw e;
      }
    }
    const outcome = await ctx.automation!.run({
      jobId: ctx.jobId,
      profile: scriptProfile(provider, task, profiles?.get(task.vendorId)),
      session,
      task: action.task,
      timeoutMs: action.timeoutMs,
      signal: ctx.cancelSignal,
    });
    const output = { ...outcome.output, durationMs: Date.now() - started };
    if (openedHere) await closeAgain(provider, task, ctx, output);
    if (outcome.ok) ctx.succeed(task, { output, ...(openedHere ? OPENED_AND_CLOSED : {}) });
    else if (outcome.stopped) ctx.stopped(task, output);
    else ctx.fail(task, outcome.error, output);
  } catch (e) {
    if (openedHere) await closeAgain(provider, task, ctx);
    ctx.fail(task, e, { durationMs: Date.now() - started });
  }
}

/** Closes a profile the run opened; a close that fails is said in the log, the task stands. */
async function closeAgain(
  provider: VendorProvider,
  task: JobTask,
  ctx: RunContext,
  output?: { logs?: string[] },
): Promise<void> {
  const key = task.item.key;
  ctx.status([{ key, status: 'closing' }]);
  try {
    await provider.close(task.vendorId, callOptions(ctx));
    ctx.status([{ key, status: 'closed' }]);
  } catch (e) {
    ctx.status([{ key, status: 'unknown' }]);
    if (output)
      output.logs = [
        ...(output.logs ?? []).slice(0, LOG_MAX_LINES),
        `could not close the profile again: ${e instanceof Error ? e.message : String(e)}`,
      ];
  }
}

/** What a script may know of its profile: no proxy, no password, no token. */
function scriptProfile(
  provider: VendorProvider,
  task: JobTask,
  profile: Profile | undefined,
): ScriptProfile {
  return {
    key: task.item.key,
    connectionId: task.item.connectionId,
    vendor: provider.vendor,
    vendorId: task.vendorId,
    name: profile?.name ?? task.item.label,
    groupName: profile?.groupName ?? '',
    tags: profile?.tags.map((t) => t.name) ?? [],
    remark: profile?.remark ?? '',
  };
}
