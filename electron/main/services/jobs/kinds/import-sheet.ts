/**
 * Import a spreadsheet: each profile gets the fields its row changes (name, remark, group,
 * tags, proxy), one profile at a time, the fields in a fixed order. Only what the preview
 * showed as changed is sent. The rows name their profiles, so no selection is needed.
 *
 * A proxy is kept with its task, where the journal withholds its password; the other
 * fields stay in the action. No Undo: an edit of several fields has no single value to
 * put back (edits undo one field).
 */
import { DeckError } from '../../../../../shared/ipc/result';
import {
  ImportSheetActionSchema,
  SHEET_EDIT_FIELDS,
  type ActionOf,
  type SheetEdit,
} from '../../../../../shared/model/job-actions';
import type { Profile } from '../../../../../shared/model';
import type { CallOptions, VendorProvider } from '../../../providers/provider';
import { FIELDS, proxyConfigOf } from '../edit-fields';
import { profileTasks, refusal } from '../job-plan';
import type { JobTask } from '../job-task';
import { gone } from '../job-verify';
import { eachProfile, single } from '../send-tasks';
import type { JobKindSpec, Verdict } from './spec';
import type { FieldNoun } from '../../../../../shared/model/job-words';
import { noted } from '../job-notes';

type Action = ActionOf<'import-sheet'>;
type Field = (typeof SHEET_EDIT_FIELDS)[number];

const NOUN: Record<Field, FieldNoun> = {
  name: 'name',
  remark: 'remark',
  groupId: 'group',
  tags: 'tags',
  proxy: 'proxy',
};

/** Each action's rows by profile key, built once: a job may have 100,000 of them. */
const rowsOf = new WeakMap<Action, Map<string, SheetEdit>>();

const PLURAL: Record<Field, [string, string]> = {
  name: ['name', 'names'],
  remark: ['remark', 'remarks'],
  groupId: ['group', 'groups'],
  tags: ['tag set', 'tag sets'],
  proxy: ['proxy', 'proxies'],
};

/** The row of this task, its proxy back from the task (where a restart left it). */
function editOf(action: Action, task: JobTask): SheetEdit | undefined {
  let rows = rowsOf.get(action);
  if (!rows) rowsOf.set(action, (rows = new Map(action.edits.map((e) => [e.key, e]))));
  const edit = rows.get(task.item.key);
  return edit && (task.proxy ? { ...edit, proxy: task.proxy } : edit);
}

const changedFields = (edit: SheetEdit): Field[] =>
  SHEET_EDIT_FIELDS.filter((f) => edit[f] !== undefined);

/** Writes one field of one profile; throws the vendor's error for it. */
async function write(
  provider: VendorProvider,
  id: string,
  edit: SheetEdit,
  field: Field,
  opts: CallOptions,
): Promise<void> {
  const ids = [id];
  switch (field) {
    case 'name':
      return single(await provider.setName(ids, edit.name!, opts), id);
    case 'remark':
      return single(await provider.setRemark(ids, edit.remark!, opts), id);
    case 'groupId':
      return single(await provider.moveToGroup(ids, edit.groupId!, opts), id);
    case 'tags':
      return single(await provider.setTags(ids, edit.tags!, opts), id);
    case 'proxy':
      return single(await provider.setProxy(ids, edit.proxy!, opts), id);
  }
}

/** "name, remark and proxy". */
const listed = (fields: Field[]): string => {
  const nouns = fields.map((f) => NOUN[f]);
  return nouns.length < 2
    ? (nouns[0] ?? '')
    : `${nouns.slice(0, -1).join(', ')} and ${nouns.at(-1)}`;
};

/** Whether the profile holds every field the row set. */
function holds(edit: SheetEdit, profile: Profile): boolean {
  return changedFields(edit).every((f) => {
    switch (f) {
      case 'name':
        return profile.name === edit.name;
      case 'remark':
        return profile.remark === edit.remark;
      case 'groupId':
        return profile.groupId === edit.groupId;
      case 'tags':
        return FIELDS.tags.same(FIELDS.tags.read(profile), edit.tags!);
      case 'proxy':
        return FIELDS.proxy.same(profile.proxy, proxyConfigOf(edit.proxy!));
    }
  });
}

export const importSheetKind: JobKindSpec<Action> = {
  schema: ImportSheetActionSchema,
  label: 'Import spreadsheet',
  affects: 'updates',
  selectionOptional: true,
  sets(action) {
    const counts = new Map<Field, number>();
    for (const edit of action.edits)
      for (const f of changedFields(edit)) counts.set(f, (counts.get(f) ?? 0) + 1);
    const present = SHEET_EDIT_FIELDS.filter((f) => counts.has(f));
    return {
      text: present
        .map(
          (f) => `${counts.get(f)!.toLocaleString('en')} ${PLURAL[f][counts.get(f) === 1 ? 0 : 1]}`,
        )
        .join(', '),
      // By field, in the order above: the renderer words each count with its noun.
      words: { key: 'sheet', params: Object.fromEntries(present.map((f) => [f, counts.get(f)!])) },
    };
  },
  plan(action, keys, labels) {
    const proxies = new Map(action.edits.map((e) => [e.key, e.proxy]));
    const ordered = keys.length === 0 ? action.edits.map((e) => e.key) : keys;
    return profileTasks(ordered, labels, (task) => {
      const proxy = proxies.get(task.item.key);
      if (proxy) task.proxy = proxy;
    });
  },
  refuse: (action, task) =>
    editOf(action, task)
      ? undefined
      : refusal('invalid-input', 'No row of the spreadsheet names this profile', {
          reason: 'job.no-sheet-row',
        }),
  run: (action, provider, tasks, ctx) =>
    eachProfile(provider, tasks, ctx, async (task, opts) => {
      const edit = editOf(action, task)!;
      const fields = changedFields(edit);
      const done: Field[] = [];
      for (const field of fields) {
        try {
          await write(provider, task.vendorId, edit, field, opts);
        } catch (e) {
          throw partly(e, field, done);
        }
        done.push(field);
      }
      return noted(`${listed(fields)} set`, 'fieldsSet', { fields: fields.map((f) => NOUN[f]) });
    }),
  applied(action, task, profile): Verdict {
    const edit = editOf(action, task);
    if (!profile) return gone();
    return edit && holds(edit, profile) ? 'applied' : 'not-applied';
  },
  // The proxies live in the tasks (passwords withheld there); each row keeps the rest.
  stored: (action) => ({
    ...action,
    edits: action.edits.map(({ proxy: _proxy, ...rest }) => rest),
  }),
  restored: (stored, tasks) => {
    const proxies = new Map(
      tasks.flatMap((t) => (t.proxy ? [[t.item.key, t.proxy] as const] : [])),
    );
    const edits = (stored['edits'] as Array<Record<string, unknown>> | undefined) ?? [];
    return {
      ...stored,
      edits: edits.map((e) => {
        const proxy = proxies.get(String(e['key']));
        return proxy ? { ...e, proxy } : e;
      }),
    };
  },
};

/**
 * The vendor's error for one field, saying which field and what had been set before it. An
 * unexpected error goes on as it is, for the engine to log.
 */
function partly(e: unknown, field: Field, done: readonly Field[]): unknown {
  if (!(e instanceof DeckError)) return e;
  const before = done.length ? ` (${listed([...done])} had been set)` : '';
  return new DeckError({ ...e.toValue(), message: `${NOUN[field]}: ${e.message}${before}` });
}
