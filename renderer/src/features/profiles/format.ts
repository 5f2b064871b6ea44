/**
 * How profile fields read in the table, in copied TSV and in the side panel. Worded when
 * called, in the language chosen then (i18next's), since table cells are plain functions.
 */
import i18next from 'i18next';
import { neutralizeFormula } from '../../../../shared/export/spreadsheet-cell';
import type { Profile, ProxyCheckResult, ProxyConfig } from '../../../../shared/model';
import { PSEUDO } from '../../i18n/languages';
import { PSEUDO_CLOSE, PSEUDO_OPEN } from '../../i18n/pseudo';

export function proxyLabel(proxy: ProxyConfig): string {
  const t = i18next.t;
  if (proxy.method === 'vendor')
    return proxy.vendorProxyId
      ? t('profiles.proxy.vendorId', { id: proxy.vendorProxyId })
      : t('profiles.proxy.vendor');
  if (proxy.method === 'api') return t('profiles.proxy.api', { type: proxy.type });
  if (proxy.type === 'direct') return t('profiles.proxy.direct');
  return `${proxy.type} ${proxy.host}:${proxy.port ?? '?'}`;
}

// Short date and time (the narrow Last-opened cell), one formatter per language.
const dateTimes = new Map<string, Intl.DateTimeFormat>();

export function formatTime(epochMs: number | undefined): string {
  if (epochMs === undefined) return '';
  const lng = i18next.language ?? 'en';
  let f = dateTimes.get(lng);
  if (!f)
    dateTimes.set(
      lng,
      (f = new Intl.DateTimeFormat(lng === PSEUDO ? 'en' : lng, {
        dateStyle: 'short',
        timeStyle: 'short',
      })),
    );
  const text = f.format(epochMs);
  // The pseudo-locale marks worded output ("AM") as the UI's own, as useFormat() does.
  return lng === PSEUDO ? `${PSEUDO_OPEN}${text}${PSEUDO_CLOSE}` : text;
}

/** A failed check's reason in a word or two, for the narrow Proxy-check cell. */
const failedBecause = (reason: ProxyCheckResult['reason']) =>
  i18next.t(`profiles.proxyCheck.reason.${reason ?? 'other'}`);

/** The Proxy-check cell: exit IP, country and latency, or why the check failed. */
export function proxyCheckShort(check: ProxyCheckResult | undefined): string {
  if (!check) return '';
  if (!check.ok) return failedBecause(check.reason);
  const parts = [check.exitIp ?? i18next.t('profiles.proxyCheck.works'), check.country];
  if (check.latencyMs !== undefined)
    parts.push(i18next.t('profiles.proxyCheck.ms', { ms: check.latencyMs }));
  return parts.filter(Boolean).join(' · ');
}

/** The whole check in words: the cell's tooltip, the copied TSV and the side panel. */
export function proxyCheckLabel(check: ProxyCheckResult | undefined): string {
  if (!check) return '';
  const time = formatTime(check.checkedAt);
  if (check.ok)
    return i18next.t('profiles.proxyCheck.worksLabel', { result: proxyCheckShort(check), time });
  const reason = check.message ?? failedBecause(check.reason);
  return i18next.t('profiles.proxyCheck.failedLabel', { reason, time });
}

export const tagsLabel = (p: Profile): string => p.tags.map((t) => t.name).join(', ');

/**
 * TSV for the clipboard: tabs and newlines inside a value become spaces, and a spreadsheet
 * it is pasted into reads every cell as text, never as a formula.
 */
export function toTsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const clean = (v: string) => neutralizeFormula(v.replace(/[\t\r\n]+/g, ' '));
  return [header, ...rows].map((r) => r.map(clean).join('\t')).join('\n');
}
