/**
 * The Settings screen's form: every field as the text the user typed, checked field by field
 * with the same schema main checks with, so each shows its own message before anything is
 * sent. A per-vendor limit left empty means the vendor's own default. Messages are worded
 * here, in the chosen language, from the schema's own limits.
 */
import i18next from 'i18next';
import type { z } from 'zod';
import { SettingsSchema, type Settings } from '../../../../shared/ipc/contract';
import { VENDOR_IDS, VENDORS, type Vendor } from '../../../../shared/model';

/** The settings typed as numbers (the theme and the switch have their own controls). */
export const NUMBER_FIELDS = [
  'openConcurrency',
  'requestTimeoutMs',
  'openTimeoutMs',
  'proxyCheckConcurrency',
  'proxyCheckTimeoutMs',
  'demoProfiles',
] as const satisfies readonly (keyof Settings)[];
export type NumberField = (typeof NUMBER_FIELDS)[number];

type Unit = 'windows' | 'checks' | 'ms' | 'requests' | 'profiles';
/** What each number counts, for its message: "from 1 to 16 windows". */
const UNIT: Record<NumberField, Unit> = {
  openConcurrency: 'windows',
  requestTimeoutMs: 'ms',
  openTimeoutMs: 'ms',
  proxyCheckConcurrency: 'checks',
  proxyCheckTimeoutMs: 'ms',
  demoProfiles: 'profiles',
};

const wholeNumberMessage = (schema: z.ZodNumber, unit: Unit): string =>
  i18next.t(`settings.errors.${unit}`, { min: schema.minValue, max: schema.maxValue });

/** Where a field's text sits in the draft and its error in the errors: `vendorConcurrency.cos`. */
export type FieldPath = NumberField | 'ipEchoUrl' | `vendorConcurrency.${Vendor}`;

export const vendorPath = (vendor: Vendor): FieldPath => `vendorConcurrency.${vendor}`;

export interface SettingsDraft {
  text: Record<FieldPath, string>;
  checkProxyBeforeOpen: boolean;
}

export function toDraft(settings: Settings): SettingsDraft {
  const text = { ipEchoUrl: settings.ipEchoUrl } as Record<FieldPath, string>;
  for (const key of NUMBER_FIELDS) text[key] = String(settings[key]);
  for (const vendor of VENDOR_IDS) {
    const set = settings.vendorConcurrency[vendor];
    text[vendorPath(vendor)] = set === undefined ? '' : String(set);
  }
  return { text, checkProxyBeforeOpen: settings.checkProxyBeforeOpen };
}

/** A number as typed: digits only, so "1e3" or "0x10" never pass as something else. */
const numberOf = (text: string): number | undefined => {
  const t = text.trim().replaceAll(',', '');
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : undefined;
};

export interface CheckedDraft {
  /** What to send when there are no errors. */
  patch: Omit<Settings, 'theme'>;
  errors: Partial<Record<FieldPath, string>>;
}

/** The draft as settings, and each field's own message where it is wrong. */
export function checkDraft(draft: SettingsDraft): CheckedDraft {
  const errors: Partial<Record<FieldPath, string>> = {};
  const patch = { checkProxyBeforeOpen: draft.checkProxyBeforeOpen } as CheckedDraft['patch'];
  const take = <K extends keyof CheckedDraft['patch']>(
    path: FieldPath,
    key: K,
    raw: unknown,
    message: () => string,
  ) => {
    const checked = SettingsSchema.shape[key].safeParse(raw);
    if (checked.success) patch[key] = checked.data as CheckedDraft['patch'][K];
    else errors[path] = message();
  };
  take('ipEchoUrl', 'ipEchoUrl', draft.text.ipEchoUrl.trim(), () =>
    i18next.t('settings.errors.ipEchoUrl'),
  );
  for (const key of NUMBER_FIELDS)
    take(key, key, numberOf(draft.text[key]), () =>
      wholeNumberMessage(SettingsSchema.shape[key], UNIT[key]),
    );

  const vendorConcurrency: Settings['vendorConcurrency'] = {};
  const perVendor = SettingsSchema.shape.vendorConcurrency.valueType;
  for (const vendor of VENDOR_IDS) {
    const text = draft.text[vendorPath(vendor)];
    if (text.trim() === '') continue;
    const checked = perVendor.safeParse(numberOf(text));
    if (checked.success) vendorConcurrency[vendor] = checked.data;
    else errors[vendorPath(vendor)] = wholeNumberMessage(perVendor, 'requests');
  }
  patch.vendorConcurrency = vendorConcurrency;
  return { patch, errors };
}

/** Whether the draft says something other than the saved settings. */
export function draftChanged(draft: SettingsDraft, saved: Settings): boolean {
  const before = toDraft(saved);
  if (before.checkProxyBeforeOpen !== draft.checkProxyBeforeOpen) return true;
  return (Object.keys(before.text) as FieldPath[]).some(
    (path) => before.text[path].trim() !== draft.text[path].trim(),
  );
}

/** "15 s", "1 min 30 s": what a number of milliseconds means, under the field. */
export function spokenMs(text: string): string | undefined {
  const ms = numberOf(text);
  if (ms === undefined || ms < 1000) return undefined;
  const s = ms / 1000;
  if (s < 60) return i18next.t('settings.spoken.s', { s: Number.isInteger(s) ? s : s.toFixed(1) });
  const m = Math.floor(s / 60);
  const rest = Math.round(s - m * 60);
  return rest
    ? i18next.t('settings.spoken.minS', { m, s: rest })
    : i18next.t('settings.spoken.min', { m });
}

/** The default a per-vendor field shows when left empty. */
export const vendorDefault = (vendor: Vendor): number => VENDORS[vendor].concurrency;
