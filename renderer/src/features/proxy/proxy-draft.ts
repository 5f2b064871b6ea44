/**
 * The proxy editor's form state and how it becomes a ProxyInput. Kept apart from the
 * component so the rules (which fields a method and type show, what the password does,
 * which field an error belongs to) are plain functions.
 */
import i18next from 'i18next';
import type { ProxyConfig, ProxyMethod, ProxyType } from '../../../../shared/model';
import { ProxyInputSchema, type ProxyInput } from '../../../../shared/model/proxy-input';

/** `keep`: leave what the vendor has; `edit`: the typed value, empty meaning "no password". */
export type PasswordDraft = { mode: 'keep' } | { mode: 'edit'; value: string };

export interface ProxyDraft {
  method: ProxyMethod;
  type: ProxyType;
  host: string;
  /** As typed, so "80a" can be named as wrong instead of silently dropped. */
  port: string;
  username: string;
  password: PasswordDraft;
  refreshUrl: string;
  extractionUrl: string;
  extractionChannel: string;
  checkService: string;
  socks5Udp: boolean;
  vendorProxyId: string;
}

export type ProxyField = keyof ProxyDraft;

/** Each field by name, in the order the form shows them (the first wrong one gets the focus). */
export const PROXY_FIELD = {
  method: 'method',
  type: 'type',
  host: 'host',
  port: 'port',
  username: 'username',
  password: 'password',
  refreshUrl: 'refreshUrl',
  extractionUrl: 'extractionUrl',
  extractionChannel: 'extractionChannel',
  checkService: 'checkService',
  socks5Udp: 'socks5Udp',
  vendorProxyId: 'vendorProxyId',
} as const satisfies { [K in ProxyField]: K };
export const PROXY_FIELDS: readonly ProxyField[] = Object.values(PROXY_FIELD);

/** A field's label as the form shows it, in the chosen language. */
export const fieldLabel = (field: ProxyField): string => i18next.t(`proxy.field.${field}`);

/**
 * Whether "keep the current password" means something: the profile has one, or several
 * profiles are edited at once without a common starting point (each keeps its own).
 */
export function canKeepPassword(initial: ProxyConfig | undefined, count: number): boolean {
  return initial ? initial.hasPassword : count > 1;
}

export function draftFrom(initial: ProxyConfig | undefined, count: number): ProxyDraft {
  return {
    method: initial?.method ?? 'custom',
    type: initial?.type ?? 'http',
    host: initial?.host ?? '',
    port: initial?.port ? String(initial.port) : '',
    username: initial?.username ?? '',
    password: canKeepPassword(initial, count) ? { mode: 'keep' } : { mode: 'edit', value: '' },
    refreshUrl: initial?.refreshUrl ?? '',
    extractionUrl: initial?.extractionUrl ?? '',
    extractionChannel: initial?.extractionChannel ?? '',
    checkService: initial?.checkService ?? '',
    socks5Udp: initial?.socks5Udp ?? false,
    vendorProxyId: initial?.vendorProxyId ?? '',
  };
}

/** Changing the method keeps the draft valid: an API-extracted proxy has no "direct" type. */
export function withMethod(draft: ProxyDraft, method: ProxyMethod): ProxyDraft {
  return {
    ...draft,
    method,
    type: method === 'api' && draft.type === 'direct' ? 'http' : draft.type,
  };
}

/** The fields the form shows for this method and type. */
export function visibleFields(d: Pick<ProxyDraft, 'method' | 'type'>): Set<ProxyField> {
  const shown = new Set<ProxyField>(['method']);
  if (d.method === 'vendor') return shown.add('vendorProxyId');
  shown.add('type');
  if (d.method === 'custom' && d.type !== 'direct') {
    for (const f of ['host', 'port', 'username', 'password', 'refreshUrl'] as const) shown.add(f);
  }
  if (d.method === 'api') shown.add('extractionUrl').add('extractionChannel');
  if (d.type !== 'direct') shown.add('checkService');
  if (d.type === 'socks5') shown.add('socks5Udp');
  return shown;
}

export type ProxyDraftResult =
  { ok: true; input: ProxyInput } | { ok: false; errors: Partial<Record<ProxyField, string>> };

/**
 * Words a rule of the proxy contract that a field broke. The contract's own messages are
 * English; the form words the rules it knows from the draft, in the chosen language.
 */
function issueText(
  field: ProxyField,
  d: ProxyDraft,
  issue: { code: string; message: string },
): string {
  const t = i18next.t;
  if (field === 'port')
    return d.port.trim() ? t('proxy.check.portRange') : t('proxy.check.portRequired');
  // The contract's own rules (a required field, a URL); a length limit keeps its message.
  if (issue.code !== 'custom')
    return t('proxy.check.other', { field: fieldLabel(field), message: issue.message });
  switch (field) {
    case 'host':
      return d.host.trim() ? t('proxy.check.hostInvalid') : t('proxy.check.hostRequired');
    case 'extractionUrl':
      return d.extractionUrl.trim()
        ? t('proxy.check.urlInvalid', { field: fieldLabel(field) })
        : t('proxy.check.extractionUrlRequired');
    case 'refreshUrl':
      return t('proxy.check.urlInvalid', { field: fieldLabel(field) });
    case 'vendorProxyId':
      return t('proxy.check.vendorProxyIdRequired');
    default:
      return t('proxy.check.other', { field: fieldLabel(field), message: issue.message });
  }
}

/**
 * The ProxyInput this draft means, or an error per field in words ("Port must be 1-65535").
 * Fields the form does not show go out empty, so a switch to "direct" drops the old login.
 */
export function toProxyInput(d: ProxyDraft): ProxyDraftResult {
  const shown = visibleFields(d);
  const errors: Partial<Record<ProxyField, string>> = {};
  const text = (
    f: 'host' | 'username' | 'refreshUrl' | 'extractionUrl' | 'extractionChannel' | 'checkService',
  ) => (shown.has(f) ? d[f].trim() : '');

  let port: number | null = null;
  const portText = shown.has('port') ? d.port.trim() : '';
  if (portText !== '') {
    if (/^\d+$/.test(portText)) port = Number(portText);
    else errors.port = i18next.t('proxy.check.portNumber');
  }
  const password: ProxyInput['password'] = !shown.has('password')
    ? { action: 'clear' }
    : d.password.mode === 'keep'
      ? { action: 'keep' }
      : d.password.value
        ? { action: 'set', value: d.password.value }
        : { action: 'clear' };

  const parsed = ProxyInputSchema.safeParse({
    method: d.method,
    type: d.type,
    // `[::1]` as copied from a URL is the address ::1.
    host: text('host').replace(/^\[(.*)\]$/, '$1'),
    port,
    username: text('username'),
    password,
    refreshUrl: text('refreshUrl'),
    extractionUrl: text('extractionUrl'),
    extractionChannel: text('extractionChannel'),
    checkService: text('checkService'),
    socks5Udp: shown.has('socks5Udp') && d.socks5Udp,
    ...(d.method === 'vendor' ? { vendorProxyId: d.vendorProxyId.trim() } : {}),
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = String(issue.path[0] ?? 'method');
      const field = (PROXY_FIELDS as readonly string[]).includes(path)
        ? (path as ProxyField)
        : 'method';
      errors[field] ??= issueText(field, d, issue);
    }
  }
  if (!parsed.success || Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, input: parsed.data };
}
