/** The rename form's text fields, checked by the job contract's own schema. */
import { NameTemplateSchema, renderName, type NameTemplate } from '../../../../../shared/model/job';

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
  const issue = parsed.error.issues[0]!;
  const field = String(issue.path[0] ?? 'template');
  const message = field === 'template' ? issue.message : `${field}: a whole number in range`;
  return { ok: false, message: field === 'template' ? `Template ${message}` : message };
}

/** The first `count` names a rename would give, next to the names they replace. */
export function previewNames(
  template: NameTemplate,
  current: readonly { name: string }[],
  count = 3,
): { from: string; to: string }[] {
  return current.slice(0, count).map((p, i) => ({ from: p.name, to: renderName(template, i) }));
}
