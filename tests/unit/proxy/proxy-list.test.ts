import { describe, expect, it } from 'vitest';
import { assignProxies, parseProxyList } from '../../../shared/proxy/proxy-list';
import { formatProxy, formatProxyInput } from '../../../shared/proxy/proxy-format';
import type { ProxyConfig } from '../../../shared/model';

/** The parts of a parsed line a user cares about; `pass` undefined means "no password". */
interface Reading {
  type: string;
  host: string;
  port: number;
  user?: string;
  pass?: string;
  refresh?: string;
  warning?: RegExp;
}

const ok: Array<[string, Reading]> = [
  ['1.2.3.4:8080', { type: 'http', host: '1.2.3.4', port: 8080 }],
  ['proxy.example.com:3128', { type: 'http', host: 'proxy.example.com', port: 3128 }],
  [
    '1.2.3.4:8080:alice:s3cret',
    { type: 'http', host: '1.2.3.4', port: 8080, user: 'alice', pass: 's3cret' },
  ],
  [
    'alice:s3cret@1.2.3.4:8080',
    { type: 'http', host: '1.2.3.4', port: 8080, user: 'alice', pass: 's3cret' },
  ],
  ['http://1.2.3.4:8080', { type: 'http', host: '1.2.3.4', port: 8080 }],
  [
    'https://alice:s3cret@gw.example.net:443',
    { type: 'https', host: 'gw.example.net', port: 443, user: 'alice', pass: 's3cret' },
  ],
  [
    'socks5://alice:s3cret@1.2.3.4:1080',
    { type: 'socks5', host: '1.2.3.4', port: 1080, user: 'alice', pass: 's3cret' },
  ],
  ['socks5h://1.2.3.4:1080', { type: 'socks5', host: '1.2.3.4', port: 1080 }],
  ['SOCKS5://1.2.3.4:1080/', { type: 'socks5', host: '1.2.3.4', port: 1080 }],
  // passwords holding ':' and '@'
  [
    '1.2.3.4:8080:alice:pa:ss',
    { type: 'http', host: '1.2.3.4', port: 8080, user: 'alice', pass: 'pa:ss' },
  ],
  [
    'alice:pa:ss@1.2.3.4:8080',
    { type: 'http', host: '1.2.3.4', port: 8080, user: 'alice', pass: 'pa:ss' },
  ],
  [
    'alice:p@ss:w@1.2.3.4:8080',
    { type: 'http', host: '1.2.3.4', port: 8080, user: 'alice', pass: 'p@ss:w' },
  ],
  [
    'socks5://alice:a:b@c@[2001:db8::1]:1080',
    { type: 'socks5', host: '2001:db8::1', port: 1080, user: 'alice', pass: 'a:b@c' },
  ],
  // user without a password
  ['alice@1.2.3.4:8080', { type: 'http', host: '1.2.3.4', port: 8080, user: 'alice' }],
  // IPv6
  ['[::1]:8080', { type: 'http', host: '::1', port: 8080 }],
  [
    '[2001:db8::1]:8080:alice:pa:ss',
    { type: 'http', host: '2001:db8::1', port: 8080, user: 'alice', pass: 'pa:ss' },
  ],
  [
    'alice:s3cret@[2001:db8::1]:8080',
    { type: 'http', host: '2001:db8::1', port: 8080, user: 'alice', pass: 's3cret' },
  ],
  ['socks5://[::1]:1080', { type: 'socks5', host: '::1', port: 1080 }],
  // refresh URL in brackets
  [
    '1.2.3.4:8080:alice:s3cret [https://refresh.example/x?id=7]',
    {
      type: 'http',
      host: '1.2.3.4',
      port: 8080,
      user: 'alice',
      pass: 's3cret',
      refresh: 'https://refresh.example/x?id=7',
    },
  ],
  [
    '[::1]:8080[http://r.example/]',
    { type: 'http', host: '::1', port: 8080, refresh: 'http://r.example/' },
  ],
  [
    'socks5://alice:s3cret@1.2.3.4:1080 [https://r.example/rotate]',
    {
      type: 'socks5',
      host: '1.2.3.4',
      port: 1080,
      user: 'alice',
      pass: 's3cret',
      refresh: 'https://r.example/rotate',
    },
  ],
  // ambiguous lines, flagged with the reading taken
  [
    'alice:s3cret:1.2.3.4:8080',
    {
      type: 'http',
      host: '1.2.3.4',
      port: 8080,
      user: 'alice',
      pass: 's3cret',
      warning: /read as user:pass:host:port/,
    },
  ],
  [
    'alice:pa:ss:gw.example.net:8080',
    {
      type: 'http',
      host: 'gw.example.net',
      port: 8080,
      user: 'alice',
      pass: 'pa:ss',
      warning: /read as user:pass:host:port/,
    },
  ],
  [
    '1.2.3.4:8080:5.6.7.8:3128',
    {
      type: 'http',
      host: '1.2.3.4',
      port: 8080,
      user: '5.6.7.8',
      pass: '3128',
      warning: /could also be user:pass:host:port; read as host:port:user:pass/,
    },
  ],
  [
    '1.2.3.4:8080@alice:s3cret',
    {
      type: 'http',
      host: '1.2.3.4',
      port: 8080,
      user: 'alice',
      pass: 's3cret',
      warning: /read as host:port@user:pass/,
    },
  ],
];

const errors: Array<[string, RegExp]> = [
  ['1.2.3.4', /missing port/],
  ['1.2.3.4:', /missing port/],
  ['1.2.3.4:0', /bad port "0"/],
  ['1.2.3.4:65536', /bad port "65536"/],
  ['1.2.3.4:http', /bad port "http"/],
  ['1.2.3.4:80:alice', /3 fields/],
  ['300.1.1.1:8080', /bad host "300.1.1.1"/],
  ['bad_host!:8080', /bad host "bad_host!"/],
  ['ftp://1.2.3.4:21', /unknown scheme "ftp"/],
  ['socks4://1.2.3.4:1080', /unknown scheme "socks4"/],
  ['::1:8080', /IPv6 address needs brackets/],
  ['[::1:8080', /missing "]"/],
  ['[::1]', /missing port after the IPv6 address/],
  ['[zz::1]:80', /bad IPv6 address "zz::1"/],
  [':s3cret@1.2.3.4:8080', /empty username/],
  ['http://', /empty/],
  ['[https://refresh.example/x]', /empty/],
  ['1.2.3.4:8080 [ftp://r.example/]', /bad refresh URL/],
  ['1.2.3.4 8080', /space/],
];

describe('parseProxyList', () => {
  it.each(ok)('reads %s', (line, want) => {
    const { entries, errors } = parseProxyList(line);
    expect(errors).toEqual([]);
    expect(entries).toHaveLength(1);
    const { proxy, warning } = entries[0]!;
    expect(proxy).toMatchObject({
      method: 'custom',
      type: want.type,
      host: want.host,
      port: want.port,
      username: want.user ?? '',
      password: want.pass === undefined ? { action: 'clear' } : { action: 'set', value: want.pass },
      refreshUrl: want.refresh ?? '',
    });
    if (want.warning) expect(warning).toMatch(want.warning);
    else expect(warning).toBeUndefined();
  });

  it.each(errors)('rejects %s', (line, message) => {
    const { entries, errors } = parseProxyList(line);
    expect(entries).toEqual([]);
    expect(errors).toEqual([
      {
        line: 1,
        text: line.trim(),
        message: expect.stringMatching(message),
        problem: expect.objectContaining({ key: expect.any(String) }),
      },
    ]);
  });

  it('skips blank lines and comments and numbers lines as pasted, CRLF included', () => {
    const text = [
      '# office proxies',
      '1.2.3.4:8080',
      '',
      '   ',
      '1.2.3.4:99999',
      '  # indented comment',
      'socks5://u:p@5.6.7.8:1080',
      'nonsense',
    ].join('\r\n');
    const { entries, errors } = parseProxyList(text);
    expect(entries.map((e) => [e.line, e.proxy.host, e.proxy.type])).toEqual([
      [2, '1.2.3.4', 'http'],
      [7, '5.6.7.8', 'socks5'],
    ]);
    expect(errors.map((e) => [e.line, e.text])).toEqual([
      [5, '1.2.3.4:99999'],
      [8, 'nonsense'],
    ]);
  });

  it('gives lines without a scheme the default type, and keeps an explicit scheme', () => {
    const { entries } = parseProxyList('1.2.3.4:1080\nhttp://1.2.3.4:8080', {
      defaultType: 'socks5',
    });
    expect(entries.map((e) => e.proxy.type)).toEqual(['socks5', 'http']);
  });

  it('rejects a password longer than the vendor accepts, naming the field', () => {
    const { errors } = parseProxyList(`1.2.3.4:80:u:${'x'.repeat(1025)}`);
    expect(errors[0]?.message).toMatch(/^password/);
  });
});

describe('assignProxies', () => {
  const { entries } = parseProxyList('1.1.1.1:1\n2.2.2.2:2\n3.3.3.3:3');
  const hosts = (r: ReturnType<typeof assignProxies>) =>
    r.assignments.map((a) => `${a.key}→${a.proxy.host}`);

  it('pairs 1:1 in order when the counts match', () => {
    const r = assignProxies(['a', 'b', 'c'], entries, 'one-to-one');
    expect(hosts(r)).toEqual(['a→1.1.1.1', 'b→2.2.2.2', 'c→3.3.3.3']);
    expect(r.mismatch).toBeUndefined();
  });

  it('says how many profiles get no proxy when 1:1 runs short', () => {
    const r = assignProxies(['a', 'b', 'c', 'd', 'e'], entries, 'one-to-one');
    expect(hosts(r)).toEqual(['a→1.1.1.1', 'b→2.2.2.2', 'c→3.3.3.3']);
    expect(r.mismatch).toBe(
      '5 profiles but 3 proxies: 2 profiles would get none (use round-robin to reuse proxies)',
    );
  });

  it('says how many proxies go unused when 1:1 has too many', () => {
    const r = assignProxies(['a', 'b'], entries, 'one-to-one');
    expect(hosts(r)).toEqual(['a→1.1.1.1', 'b→2.2.2.2']);
    expect(r.mismatch).toBe('2 profiles but 3 proxies: the last 1 proxy would not be used');
  });

  it('reuses proxies in turn for round-robin', () => {
    const r = assignProxies(['a', 'b', 'c', 'd', 'e'], entries, 'round-robin');
    expect(hosts(r)).toEqual(['a→1.1.1.1', 'b→2.2.2.2', 'c→3.3.3.3', 'd→1.1.1.1', 'e→2.2.2.2']);
    expect(r.mismatch).toBeUndefined();
  });

  it('assigns nothing from an empty list', () => {
    expect(assignProxies(['a'], [], 'round-robin')).toEqual({
      assignments: [],
      mismatch: 'No proxies to assign',
    });
  });
});

describe('formatProxy', () => {
  const base: ProxyConfig = {
    method: 'custom',
    type: 'socks5',
    host: '1.2.3.4',
    port: 1080,
    username: 'alice',
    hasPassword: true,
    refreshUrl: '',
    extractionUrl: '',
    extractionChannel: '',
    checkService: '',
    socks5Udp: false,
  };

  it('shows type and address, brackets IPv6, and never a password', () => {
    expect(formatProxy(base)).toBe('socks5 1.2.3.4:1080');
    expect(formatProxy({ ...base, type: 'http', host: '::1', port: 8080 })).toBe('http [::1]:8080');
    expect(formatProxy(base, { credentials: true })).toBe('socks5 alice:•••@1.2.3.4:1080');
    expect(formatProxy({ ...base, type: 'direct' })).toBe('direct');
    expect(formatProxy({ ...base, method: 'vendor', vendorProxyId: '42' })).toBe(
      'vendor-managed #42',
    );
  });

  it('masks the password of a parsed line', () => {
    const { entries } = parseProxyList('alice:hunter2@1.2.3.4:8080');
    const shown = formatProxyInput(entries[0]!.proxy);
    expect(shown).toBe('http alice:•••@1.2.3.4:8080');
    expect(shown).not.toContain('hunter2');
  });
});
