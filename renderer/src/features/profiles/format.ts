/** How profile fields read in the table, in copied TSV and in the side panel. */
import { neutralizeFormula } from '../../../../shared/export/spreadsheet-cell';
import type { Profile, ProxyCheckResult, ProxyConfig } from '../../../../shared/model';

export function proxyLabel(proxy: ProxyConfig): string {
  if (proxy.method === 'vendor')
    return `vendor proxy${proxy.vendorProxyId ? ` #${proxy.vendorProxyId}` : ''}`;
  if (proxy.method === 'api') return `${proxy.type} via API`;
  if (proxy.type === 'direct') return 'direct';
  return `${proxy.type} ${proxy.host}:${proxy.port ?? '?'}`;
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short' });

export function formatTime(epochMs: number | undefined): string {
  return epochMs === undefined ? '' : dateTime.format(epochMs);
}

/** A failed check's reason in a word or two, for the narrow Proxy-check cell. */
const FAILED_BECAUSE: Record<NonNullable<ProxyCheckResult['reason']>, string> = {
  refused: 'refused',
  auth: 'login refused',
  timeout: 'timed out',
  dns: 'host not found',
  protocol: 'wrong answer',
  unsupported: 'cannot check',
  other: 'failed',
};

/** The Proxy-check cell: exit IP, country and latency, or why the check failed. */
export function proxyCheckShort(check: ProxyCheckResult | undefined): string {
  if (!check) return '';
  if (!check.ok) return FAILED_BECAUSE[check.reason ?? 'other'];
  const parts = [check.exitIp ?? 'works', check.country];
  if (check.latencyMs !== undefined) parts.push(`${check.latencyMs} ms`);
  return parts.filter(Boolean).join(' · ');
}

/** The whole check in words: the cell's tooltip, the copied TSV and the side panel. */
export function proxyCheckLabel(check: ProxyCheckResult | undefined): string {
  if (!check) return '';
  const when = formatTime(check.checkedAt);
  if (check.ok) return `works: ${proxyCheckShort(check)} · checked ${when}`;
  const why = check.message ?? FAILED_BECAUSE[check.reason ?? 'other'];
  return `failed: ${why} · checked ${when}`;
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
