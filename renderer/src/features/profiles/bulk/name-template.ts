/** The rename form's text fields, checked by the job contract's own schema. */
import i18next from 'i18next';
import { NameTemplateSchema, renderName, type NameTemplate } from '../../../../../shared/model/job';

/** Where the running number goes in a template (syntax: the same in every language). */
export const N_TOKEN = '{n}';
const TEMPLATE_MAX = 200;

export interface NameTemplateDraft {
  template: string;
  start: string;
  pad: string;
}

export type NameTemplateCheck = { ok: true; value: NameTemplate } | { ok: false; message: string };

export function checkNameTemplate(draft: NameTemplateDraft): NameTemplateCheck {
  const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));
  const parsed = NameTemplateSchema.safeParse({
    template: draft.template,
    start: num(draft.start),
    pad: num(draft.pad),
  });
  if (parsed.success) return { ok: true, value: parsed.data };
  // Worded here, in the language chosen now, from what the schema refused.
  const t = i18next.t;
  const issue = parsed.error.issues[0]!;
  const field = String(issue.path[0] ?? 'template');
  if (field === 'start' || field === 'pad')
    return { ok: false, message: t('bulk.rename.badNumber', { field: t(`bulk.rename.${field}`) }) };
  const message =
    issue.code === 'too_small'
      ? t('bulk.rename.empty')
      : issue.code === 'too_big'
        ? t('bulk.rename.tooLong', { max: TEMPLATE_MAX })
        : t('bulk.rename.needsN', { n: N_TOKEN });
  return { ok: false, message };
}

/** The first `count` names a rename would give, next to the names they replace. */
export function previewNames(
  template: NameTemplate,
  current: readonly { name: string }[],
  count = 3,
): { from: string; to: string }[] {
  return current.slice(0, count).map((p, i) => ({ from: p.name, to: renderName(template, i) }));
}
