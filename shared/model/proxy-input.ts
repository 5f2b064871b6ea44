import { z } from 'zod';
import { issueReason, schemaMessage, type ErrorReason } from '../ipc/error-reasons';
import { ProxyMethodSchema, ProxyTypeSchema } from './index';

/** Password on write: keep what the vendor has, replace it, or clear it. Never read back. */
export const PasswordChangeSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('keep') }),
  z.object({ action: z.literal('set'), value: z.string().min(1).max(1024) }),
  z.object({ action: z.literal('clear') }),
]);
export type PasswordChange = z.infer<typeof PasswordChangeSchema>;

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const HOSTNAME =
  /^(?=.{1,253}$)([a-zA-Z0-9_]([a-zA-Z0-9_-]{0,61}[a-zA-Z0-9_])?)(\.[a-zA-Z0-9_]([a-zA-Z0-9_-]{0,61}[a-zA-Z0-9_])?)*\.?$/;

export function isValidIPv6(host: string): boolean {
  if (!/^[0-9a-fA-F:.]+$/.test(host) || !host.includes(':')) return false;
  try {
    return new URL(`http://[${host}]/`).hostname.length > 2;
  } catch {
    return false;
  }
}

/** IPv4, IPv6 (bare, without brackets) or a DNS name. */
export function isValidHost(host: string): boolean {
  if (IPV4.test(host)) return true;
  if (isValidIPv6(host)) return true;
  // A dotted all-numeric string that failed IPv4 is a mistyped address, not a name.
  if (/^[\d.]+$/.test(host)) return false;
  return HOSTNAME.test(host);
}

export function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

const PORT_RANGE = schemaMessage('invalid.port-range', 'must be 1-65535');

/** A proxy as the user writes it. Validation names the field that is wrong. */
export const ProxyInputSchema = z
  .object({
    method: ProxyMethodSchema,
    type: ProxyTypeSchema,
    host: z.string().max(253).default(''),
    port: z.number().int().min(1, PORT_RANGE).max(65535, PORT_RANGE).nullable().default(null),
    username: z.string().max(512).default(''),
    password: PasswordChangeSchema.default({ action: 'keep' }),
    refreshUrl: z.string().max(2048).default(''),
    extractionUrl: z.string().max(2048).default(''),
    extractionChannel: z.string().max(128).default(''),
    checkService: z.string().max(128).default(''),
    socks5Udp: z.boolean().default(false),
    vendorProxyId: z.string().max(64).optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    const issue = (path: string, reason: ErrorReason, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message, params: issueReason(reason) });
    if (p.method === 'custom' && p.type !== 'direct') {
      if (!p.host) issue('host', 'proxy.host-required', 'is required for a custom proxy');
      else if (!isValidHost(p.host))
        issue('host', 'proxy.host-invalid', 'must be an IPv4 or IPv6 address or a host name');
      if (p.port === null)
        issue('port', 'proxy.port-required', 'is required for a custom proxy (1-65535)');
    }
    if (p.method === 'api') {
      if (p.type === 'direct')
        issue('type', 'proxy.api-type-required', 'an API-extracted proxy needs a proxy type');
      if (!p.extractionUrl)
        issue('extractionUrl', 'proxy.extraction-url-required', 'is required for API extraction');
      else if (!isHttpUrl(p.extractionUrl))
        issue('extractionUrl', 'invalid.http-url', 'must be an http(s) URL');
    }
    if (p.method === 'vendor' && !p.vendorProxyId) {
      issue(
        'vendorProxyId',
        'proxy.vendor-proxy-required',
        'is required for a vendor-managed proxy',
      );
    }
    if (p.refreshUrl && !isHttpUrl(p.refreshUrl))
      issue('refreshUrl', 'invalid.http-url', 'must be an http(s) URL');
    if (p.socks5Udp && p.type !== 'socks5')
      issue('socks5Udp', 'proxy.udp-socks5-only', 'applies to socks5 proxies only');
  });
export type ProxyInput = z.infer<typeof ProxyInputSchema>;
export type ProxyInputDraft = z.input<typeof ProxyInputSchema>;
