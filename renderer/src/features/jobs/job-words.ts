/**
 * What main says about a job (an item's note, what the job set, a name that depends on
 * its action) worded in the chosen language from the keys and data main sends
 * (shared/model/job-words.ts). A job from a journal older than those keys has only main's
 * English, which shows as it is.
 */
import i18next from 'i18next';
import type { JobItem, JobSummary } from '../../../../shared/model/job';
import type {
  LabelWords,
  NoteWords,
  ValueWords,
  WordParams,
} from '../../../../shared/model/job-words';
import {
  COPY_DROP_REASONS,
  FIELD_NOUNS,
  SHEET_EDIT_FIELDS,
} from '../../../../shared/model/job-values';
import { en } from '../../i18n/catalogs/en';

type Value = WordParams[string] | undefined;
const str = (v: Value): string => (typeof v === 'string' || typeof v === 'number' ? `${v}` : '');
const list = (v: Value): string[] => (Array.isArray(v) ? v : []);
const quote = (text: string) => i18next.t('activity.values.quoted', { text });
const joined = (parts: readonly string[]) => parts.join(i18next.t('activity.values.separator'));

/** A value a job set or found, as Activity shows it. */
export function valueText({ key, params = {} }: ValueWords): string {
  switch (key) {
    case 'text':
      return quote(str(params.text));
    case 'tags':
      return joined(list(params.tags).map(quote));
    case 'groupId':
      return i18next.t('activity.values.groupId', { id: str(params.id) });
    case 'groups':
      return joined([
        ...list(params.names),
        ...list(params.ids).map((id) => i18next.t('activity.values.groupId', { id })),
      ]);
    case 'template':
      return i18next.t('activity.values.template', {
        template: str(params.template),
        start: str(params.start),
      });
    case 'named':
      return i18next.t('activity.values.named', { template: str(params.template) });
    case 'proxyList':
      return i18next.t('activity.values.proxyList', { count: Number(params.count) || 0 });
    case 'sheet':
      return joined(
        SHEET_EDIT_FIELDS.flatMap((f) => {
          const count = params[f];
          return typeof count === 'number'
            ? [i18next.t(`activity.values.sheet.${f}`, { count })]
            : [];
        }),
      );
    case 'proxyVendor':
      return params.id === undefined
        ? i18next.t('activity.values.proxyVendor')
        : i18next.t('activity.values.proxyVendorId', { id: str(params.id) });
    case 'proxyApi':
      return i18next.t('activity.values.proxyApi', { type: str(params.type) });
    // Data only: a proxy as written, its address.
    case 'proxy':
      return str(params.proxy);
    case 'proxyUrl':
      return str(params.url);
    case 'empty':
    case 'noTags':
    case 'proxyDirect':
    case 'noProxy':
    case 'someVendorProxy':
    case 'someApiProxy':
      return i18next.t(`activity.values.${key}`);
  }
}

/** What the job set, after its name; main's English for a job without keys. */
export const appliedText = (job: JobSummary): string | undefined =>
  job.appliedWords ? valueText(job.appliedWords) : job.applied;

const fieldText = (v: Value): string => {
  const field = FIELD_NOUNS.find((f) => f === v);
  return field ? i18next.t(`activity.notes.fields.${field}`) : str(v);
};

/** "name, remark and proxy". */
function fieldsText(fields: readonly string[]): string {
  const words = fields.map(fieldText);
  if (words.length < 2) return words[0] ?? '';
  return i18next.t('activity.notes.fieldsAnd', {
    rest: joined(words.slice(0, -1)),
    last: words.at(-1),
  });
}

/** One note; undefined when its data cannot be worded (main's English shows instead). */
function noteWordsText({ key, params = {}, values = {} }: NoteWords): string | undefined {
  switch (key) {
    case 'proxyChecked':
      return params.ip === undefined
        ? i18next.t('activity.notes.proxyChecked')
        : i18next.t('activity.notes.proxyCheckedIp', { ip: str(params.ip) });
    case 'proxyWorks': {
      const [ip, ms] = [str(params.ip), Number(params.ms)];
      const hasMs = params.ms !== undefined;
      if (params.ip !== undefined)
        return hasMs
          ? i18next.t('activity.notes.proxyWorksIpMs', { ip, ms })
          : i18next.t('activity.notes.proxyWorksIp', { ip });
      return hasMs
        ? i18next.t('activity.notes.proxyWorksMs', { ms })
        : i18next.t('activity.notes.proxyWorks');
    }
    case 'proxyNotChecked':
      return i18next.t('activity.notes.proxyNotChecked', { reason: str(params.reason) });
    case 'fieldsSet':
      return i18next.t('activity.notes.fieldsSet', { fields: fieldsText(list(params.fields)) });
    case 'notCopied': {
      const { of, why, ...reasonParams } = params;
      const reason = COPY_DROP_REASONS.find((r) => r === why);
      if (!reason) return undefined;
      return i18next.t('activity.notes.notCopied', {
        of: fieldText(of),
        // Worded as the copy's preview words it; the catalog type cannot follow a key built
        // at run time with main's values.
        reason: i18next.t(
          `bulk.copy.why.${reason}` as never,
          { ...reasonParams } as never,
        ) as unknown as string,
      });
    }
    case 'renamedTo':
      return i18next.t('activity.notes.renamedTo', { name: str(params.name) });
    case 'undoNotRead':
    case 'undoAlreadyBack':
      return i18next.t(`activity.notes.${key}`, { field: fieldText(params.field) });
    case 'undoChangedSince':
      return i18next.t('activity.notes.undoChangedSince', {
        field: fieldText(params.field),
        now: values.now ? valueText(values.now) : '',
        set: values.set ? valueText(values.set) : '',
      });
    case 'openedAndClosed':
    case 'alreadyOpen':
    case 'alreadyClosed':
    case 'alreadyHadTags':
    case 'hadNoneOfTags':
    case 'alreadyApplied':
    case 'stoppedByCancel':
    case 'unknownOutcome':
    case 'undoGone':
    case 'undoNameEmpty':
    case 'undoProxyPassword':
      return i18next.t(`activity.notes.${key}`);
  }
}

/** An item's note in the chosen language; main's English for an item without keys. */
export function noteText(item: Pick<JobItem, 'note' | 'noteWords'>): string {
  const notes = item.noteWords?.map(noteWordsText) ?? [];
  if (notes.length === 0 || notes.includes(undefined)) return item.note ?? '';
  return notes.join(i18next.t('activity.notes.separator'));
}

const isUndoTitle = (kind: string): kind is keyof typeof en.activity.titles.undo =>
  Object.hasOwn(en.activity.titles.undo, kind);

/** A name that depends on the job's action; undefined when there is no word for it. */
export function labelText(words: LabelWords): string | undefined {
  switch (words.key) {
    case 'changeTags': {
      const add = joined(words.add.map(quote));
      const remove = joined(words.remove.map(quote));
      if (words.remove.length === 0) return i18next.t('activity.titles.addTags', { add });
      if (words.add.length === 0) return i18next.t('activity.titles.removeTags', { remove });
      return i18next.t('activity.titles.changeTags', { add, remove });
    }
    case 'automation':
      return i18next.t('activity.titles.automation', {
        task: i18next.t(`scripts.run.tasks.${words.task}`),
      });
    case 'script':
      return words.name
        ? i18next.t('activity.titles.scriptNamed', { name: words.name })
        : i18next.t('activity.titles.script');
    case 'undo':
      return isUndoTitle(words.kind) ? i18next.t(`activity.titles.undo.${words.kind}`) : undefined;
  }
}
