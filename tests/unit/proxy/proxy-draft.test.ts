import { describe, expect, it } from 'vitest';
import { inLanguage } from '../renderer/support/i18n';
import {
  draftFrom,
  toProxyInput,
  visibleFields,
  withMethod,
  type ProxyDraft,
} from '../../../renderer/src/features/proxy/proxy-draft';
import type { ProxyConfig } from '../../../shared/model';

const saved: ProxyConfig = {
  method: 'custom',
  type: 'socks5',
  host: '1.2.3.4',
  port: 1080,
  username: 'alice',
  hasPassword: true,
  refreshUrl: '',
  extractionUrl: '',
  extractionChannel: '',
  checkService: 'ip-api',
  socks5Udp: true,
  vendorProxyId: undefined,
};

const errorsOf = (d: ProxyDraft) => {
  const r = toProxyInput(d);
  return r.ok ? {} : r.errors;
};

describe('proxy editor draft', () => {
  it('round-trips a saved proxy and keeps its password unless told otherwise', () => {
    const r = toProxyInput(draftFrom(saved, 1));
    expect(r).toEqual({
      ok: true,
      input: {
        method: 'custom',
        type: 'socks5',
        host: '1.2.3.4',
        port: 1080,
        username: 'alice',
        password: { action: 'keep' },
        refreshUrl: '',
        extractionUrl: '',
        extractionChannel: '',
        checkService: 'ip-api',
        socks5Udp: true,
      },
    });
  });

  it('replaces or clears the password', () => {
    const d = draftFrom(saved, 1);
    const set = toProxyInput({ ...d, password: { mode: 'edit', value: 'n3w' } });
    const cleared = toProxyInput({ ...d, password: { mode: 'edit', value: '' } });
    expect(set.ok && set.input.password).toEqual({ action: 'set', value: 'n3w' });
    expect(cleared.ok && cleared.input.password).toEqual({ action: 'clear' });
  });

  it('offers "keep" only when there is something to keep', () => {
    expect(draftFrom({ ...saved, hasPassword: false }, 1).password).toEqual({
      mode: 'edit',
      value: '',
    });
    expect(draftFrom(undefined, 1).password).toEqual({ mode: 'edit', value: '' });
    // Many profiles, no common proxy: each keeps its own unless a new one is typed.
    expect(draftFrom(undefined, 5).password).toEqual({ mode: 'keep' });
  });

  it('names the wrong field in words', () => {
    const d = draftFrom(undefined, 1);
    expect(errorsOf({ ...d, host: '', port: '' })).toEqual({
      host: 'Host is required for a custom proxy',
      port: 'Port is required for a custom proxy (1-65535)',
    });
    expect(errorsOf({ ...d, host: '300.1.1.1', port: '70000' })).toEqual({
      host: 'Host must be an IPv4 or IPv6 address or a host name',
      port: 'Port must be 1-65535',
    });
    expect(errorsOf({ ...d, host: 'gw.example', port: '80a' })).toEqual({
      port: 'Port must be a number 1-65535',
    });
    expect(errorsOf({ ...d, host: 'gw.example', port: '80', refreshUrl: 'ftp://x' })).toEqual({
      refreshUrl: 'Refresh URL must be an http(s) URL',
    });
    const api = withMethod({ ...d, type: 'direct' }, 'api');
    expect(api.type).toBe('http');
    expect(errorsOf(api)).toEqual({
      extractionUrl: 'Extraction URL is required for API extraction',
    });
    expect(errorsOf(withMethod(d, 'vendor'))).toEqual({
      vendorProxyId: 'Vendor proxy id is required for a vendor-managed proxy',
    });
  });

  it('names the wrong field in the language the UI shows', async () => {
    const d = draftFrom(undefined, 1);
    const zh = await inLanguage('zh-CN', () => ({
      empty: errorsOf({ ...d, host: '', port: '' }),
      refresh: errorsOf({ ...d, host: 'gw.example', port: '80', refreshUrl: 'ftp://x' }),
    }));
    expect(zh.empty).toEqual({
      host: '自定义代理必须填写主机',
      port: '自定义代理必须填写端口（1-65535）',
    });
    expect(zh.refresh).toEqual({ refreshUrl: '刷新链接必须是 http(s) 网址' });
  });

  it('accepts an IPv6 host typed with brackets', () => {
    const r = toProxyInput({ ...draftFrom(undefined, 1), host: '[2001:db8::1]', port: '8080' });
    expect(r.ok && r.input.host).toBe('2001:db8::1');
  });

  it('shows the fields each method and type need, and sends nothing from hidden ones', () => {
    const fields = (d: Pick<ProxyDraft, 'method' | 'type'>) => [...visibleFields(d)].sort();
    expect(fields({ method: 'custom', type: 'direct' })).toEqual(['method', 'type']);
    expect(fields({ method: 'custom', type: 'http' })).toEqual(
      [
        'checkService',
        'host',
        'method',
        'password',
        'port',
        'refreshUrl',
        'type',
        'username',
      ].sort(),
    );
    expect(fields({ method: 'custom', type: 'socks5' })).toContain('socks5Udp');
    expect(fields({ method: 'api', type: 'socks5' })).toEqual(
      ['checkService', 'extractionChannel', 'extractionUrl', 'method', 'socks5Udp', 'type'].sort(),
    );
    expect(fields({ method: 'vendor', type: 'http' })).toEqual(['method', 'vendorProxyId']);

    // Switching a saved socks5 proxy to direct drops its login and UDP flag.
    const direct = toProxyInput({ ...draftFrom(saved, 1), type: 'direct' });
    expect(direct.ok && direct.input).toMatchObject({
      type: 'direct',
      host: '',
      port: null,
      username: '',
      password: { action: 'clear' },
      socks5Udp: false,
    });
  });
});
