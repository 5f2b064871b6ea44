/**
 * Words an error from main in the chosen language (issue #24): main sends a code, a reason
 * and its values; the sentence lives in the errors catalog. A vendor's own message and code
 * are shown as the vendor gave them. An error without a reason this renderer knows (a job
 * stored by an older version) reads by its code; in English main's own English sentence is
 * the more telling one, so it is kept there.
 */
import i18next from 'i18next';
import type { ErrorReason } from '../../../shared/ipc/error-reasons';
import type { DeckErrorValue } from '../../../shared/ipc/result';
import { en } from '../i18n/catalogs/en';

type Paths<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Paths<T[K], `${P}${K}.`>;
}[keyof T & string];
// A reason main may send without an English sentence is a compile error here (zh-CN follows
// through the Catalog type).
type Unworded = Exclude<ErrorReason, Paths<typeof en.errors.reason>>;
const everyReasonWorded: [Unworded] extends [never] ? true : Unworded = true;
void everyReasonWorded;

/** i18next's t for keys built at run time (the catalog type cannot follow a template). */
const say = (key: string, options?: Record<string, unknown>): string =>
  i18next.t(key as never, options as never) as unknown as string;

const isLeaf = (root: unknown, path: string[]): boolean => {
  let node = root;
  for (const part of path) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string';
};

/**
 * A field path as the screen names it: the longest known tail, so `action.proxy.port` and
 * `edits.3.proxy.port` both read "Proxy port"; an unknown path is shown as it is.
 */
export function fieldLabel(path: string): string {
  const parts = path.split('.');
  for (let i = 0; i < parts.length; i++) {
    const tail = parts.slice(i);
    if (isLeaf(en.errors.fields, tail)) return say(`errors.fields.${tail.join('.')}`);
  }
  return path;
}

/** Before i18n starts (unit tests, a crash screen) and in English, main's sentence serves. */
const speaksMainsEnglish = () =>
  !i18next.isInitialized || (i18next.resolvedLanguage ?? i18next.language) === 'en';

const knownReason = (reason: string | undefined): reason is ErrorReason =>
  reason !== undefined && i18next.exists(`errors.reason.${reason}`);

/** The reason's values, with the ones that are themselves words (a unit, a type) worded. */
function valuesOf(error: DeckErrorValue): Record<string, unknown> {
  const d = error.details;
  const values: Record<string, unknown> = { ...d?.params };
  // Not `unit`: i18next hands the values to Intl.NumberFormat, which reads `unit` itself.
  if (typeof values.unitName === 'string' && isLeaf(en.errors.unit, [values.unitName]))
    values.unitName = say(`errors.unit.${values.unitName}`);
  if (typeof values.expected === 'string' && isLeaf(en.errors.types, [values.expected]))
    values.expected = say(`errors.types.${values.expected}`);
  if (d?.vendorMessage !== undefined) values.vendorMessage = d.vendorMessage;
  if (d?.vendorCode !== undefined) values.vendorCode = d.vendorCode;
  return values;
}

/** What is wrong, without the field's name (a form shows it under the field). */
function problemText(error: DeckErrorValue): string {
  const d = error.details;
  if (knownReason(d?.reason)) return say(`errors.reason.${d.reason}`, valuesOf(error));
  if (speaksMainsEnglish()) {
    const prefix = d?.field ? `${d.field}: ` : '';
    return prefix && error.message.startsWith(prefix)
      ? error.message.slice(prefix.length)
      : error.message;
  }
  return say(`errors.code.${error.code}`);
}

/** The vendor's own message and code, as the vendor gave them, after our sentence. */
function withVendorWords(text: string, error: DeckErrorValue): string {
  const d = error.details;
  if (d?.vendorCode === undefined || d.reason === 'vendor.said') return text;
  if (d.vendorMessage && !text.includes(d.vendorMessage))
    return say('errors.vendorSaid', {
      text,
      vendorMessage: d.vendorMessage,
      vendorCode: d.vendorCode,
    });
  return say('errors.vendorCode', { text, vendorCode: d.vendorCode });
}

/** An error value from main in the chosen language. */
export function wordError(error: DeckErrorValue): string {
  const d = error.details;
  // No catalog yet (before initI18n, or a module tested alone): main's English as it was.
  if (!i18next.isInitialized)
    return d?.vendorCode !== undefined
      ? `${error.message} (vendor code ${d.vendorCode})`
      : error.message;
  let text: string;
  if (knownReason(d?.reason)) {
    text = problemText(error);
    if (error.code === 'invalid-input' && d?.field)
      text = say('errors.withField', { field: fieldLabel(d.field), problem: text });
  } else if (speaksMainsEnglish()) {
    text = error.message;
  } else {
    text = say(`errors.code.${error.code}`);
  }
  return withVendorWords(text, error);
}

/** The field an `invalid-input` names and what is wrong with it, for a form to show. */
export function wordFieldError(error: DeckErrorValue): { field: string; text: string } | null {
  const field = error.details?.field;
  if (error.code !== 'invalid-input' || !field) return null;
  return { field, text: problemText(error) };
}
