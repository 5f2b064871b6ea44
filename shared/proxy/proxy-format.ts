/**
 * How a proxy reads on screen. Never shows a password: at most `user:•••` when one is set.
 */
import type { ProxyConfig } from '../model';
import type { ProxyInput } from '../model/proxy-input';

/** `1.2.3.4:8080`, `[::1]:8080`, `host` when there is no port. */
export function formatHostPort(host: string, port: number | null): string {
  const h = host.includes(':') ? `[${host}]` : host;
  return port === null ? h : `${h}:${port}`;
}

type Displayable = Pick<ProxyConfig, 'method' | 'type' | 'host' | 'port'> &
  Partial<Pick<ProxyConfig, 'username' | 'hasPassword' | 'vendorProxyId'>>;

/**
 * `socks5 1.2.3.4:1080`, `http [::1]:8080`, `direct`, `API extraction (socks5)`.
 * With `credentials`, a custom proxy shows its user and a mask for a set password.
 */
export function formatProxy(p: Displayable, options: { credentials?: boolean } = {}): string {
  if (p.method === 'vendor') {
    return p.vendorProxyId ? `vendor-managed #${p.vendorProxyId}` : 'vendor-managed';
  }
  if (p.method === 'api') return `API extraction (${p.type})`;
  if (p.type === 'direct') return 'direct';
  let auth = '';
  if (options.credentials && p.username) auth = `${p.username}${p.hasPassword ? ':•••' : ''}@`;
  return `${p.type} ${auth}${formatHostPort(p.host, p.port)}`;
}

/** A proxy being written (import preview, editor): a password to set shows as `•••`. */
export function formatProxyInput(p: ProxyInput): string {
  return formatProxy({ ...p, hasPassword: p.password.action === 'set' }, { credentials: true });
}
