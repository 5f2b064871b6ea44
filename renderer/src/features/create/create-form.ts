/**
 * The create dialogs' forms as pure functions: draft text in, `CreateItem[]` or errors that
 * name the field out, plus the preview rows the user checks before anything is created.
 * The job contract's own schemas are the rules; this module words them for the form.
 */
import type { ProxyInput } from '../../../../shared/model/proxy-input';
import {
  CreateItemSchema,
  NameTemplateSchema,
  renderName,
  type CreateItem,
  type NameTemplate,
} from '../../../../shared/model/job';
import { isHttpUrl } from '../../../../shared/model/proxy-input';
import {
  parseProxyList,
  type ParseOptions,
  type ProxyListError,
} from '../../../../shared/proxy/proxy-list';
import { formatProxyInput } from '../../../../shared/proxy/proxy-format';
import i18next from 'i18next';
import { parseTags } from '../../lib/parse-tags';

export const MAX_CREATE = 1000;
const MAX_NAME = 200;
const MAX_TAGS = 50;
const MAX_REMARK = 1000;
const MAX_START = 1_000_000;
const MAX_PAD = 8;

/** Where a CosLogin profile's `config` comes from (the Local API refuses to create without one). */
export type ConfigSource = 'default' | 'like';

/** Fields every create form has. Text as typed; '' means "not set". */
export interface CommonDraft {
  /** '' = the vendor's default group. */
  groupId: string;
  /** Comma-separated tag names. */
  tags: string;
  remark: string;
  startUrl: string;
  configSource: ConfigSource;
  likeProfileKey: string;
}

export interface SingleDraft extends CommonDraft {
  name: string;
}

export interface BulkDraft extends CommonDraft {
  count: string;
  template: string;
  start: string;
  pad: string;
  /** Pasted proxy list, one per line; '' = create without proxies. */
  proxies: string;
  proxyDefaultType: NonNullable<ParseOptions['defaultType']>;
}

/** What the chosen connection's vendor can take. */
export interface VendorNeeds {
  /** The vendor has a start URL field (ixBrowser). */
  startUrl: boolean;
  /** The vendor needs a complete config (CosLogin): the draft's config source applies. */
  createNeedsConfig: boolean;
}

export const EMPTY_COMMON: CommonDraft = {
  groupId: '',
  tags: '',
  remark: '',
  startUrl: '',
  configSource: 'default',
  likeProfileKey: '',
};

export const EMPTY_BULK: BulkDraft = {
  ...EMPTY_COMMON,
  count: '10',
  template: 'Shop {n}',
  start: '1',
  pad: '3',
  proxies: '',
  proxyDefaultType: 'http',
};

type CommonField = 'groupId' | 'tags' | 'remark' | 'startUrl' | 'likeProfileKey';
export type SingleField = CommonField | 'name' | 'proxy';
export type BulkField = CommonField | 'count' | 'template' | 'start' | 'pad' | 'proxies';
/** One message per field, each starting with the field's name as the form labels it. */
export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/** A whole number from text, or NaN for anything else ('', '1.5', '12abc'). */
function wholeNumber(text: string): number {
  const t = text.trim();
  return /^-?\d+$/.test(t) ? Number(t) : Number.NaN;
}

const inRange = (n: number, min: number, max: number) =>
  Number.isInteger(n) && n >= min && n <= max;

// Messages are worded when a check runs (each render), so they follow a language switch.
const t = i18next.t;

/** Checks the fields shared by all forms and returns what goes into every item. */
function checkCommon(
  draft: CommonDraft,
  needs: VendorNeeds,
): { errors: FieldErrors<CommonField>; common: Omit<CreateItem, 'name' | 'proxy'> } {
  const errors: FieldErrors<CommonField> = {};
  const tags = parseTags(draft.tags);
  if (tags.length > MAX_TAGS)
    errors.tags = t('create.check.tagsMax', { max: MAX_TAGS, count: tags.length });
  else if (tags.some((t) => t.length > MAX_NAME))
    errors.tags = t('create.check.tagLength', { max: MAX_NAME });
  if (draft.remark.length > MAX_REMARK)
    errors.remark = t('create.check.remarkMax', { max: MAX_REMARK, count: draft.remark.length });
  const startUrl = needs.startUrl ? draft.startUrl.trim() : '';
  if (startUrl && !isHttpUrl(startUrl)) errors.startUrl = t('create.check.startUrl');
  const like = needs.createNeedsConfig && draft.configSource === 'like';
  if (like && !draft.likeProfileKey) errors.likeProfileKey = t('create.check.likeRequired');
  return {
    errors,
    common: {
      ...(draft.groupId ? { groupId: draft.groupId } : {}),
      tags,
      remark: draft.remark,
      ...(startUrl ? { startUrl } : {}),
      ...(like && draft.likeProfileKey ? { likeProfileKey: draft.likeProfileKey } : {}),
    },
  };
}

export type Checked<T, F extends string> =
  { ok: true; value: T } | { ok: false; errors: FieldErrors<F> };

/** The "New profile" form → the one item to create. The proxy comes from the proxy editor. */
export function checkSingle(
  draft: SingleDraft,
  proxy: ProxyInput | undefined,
  needs: VendorNeeds,
): Checked<CreateItem, SingleField> {
  const { errors, common } = checkCommon(draft, needs);
  const all: FieldErrors<SingleField> = { ...errors };
  const name = draft.name.trim();
  if (!name) all.name = t('create.check.nameRequired');
  else if (name.length > MAX_NAME) all.name = t('create.check.nameMax', { max: MAX_NAME });
  if (Object.keys(all).length) return { ok: false, errors: all };
  return {
    ok: true,
    value: CreateItemSchema.parse({ ...common, name, ...(proxy ? { proxy } : {}) }),
  };
}

/** The bulk form checked: the items to create, or errors plus the proxy lines that failed. */
export type BulkCheck =
  | { ok: true; items: CreateItem[]; template: NameTemplate }
  | { ok: false; errors: FieldErrors<BulkField>; proxyLineErrors: ProxyListError[] };

function checkTemplate(
  draft: Pick<BulkDraft, 'template' | 'start' | 'pad'>,
  errors: FieldErrors<BulkField>,
): NameTemplate | null {
  const start = wholeNumber(draft.start);
  const pad = wholeNumber(draft.pad);
  if (!inRange(start, 0, MAX_START))
    errors.start = t('create.check.startRange', { max: MAX_START });
  if (!inRange(pad, 0, MAX_PAD)) errors.pad = t('create.check.padRange', { max: MAX_PAD });
  if (!draft.template.trim()) errors.template = t('create.check.templateRequired');
  else if (draft.template.length > MAX_NAME)
    errors.template = t('create.check.templateMax', { max: MAX_NAME });
  else if (!draft.template.includes('{n}')) errors.template = t('create.check.templateN');
  if (errors.start || errors.pad || errors.template) return null;
  const parsed = NameTemplateSchema.safeParse({ template: draft.template, start, pad });
  if (!parsed.success) {
    errors.template = t('create.check.templateInvalid', {
      reason: parsed.error.issues[0]?.message ?? t('create.check.invalid'),
    });
    return null;
  }
  return parsed.data;
}

export type NameField = 'template' | 'start' | 'pad';

/** A name template's three fields on their own (the copy dialog's). */
export function checkNameFields(
  draft: Pick<BulkDraft, NameField>,
): Checked<NameTemplate, NameField> {
  const errors: FieldErrors<NameField> = {};
  const template = checkTemplate(draft, errors);
  return template ? { ok: true, value: template } : { ok: false, errors };
}

/**
 * The proxy list's 1:1 pairing: proxy i goes to profile i. Any other count is an error
 * that says how many are missing or extra, since a guess would put profiles on the
 * wrong IPs.
 */
export function proxyCountMismatch(profiles: number, proxies: number): string | undefined {
  if (proxies === profiles) return undefined;
  if (proxies < profiles) {
    return t('create.check.proxiesMissing', {
      profiles: t('create.check.profiles', { count: profiles }),
      proxies: t('create.check.proxies', { count: profiles }),
      given: proxies,
      missing: profiles - proxies,
    });
  }
  return t('create.check.proxiesExtra', {
    proxies: t('create.check.proxies', { count: proxies }),
    profiles: t('create.check.profiles', { count: profiles }),
    extra: proxies - profiles,
  });
}

export function checkBulk(draft: BulkDraft, needs: VendorNeeds): BulkCheck {
  const { errors: commonErrors, common } = checkCommon(draft, needs);
  const errors: FieldErrors<BulkField> = { ...commonErrors };
  const count = wholeNumber(draft.count);
  if (!inRange(count, 1, MAX_CREATE))
    errors.count = t('create.check.countRange', { max: MAX_CREATE });
  const template = checkTemplate(draft, errors);

  let proxies: ProxyInput[] | undefined;
  let proxyLineErrors: ProxyListError[] = [];
  if (draft.proxies.trim()) {
    const list = parseProxyList(draft.proxies, { defaultType: draft.proxyDefaultType });
    proxyLineErrors = list.errors;
    if (list.errors.length) {
      const lines = list.errors.map((e) => e.line);
      errors.proxies = t('create.check.proxyLines', {
        count: lines.length,
        lines: `${lines.slice(0, 5).join(', ')}${lines.length > 5 ? ', …' : ''}`,
      });
    } else if (errors.count === undefined) {
      const mismatch = proxyCountMismatch(count, list.entries.length);
      if (mismatch) errors.proxies = mismatch;
    }
    proxies = list.entries.map((e) => e.proxy);
  }

  if (template && errors.count === undefined) {
    const longest = renderName(template, count - 1);
    if (longest.length > MAX_NAME)
      errors.template = t('create.check.templateTooLong', { max: MAX_NAME });
  }
  if (Object.keys(errors).length || !template) return { ok: false, errors, proxyLineErrors };

  const items = Array.from({ length: count }, (_, i) =>
    CreateItemSchema.parse({
      ...common,
      name: renderName(template, i),
      ...(proxies ? { proxy: proxies[i] } : {}),
    }),
  );
  return { ok: true, items, template };
}

/** What the template makes, as it is typed: "Shop 001, Shop 002 … Shop 030". */
export function sampleNames(
  draft: Pick<BulkDraft, 'count' | 'template' | 'start' | 'pad'>,
): string | undefined {
  const template = checkTemplate(draft, {});
  const count = wholeNumber(draft.count);
  if (!template || !inRange(count, 1, MAX_CREATE)) return undefined;
  const name = (i: number) => renderName(template, i);
  if (count <= 3) return Array.from({ length: count }, (_, i) => name(i)).join(', ');
  return `${name(0)}, ${name(1)} … ${name(count - 1)}`;
}

export interface PreviewRow {
  /** 1-based, as the list reads. */
  n: number;
  name: string;
  group: string;
  tags: string;
  /** `http user:•••@1.2.3.4:8080`: never the password. */
  proxy: string;
  /** The name is already taken in the connection (ixBrowser refuses duplicates: 101004). */
  nameTaken: boolean;
}

/** One row per profile to be created, as the preview table shows it. */
export function previewRows(
  items: readonly CreateItem[],
  groupName: (groupId: string | undefined) => string,
  existingNames: ReadonlySet<string> = new Set(),
): PreviewRow[] {
  return items.map((item, i) => ({
    n: i + 1,
    name: item.name,
    group: groupName(item.groupId),
    tags: item.tags.join(', '),
    proxy: item.proxy ? formatProxyInput(item.proxy) : t('create.preview.none'),
    nameTaken: existingNames.has(item.name),
  }));
}

/** The first message of a check, for a one-line summary next to the submit button. */
export function firstError<F extends string>(errors: FieldErrors<F>): string | undefined {
  return Object.values<string | undefined>(errors).find(Boolean);
}
